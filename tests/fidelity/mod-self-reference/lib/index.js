exports.hello = () => 'hello from selfie';
