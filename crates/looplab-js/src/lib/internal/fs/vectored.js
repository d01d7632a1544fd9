'use strict';
// Looplab: fs.readv and fs.writev. As libuv's uv_fs_read/uv_fs_write with several buffers, each
// call is one read or write of their total length (one pool request for the callback form), the
// bytes scattered into or gathered from the buffers in order.

const { Buffer } = require('buffer');
const { submitOp } = require('internal/looplab/pool');
const { call, uvException } = require('internal/looplab/fs_errors');
const { getValidatedFd } = require('internal/fs/utils');
const fsb = internalBinding('fs');

function validateBuffers(buffers) {
  if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('buffers', 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

function bytesOf(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function totalLength(buffers) {
  return buffers.reduce((n, b) => n + b.byteLength, 0);
}

function scatter(data, buffers) {
  let at = 0;
  for (const b of buffers) {
    if (at >= data.length) break;
    const part = data.subarray(at, at + b.byteLength);
    bytesOf(b).set(part);
    at += part.length;
  }
  return data.length;
}

function gather(buffers) {
  return Buffer.concat(buffers.map(bytesOf));
}

// A position that is not a number means the descriptor's own position.
function positionOf(position) {
  return typeof position === 'number' ? position : null;
}

function readvSync(fd, buffers, position) {
  getValidatedFd(fd);
  validateBuffers(buffers);
  const data = call(() => fsb.readFd(fd, totalLength(buffers), positionOf(position)), 'read');
  return scatter(data, buffers);
}

function request(op, args, syscall, cb) {
  submitOp(op, args, `fs.${syscall}`, (code, value) => {
    if (code !== undefined) cb(typeof code === 'string' ? uvException(code, syscall, undefined, undefined, true) : code);
    else cb(null, value);
  });
}

function readv(fd, buffers, position, cb) {
  getValidatedFd(fd);
  validateBuffers(buffers);
  if (typeof position === 'function') [position, cb] = [null, position];
  const { validateFunction } = require('internal/validators');
  validateFunction(cb, 'cb');
  request('readFd', [fd, totalLength(buffers), positionOf(position)], 'read', (err, data) => {
    if (err) cb(err);
    else cb(null, scatter(data, buffers), buffers);
  });
}

function writevSync(fd, buffers, position) {
  getValidatedFd(fd);
  validateBuffers(buffers);
  if (buffers.length === 0) return 0;
  return call(() => fsb.writeFd(fd, gather(buffers), positionOf(position)), 'write');
}

function writev(fd, buffers, position, cb) {
  getValidatedFd(fd);
  validateBuffers(buffers);
  if (typeof position === 'function') [position, cb] = [null, position];
  const { validateFunction } = require('internal/validators');
  validateFunction(cb, 'cb');
  if (buffers.length === 0) {
    process.nextTick(cb, null, 0, buffers);
    return;
  }
  request('writeFd', [fd, gather(buffers), positionOf(position)], 'write', (err, n) => {
    if (err) cb(err);
    else cb(null, n, buffers);
  });
}

const { customPromisifyArgs } = require('internal/util');
readv[customPromisifyArgs] = ['bytesRead', 'buffers'];
writev[customPromisifyArgs] = ['bytesWritten', 'buffers'];

module.exports = { readv, readvSync, writev, writevSync };
