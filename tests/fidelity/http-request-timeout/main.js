// A server gives each request requestTimeout (and its head headersTimeout) to arrive in full.
// Node does not arm a timer per connection: an unref'd interval (connectionsCheckingInterval)
// looks over the connections and answers a late one with 408, then closes it.
const http = require('http');
const net = require('net');

const server = http.createServer({ requestTimeout: 300, connectionsCheckingInterval: 100 }, (req, res) => {
  res.end(`got ${req.url}`);
});
console.log('requestTimeout', server.requestTimeout, 'headersTimeout', server.headersTimeout);

server.listen(0, () => {
  const started = Date.now();
  const client = net.connect(server.address().port, () => {
    client.write('GET /slow HTTP/1.1\r\nHost: here\r\n'); // the head never ends
  });
  let text = '';
  client.setEncoding('latin1');
  client.on('data', (d) => (text += d));
  client.on('end', () => {
    console.log('client got', JSON.stringify(text));
    const waited = Date.now() - started;
    console.log('after more than requestTimeout:', waited >= 300, 'and before a second:', waited < 1000);
    server.close(() => console.log('server closed'));
  });
});
