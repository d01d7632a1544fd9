setTimeout(() => console.log('overflow ran'), 2 ** 31);
