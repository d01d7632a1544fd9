// Runs one scenario function in our realm and in node, each against its own
// built-ins, and returns both logs for comparison.
import util from 'node:util';
import { createRequire } from 'node:module';

const nodeRequire = createRequire(import.meta.url);

function makeLog(out) {
  const fmt = (x) => {
    if (typeof x === 'string') return x;
    if (x !== null && typeof x === 'object' && typeof x.message === 'string' &&
        typeof x.name === 'string' && 'stack' in x) {
      // An error: compare what a script can rely on, not the frames.
      return `${x.name}${x.code ? ` [${x.code}]` : ''}: ${x.message}`;
    }
    return util.inspect(x, { depth: 4 });
  };
  return (...args) => out.push(args.map(fmt).join(' '));
}

// A scenario whose promise never settles fails instead of stalling the run.
function withTimeout(p) {
  let timer;
  const limit = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('scenario timed out')), 2000);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

// fn(require, log) is a method (shorthand syntax) and may be async; warnings are
// recorded into the log too.
export async function runBoth(realm, fn) {
  const src = fn.toString();
  const ours = [];
  const theirs = [];
  const logO = makeLog(ours);
  const before = realm.warnings.length;
  try {
    await withTimeout(realm.eval(`Object.values({ ${src} })[0]`)(realm.require, logO));
  } catch (e) {
    logO('threw', e);
  }
  for (const w of realm.warnings.slice(before)) logO('warning', ...w);

  const logT = makeLog(theirs);
  const saved = process.emitWarning;
  const warned = [];
  process.emitWarning = (...args) => warned.push(args);
  try {
    await withTimeout(fn(nodeRequire, logT));
  } catch (e) {
    logT('threw', e);
  } finally {
    process.emitWarning = saved;
  }
  for (const w of warned) logT('warning', ...w);
  return [ours.join('\n'), theirs.join('\n')];
}
