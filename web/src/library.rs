//! The curated scenarios, grouped by topic. Each is real Node.js code; `looplab run` on the same
//! files prints what the page's console shows.
use crate::files::Entry;
use crate::scenario::{Open, Scenario};

const fn cjs(
    id: &'static str,
    topic: &'static str,
    title: &'static str,
    notice: &'static str,
    files: &'static [(&'static str, &'static str)],
    open: Open,
) -> Scenario {
    Scenario {
        id,
        topic,
        title,
        notice,
        files,
        pool: 4,
        cores: 4,
        entry: Entry::Cjs,
        open,
    }
}

const fn with(s: Scenario, pool: u32, cores: u32, entry: Entry) -> Scenario {
    Scenario {
        pool,
        cores,
        entry,
        ..s
    }
}

const LAYERS: &str = "Layers";
const MODULES: &str = "Modules";
const PHASES: &str = "The loop's phases";
const TICKS: &str = "nextTick and promises";
const RACE: &str = "setTimeout vs setImmediate";
const POOL: &str = "The thread pool";
const ALIVE: &str = "Handles, requests, staying alive";
const THREADS: &str = "Threads and cores";
const NETWORK: &str = "Network and uploads";

pub static SCENARIOS: &[Scenario] = &[
    cjs(
        "tour",
        LAYERS,
        "A tour of one run",
        "Synchronous code first, then nextTick, then the promise; the file read goes to the thread pool and comes back in the poll phase, where a timer and an immediate race no more.",
        &[("main.js", looplab_core::demo::DEMO_SOURCE)],
        Open::Start,
    ),
    cjs(
        "layers-readfile",
        LAYERS,
        "From your code down to the OS",
        "fs.readFile goes through Node's JavaScript, a C++ binding and libuv to a pool thread; the callback comes back up the same way. Watch the layer strip light up.",
        &[(
            "main.js",
            "const fs = require('fs');\n\nconsole.log('asking for a file');\nfs.readFile(__filename, 'utf8', (err, text) => {\n  console.log('got', text.length, 'characters');\n});\nconsole.log('main script done');\n",
        )],
        Open::Find("thread"),
    ),
    cjs(
        "single-threaded",
        LAYERS,
        "Is Node single-threaded?",
        "Your JavaScript runs on one thread, but four pbkdf2 hashes run at the same time on pool threads: they finish together, not one after another.",
        &[(
            "main.js",
            "const crypto = require('crypto');\nconst start = Date.now();\nfor (let i = 1; i <= 4; i++) {\n  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {\n    console.log(`hash ${i} done after ${Date.now() - start} ms`);\n  });\n}\nconsole.log('all four hashes started');\n",
        )],
        Open::Find("Pool thread 3"),
    ),
    cjs(
        "sync-blocks",
        LAYERS,
        "Synchronous work blocks the loop",
        "pbkdf2Sync runs on the main thread: the 0 ms timer waits until it is done, because nothing else can run meanwhile.",
        &[(
            "main.js",
            "const crypto = require('crypto');\nconst start = Date.now();\nsetTimeout(() => console.log(`timer ran after ${Date.now() - start} ms`), 0);\ncrypto.pbkdf2Sync('secret', 'salt', 20000, 64, 'sha512');\nconsole.log('hash done on the main thread');\n",
        )],
        Open::End,
    ),
    cjs(
        "busy-loop",
        LAYERS,
        "A busy loop blocks the loop",
        "While the for loop runs, nothing else can: the 10 ms timer fires only after the loop is done, late by about the loop's time.",
        &[(
            "main.js",
            "const t0 = Date.now();\nsetTimeout(() => console.log('timer fired after', Date.now() - t0, 'ms (asked for 10)'), 10);\nlet x = 0;\nfor (let i = 0; i < 2e7; i++) { x += i; }\nconsole.log('loop took', Date.now() - t0, 'ms');\n",
        )],
        Open::End,
    ),
    cjs(
        "require-cache",
        MODULES,
        "require() runs a module once",
        "The second require returns the cached exports: 'loading counter' prints once and both names see the same count.",
        &[
            (
                "main.js",
                "const a = require('./counter');\nconst b = require('./counter');\na.increment();\nb.increment();\nconsole.log('same object:', a === b, 'count:', a.count());\n",
            ),
            (
                "counter.js",
                "console.log('loading counter');\nlet n = 0;\nmodule.exports = {\n  increment() { n++; },\n  count() { return n; },\n};\n",
            ),
        ],
        Open::End,
    ),
    cjs(
        "module-wrapper",
        MODULES,
        "The module wrapper",
        "Every CommonJS file runs inside a function with exports, require, module, __filename and __dirname as its parameters.",
        &[
            (
                "main.js",
                "console.log(typeof require, typeof module, typeof exports);\nconsole.log(__filename);\nconsole.log(__dirname);\nconsole.log(require('./greet')('Ada'));\n",
            ),
            ("greet.js", "module.exports = (name) => `hello, ${name}`;\n"),
        ],
        Open::End,
    ),
    cjs(
        "require-cycle",
        MODULES,
        "A require cycle",
        "a.js requires b.js, which requires a.js back: b sees a's exports half-built (done is still false).",
        &[
            ("main.js", "require('./a');\n"),
            (
                "a.js",
                "exports.done = false;\nconst b = require('./b');\nconsole.log('in a, b.done =', b.done);\nexports.done = true;\n",
            ),
            (
                "b.js",
                "const a = require('./a');\nconsole.log('in b, a.done =', a.done);\nexports.done = true;\n",
            ),
        ],
        Open::End,
    ),
    cjs(
        "require-packages",
        MODULES,
        "node_modules, main and exports",
        "A bare name walks up to node_modules: greet is found through its package.json \"exports\" (the \"require\" condition, and the ./shout subpath), pad through \"main\". A file the exports do not list is refused.",
        &[
            (
                "main.js",
                "const greet = require('greet');\nconst { shout } = require('greet/shout');\nconst pad = require('pad');\nconsole.log(greet('Ada'), shout('hi'), pad('7', 3));\ntry {\n  require('greet/lib/index.js');\n} catch (e) {\n  console.log(e.code);\n}\n",
            ),
            (
                "node_modules/greet/package.json",
                "{ \"name\": \"greet\", \"exports\": { \".\": { \"require\": \"./lib/index.js\" }, \"./shout\": \"./lib/shout.js\" } }\n",
            ),
            (
                "node_modules/greet/lib/index.js",
                "module.exports = (name) => `hello, ${name}`;\n",
            ),
            (
                "node_modules/greet/lib/shout.js",
                "exports.shout = (s) => s.toUpperCase() + '!';\n",
            ),
            (
                "node_modules/pad/package.json",
                "{ \"name\": \"pad\", \"main\": \"lib/pad.js\" }\n",
            ),
            (
                "node_modules/pad/lib/pad.js",
                "module.exports = (s, n) => s.padStart(n, '0');\n",
            ),
        ],
        Open::End,
    ),
    with(
        cjs(
            "esm-entry",
            MODULES,
            "An ES module entry",
            "With an ES module entry, the promise job runs before the nextTick callback: the module is evaluated inside a promise job, so the microtask queue drains first.",
            &[(
                "main.js",
                "process.nextTick(() => console.log('nextTick'));\nPromise.resolve().then(() => console.log('promise'));\nconsole.log('module body');\n",
            )],
            Open::End,
        ),
        4,
        4,
        Entry::Esm,
    ),
    with(
        cjs(
            "esm-graph",
            MODULES,
            "An ES module graph with top-level await",
            "All four modules are found and parsed before any runs. prices.mjs is shared but runs once, first; its top-level await suspends it, banner.mjs does not depend on it and runs meanwhile, and cart.mjs and main.mjs wait for it.",
            &[
                (
                    "main.js",
                    "import { total } from './cart.mjs';\nimport './banner.mjs';\nimport { price } from './prices.mjs';\nconsole.log('main runs: total', total, 'tea costs', price('tea'));\n",
                ),
                (
                    "cart.mjs",
                    "import { price } from './prices.mjs';\nconsole.log('cart runs');\nexport const total = price('tea') + price('cake');\n",
                ),
                (
                    "prices.mjs",
                    "console.log('prices starts loading');\nconst table = await new Promise((resolve) => setTimeout(() => resolve({ tea: 3, cake: 4 }), 10));\nconsole.log('prices loaded');\nexport const price = (item) => table[item];\n",
                ),
                (
                    "banner.mjs",
                    "console.log('banner runs while prices waits');\n",
                ),
            ],
            Open::End,
        ),
        4,
        4,
        Entry::Esm,
    ),
    with(
        cjs(
            "esm-mixed",
            MODULES,
            "CommonJS and ES modules together",
            "An ES module imports CommonJS and ES modules. util.js runs once: require() in legacy.cjs loads it, and modern.mjs's import gets the same module from the cache. CommonJS code runs in the evaluation phase, in import order.",
            &[
                (
                    "main.js",
                    "import { version } from './legacy.cjs';\nimport { shout } from './modern.mjs';\nconsole.log('main.mjs runs: legacy version', version);\nconsole.log(shout('both loaders share one util.js'));\n",
                ),
                (
                    "legacy.cjs",
                    "const util = require('./util.js');\nconsole.log('legacy.cjs runs (CommonJS), util loaded:', typeof util.upper);\nexports.version = 2;\n",
                ),
                (
                    "modern.mjs",
                    "import util from './util.js';\nconsole.log('modern.mjs runs (ES module)');\nexport const shout = (s) => util.upper(s) + '!';\n",
                ),
                (
                    "util.js",
                    "console.log('util.js runs once');\nexports.upper = (s) => s.toUpperCase();\n",
                ),
            ],
            Open::End,
        ),
        4,
        4,
        Entry::Esm,
    ),
    cjs(
        "phases-tour",
        PHASES,
        "One iteration, phase by phase",
        "A timer, an immediate and a file read: each callback runs in its own phase. Use 'next phase' to walk timers, pending, idle, prepare, poll, check and close.",
        &[(
            "main.js",
            "const fs = require('fs');\nsetTimeout(() => console.log('timers phase'), 5);\nsetImmediate(() => console.log('check phase'));\nfs.stat(__filename, () => console.log('poll phase: fs.stat is back'));\n",
        )],
        Open::Find("Iteration 1"),
    ),
    cjs(
        "timers-order",
        PHASES,
        "Timers run in order of expiry",
        "Node keeps one list per duration; the 10 ms timer set first still runs after the 5 ms one.",
        &[(
            "main.js",
            "setTimeout(() => console.log('10 ms'), 10);\nsetTimeout(() => console.log('5 ms'), 5);\nsetTimeout(() => console.log('5 ms, second'), 5);\nsetTimeout(() => console.log('0 ms (really 1 ms)'), 0);\n",
        )],
        Open::End,
    ),
    cjs(
        "interval",
        PHASES,
        "setInterval and clearInterval",
        "The interval re-arms itself after each run; clearInterval on the third run stops it and the loop has nothing left.",
        &[(
            "main.js",
            "let n = 0;\nconst id = setInterval(() => {\n  n++;\n  console.log('tick', n);\n  if (n === 3) clearInterval(id);\n}, 10);\n",
        )],
        Open::End,
    ),
    cjs(
        "poll-blocks",
        PHASES,
        "Why poll blocks, and for how long",
        "With only a 50 ms timer pending, poll waits until the timer is due: libuv computes the timeout from the earliest timer.",
        &[(
            "main.js",
            "setTimeout(() => console.log('50 ms later'), 50);\nconsole.log('waiting');\n",
        )],
        Open::Find("Poll blocks"),
    ),
    cjs(
        "tick-before-promise",
        TICKS,
        "nextTick before promises (CommonJS)",
        "In a CommonJS entry, all nextTicks run before any promise job, and each queue drains completely.",
        &[(
            "main.js",
            "Promise.resolve().then(() => console.log('promise 1'));\nprocess.nextTick(() => console.log('nextTick 1'));\nPromise.resolve().then(() => console.log('promise 2'));\nprocess.nextTick(() => console.log('nextTick 2'));\nconsole.log('sync');\n",
        )],
        Open::End,
    ),
    cjs(
        "drain-after-each",
        TICKS,
        "Microtasks drain after each callback",
        "Since Node 11 the nextTick and microtask queues drain after every timer callback, not after the whole timers phase (nodejs/node#22842).",
        &[(
            "main.js",
            "setTimeout(() => {\n  console.log('timeout 1');\n  Promise.resolve().then(() => console.log('promise from timeout 1'));\n  process.nextTick(() => console.log('nextTick from timeout 1'));\n}, 0);\nsetTimeout(() => console.log('timeout 2'), 0);\n",
        )],
        Open::End,
    ),
    cjs(
        "async-await",
        TICKS,
        "async/await is promises",
        "Each await gives the rest of the function to the microtask queue; synchronous code after the call runs first.",
        &[(
            "main.js",
            "async function work() {\n  console.log('work starts');\n  await null;\n  console.log('after first await');\n  await null;\n  console.log('after second await');\n}\nwork().then(() => console.log('work done'));\nconsole.log('after calling work()');\n",
        )],
        Open::End,
    ),
    cjs(
        "tick-starves",
        TICKS,
        "nextTick can starve the loop",
        "A nextTick that schedules another nextTick keeps the loop from moving on: the timer waits until the chain stops.",
        &[(
            "main.js",
            "setTimeout(() => console.log('timer finally runs'), 0);\nlet n = 0;\nfunction again() {\n  if (++n < 5) process.nextTick(again);\n  console.log('nextTick', n);\n}\nprocess.nextTick(again);\n",
        )],
        Open::End,
    ),
    cjs(
        "race-main",
        RACE,
        "In the main module it is a race",
        "Whether the timer or the immediate runs first depends on how long the process took to start: 1 ms may or may not have passed when the first timers run comes (nodejs/help#392).",
        &[(
            "main.js",
            "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n",
        )],
        Open::End,
    ),
    cjs(
        "race-io",
        RACE,
        "Inside an I/O callback the immediate wins",
        "After poll comes check: an immediate set in an I/O callback always runs before a 0 ms timer, which waits for the next timers run.",
        &[(
            "main.js",
            "const fs = require('fs');\nfs.readFile(__filename, () => {\n  setTimeout(() => console.log('timeout'), 0);\n  setImmediate(() => console.log('immediate'));\n});\n",
        )],
        Open::End,
    ),
    cjs(
        "immediate-in-check",
        RACE,
        "An immediate set during check waits",
        "The check phase runs only the immediates queued before it began; one queued from an immediate runs in the next iteration.",
        &[(
            "main.js",
            "setImmediate(() => {\n  console.log('immediate 1');\n  setImmediate(() => console.log('immediate 3, next iteration'));\n});\nsetImmediate(() => console.log('immediate 2'));\n",
        )],
        Open::End,
    ),
    cjs(
        "pool-fifth",
        POOL,
        "Four workers, a fifth job waits",
        "The pool has four threads by default: the fifth hash waits in the queue until a thread is free, so it finishes about twice as late.",
        &[(
            "main.js",
            "const crypto = require('crypto');\nconst start = Date.now();\nfor (let i = 1; i <= 5; i++) {\n  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {\n    console.log(`hash ${i}: ${Date.now() - start} ms`);\n  });\n}\n",
        )],
        Open::Find("Pool thread 3 takes"),
    ),
    with(
        cjs(
            "pool-size",
            POOL,
            "UV_THREADPOOL_SIZE=2",
            "With two threads the four hashes finish in two waves. Change the pool size in the settings and run again.",
            &[(
                "main.js",
                "const crypto = require('crypto');\nconst start = Date.now();\nfor (let i = 1; i <= 4; i++) {\n  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {\n    console.log(`hash ${i}: ${Date.now() - start} ms`);\n  });\n}\n",
            )],
            Open::End,
        ),
        2,
        4,
        Entry::Cjs,
    ),
    cjs(
        "pool-shared",
        POOL,
        "fs and crypto share the pool",
        "Four slow hashes take every thread: the file read queued after them waits for one, even though it is quick.",
        &[(
            "main.js",
            "const crypto = require('crypto');\nconst fs = require('fs');\nconst start = Date.now();\nfor (let i = 1; i <= 4; i++) {\n  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => console.log(`hash ${i}: ${Date.now() - start} ms`));\n}\nfs.readFile(__filename, () => console.log(`readFile: ${Date.now() - start} ms`));\n",
        )],
        Open::End,
    ),
    cjs(
        "dns-pool",
        POOL,
        "dns.lookup uses the pool",
        "dns.lookup calls getaddrinfo on a pool thread (slow I/O: at most half the threads), not on the network.",
        &[(
            "main.js",
            "const dns = require('dns');\ndns.lookup('localhost', (err, address) => {\n  console.log('localhost is', err ? err.code : address);\n});\nconsole.log('lookup started');\n",
        )],
        Open::End,
    ),
    cjs(
        "timer-keeps-alive",
        ALIVE,
        "A timer keeps the process alive",
        "The active, ref'd timer handle is why the loop keeps going after the main script ends; when it fires, nothing is left and the process exits.",
        &[(
            "main.js",
            "setTimeout(() => console.log('done waiting'), 100);\nconsole.log('main script ends here');\n",
        )],
        Open::Find("The loop is alive"),
    ),
    cjs(
        "unref",
        ALIVE,
        "unref lets the process exit",
        "The unref'd interval does not keep the process alive: the process exits after the 30 ms timer even though the interval never fired.",
        &[(
            "main.js",
            "const interval = setInterval(() => console.log('interval'), 50);\ninterval.unref();\nsetTimeout(() => console.log('30 ms timer'), 30);\n",
        )],
        Open::End,
    ),
    cjs(
        "request-alive",
        ALIVE,
        "A request in flight keeps it alive",
        "No handle is active while the file is read, yet the loop stays alive: the fs request counts until its callback runs.",
        &[(
            "main.js",
            "const fs = require('fs');\nfs.readFile(__filename, () => console.log('read done'));\n",
        )],
        Open::Find("The loop is alive"),
    ),
    cjs(
        "before-exit",
        ALIVE,
        "beforeExit can revive the loop",
        "When the loop empties, 'beforeExit' fires; scheduling a timer there starts the loop again, once.",
        &[(
            "main.js",
            "let revived = false;\nprocess.on('beforeExit', () => {\n  console.log('beforeExit');\n  if (!revived) {\n    revived = true;\n    setTimeout(() => console.log('timer from beforeExit'), 10);\n  }\n});\nprocess.on('exit', (code) => console.log('exit', code));\n",
        )],
        Open::End,
    ),
    cjs(
        "signal-listener",
        ALIVE,
        "A SIGINT listener: a signal handle, unref'd",
        "process.on('SIGINT') starts a signal handle that Node unrefs: it never keeps the process alive (the 500 ms timer does). The signal process.kill sends waits in libuv's signal pipe until the poll phase reads it, so the main script's nextTicks and promise jobs run first, and the setImmediate after.",
        &[(
            "main.js",
            // The fidelity corpus's own scenario: node's output for it is recorded there.
            include_str!("../../tests/fidelity/signal-listener-order/main.js"),
        )],
        Open::Find("reads SIGINT from the signal pipe"),
    ),
    cjs(
        "close-order",
        ALIVE,
        "Close callbacks and clearTimeout",
        "A cleared timer never runs and no longer keeps the loop alive; the loop ends as soon as nothing ref'd is left.",
        &[(
            "main.js",
            "const t = setTimeout(() => console.log('never printed'), 1000);\nsetTimeout(() => {\n  console.log('clearing the long timer');\n  clearTimeout(t);\n}, 10);\n",
        )],
        Open::End,
    ),
    with(
        cjs(
            "cores-switch",
            THREADS,
            "More threads than cores",
            "Four pool threads and the main thread share two cores: the OS switches between them, and each hash takes about twice as long as on four cores.",
            &[(
                "main.js",
                "const crypto = require('crypto');\nconst start = Date.now();\nfor (let i = 1; i <= 4; i++) {\n  crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', () => {\n    console.log(`hash ${i}: ${Date.now() - start} ms`);\n  });\n}\n",
            )],
            Open::Find("Context switch"),
        ),
        4,
        2,
        Entry::Cjs,
    ),
    with(
        cjs(
            "one-core",
            THREADS,
            "One core for everything",
            "On one core, the pool threads and the main thread take turns: pool work is concurrent, not parallel.",
            &[(
                "main.js",
                "const crypto = require('crypto');\nconst start = Date.now();\ncrypto.pbkdf2('a', 'salt', 100000, 64, 'sha512', () => console.log(`a: ${Date.now() - start} ms`));\ncrypto.pbkdf2('b', 'salt', 100000, 64, 'sha512', () => console.log(`b: ${Date.now() - start} ms`));\n",
            )],
            Open::Find("Context switch"),
        ),
        4,
        1,
        Entry::Cjs,
    ),
    cjs(
        "tcp-echo",
        NETWORK,
        "A TCP echo server with two clients",
        "The listening socket is a handle the poll phase watches for readable: a new connection is readiness on it, and each accepted socket is a handle of its own. The wire view shows every socket's bytes and the readiness that moved them.",
        &[("main.js", include_str!("scenarios/tcp-echo.js"))],
        Open::Find("bytes (uv__read"),
    ),
    cjs(
        "http-keep-alive",
        NETWORK,
        "HTTP keep-alive: two requests, one connection",
        "The Agent keeps the TCP connection open, so the second request rides the same socket. The wire view decodes each head, the Content-Length body and the chunked one.",
        &[("main.js", include_str!("scenarios/http-keep-alive.js"))],
        Open::End,
    ),
    cjs(
        "ws-echo",
        NETWORK,
        "A WebSocket echo server by hand",
        "The upgrade is an ordinary HTTP request; after the 101 response both directions carry WebSocket frames. The client's frames are masked and the server's are not; the 200-byte frame needs the 16-bit length.",
        &[("main.js", include_str!("scenarios/ws-echo.js"))],
        Open::Find("bytes (uv__read"),
    ),
    cjs(
        "net-refused",
        NETWORK,
        "A refused connection",
        "connect() only submits a request: the poll phase learns that nobody listens, so the nextTick runs first. No byte moves; the socket closes with ECONNREFUSED.",
        &[("main.js", include_str!("scenarios/net-refused.js"))],
        Open::Find("ECONNREFUSED"),
    ),
    cjs(
        "http-resumable-upload",
        NETWORK,
        "Resumable upload: a dropped part, a HEAD, and only the missing bytes",
        "Each part is a PATCH at the offset the server has. When the connection drops mid-part, the server discards the half part (its request is 'aborted'), the client gets ECONNRESET, a HEAD asks for the offset, and the upload goes on from 20 bytes, not from 0. Progress counts acknowledged bytes only. The upload view below does the same with tus on a simulated network.",
        &[(
            "main.js",
            // The fidelity corpus's own scenario: node's output for it is recorded there.
            include_str!("../../tests/fidelity/http-resumable-upload/main.js"),
        )],
        Open::Find("dropped mid-part"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_has_enough_unique_scenarios() {
        assert!(SCENARIOS.len() >= 24);
        let mut ids: Vec<_> = SCENARIOS.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SCENARIOS.len());
        assert!(
            SCENARIOS
                .iter()
                .all(|s| !s.files.is_empty() && !s.notice.is_empty())
        );
    }

    /// A scenario that opens at a sentence finds it in its own run.
    #[cfg(feature = "js")]
    #[test]
    fn every_scenario_opens_where_it_says() {
        for s in SCENARIOS {
            if let Open::Find(text) = s.open {
                let run = crate::runner::run(&s.source_files(), s.settings());
                assert!(
                    run.find(text).is_some(),
                    "{} opens at a sentence with {text:?}",
                    s.id
                );
            }
        }
    }
}
