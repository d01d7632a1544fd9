module.exports = 'internal util';
