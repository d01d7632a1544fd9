'use strict';
// Looplab: vm: source text run as a script of its own, in this context or in a context of its
// own (createContext: a fresh global object with the language's built-ins and none of Node's).
// A contextified object's properties are the context's globals while a script runs there: they
// go in before it runs and what the script leaves on the global comes back out after.

const vmb = internalBinding('vm');
const contexts = new WeakMap();

function codeOf(code) {
  return typeof code === 'string' ? code : String(code);
}

function filenameOf(options, fallback = 'evalmachine.<anonymous>') {
  if (typeof options === 'string') return options;
  return options?.filename ?? fallback;
}

function isContext(object) {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('object', 'Object', object);
  }
  return contexts.has(object);
}

function createContext(object = {}) {
  if (isContext(object)) return object;
  contexts.set(object, vmb.createRealm());
  return object;
}

function runInRealm(code, filename, object) {
  const realm = contexts.get(object);
  if (realm === undefined) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', object);
  }
  const global = vmb.realmGlobal(realm);
  for (const key of Reflect.ownKeys(object)) global[key] = object[key];
  try {
    return vmb.run(code, filename, realm);
  } finally {
    for (const key of Object.keys(global)) object[key] = global[key];
  }
}

class Script {
  #code;
  #filename;

  constructor(code, options) {
    this.#code = codeOf(code);
    this.#filename = filenameOf(options);
    vmb.check(this.#code, this.#filename);
  }

  runInThisContext() {
    return vmb.run(this.#code, this.#filename, -1);
  }

  runInContext(contextifiedObject) {
    return runInRealm(this.#code, this.#filename, contextifiedObject);
  }

  runInNewContext(object, options) {
    return runInRealm(this.#code, this.#filename, createContext(object));
  }

  createCachedData() {
    return require('buffer').Buffer.alloc(0);
  }
}

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext();
}

function runInContext(code, contextifiedObject, options) {
  return new Script(code, options).runInContext(contextifiedObject);
}

function runInNewContext(code, object, options) {
  return new Script(code, options).runInNewContext(object, options);
}

function compileFunction(code, params = [], options = {}) {
  const names = params.join(', ');
  return runInThisContext(`(function (${names}) {\n${codeOf(code)}\n})`, options);
}

module.exports = {
  Script, createContext, isContext, runInContext, runInNewContext, runInThisContext, compileFunction,
};
