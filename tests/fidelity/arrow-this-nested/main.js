// An arrow function has no `this` of its own: it uses the `this` of the function it is written
// in, however many arrows deep. Here a method's timer callback sums items into the object.
class Basket {
  constructor(items) {
    this.items = items;
    this.total = 0;
  }

  sumLater(done) {
    setTimeout(() => {
      this.items.forEach((price) => {
        this.total += price;
      });
      [1].map(() => [2].map(() => console.log('three arrows deep, this is a', this.constructor.name)));
      done(this.total);
    }, 10);
  }
}

new Basket([3, 4, 5]).sumLater((total) => console.log('total', total));

const counter = {
  count: 0,
  start() {
    const tick = () => () => ++this.count;
    tick()();
    tick()();
    console.log('counter.count', this.count);
  },
};
counter.start();

// At the top of a CommonJS file `this` is module.exports, in nested arrows too.
exports.name = 'the module';
(() => (() => console.log('top level:', this.name))())();
