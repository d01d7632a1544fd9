let n = 0;
const iv = setInterval(() => {
  console.log('interval', ++n);
  if (n === 4) clearInterval(iv);
}, 10);
setTimeout(() => console.log('timeout 25'), 25);
