const x = 1;
throw new TypeError('boom while loading');
