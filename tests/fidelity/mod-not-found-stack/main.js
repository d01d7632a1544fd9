require('./lib/a');
