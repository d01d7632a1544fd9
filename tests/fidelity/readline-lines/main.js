// readline cuts a stream into lines: a file read as a stream, line by line, with events or with
// for await; a question answered from an input stream; what a closed interface says.
const fs = require('fs');
const readline = require('readline');
const { PassThrough } = require('stream');

const file = '/tmp/looplab-fidelity-readline.txt';
fs.writeFileSync(file, 'first line\nsecond line\r\n\nfourth, after an empty one\rfifth after a lone CR\nlast, no newline');

const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
rl.on('line', (line) => console.log('line:', JSON.stringify(line)));
rl.on('pause', () => console.log('pause'));
rl.on('close', async () => {
  console.log('close');
  let count = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
    count += line.length;
  }
  console.log('characters on all lines:', count);

  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk) => { shown += chunk; });
  const ask = readline.createInterface({ input, output, terminal: false });
  ask.question('Your name? ', (answer) => {
    console.log('answer:', answer, 'shown:', JSON.stringify(shown));
    ask.close();
    ask.close();
    try {
      ask.question('again?', () => {});
    } catch (err) {
      console.log(err.code, err.message);
    }
  });
  input.write('Ada\nLovelace\n');

  const promises = require('readline/promises');
  const input2 = new PassThrough();
  const ask2 = promises.createInterface({ input: input2, output: new PassThrough() });
  const reply = ask2.question('Ready? ');
  input2.end('yes\n');
  console.log('promised answer:', await reply);
  ask2.close();
});
console.log('helpers:', typeof readline.cursorTo, typeof readline.clearLine, typeof readline.emitKeypressEvents);
