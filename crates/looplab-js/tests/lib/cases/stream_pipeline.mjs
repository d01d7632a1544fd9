// pipeline() when stages fail, close early or finish at different times,
// ours vs node's (the order of 'error', 'close' and the callback).
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  async destinationClosesEarly(require, log) {
    const { Transform, Writable, pipeline } = require('stream');
    const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
    const w = new Writable({ write(c, e, cb) { cb(); } });
    for (const [n, s] of [['t', t], ['w', w]]) for (const ev of ['finish', 'end', 'close', 'error']) s.on(ev, (x) => log(n, ev, (x && x.code) || ''));
    await new Promise((res) => {
      pipeline(t, w, (err) => { log('pipeline', err && err.code); res(); });
      w.end(() => log('w end cb'));
      setImmediate(() => { w.write('late', (err) => log('wcb', err && err.code)); t.write('more'); });
    });
  },
  async destinationErrorsAfterFinish(require, log) {
    const { Transform, Writable, pipeline } = require('stream');
    const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
    const w = new Writable({ write(c, e, cb) { cb(); } });
    for (const [n, s] of [['t', t], ['w', w]]) for (const ev of ['finish', 'close', 'error']) s.on(ev, (x) => log(n, ev, (x && x.code) || ''));
    await new Promise((res) => {
      pipeline(t, w, (err) => { log('pipeline', err && err.code); res(); });
      w.end(() => log('w end cb'));
      w.on('finish', () => w.write('late', (err) => log('wcb', err && err.code)));
    });
  },
  async slowStages(require, log) {
    const { Readable, Transform, PassThrough, Writable, pipeline } = require('stream');
    const run = (name, streams) => new Promise((res) => {
      streams.forEach((s, i) => { s.on('close', () => log(name, i, 'close')); s.on('error', (e) => log(name, i, 'error', e.message)); });
      pipeline(...streams, (err) => { log(name, 'CB', err && err.message); res(); });
    });
    const slowSrc = () => new Readable({ read() { this.push('a'); }, destroy(err, cb) { log('slow destroy'); setTimeout(() => cb(err), 3); } });
    await run('D', [slowSrc(), new Transform({ transform(c, e, cb) { cb(new Error('bad')); } }), new PassThrough()]);
    await new Promise((res) => setTimeout(res, 10));
    await run('E', [slowSrc(), new Writable({ write(c, e, cb) { cb(new Error('wbad')); } })]);
    await new Promise((res) => setTimeout(res, 10));
    const src = new Readable({ read() { this.push('x'); this.push(null); }, destroy(err, cb) { log('src destroy'); setTimeout(() => cb(err), 3); } });
    await run('G', [src, new PassThrough({ destroy(err, cb) { log('mid destroy'); setTimeout(() => cb(err), 3); } }), new Writable({ write(c, e, cb) { cb(); } })]);
    await new Promise((res) => setTimeout(res, 10));
  },
  async alreadyClosedWithError(require, log) {
    const { Transform, Writable, pipeline, finished } = require('stream');
    const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.on('error', (e) => log('w error', e.code));
    w.end(); w.write('late');
    await new Promise((res) => setImmediate(res));
    log('w closed', w.closed, w.destroyed, w.errored && w.errored.code);
    finished(w, (err) => log('finished w', err && err.code));
    t.on('error', (e) => log('t error', e.code)); t.on('close', () => log('t close'));
    await new Promise((res) => pipeline(t, w, (err) => { log('pipeline', err && err.code); res(); }));
  },
};

export default async function (t) {
  const realm = t.realm;
  realm.require('internal/bootstrap/globals');
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`stream_pipeline: ${name}`, ours, theirs);
  }
}
