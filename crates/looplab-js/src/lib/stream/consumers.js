'use strict';
// Looplab: stream/consumers: read a whole stream (or any async iterable) into one value.

const { Buffer } = require('buffer');

async function chunksOf(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return chunks;
}

async function buffer(stream) {
  return Buffer.concat(await chunksOf(stream));
}

async function arrayBuffer(stream) {
  const all = await buffer(stream);
  return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
}

async function text(stream) {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of stream) {
    out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return out + decoder.decode();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

async function blob(stream) {
  const { Blob } = require('buffer');
  return new Blob(await chunksOf(stream));
}

module.exports = { arrayBuffer, blob, buffer, json, text };
