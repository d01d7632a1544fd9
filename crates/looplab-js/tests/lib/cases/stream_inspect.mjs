// util.inspect of streams and their states (what console.log(stream) shows),
// ours vs node's.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  async freshStreams(require, log) {
    const { Readable, Writable, Duplex, Transform, PassThrough } = require('stream');
    const u = require('util');
    const show = (x) => log(u.inspect(x, { depth: 4 }));
    show(new Readable({ read() {} }));
    show(new Writable());
    show(new PassThrough());
    show(new Duplex({ read() {}, write(c, e, cb) { cb(); }, allowHalfOpen: false, objectMode: true }));
    show(new Transform({ transform(c, e, cb) { cb(); }, flush(cb) { cb(); } }));
    show(new Readable({ read() {}, destroy(e, cb) { cb(); }, construct(cb) { cb(); } }));
    show(new Readable({ read() {}, encoding: 'hex', highWaterMark: 5 })._readableState.highWaterMark);
  },
  async busyAndDone(require, log) {
    const { Readable, Writable } = require('stream');
    const u = require('util');
    const show = (x) => log(u.inspect(x, { depth: 4 }));
    const ro = new Readable({ read() {}, objectMode: true, highWaterMark: 3 }); ro.push(1); ro.push({ a: 1 });
    show(ro._readableState);
    const w = new Writable({ write(c, e, cb) { setTimeout(cb, 1); } });
    w.write('a'); w.write('b', () => {}); w.end(() => {});
    show(w._writableState);
    const r = new Readable({ read() {} }); r.push('x'); r.push(null); r.on('data', () => {});
    const p = new Readable({ read() {} }); p.pause(); p.resume(); p.pause();
    show(p._readableState);
    await Promise.all([new Promise((res) => w.on('close', res)), new Promise((res) => r.on('close', res))]);
    show(w._writableState);
    show(r);
    show(Readable.from([1, 2])._readableState);
    const e = new Readable({ read() {} }); e.on('error', () => {}); e.destroy(new Error('boom'));
    await new Promise((res) => e.on('close', res));
    log(e._readableState.errored.message, Object.getOwnPropertySymbols(e._readableState).map(String));
  },
};

export default async function (t) {
  const realm = t.realm;
  realm.require('internal/bootstrap/globals');
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`stream_inspect: ${name}`, ours, theirs);
  }
}
