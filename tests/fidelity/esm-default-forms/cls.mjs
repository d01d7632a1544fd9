export default class Point { constructor(x) { this.x = x; } }
