console.log('start');
function fail() {
  throw new Error('boom');
}
fail();
