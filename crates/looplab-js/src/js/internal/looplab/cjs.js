'use strict';
// Looplab: the CommonJS loader (Node 20 lib/internal/modules/cjs/loader.js in short): Module,
// require with its cache (set before a module runs, so cycles see partial exports), JSON modules,
// require.resolve and the MODULE_NOT_FOUND error with its require stack.

const { binding, requireBuiltin, publicBuiltins } = globalThis[Symbol.for('looplab.internals')];
const mb = binding('module');

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
Module.builtinModules = [...publicBuiltins];
Module._extensions = { __proto__: null };
Module._nodeModulePaths = nodeModulePaths;
Module.isBuiltin = (name) => publicBuiltins.has(name.startsWith('node:') ? name.slice(5) : name);
Module.Module = Module;

function isBuiltinRequest(request) {
  if (request.startsWith('node:')) return true;
  return publicBuiltins.has(request);
}

function notFound(request, parent) {
  const stack = [];
  for (let m = parent; m && m.filename; m = m.parent) stack.push(m.filename);
  let message = `Cannot find module '${request}'`;
  if (stack.length > 0) message += `\nRequire stack:\n- ${stack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  return err;
}

Module._resolveFilename = function resolveFilename(request, parent) {
  if (isBuiltinRequest(request)) return request;
  const dir = parent && parent.filename ? dirname(parent.filename) : process.cwd();
  const found = mb.resolve(request, dir);
  if (found === undefined) throw notFound(request, parent);
  return found;
};

Module._load = function load(request, parent) {
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
    if (parent && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
};

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = nodeModulePaths(dirname(filename));
  const ext = filename.endsWith('.json') ? '.json' : '.js';
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

Module.prototype.require = function require(id) {
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
  require.resolve = function resolve(request) {
    return Module._resolveFilename(request, module);
  };
  require.resolve.paths = (request) => (isBuiltinRequest(request) ? null : nodeModulePaths(module.path));
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.prototype._compile = function compile(content, filename) {
  const fn = mb.compile(content, filename);
  const require = makeRequire(this);
  return fn.call(this.exports, this.exports, require, this, filename, dirname(filename));
};

Module._extensions['.js'] = function loadJs(module, filename) {
  module._compile(mb.readSource(filename), filename);
};

Module._extensions['.json'] = function loadJson(module, filename) {
  const content = mb.readSource(filename);
  try {
    module.exports = JSON.parse(content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module.createRequire = function createRequire(filename) {
  const m = new Module(filename, null);
  m.filename = filename;
  m.paths = nodeModulePaths(dirname(filename));
  return makeRequire(m);
};

function runMain(filename) {
  const resolved = mb.resolve(filename, process.cwd());
  if (resolved === undefined) throw notFound(filename, null);
  const module = new Module('.', null);
  process.mainModule = module;
  Module._cache[resolved] = module;
  module.load(resolved);
}

module.exports = { Module, runMain };
