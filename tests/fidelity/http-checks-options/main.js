// http checks what it is given before anything goes on the wire: method and header names are
// HTTP tokens, header values hold no control characters, a request path has no spaces, a
// status code has three digits, and a body is a string or bytes.
const http = require('http');

function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: accepted`);
  } catch (err) {
    console.log(`${label}: ${err.name} ${err.code}: ${err.message}`);
  }
}

attempt('method with a space', () => http.request({ method: 'GET ME', port: 1 }));
attempt('method as a number', () => http.request({ method: 42, port: 1 }));
attempt('path with a space', () => http.request({ path: '/a b', port: 1 }));
attempt('host as a number', () => http.request({ host: 127001, port: 1 }));
attempt('agent as a string', () => http.request({ agent: 'yes', port: 1 }));
attempt('protocol https', () => http.request({ protocol: 'https:', port: 1 }));
attempt('header name with a colon', () => http.validateHeaderName('x:y'));
attempt('header value undefined', () => http.validateHeaderValue('x-a', undefined));
attempt('header value with a newline', () => http.validateHeaderValue('x-a', 'one\ntwo'));
attempt('a fine header', () => http.validateHeaderValue('x-a', 'plain text'));
attempt('setMaxIdleHTTPParsers(0)', () => http.setMaxIdleHTTPParsers(0));
attempt('Agent scheduling', () => new http.Agent({ scheduling: 'random' }));
attempt('Agent maxTotalSockets', () => new http.Agent({ maxTotalSockets: 0 }));
console.log('METHODS has', http.METHODS.length, 'methods, the first', http.METHODS[0]);
console.log('STATUS_CODES[418] is', http.STATUS_CODES[418]);

const server = http.createServer((req, res) => {
  attempt('status 99', () => res.writeHead(99));
  attempt('body as an array', () => res.write(['a']));
  attempt('header with a bad name', () => res.setHeader('bad name', 'x'));
  res.setHeader('X-Trace', ['a', 'b']);
  console.log('raw header names', res.getRawHeaderNames());
  res.end('ok');
});

server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    console.log('client: status', res.statusCode, 'x-trace', res.headers['x-trace']);
    res.resume();
    res.on('end', () => server.close());
  });
});
