// Backpressure: a write bigger than the kernel's socket buffers is only partly taken at once; the
// rest waits in a write request until the poller reports the socket writable again, so write()
// returns false and 'drain' says when to go on. The server counts what arrives; only totals are
// printed, because how the kernel splits the bytes into reads varies from run to run.
const net = require('net');

const CHUNK = Buffer.alloc(4 << 20);
const TOTAL = 3;

const server = net.createServer((socket) => {
  let received = 0;
  socket.on('data', (d) => { received += d.length; });
  socket.on('end', () => {
    console.log('server: received', received, 'bytes');
    socket.end();
    server.close();
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  let refused = 0;
  console.log('writableHighWaterMark', client.writableHighWaterMark);
  function pump() {
    while (sent < TOTAL) {
      sent++;
      if (!client.write(CHUNK)) {
        refused++;
        client.once('drain', pump);
        return;
      }
    }
    // How many of the writes are refused depends on how fast the other side reads (libuv reads
    // at most 32 × 64 KiB per event), so only the fact is printed.
    console.log(`client: write() returned false and waited for 'drain': ${refused > 0}`);
    client.end(() => console.log('client: finished, bytesWritten', client.bytesWritten));
  }
  client.on('connect', pump);
  client.on('close', () => console.log('client: closed'));
});
