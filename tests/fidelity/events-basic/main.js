const EventEmitter = require('events');
const e = new EventEmitter();
e.on('x', (a) => console.log('x', a));
e.once('x', (a) => console.log('once', a));
e.emit('x', 1);
e.emit('x', 2);
console.log(e.listenerCount('x'));
