// The own_* cases pin behaviour of Looplab's original built-in modules
// (src/lib-own). While src/lib still holds the ported Node sources they run
// only against the originals (LOOPLAB_LIB_DIR set); once src/lib holds the
// originals they always run. Not a suite itself.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/lib');

export function runsOwnCases() {
  if (process.env.LOOPLAB_LIB_DIR) return true;
  let head = '';
  try {
    head = fs.readFileSync(path.join(lib, 'util.js'), 'utf8').split('\n', 1)[0];
  } catch {
    return true;
  }
  return !head.includes('Node.js v20.20.2 lib/');
}

export default function () {}
