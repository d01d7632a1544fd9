'use strict';

// Looplab: the pure-JS stand-in for Node's C++ `internalBinding('types')`.
// Brand checks call an intrinsic method that throws on a wrong receiver; the
// two things ECMAScript cannot observe (promise and proxy internals) come from
// the host's `internalBinding('engine')`.

const engine = internalBinding('engine');
const { toString: objectToString } = Object.prototype;
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;

function brand(fn) {
  return (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    try {
      fn(value);
      return true;
    } catch {
      return false;
    }
  };
}

const call = (f) => (v) => Reflect.apply(f, v, []);
const mapSize = getter(Map.prototype, 'size');
const setSize = getter(Set.prototype, 'size');
const abByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const dvBuffer = getter(DataView.prototype, 'buffer');
const sabByteLength = typeof SharedArrayBuffer === 'function' ?
  getter(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const regexpSource = getter(RegExp.prototype, 'source');

const isDate = brand(call(Date.prototype.getTime));
const isRegExp = (v) => v !== RegExp.prototype && brand(call(regexpSource))(v);
const isMap = brand(call(mapSize));
const isSet = brand(call(setSize));
const isWeakMap = brand((v) => WeakMap.prototype.has.call(v, {}));
const isWeakSet = brand((v) => WeakSet.prototype.has.call(v, {}));
const isArrayBuffer = brand(call(abByteLength));
const isSharedArrayBuffer = sabByteLength ? brand(call(sabByteLength)) : () => false;
const isDataView = brand(call(dvBuffer));

const boxed = (proto, prim) => {
  const check = brand(call(proto.valueOf));
  return (v) => typeof v === 'object' && v !== null && v !== proto && check(v);
};
const isNumberObject = boxed(Number.prototype);
const isStringObject = boxed(String.prototype);
const isBooleanObject = boxed(Boolean.prototype);
const isBigIntObject = boxed(BigInt.prototype);
const isSymbolObject = boxed(Symbol.prototype);

// Without an own or inherited Symbol.toStringTag, Object.prototype.toString
// reports the built-in tag, which comes from internal slots.
function builtinTag(v, tag) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  return objectToString.call(v) === `[object ${tag}]`;
}

const GeneratorFunction = Object.getPrototypeOf(function* () {});
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {});
const AsyncFunction = Object.getPrototypeOf(async function() {});

function protoChainHas(v, proto) {
  while (v !== null && v !== undefined) {
    v = Object.getPrototypeOf(v);
    if (v === proto) return true;
  }
  return false;
}

function isGeneratorFunction(v) {
  return typeof v === 'function' &&
    (protoChainHas(v, GeneratorFunction) || protoChainHas(v, AsyncGeneratorFunction));
}
function isAsyncFunction(v) {
  return typeof v === 'function' &&
    (protoChainHas(v, AsyncFunction) || protoChainHas(v, AsyncGeneratorFunction));
}

function isPromise(v) {
  return v !== null && typeof v === 'object' && engine.getPromiseState(v) !== undefined;
}
function isProxy(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function') &&
    engine.getProxyDetails(v) !== undefined;
}

module.exports = {
  isExternal: () => false,
  isDate,
  isArgumentsObject: (v) => builtinTag(v, 'Arguments'),
  isBigIntObject,
  isBooleanObject,
  isNumberObject,
  isStringObject,
  isSymbolObject,
  isBoxedPrimitive: (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) ||
    isBigIntObject(v) || isSymbolObject(v),
  isNativeError: (v) => builtinTag(v, 'Error'),
  isRegExp,
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject: (v) => builtinTag(v, 'Generator') || builtinTag(v, 'AsyncGenerator'),
  isPromise,
  isMap,
  isSet,
  isMapIterator: (v) => builtinTag(v, 'Map Iterator'),
  isSetIterator: (v) => builtinTag(v, 'Set Iterator'),
  isWeakMap,
  isWeakSet,
  isArrayBuffer,
  isDataView,
  isSharedArrayBuffer,
  isProxy,
  isModuleNamespaceObject: (v) => builtinTag(v, 'Module') && Object.getPrototypeOf(v) === null,
  isAnyArrayBuffer: (v) => isArrayBuffer(v) || isSharedArrayBuffer(v),
};
