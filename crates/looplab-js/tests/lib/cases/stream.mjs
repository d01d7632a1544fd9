// stream: event order and data through Readable/Writable/Duplex/Transform/
// PassThrough, pipeline, finished, backpressure, object mode, async iteration.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  async readableEvents(require, log) {
    const { Readable } = require('stream');
    const r = new Readable({ read() {} });
    for (const ev of ['data', 'end', 'close', 'pause', 'resume', 'error']) r.on(ev, (x) => log(ev, x === undefined ? '' : String(x)));
    r.push('a'); r.push('b'); r.push(null);
    log('sync done', r.readableLength, r.readableFlowing);
    await new Promise((res) => r.on('close', res));
    log('destroyed', r.destroyed, r.readableEnded);
  },
  async readableEvent(require, log) {
    const { Readable } = require('stream');
    const r = new Readable({ read() {} });
    r.on('readable', () => { let c; while ((c = r.read()) !== null) log('read', c.toString()); log('readable done'); });
    r.on('end', () => log('end'));
    r.push('x'); r.push('y');
    setTimeout(() => { r.push('z'); r.push(null); }, 1);
    await new Promise((res) => r.on('close', res));
  },
  async readableFlowing(require, log) {
    const { Readable } = require('stream');
    let i = 0;
    const r = new Readable({ highWaterMark: 2, read() { log('read called', i); if (i < 3) this.push(String(i++)); else this.push(null); } });
    r.setEncoding('utf8');
    r.on('data', (d) => log('data', d, r.readableLength));
    r.on('end', () => log('end'));
    await new Promise((res) => r.on('close', res));
    log('closed');
  },
  async writableBackpressure(require, log) {
    const { Writable } = require('stream');
    const w = new Writable({ highWaterMark: 3, write(chunk, enc, cb) { log('write', chunk.toString(), enc); setTimeout(cb, 1); } });
    w.on('drain', () => log('drain'));
    w.on('finish', () => log('finish'));
    w.on('close', () => log('close'));
    log('w1', w.write('ab'), w.writableLength, w.writableNeedDrain);
    log('w2', w.write('cd'), w.writableLength, w.writableNeedDrain);
    w.end('ef', () => log('end cb'));
    log('ended', w.writableEnded, w.writableFinished);
    await new Promise((res) => w.on('close', res));
    try { w.write('late'); } catch (e) { log('late', e); }
  },
  async writeAfterEnd(require, log) {
    const { Writable } = require('stream');
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.on('error', (e) => log('error', e));
    w.end();
    w.write('x', (err) => log('cb', err));
    await new Promise((res) => setTimeout(res, 5));
  },
  async transform(require, log) {
    const { Transform, PassThrough } = require('stream');
    const up = new Transform({ transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); }, flush(cb) { this.push('!'); cb(); } });
    const out = [];
    up.on('data', (d) => out.push(d.toString()));
    up.on('end', () => log('end', out.join('')));
    up.on('finish', () => log('finish'));
    up.write('hello '); up.end('world');
    await new Promise((res) => up.on('close', res));
    const p = new PassThrough({ objectMode: true });
    p.on('data', (d) => log('pt', d));
    p.write({ a: 1 }); p.write(2); p.end();
    await new Promise((res) => p.on('end', res));
  },
  async pipelineAndFinished(require, log) {
    const { Readable, Writable, Transform, pipeline, finished } = require('stream');
    const src = Readable.from(['a', 'b', 'c']);
    const t = new Transform({ transform(c, e, cb) { cb(null, c + c); } });
    const got = [];
    const dst = new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } });
    finished(dst, (err) => log('finished', err, got));
    await new Promise((res) => pipeline(src, t, dst, (err) => { log('pipeline done', err); res(); }));
    const bad = new Readable({ read() { this.destroy(new Error('src failed')); } });
    await new Promise((res) => pipeline(bad, new Writable({ write(c, e, cb) { cb(); } }), (err) => { log('pipeline err', err); res(); }));
    const { pipeline: pp } = require('stream/promises');
    await pp(Readable.from([1, 2]), async function* (s) { for await (const x of s) yield x * 10; }, new Writable({ objectMode: true, write(c, e, cb) { log('pp', c); cb(); } }));
    log('promises pipeline done');
  },
  async asyncIteration(require, log) {
    const { Readable } = require('stream');
    const r = Readable.from([1, 2, 3], { objectMode: true });
    for await (const x of r) log('it', x);
    const r2 = new Readable({ read() {} });
    r2.push('x'); r2.push(null);
    let s = '';
    for await (const c of r2) s += c;
    log('collected', s, r2.destroyed);
    const r3 = Readable.from(['a', 'b']);
    for await (const c of r3) { log('break at', c); break; }
    log('r3 destroyed', r3.destroyed);
    log(await Readable.from([1, 2, 3, 4]).filter((x) => x % 2).map((x) => x * 2).toArray());
  },
  async duplexAndErrors(require, log) {
    const { Duplex, Readable } = require('stream');
    const d = new Duplex({ read() { this.push('from read'); this.push(null); }, write(c, e, cb) { log('dw', c.toString()); cb(); } });
    d.on('data', (c) => log('dd', c.toString()));
    d.on('finish', () => log('dfinish'));
    d.on('end', () => log('dend'));
    d.end('to write');
    await new Promise((res) => d.on('close', res));
    const r = new Readable({ read() {} });
    r.on('error', (e) => log('error', e, r.destroyed, r.errored === e));
    r.on('close', () => log('close after error'));
    r.destroy(new Error('kaboom'));
    await new Promise((res) => setTimeout(res, 2));
    const r2 = new Readable({ read() {} });
    r2.on('close', () => log('r2 close', r2.readableAborted));
    r2.destroy();
    await new Promise((res) => setTimeout(res, 2));
  },
  async pipeBackpressure(require, log) {
    const { Readable, Writable } = require('stream');
    let n = 0;
    const r = new Readable({ highWaterMark: 4, read() { this.push(n < 6 ? `c${n++}` : null); } });
    const w = new Writable({ highWaterMark: 4, write(c, e, cb) { log('w', c.toString()); setImmediate(cb); } });
    r.on('pause', () => log('pause')); r.on('resume', () => log('resume'));
    w.on('drain', () => log('drain')); w.on('pipe', () => log('pipe')); w.on('unpipe', () => log('unpipe'));
    r.pipe(w);
    await new Promise((res) => w.on('finish', res));
    log('finished');
  },
  async objectModeAndMisc(require, log) {
    const { Readable, Writable, Stream } = require('stream');
    const r = new Readable({ objectMode: true, read() {} });
    r.push({ a: 1 }); r.push('s'); r.push(null);
    log(r.read(), r.read(), r.readableObjectMode, r.readableHighWaterMark, new Writable().writableHighWaterMark);
    log(typeof Stream, Readable.prototype instanceof Stream, require('stream').Readable === Readable);
    const r2 = new Readable({ read() {} });
    r2.push('abc'); r2.push('def');
    log(r2.read(2).toString(), r2.read().toString(), r2.read());
    r2.unshift(Buffer.from('zz'));
    log(r2.read().toString());
    const r3 = new Readable({ read() {} });
    r3.on('error', (e) => log('r3 error', e));
    r3.push(5);
    await new Promise((res) => setTimeout(res, 2));
  },
  async timersPromises(require, log) {
    const tp = require('timers/promises');
    log('t', await tp.setTimeout(2, 'val'));
    log('i', await tp.setImmediate('imm'));
    let count = 0;
    for await (const v of tp.setInterval(1, 'tick')) { log(v, ++count); if (count === 3) break; }
    const ac = new AbortController();
    const p = tp.setTimeout(50, 'never', { signal: ac.signal });
    ac.abort();
    await p.catch((e) => log('aborted', e, e.code));
    await tp.setTimeout(1, null, { signal: AbortSignal.abort('why') }).catch((e) => log('pre-aborted', e, e.cause));
  },
};

export default async function (t) {
  const realm = t.realm;
  // Globals Node has and scenarios use.
  realm.global.Buffer = realm.require('buffer').Buffer;
  const ac = realm.require('internal/abort_controller');
  realm.global.AbortController = ac.AbortController;
  realm.global.AbortSignal = ac.AbortSignal;
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`stream: ${name}`, ours, theirs);
  }
}
