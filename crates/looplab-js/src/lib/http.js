'use strict';
// Looplab: Node's http module (lib/http.js): the server, the client and the agent from the
// _http_* modules, laid out as Node lays them out.

const { validateInteger } = require('internal/validators');
const { methods, parsers } = require('_http_common');
const agents = require('_http_agent');
const { Agent } = agents;
const { ClientRequest } = require('_http_client');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const { STATUS_CODES, Server, ServerResponse, _connectionListener } = require('_http_server');

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

function setMaxIdleHTTPParsers(max) {
  validateInteger(max, 'max', 1);
  parsers.max = max;
}

module.exports = {
  _connectionListener,
  METHODS: methods.slice().sort(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers,
  maxHeaderSize: 16384,
};

// Node reads and sets the global agent through http.globalAgent.
Object.defineProperty(module.exports, 'globalAgent', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return agents.globalAgent; },
  set(value) { agents.globalAgent = value; },
});
