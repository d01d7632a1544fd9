const e = new RangeError('out of range');
e.code = 'E_RANGE';
e.detail = { n: 1 };
throw e;
