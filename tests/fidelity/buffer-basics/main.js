const b = Buffer.from('héllo');
console.log(b.length, b.toString('hex'), b.toString('base64'));
console.log(Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString());
console.log(Buffer.alloc(3));
