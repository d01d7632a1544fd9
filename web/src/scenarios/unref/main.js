const interval = setInterval(() => console.log('interval'), 50);
interval.unref();
setTimeout(() => console.log('30 ms timer'), 30);
