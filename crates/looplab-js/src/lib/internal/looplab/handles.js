'use strict';
// Looplab: the JavaScript owners of libuv handles (sockets, servers, signal and fs watchers), keyed by
// the model's handle id, so the host's Io, Pending, Signal and Close tasks reach them, as libuv's
// callbacks reach Node's wraps.

const { IdTable } = require('internal/looplab/id_table');
const owners = new IdTable();

function register(id, owner) {
  owners.set(id, owner);
}

function io(id, writable) {
  const owner = owners.get(id);
  if (owner !== undefined) owner.onIo(writable);
}

function pending(id) {
  const owner = owners.get(id);
  if (owner !== undefined) owner.onPending();
}

function signal(id, signum) {
  const owner = owners.get(id);
  if (owner !== undefined) owner.onSignal(signum);
}

function fsEvent(id, number) {
  const owner = owners.get(id);
  if (owner !== undefined) owner.onFsEvent(number);
}

function fsPoll(id) {
  const owner = owners.get(id);
  if (owner !== undefined) owner.onPoll();
}

function close(id) {
  const owner = owners.get(id);
  owners.delete(id);
  if (owner !== undefined) owner.onClose();
}

module.exports = { register, io, pending, signal, fsEvent, fsPoll, close };
