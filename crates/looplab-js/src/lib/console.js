'use strict';

// Looplab: the global console, as Node.js v20.20.2 lib/internal/console/global.js
// builds it (MIT, Node.js contributors): a namespace object whose methods are
// bound Console.prototype methods. It writes through internalBinding('stdio'),
// with no colours, as `node` does when its output is not a terminal.

const {
  FunctionPrototypeBind,
  ReflectDefineProperty,
  ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
} = require('internal/primordials');

const {
  Console,
  kBindProperties,
} = require('internal/console/constructor');

const stdio = internalBinding('stdio');

// Console only needs `write`; the host's stdio is synchronous and cannot fail.
const stdout = { write(chunk) { stdio.write(1, `${chunk}`); return true; } };
const stderr = { write(chunk) { stdio.write(2, `${chunk}`); return true; } };

const globalConsole = { __proto__: {} };

for (const prop of ReflectOwnKeys(Console.prototype)) {
  if (prop === 'constructor') { continue; }
  const desc = ReflectGetOwnPropertyDescriptor(Console.prototype, prop);
  if (typeof desc.value === 'function') { // fix the receiver
    const name = desc.value.name;
    desc.value = FunctionPrototypeBind(desc.value, globalConsole);
    ReflectDefineProperty(desc.value, 'name', { __proto__: null, value: name });
  }
  ReflectDefineProperty(globalConsole, prop, desc);
}

ReflectDefineProperty(globalConsole, '_stdout', {
  __proto__: null, value: stdout, writable: true, enumerable: false, configurable: true,
});
ReflectDefineProperty(globalConsole, '_stderr', {
  __proto__: null, value: stderr, writable: true, enumerable: false, configurable: true,
});
globalConsole[kBindProperties](false, false);

// A legacy feature: the Console constructor is exposed on the global console.
globalConsole.Console = Console;

module.exports = globalConsole;
