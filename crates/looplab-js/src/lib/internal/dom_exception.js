'use strict';

// Looplab: WebIDL's DOMException. The legacy numeric `code` comes from the
// name (AbortError is 20, TimeoutError 23, DataCloneError 25...).

const NAMES = [
  ['IndexSizeError', 'INDEX_SIZE_ERR'], ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR'],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR'], ['WrongDocumentError', 'WRONG_DOCUMENT_ERR'],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR'], ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR'],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR'], ['NotFoundError', 'NOT_FOUND_ERR'],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR'], ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR'],
  ['InvalidStateError', 'INVALID_STATE_ERR'], ['SyntaxError', 'SYNTAX_ERR'],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR'], ['NamespaceError', 'NAMESPACE_ERR'],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR'], ['ValidationError', 'VALIDATION_ERR'],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR'], ['SecurityError', 'SECURITY_ERR'],
  ['NetworkError', 'NETWORK_ERR'], ['AbortError', 'ABORT_ERR'], ['URLMismatchError', 'URL_MISMATCH_ERR'],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR'], ['TimeoutError', 'TIMEOUT_ERR'],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR'], ['DataCloneError', 'DATA_CLONE_ERR'],
];
const codeOf = new Map(NAMES.map(([name], i) => [name, i + 1]));

class DOMException {
  #name;
  #message;

  constructor(message = '', options = 'Error') {
    // The stack comes from a real Error so it has frames on every engine.
    const probe = new Error();
    this.#message = `${message}`;
    if (options !== null && typeof options === 'object') {
      this.#name = 'name' in options ? `${options.name}` : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          __proto__: null, value: options.cause, writable: true, configurable: true, enumerable: false,
        });
      }
    } else {
      this.#name = `${options}`;
    }
    const frames = typeof probe.stack === 'string' ?
      probe.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
    const header = this.#message ? `${this.#name}: ${this.#message}` : this.#name;
    Object.defineProperty(this, 'stack', {
      __proto__: null, value: [header, ...frames].join('\n'), writable: true, configurable: true, enumerable: false,
    });
    if (Object.keys(this).length === 0 && 'cause' in this) {
      // keep property order stack, cause as in Node
      const cause = this.cause;
      delete this.cause;
      Object.defineProperty(this, 'cause', {
        __proto__: null, value: cause, writable: true, configurable: true, enumerable: false,
      });
    }
  }

  get name() { return this.#name; }
  get message() { return this.#message; }
  get code() { return codeOf.get(this.#name) ?? 0; }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'DOMException', configurable: true,
});
NAMES.forEach(([, constant], i) => {
  const desc = { __proto__: null, value: i + 1, enumerable: true };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
});

module.exports = { DOMException };
