'use strict';
// Looplab: values by the model's ids (timers, immediates, ticks, pool requests, handles). The ids
// are small integers handed out in order, so an array slot holds each one: a Map would do the same,
// but in Boa deleting from a large Map takes time proportional to its size, and a script with
// 100,000 timers would spend seconds there.

class IdTable {
  #slots = [];
  #live = 0;

  set(id, value) {
    if (this.#slots[id] === undefined) this.#live++;
    this.#slots[id] = value;
    return this;
  }

  get(id) {
    return this.#slots[id];
  }

  has(id) {
    return this.#slots[id] !== undefined;
  }

  delete(id) {
    if (this.#slots[id] === undefined) return false;
    this.#slots[id] = undefined;
    // Empty again: drop the slots so a long-running process does not keep them all.
    if (--this.#live === 0) this.#slots.length = 0;
    return true;
  }

  get size() {
    return this.#live;
  }
}

module.exports = { IdTable };
