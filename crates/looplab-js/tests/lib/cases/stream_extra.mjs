// More stream orderings (cork/writev, _final, _construct, unpipe, premature
// close, pipeline shapes, Readable.from, halfOpen), ours vs node's.
import { runBoth } from '../scenario.mjs';


export const SCENARIOS = {
  async readSizes(require, log) {
    const { Readable } = require('stream');
    const r = new Readable({ read() {} });
    r.push('hello'); r.push('world');
    r.once('readable', () => {
      log(String(r.read(3)), String(r.read(4)), r.read(10), r.readableLength, String(r.read()));
    });
    r.push(null);
    r.on('end', () => log('end'));
    await new Promise((res) => r.on('close', res));
    const e = new Readable({ encoding: 'utf8', read() {} });
    const euro = Buffer.from('€');
    e.push(euro.subarray(0, 1)); e.push(euro.subarray(1)); e.push(null);
    e.on('data', (d) => log('decoded', JSON.stringify(d), typeof d));
    await new Promise((res) => e.on('end', res));
    // Partial reads across chunks, strings and Buffers (Node's exact results).
    for (const enc of [undefined, 'utf8']) {
      for (const [chunks, n] of [[['x', 'abcd', 'y'], 4], [['ab', 'cd', 'ef'], 4], [['c4', 'c10', 'r7'], 5], [['x', 'abcd'], 2]]) {
        const q = new Readable({ encoding: enc, read() {} });
        for (const c of chunks) q.push(c);
        const got = q.read(n);
        log(enc, chunks, n, String(got), q._readableState.buffer.map((c) => (c === null ? null : String(c))), q._readableState.bufferIndex, q.readableLength);
      }
    }
  },
  async corkAndWritev(require, log) {
    const { Writable } = require('stream');
    const w = new Writable({
      writev(chunks, cb) { log('writev', chunks.map((c) => String(c.chunk))); cb(); },
      write(c, e, cb) { log('write', String(c)); cb(); },
    });
    w.write('a');
    w.cork(); w.write('b'); w.write('c'); log('corked', w.writableCorked, w.writableLength);
    process.nextTick(() => w.uncork());
    w.on('finish', () => log('finish'));
    await new Promise((res) => setTimeout(res, 3));
    w.end('d');
    await new Promise((res) => w.on('close', res));
    log('closed', w.closed, w.destroyed);
  },
  async finalAndConstruct(require, log) {
    const { Writable, Readable } = require('stream');
    const w = new Writable({
      construct(cb) { log('construct'); setTimeout(cb, 1); },
      write(c, e, cb) { log('write', String(c)); cb(); },
      final(cb) { log('final'); setTimeout(() => { log('final done'); cb(); }, 1); },
    });
    w.on('prefinish', () => log('prefinish')); w.on('finish', () => log('finish')); w.on('close', () => log('close'));
    w.write('x'); w.end();
    await new Promise((res) => w.on('close', res));
    const r = new Readable({ construct(cb) { log('r construct'); cb(); }, read() { log('r read'); this.push(null); } });
    r.on('end', () => log('r end')).resume();
    await new Promise((res) => r.on('close', res));
    const bad = new Writable({ final(cb) { cb(new Error('final failed')); }, write(c, e, cb) { cb(); } });
    bad.on('error', (e) => log('final error', e)); bad.on('finish', () => log('never'));
    bad.end(() => log('end cb called'));
    await new Promise((res) => setTimeout(res, 3));
  },
  async unpipeAndMulti(require, log) {
    const { Readable, PassThrough, Writable } = require('stream');
    const r = new Readable({ read() {} });
    const a = new PassThrough(); const b = new PassThrough();
    a.on('data', (d) => log('a', String(d))); b.on('data', (d) => log('b', String(d)));
    a.on('unpipe', () => log('a unpipe')); b.on('pipe', () => log('b pipe'));
    r.pipe(a); r.pipe(b);
    r.push('1');
    await new Promise((res) => setTimeout(res, 3));
    r.unpipe(a);
    r.push('2');
    await new Promise((res) => setTimeout(res, 3));
    r.unpipe();
    log('flowing after unpipe', r.readableFlowing);
    const w = new Writable({ write(c, e, cb) { cb(); } });
    try { w.pipe(a); } catch (e) { log('pipe threw', e); }
    w.on('error', (e) => log('w error', e));
    w.pipe(a);
    await new Promise((res) => setTimeout(res, 3));
  },
  async destroyPaths(require, log) {
    const { Writable, Readable, finished } = require('stream');
    const w = new Writable({ write(c, e, cb) { setTimeout(cb, 5); } });
    w.on('error', (e) => log('w error', e)); w.on('close', () => log('w close'));
    w.write('a', (err) => log('cb a', err)); w.write('b', (err) => log('cb b', err));
    w.destroy();
    log('destroyed', w.destroyed, w.writable);
    w.write('c', (err) => log('cb c', err));
    await new Promise((res) => setTimeout(res, 3)); await new Promise((res) => setTimeout(res, 3));
    const r = new Readable({ read() {} });
    finished(r, (err) => log('finished r', err));
    r.destroy();
    await new Promise((res) => setTimeout(res, 3));
    const r2 = new Readable({ read() {} });
    r2.on('error', (e) => log('r2 error', e));
    r2.push('x'); r2.push(null); r2.push('y');
    await new Promise((res) => setTimeout(res, 3));
    const r3 = new Readable({ read() {} });
    r3.destroy(new Error('a')); r3.destroy(new Error('b'));
    r3.on('error', (e) => log('r3 error', e));
    await new Promise((res) => setTimeout(res, 3));
    const w2 = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } });
    w2.on('error', (e) => log('w2 error', e, w2.errored === e)); w2.on('close', () => log('w2 close'));
    log('w2 ret', w2.write('z', (err) => log('w2 cb', err)));
    await new Promise((res) => setTimeout(res, 3));
  },
  async pipelineShapes(require, log) {
    const { pipeline, Readable, Writable, PassThrough } = require('stream');
    const sp = require('stream/promises');
    const out = [];
    const result = await sp.pipeline(async function* () { yield 'a'; yield 'b'; },
      async function* (src) { for await (const x of src) yield x.toUpperCase(); },
      async (src) => { for await (const x of src) out.push(x); return 'value'; });
    log('result', result, out);
    await new Promise((res) => pipeline([Readable.from(['x']), new PassThrough(), new Writable({ write(c, e, cb) { log('got', String(c)); cb(); } })], (err) => { log('array form', err); res(); }));
    try { pipeline(Readable.from([])); } catch (e) { log('no cb', e); }
    try { pipeline(Readable.from([]), () => {}); } catch (e) { log('too few', e); }
    await new Promise((res) => pipeline(Readable.from(['q']), async function* (s) { for await (const c of s) throw new Error('in gen'); }, new PassThrough(), (err) => { log('gen err', err); res(); }));
    const ac = new AbortController();
    const p = sp.pipeline(new Readable({ read() {} }), new PassThrough(), { signal: ac.signal });
    ac.abort();
    await p.catch((e) => log('aborted pipeline', e.name, e.code));
    await sp.finished(Readable.from(['z']).resume());
    log('finished promise');
  },
  async fromAndIter(require, log) {
    const { Readable } = require('stream');
    const s = Readable.from('whole string');
    s.on('data', (d) => log('string chunk', d));
    await new Promise((res) => s.on('end', res));
    const g = Readable.from((async function* () { yield 1; throw new Error('gen failed'); })());
    g.on('data', (d) => log('g data', d)); g.on('error', (e) => log('g error', e)); g.on('close', () => log('g close'));
    await new Promise((res) => setTimeout(res, 3));
    const p = Readable.from([Promise.resolve('p1'), 'v2']);
    log('from promises', await p.toArray());
    try { Readable.from(5); } catch (e) { log(e); }
    const n = Readable.from([1, null, 3]);
    n.on('error', (e) => log('null error', e));
    n.resume();
    await new Promise((res) => setTimeout(res, 3));
    const r = new Readable({ read() {} });
    r.push('a'); r.push('b'); r.push(null);
    const it = r[Symbol.asyncIterator]();
    log(String((await it.next()).value), String((await it.next()).value), await it.next());
    log(await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 0), await Readable.from([1, 2]).some((x) => x > 1),
      await Readable.from([5, 6]).take(1).toArray(), await Readable.from([5, 6, 7]).drop(1).toArray(),
      await Readable.from([1, 2]).flatMap((x) => [x, x]).toArray(), await Readable.from([4]).find((x) => x === 4));
  },
  async duplexHalfOpen(require, log) {
    const { Duplex } = require('stream');
    const d = new Duplex({ allowHalfOpen: false, read() { this.push('r'); this.push(null); }, write(c, e, cb) { cb(); } });
    for (const ev of ['end', 'finish', 'close', 'prefinish']) d.on(ev, () => log('d', ev));
    d.resume();
    await new Promise((res) => d.on('close', res));
    log('after', d.writableEnded, d.readableEnded, d.destroyed);
    const ro = new Duplex({ writable: false, read() { this.push(null); } });
    log('ro', ro.writable, ro.readable, ro.writableFinished);
    ro.on('close', () => log('ro close')).resume();
    await new Promise((res) => setTimeout(res, 3));
  },
  async eventsOnStreams(require, log) {
    const { Readable, Writable, PassThrough } = require('stream');
    const { once } = require('events');
    const r = Readable.from(['a', 'b']);
    setTimeout(() => r.resume(), 1);
    await once(r, 'end');
    log('once end', r.readableEnded, r.destroyed);
    const w = new Writable({ highWaterMark: 1, write(c, e, cb) { setTimeout(cb, 1); } });
    log(w.write('abc'), w.writableNeedDrain, w.writableLength);
    await once(w, 'drain');
    log('drained', w.writableLength, w.writableNeedDrain);
    const p = new PassThrough({ highWaterMark: 2 });
    log(p.write('abc'), p.write('d'), p.readableLength, p.writableLength);
    p.on('data', (d) => log('p data', String(d)));
    await once(p, 'drain');
    log('p drained');
    const r2 = new Readable({ objectMode: true, read() {} });
    r2.on('foo', () => {}); r2.on('data', () => {}); r2.removeAllListeners('data');
    log(r2.eventNames(), r2.listenerCount('foo'));
    log(r2.push(1), r2.isPaused(), r2.readableFlowing);
    r2.pause(); log(r2.isPaused(), r2.readableFlowing);
    r2.resume(); log(r2.isPaused(), r2.readableFlowing);
    r2.on('data', (d) => log('r2', d));
    await new Promise((res) => setTimeout(res, 3));
    const ww = new Writable({ write(c, e, cb) { log('enc', e, typeof c); cb(); }, decodeStrings: false });
    ww.write('str'); ww.write('hex', 'latin1'); ww.setDefaultEncoding('hex');
    try { ww.write(null); } catch (e) { log(e); }
    try { ww.write(5); } catch (e) { log(e); }
    try { ww.setDefaultEncoding('nope'); } catch (e) { log(e); }
    await new Promise((res) => setTimeout(res, 3));
  },
};

export default async function (t) {
  const realm = t.realm;
  realm.require('internal/bootstrap/globals');
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`stream_extra: ${name}`, ours, theirs);
  }
}
