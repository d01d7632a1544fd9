console.log(require('broken'));
console.log(require('broken') === require('broken'));
