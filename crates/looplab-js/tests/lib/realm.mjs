// A fresh vm context that loads Looplab's built-in modules exactly as the host
// does (see src/lib/README.md), with a fake `internalBinding` that records output.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
export const LIB = path.resolve(here, '../../src/lib');
// LOOPLAB_LIB_DIR runs the cases against another module directory; modules it
// lacks still come from src/lib.
const DIRS = process.env.LOOPLAB_LIB_DIR ? [path.resolve(process.env.LOOPLAB_LIB_DIR), LIB] : [LIB];

// Node's own engine introspection stands in for the host's `engine` binding.
const nodeRequire = createRequire(import.meta.url);
const { internalBinding: nodeBinding } = nodeRequire('internal/test/binding');
const nodeUtil = nodeBinding('util');

const sourceCache = new Map();
function source(name) {
  let src = sourceCache.get(name);
  if (src === undefined) {
    const file = DIRS.map((d) => path.join(d, `${name}.js`)).find((f) => fs.existsSync(f));
    if (file === undefined) return undefined;
    src = fs.readFileSync(file, 'utf8');
    sourceCache.set(name, src);
  }
  return src;
}

export function createRealm({ cwd = '/home/user' } = {}) {
  const out = [];        // [fd, text] in write order
  const warnings = [];   // process.emitWarning calls
  let clockMs = 1000;
  const bindings = {
    stdio: {
      write(fd, text) {
        if (typeof text !== 'string') throw new TypeError('stdio.write wants a string');
        out.push([fd, text]);
      },
    },
    engine: {
      getPromiseState(value) {
        const d = nodeUtil.getPromiseDetails(value);
        return d === undefined ? undefined : [d[0], d[1]];
      },
      getProxyDetails(value) {
        const d = nodeUtil.getProxyDetails(value, true);
        return d === undefined ? undefined : [d[0], d[1]];
      },
      previewEntries(value, isIterator) {
        return isIterator === undefined ? nodeUtil.previewEntries(value) :
          nodeUtil.previewEntries(value, isIterator);
      },
    },
    clock: { now: () => clockMs },
  };
  const internalBinding = (name) => {
    const b = bindings[name];
    if (b === undefined) throw new Error(`No such binding: ${name}`);
    return b;
  };
  const context = vm.createContext({});
  const g = vm.runInContext('globalThis', context);
  const processObj = {
    platform: 'linux',
    pid: 42,
    env: {},
    argv: ['/usr/local/bin/node', '/home/user/main.js'],
    versions: { node: '20.20.2' },
    cwd: () => cwd,
    nextTick: (fn, ...args) => process.nextTick(fn, ...args),
    emitWarning: (...args) => { warnings.push(args); },
  };
  Object.assign(g, {
    process: processObj,
    setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
    queueMicrotask,
  });

  const cache = new Map();
  function requireBuiltin(name) {
    if (name.startsWith('node:')) name = name.slice(5);
    const cached = cache.get(name);
    if (cached !== undefined) return cached.exports;
    const src = source(name);
    if (src === undefined) throw new Error(`Cannot find module '${name}'`);
    const module = { exports: {}, id: name };
    cache.set(name, module);
    const wrapper = vm.runInContext(
      `(function (exports, require, module, internalBinding, primordials) {${src}\n})`,
      context, { filename: `node:${name}` });
    try {
      wrapper.call(module.exports, module.exports, requireBuiltin, module, internalBinding, undefined);
    } catch (e) {
      cache.delete(name);
      throw e;
    }
    return module.exports;
  }

  return {
    context,
    global: g,
    require: requireBuiltin,
    eval: (code) => vm.runInContext(code, context),
    out,
    warnings,
    process: processObj,
    setClock(ms) { clockMs = ms; },
    take() {
      const text = out.map(([fd, t]) => (fd === 2 ? `[stderr]${t}` : t)).join('');
      out.length = 0;
      return text;
    },
  };
}
