// timers/promises beyond the basics, ours vs node's.
import { runBoth } from '../scenario.mjs';

export const SCENARIOS = {
  async timerOrders(require, log) {
    const tp = require('timers/promises');
    const order = [];
    // Timeouts only: a timeout against an immediate is a real race in Node.
    await Promise.all([tp.setTimeout(25, 'b').then((v) => order.push(v)), tp.setTimeout(1, 'c').then((v) => order.push(v))]);
    log(order);
    log(await tp.setTimeout(1), await tp.setImmediate());
    for (const bad of [null, 5, { signal: 1 }, { ref: 'yes' }]) {
      await tp.setTimeout(1, 'x', bad).catch((e) => log('rejects', e));
    }
    const ac = new AbortController();
    const it = tp.setInterval(1, 'i', { signal: ac.signal });
    log(await it.next());
    ac.abort('stop');
    await it.next().catch((e) => log('interval aborted', e.name, e.cause));
    log(await it.next());
    log(typeof tp.scheduler.wait, await tp.scheduler.wait(1), await tp.scheduler.yield());
    const imm = tp.setImmediate('never', { signal: AbortSignal.abort() });
    await imm.catch((e) => log('imm', e.code));
  },
};

export default async function (t) {
  const realm = t.realm;
  realm.require('internal/bootstrap/globals');
  for (const [name, fn] of Object.entries(SCENARIOS)) {
    const [ours, theirs] = await runBoth(realm, fn);
    t.check(`timers_promises: ${name}`, ours, theirs);
  }
}
