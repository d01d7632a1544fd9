'use strict';

// The global console: a plain object whose methods are Console.prototype's,
// bound to it, writing through internalBinding('stdio') without colours (a
// Looplab program's output is never a terminal).

const { Console, kBindProperties } = require('internal/console/constructor');

const stdio = internalBinding('stdio');
const stdout = { write(chunk) { stdio.write(1, `${chunk}`); return true; } };
const stderr = { write(chunk) { stdio.write(2, `${chunk}`); return true; } };

const globalConsole = { __proto__: {} };

for (const key of Reflect.ownKeys(Console.prototype)) {
  if (key === 'constructor') continue;
  const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, key);
  if (typeof desc.value === 'function') {
    // Aliases (debug, info, error...) are named for their key, as in Node.
    const name = typeof key === 'string' ? key : desc.value.name;
    desc.value = desc.value.bind(globalConsole);
    Object.defineProperty(desc.value, 'name', { value: name });
  }
  Object.defineProperty(globalConsole, key, desc);
}

Object.defineProperty(globalConsole, '_stdout', { value: stdout, writable: true, enumerable: false, configurable: true });
Object.defineProperty(globalConsole, '_stderr', { value: stderr, writable: true, enumerable: false, configurable: true });
globalConsole[kBindProperties](true, 'auto');
// A legacy feature: the Console constructor is exposed on the global console.
globalConsole.Console = Console;

module.exports = globalConsole;
