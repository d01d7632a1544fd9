module.exports = 'thing';
