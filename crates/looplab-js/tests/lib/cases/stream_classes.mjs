// Streams written the way tutorials write them: subclasses, chained pipes,
// object-mode transforms, readable + read() loops, ours vs node's.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  async subclasses(require, log) {
    const { Readable, Writable, Transform } = require('stream');
    class Counter extends Readable {
      constructor(max) { super({ objectMode: true }); this.n = 0; this.max = max; }
      _read() { this.n += 1; this.push(this.n > this.max ? null : this.n); }
    }
    class Doubler extends Transform {
      constructor() { super({ objectMode: true }); }
      _transform(n, enc, cb) { this.push(n); this.push(n * 2); cb(); }
      _flush(cb) { this.push('flushed'); cb(); }
    }
    class Sink extends Writable {
      constructor() { super({ objectMode: true }); this.items = []; }
      _write(item, enc, cb) { this.items.push(item); log('sink', item); cb(); }
    }
    const sink = new Sink();
    const done = new Promise((res) => sink.on('finish', res));
    new Counter(3).pipe(new Doubler()).pipe(sink);
    await done;
    log('items', sink.items, sink instanceof Writable, new Doubler() instanceof Writable);
  },
  async readLoop(require, log) {
    const { Readable } = require('stream');
    const chunks = ['alpha', 'beta', 'gamma'];
    const r = new Readable({ highWaterMark: 4, read() { const c = chunks.shift(); log('_read', c); this.push(c ?? null); } });
    r.setEncoding('utf8');
    r.on('readable', () => {
      let chunk;
      while ((chunk = r.read(3)) !== null) log('chunk', chunk);
    });
    await new Promise((res) => r.on('end', res));
    log('ended', r.readableEnded);
  },
  async writeLoopWithDrain(require, log) {
    const { Writable } = require('stream');
    const w = new Writable({ highWaterMark: 8, write(c, e, cb) { setImmediate(cb); } });
    let i = 0;
    const writeMore = () => {
      let ok = true;
      while (i < 6 && ok) { ok = w.write(`line ${i}\n`); log('wrote', i, ok); i++; }
      if (i < 6) w.once('drain', () => { log('drain at', i); writeMore(); });
      else w.end(() => log('all done'));
    };
    writeMore();
    await new Promise((res) => w.on('close', res));
  },
  async errorsInPipes(require, log) {
    const { Readable, Transform, pipeline, PassThrough } = require('stream');
    const bad = new Transform({ transform(c, e, cb) { cb(new Error(`bad chunk ${c}`)); } });
    const src = Readable.from(['1', '2']);
    src.on('close', () => log('src close', src.destroyed));
    bad.on('error', (e) => log('transform error', e));
    await new Promise((res) => pipeline(src, bad, new PassThrough(), (err) => { log('pipeline', err); res(); }));
    const r = Readable.from(['x']);
    const p = new PassThrough();
    r.pipe(p);
    p.destroy(new Error('dest died'));
    p.on('error', (e) => log('p error', e));
    await new Promise((res) => setTimeout(res, 3));
    log('src flowing', r.readableFlowing, r.destroyed);
  },
  async highWaterMarkZero(require, log) {
    const { Readable, Writable } = require('stream');
    let n = 0;
    const r = new Readable({ highWaterMark: 0, read() { log('read', n); this.push(n < 2 ? String(n++) : null); } });
    r.on('data', (d) => log('data', String(d)));
    await new Promise((res) => r.on('end', res));
    const w = new Writable({ highWaterMark: 0, write(c, e, cb) { cb(); } });
    log('w hwm0', w.write('a'), w.writableNeedDrain);
    try { new Readable({ highWaterMark: -1 }); } catch (e) { log(e); }
    try { new Writable({ highWaterMark: 'x' }); } catch (e) { log(e); }
  },
};

export default async function (t) {
  const realm = t.realm;
  realm.require('internal/bootstrap/globals');
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`stream_classes: ${name}`, ours, theirs);
  }
}
