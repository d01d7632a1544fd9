const { once, EventEmitter } = require('events');
const e = new EventEmitter();
once(e, 'ready').then(([v]) => console.log('ready', v));
setTimeout(() => e.emit('ready', 42), 5);
