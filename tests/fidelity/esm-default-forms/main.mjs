import greet from './fn.mjs';
import Point from './cls.mjs';
import def, { value } from './expr.mjs';
import anon from './anon.mjs';
console.log(greet('ada'), greet.name, new Point(3).x, Point.name);
console.log(def, value, anon(), anon.name);
