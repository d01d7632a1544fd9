module.exports = 'dep for node';
