'use strict';
// Looplab: the CommonJS loader (Node 20 lib/internal/modules/cjs/loader.js in short): Module,
// require with its cache (set before a module runs, so cycles see partial exports), JSON modules,
// require.resolve (with `paths`), MODULE_NOT_FOUND with its require stack, require() of an ES
// module, and the bridge the ES module loader uses to import CommonJS and built-ins.
// Resolution itself is in Rust (src/resolve.rs), which records every path it probes.

// The loader's own `require` loads built-ins; `Module.prototype.require` below is the learner's.
const requireBuiltin = require;
const mb = internalBinding('module');
const publicBuiltins = new Set(mb.builtinNames());

function dirname(p) {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function nodeModulePaths(from) {
  const out = [];
  let dir = from;
  for (;;) {
    if (!dir.endsWith('/node_modules')) out.push(dir === '/' ? '/node_modules' : `${dir}/node_modules`);
    if (dir === '/') break;
    dir = dirname(dir);
  }
  return out;
}

function Module(id = '', parent) {
  this.id = id;
  this.path = dirname(id);
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
  if (parent) parent.children.push(this);
  Object.defineProperty(this, 'parent', { __proto__: null, value: parent, writable: true, configurable: true });
}

Module._cache = { __proto__: null };
// Resolutions already made, by request and where it was looked up (Module._pathCache): a second
// require of the same request from the same place does not search again.
Module._pathCache = { __proto__: null };
Module.builtinModules = [...publicBuiltins];
Module._extensions = { __proto__: null };
Module._nodeModulePaths = nodeModulePaths;
// The global folders (Module._initPaths): NODE_PATH, then $HOME/.node_modules,
// $HOME/.node_libraries and <prefix>/lib/node.
Module.globalPaths = (() => {
  const prefix = dirname(dirname(process.execPath));
  const out = [`${prefix === '/' ? '' : prefix}/lib/node`];
  const home = process.env.HOME;
  if (home) out.unshift(`${home}/.node_modules`, `${home}/.node_libraries`);
  const nodePath = process.env.NODE_PATH;
  return nodePath ? nodePath.split(':').filter(Boolean).concat(out) : out;
})();
Module.isBuiltin = (name) => publicBuiltins.has(name.startsWith('node:') ? name.slice(5) : name);
Module.Module = Module;

function isBuiltinRequest(request) {
  if (request.startsWith('node:')) return true;
  return publicBuiltins.has(request);
}

// Where Node throws each loader error from, as its uncaught-error report shows it, the class it
// uses, and whether it carries the URL it was about (lib/internal/modules/esm/resolve.js v20).
const kFatalHeader = Symbol.for('looplab.fatalHeader');
const thrownFrom = {
  __proto__: null,
  ERR_MODULE_NOT_FOUND: ['resolve:283', '    throw new ERR_MODULE_NOT_FOUND(', 10, Error, true],
  ERR_PACKAGE_NOT_FOUND: ['resolve:873', '  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);', 8, Error, false],
  ERR_UNSUPPORTED_DIR_IMPORT: ['resolve:271', '    throw new ERR_UNSUPPORTED_DIR_IMPORT(path, basePath, String(resolved));', 10, Error, true],
  ERR_PACKAGE_PATH_NOT_EXPORTED: ['resolve:322', '  return new ERR_PACKAGE_PATH_NOT_EXPORTED(', 9, Error, false],
  ERR_PACKAGE_IMPORT_NOT_DEFINED: ['resolve:309', '  return new ERR_PACKAGE_IMPORT_NOT_DEFINED(', 9, TypeError, false],
  ERR_UNKNOWN_BUILTIN_MODULE: ['translators:391', '    throw new ERR_UNKNOWN_BUILTIN_MODULE(url);', 10, Error, false],
  ERR_IMPORT_ASSERTION_TYPE_MISSING: ['assert:89', '        throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, validType);', 14, TypeError, false],
};

// An error as Node's internal/errors makes them: `Name [CODE]: message` when printed, `code`
// (and `url` where Node sets one) as own properties; `esm` marks the ES module loader's, which
// carry the place Node throws them from.
function makeError(code, message, esm = false) {
  const key = code === 'ERR_MODULE_NOT_FOUND' && message.startsWith('Cannot find package') ?
    'ERR_PACKAGE_NOT_FOUND' : code;
  const from = thrownFrom[key];
  const Base = from ? from[3] : Error;
  const err = new Base(message);
  err.code = code;
  if (from && from[4]) {
    const path = /'(.*?)'/.exec(message);
    if (path) err.url = requireBuiltin('internal/url').pathToFileURL(path[1]).href;
  }
  Object.defineProperty(err, 'toString', {
    __proto__: null, value() { return `${this.name} [${code}]: ${this.message}`; }, writable: true, configurable: true,
  });
  // The engine's stack holds only frames; Node's starts with the header naming the code.
  const { stack } = err;
  if (typeof stack === 'string' && (stack === '' || stack.startsWith('    at '))) {
    Object.defineProperty(err, 'stack', {
      __proto__: null,
      value: `${Base.name} [${code}]: ${message}${stack === '' ? '' : `\n${stack.replace(/\n$/, '')}`}`,
      writable: true,
      configurable: true,
    });
  }
  if (esm && from) {
    Object.defineProperty(err, kFatalHeader, {
      __proto__: null, value: `node:internal/modules/esm/${from[0]}\n${from[1]}\n${' '.repeat(from[2])}^\n`,
    });
  }
  return err;
}

function requireStack(parent) {
  const stack = [];
  for (let m = parent; m && m.filename; m = m.parent) stack.push(m.filename);
  return stack;
}

function notFound(request, parent, message = `Cannot find module '${request}'`) {
  const stack = requireStack(parent);
  if (stack.length > 0) message += `\nRequire stack:\n- ${stack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  return err;
}

// The outcome of a Rust resolution: the path, or the error Node throws.
function settle(request, parent, result) {
  for (const w of result.warnings) process.emitWarning(w, 'DeprecationWarning', 'DEP0128');
  if (result.path !== undefined) return result.path;
  if (result.code === 'MODULE_NOT_FOUND') throw notFound(request, parent, result.plain ? undefined : result.message);
  let message = result.message;
  if (result.code === 'ERR_PACKAGE_IMPORT_NOT_DEFINED' && parent && parent.filename) {
    message += ` imported from ${parent.filename}`;
  }
  throw makeError(result.code, message);
}

Module._resolveFilename = function resolveFilename(request, parent, isMain, options) {
  if (isBuiltinRequest(request)) return request;
  const dir = parent && parent.filename ? dirname(parent.filename) : process.cwd();
  if (options && Array.isArray(options.paths)) {
    const relative = request.startsWith('./') || request.startsWith('../');
    let paths;
    if (relative) {
      paths = options.paths;
    } else {
      paths = [];
      for (const p of options.paths) {
        for (const nm of nodeModulePaths(p)) if (!paths.includes(nm)) paths.push(nm);
      }
    }
    return cachedPath(`${request}\x00${paths.join('\x00')}`, () => settle(request, parent, mb.findPath(request, paths)));
  }
  return cachedPath(`${request}\x00${dir}`, () => settle(request, parent, mb.resolve(request, dir)));
};

function cachedPath(key, resolve) {
  const hit = Module._pathCache[key];
  if (hit !== undefined) return hit;
  const found = resolve();
  Module._pathCache[key] = found;
  return found;
}

Module._load = function _load(request, parent) {
  if (request.startsWith('node:')) {
    const name = request.slice(5);
    if (!publicBuiltins.has(name)) {
      const { codes } = requireBuiltin('internal/errors');
      throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return requireBuiltin(name);
  }
  if (publicBuiltins.has(request)) return requireBuiltin(request);
  const filename = Module._resolveFilename(request, parent);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    mb.trace('cache', filename);
    if (parent && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  return loadFresh(new Module(filename, parent), filename);
};

// Module._load's last step: cached before it runs (so cycles see partial exports), dropped from
// the cache if it throws.
function loadFresh(module, filename) {
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
}

// The extension whose handler loads `filename`; `.mjs` and `.js` under "type": "module" are ES
// modules, which Node 20.19+ loads synchronously for require().
function extensionOf(filename) {
  if (filename.endsWith('.json')) return '.json';
  if (filename.endsWith('.node')) return '.node';
  if (filename.endsWith('.mjs')) return '.mjs';
  if (!filename.endsWith('.cjs') && mb.format(filename) === 'module') return '.mjs';
  return '.js';
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = nodeModulePaths(dirname(filename));
  mb.trace('start', filename);
  let ok = false;
  try {
    Module._extensions[extensionOf(filename)](this, filename);
    ok = true;
  } finally {
    mb.trace('end', filename, ok);
  }
  this.loaded = true;
};

Module.prototype.require = function moduleRequire(id) {
  if (typeof id !== 'string') {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  if (id === '') {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  return Module._load(id, this);
};

function makeRequire(module) {
  const require = function require(id) { return module.require(id); };
  require.resolve = function resolve(request, options) {
    return Module._resolveFilename(request, module, false, options);
  };
  require.resolve.paths = function paths(request) {
    if (isBuiltinRequest(request)) return null;
    if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../')) {
      return [module.filename ? dirname(module.filename) : process.cwd()];
    }
    return [...module.paths, ...Module.globalPaths];
  };
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.prototype._compile = function compile(content, filename) {
  const fn = mb.compile(content, filename);
  const require = makeRequire(this);
  mb.trace('wrapper', filename);
  return fn.call(this.exports, this.exports, require, this, filename, dirname(filename));
};

Module._extensions['.js'] = function loadJs(module, filename) {
  module._compile(mb.readSource(filename), filename);
};

Module._extensions['.json'] = function loadJson(module, filename) {
  const content = mb.readSource(filename);
  const text = content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
  try {
    module.exports = JSON.parse(text);
  } catch (err) {
    err.message = `${filename}: ${mb.jsonError(text) ?? err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function loadNative(module, filename) {
  throw makeError('ERR_DLOPEN_FAILED', mb.dlopen(filename));
};

Module._extensions['.mjs'] = function loadEsm(module, filename) {
  const parent = module.parent && module.parent.filename ? module.parent.filename : filename;
  module.exports = mb.requireEsm(filename, parent);
};

Module.createRequire = function createRequire(filename) {
  if (typeof filename === 'string' && filename.startsWith('file://')) {
    filename = requireBuiltin('internal/url').fileURLToPath(filename);
  } else if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') {
    filename = requireBuiltin('internal/url').fileURLToPath(filename);
  }
  const m = new Module(filename, null);
  m.filename = filename;
  m.paths = nodeModulePaths(dirname(filename));
  return makeRequire(m);
};

// What the ES module loader calls: CommonJS for `import` (module.exports, loading it first if it
// is not cached yet) and built-ins with their export names.
mb.setEsmHooks({
  importCjs(filename) {
    const cached = Module._cache[filename];
    if (cached !== undefined) return cached.exports;
    return loadFresh(new Module(filename, undefined), filename);
  },
  builtin(specifier) {
    const exports = requireBuiltin(specifier.slice(5));
    return [exports, Object.keys(exports)];
  },
  makeError(code, message) {
    return makeError(code, message, true);
  },
  // An import naming a missing export: Node's report points at the importing line.
  linkError(message, header) {
    const err = new SyntaxError(message);
    Object.defineProperty(err, kFatalHeader, { __proto__: null, value: header });
    return err;
  },
});
Object.defineProperty(globalThis, Symbol.for('looplab.esm'), { __proto__: null, value: mb.esmBody });

function runMain(filename) {
  const result = mb.resolve(filename, process.cwd());
  if (result.path === undefined) throw notFound(filename, null);
  const resolved = result.path;
  if (mb.format(resolved) === 'module') {
    runMainEsm(resolved);
    return;
  }
  const module = new Module(resolved, null);
  module.id = '.';
  process.mainModule = module;
  Module._cache[resolved] = module;
  module.load(resolved);
}

// An ES module entry: errors reach the uncaught-exception path as from a promise; if top-level
// await never settles, the process exits with 13 (lib/internal/modules/run_main.js).
function runMainEsm(filename) {
  let settled = false;
  process.on('exit', () => {
    if (!settled) process.exitCode ??= 13;
  });
  let promise;
  try {
    promise = mb.runMainEsm(filename);
  } catch (err) {
    settled = true;
    requireBuiltin('internal/looplab/fatal').onUncaught(err, true);
    return;
  }
  promise.then(() => { settled = true; }, (err) => {
    settled = true;
    requireBuiltin('internal/looplab/fatal').onUncaught(err, true);
  });
}

module.exports = { Module, runMain };
