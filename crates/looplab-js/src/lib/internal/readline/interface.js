'use strict';
// Looplab: readline's Interface over any readable stream: it decodes what the input gives, cuts
// it into lines (at \n, \r\n or a lone \r), and hands each line to a pending question or emits
// it as 'line'; the input's end hands out the last, unfinished line and closes. Its async
// iterator is a Readable of lines that pauses the input while nobody reads.

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');

const lineEnding = /\r?\n|\r(?!\n)/;

function useAfterClose() {
  const { codes } = require('internal/errors');
  return new codes.ERR_USE_AFTER_CLOSE('readline');
}

class Interface extends EventEmitter {
  #decoder = new StringDecoder('utf8');
  #buffer = '';
  #sawCr = false;
  #question = null;
  #prompt = '> ';
  #lines;
  #onData = (chunk) => this.#received(typeof chunk === 'string' ? chunk : this.#decoder.write(chunk));
  #onEnd = () => {
    const rest = this.#buffer + this.#decoder.end();
    this.#buffer = '';
    if (rest.length > 0) this.#line(rest);
    this.close();
  };

  constructor(input, output, completer, terminal) {
    super();
    let prompt = '> ';
    // createInterface({ input, output, prompt, terminal }) or (input, output, completer, terminal).
    if (input?.input !== undefined) ({ input, output, completer, terminal, prompt = '> ' } = input);
    this.#prompt = prompt;
    this.input = input;
    this.output = output;
    this.terminal = terminal === undefined ? Boolean(output?.isTTY) : Boolean(terminal);
    this.line = '';
    this.cursor = 0;
    this.closed = false;
    this.paused = false;
    if (input) {
      input.on('data', this.#onData);
      input.on('end', this.#onEnd);
      input.resume();
    }
  }

  #received(text) {
    // A \n right after a \r that ended the last chunk belongs to that line ending.
    if (this.#sawCr && text.startsWith('\n')) text = text.slice(1);
    this.#sawCr = text.endsWith('\r');
    const parts = (this.#buffer + text).split(lineEnding);
    this.#buffer = parts.pop();
    for (const line of parts) {
      if (this.closed) return;
      this.#line(line);
    }
  }

  #line(line) {
    if (this.#question) {
      const answer = this.#question;
      this.#question = null;
      answer(line);
      return;
    }
    this.emit('line', line);
  }

  getPrompt() { return this.#prompt; }

  setPrompt(prompt) { this.#prompt = prompt; }

  prompt() {
    if (this.closed) throw useAfterClose();
    if (this.paused) this.resume();
    this.output?.write(this.#prompt);
  }

  question(query, options, callback) {
    if (typeof options === 'function') callback = options;
    if (this.closed) throw useAfterClose();
    if (this.#question) {
      this.prompt();
      return;
    }
    this.#question = callback;
    if (this.paused) this.resume();
    this.output?.write(query);
  }

  write(data) {
    if (this.closed) throw useAfterClose();
    if (this.paused) this.resume();
    this.#received(String(data));
  }

  pause() {
    if (this.paused) return this;
    this.input?.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return this;
    this.input?.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.input?.removeListener('data', this.#onData);
    this.input?.removeListener('end', this.#onEnd);
    this.closed = true;
    this.emit('close');
  }

  [Symbol.asyncIterator]() {
    if (this.#lines === undefined) {
      const { Readable } = require('stream');
      const onLine = (line) => {
        if (!this.#lines.push(line)) this.pause();
      };
      const onClose = () => this.#lines.push(null);
      this.#lines = new Readable({
        objectMode: true,
        read: () => this.resume(),
        destroy: (err, cb) => {
          this.off('line', onLine);
          this.off('close', onClose);
          this.close();
          cb(err);
        },
      });
      this.on('line', onLine);
      this.on('close', onClose);
      this.on('error', (err) => this.#lines.destroy(err));
    }
    return this.#lines[Symbol.asyncIterator]();
  }
}

module.exports = { Interface };
