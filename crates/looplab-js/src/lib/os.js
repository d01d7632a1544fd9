'use strict';
// Looplab: os for a simulated Linux machine; cpus() follows the run's cores setting.

const proc = internalBinding('process');

function cpus() {
  const out = [];
  for (let i = 0; i < proc.cores(); i++) {
    out.push({
      model: 'Looplab Virtual CPU @ 2.40GHz',
      speed: 2400,
      times: { user: 100000, nice: 0, sys: 50000, idle: 1000000, irq: 0 },
    });
  }
  return out;
}

module.exports = {
  EOL: '\n',
  devNull: '/dev/null',
  cpus,
  availableParallelism: () => proc.cores(),
  arch: () => 'x64',
  platform: () => 'linux',
  type: () => 'Linux',
  machine: () => 'x86_64',
  release: () => '6.1.0-looplab',
  version: () => '#1 SMP Looplab',
  hostname: () => 'looplab',
  homedir: () => process.env.HOME || '/home/looplab',
  tmpdir: () => process.env.TMPDIR || '/tmp',
  endianness: () => 'LE',
  totalmem: () => 8 * 1024 ** 3,
  freemem: () => 6 * 1024 ** 3,
  uptime: () => 3600 + Math.floor(process.uptime()),
  loadavg: () => [0, 0, 0],
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: 1000, gid: 1000, username: 'looplab', homedir: '/home/looplab', shell: '/bin/sh' }),
  constants: { signals: require('internal/bindings/constants').os.signals, errno: {} },
};
