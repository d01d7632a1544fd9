//! The curated scenarios, grouped by topic. Each is real Node.js code, kept as files in the
//! scenario's own folder (`scenarios/<id>/main.js`); `looplab run` on the same files prints what
//! the page's console shows.
use crate::scenario::{Open, Scenario};

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
    Scenario::new("tour", LAYERS, "A tour of one run")
        .notice("Synchronous code first, then nextTick, then the promise; the file read goes to the thread pool and comes back in the poll phase, where a timer and an immediate race no more.")
        .files(&[("main.js", looplab_core::demo::DEMO_SOURCE)])
        .opens_at(Open::Start),
    Scenario::new("layers-readfile", LAYERS, "From your code down to the OS")
        .notice("fs.readFile goes through Node's JavaScript, a C++ binding and libuv to a pool thread; the callback comes back up the same way. Watch the layer strip light up.")
        .files(&[("main.js", include_str!("layers-readfile/main.js"))])
        .opens_at(Open::Find("thread")),
    Scenario::new("single-threaded", LAYERS, "Is Node single-threaded?")
        .notice("Your JavaScript runs on one thread, but four pbkdf2 hashes run at the same time on pool threads: they finish together, not one after another.")
        .files(&[("main.js", include_str!("single-threaded/main.js"))])
        .opens_at(Open::Find("Pool thread 3")),
    Scenario::new("sync-blocks", LAYERS, "Synchronous work blocks the loop")
        .notice("pbkdf2Sync runs on the main thread: the 0 ms timer waits until it is done, because nothing else can run meanwhile.")
        .files(&[("main.js", include_str!("sync-blocks/main.js"))])
        .opens_at(Open::End),
    Scenario::new("busy-loop", LAYERS, "A busy loop blocks the loop")
        .notice("While the for loop runs, nothing else can: the 10 ms timer fires only after the loop is done, late by about the loop's time.")
        .files(&[("main.js", include_str!("busy-loop/main.js"))])
        .opens_at(Open::End),
    Scenario::new("require-cache", MODULES, "require() runs a module once")
        .notice("The second require returns the cached exports: 'loading counter' prints once and both names see the same count.")
        .files(&[
            ("main.js", include_str!("require-cache/main.js")),
            ("counter.js", include_str!("require-cache/counter.js")),
        ])
        .opens_at(Open::End),
    Scenario::new("module-wrapper", MODULES, "The module wrapper")
        .notice("Every CommonJS file runs inside a function with exports, require, module, __filename and __dirname as its parameters.")
        .files(&[
            ("main.js", include_str!("module-wrapper/main.js")),
            ("greet.js", include_str!("module-wrapper/greet.js")),
        ])
        .opens_at(Open::End),
    Scenario::new("require-cycle", MODULES, "A require cycle")
        .notice("a.js requires b.js, which requires a.js back: b sees a's exports half-built (done is still false).")
        .files(&[
            ("main.js", include_str!("require-cycle/main.js")),
            ("a.js", include_str!("require-cycle/a.js")),
            ("b.js", include_str!("require-cycle/b.js")),
        ])
        .opens_at(Open::End),
    Scenario::new("require-packages", MODULES, "node_modules, main and exports")
        .notice("A bare name walks up to node_modules: greet is found through its package.json \"exports\" (the \"require\" condition, and the ./shout subpath), pad through \"main\". A file the exports do not list is refused.")
        .files(&[
            ("main.js", include_str!("require-packages/main.js")),
            ("node_modules/greet/package.json", include_str!("require-packages/node_modules/greet/package.json")),
            ("node_modules/greet/lib/index.js", include_str!("require-packages/node_modules/greet/lib/index.js")),
            ("node_modules/greet/lib/shout.js", include_str!("require-packages/node_modules/greet/lib/shout.js")),
            ("node_modules/pad/package.json", include_str!("require-packages/node_modules/pad/package.json")),
            ("node_modules/pad/lib/pad.js", include_str!("require-packages/node_modules/pad/lib/pad.js")),
        ])
        .opens_at(Open::End),
    Scenario::new("esm-entry", MODULES, "An ES module entry")
        .notice("With an ES module entry, the promise job runs before the nextTick callback: the module is evaluated inside a promise job, so the microtask queue drains first.")
        .files(&[("main.js", include_str!("esm-entry/main.js"))])
        .esm()
        .opens_at(Open::End),
    Scenario::new("esm-graph", MODULES, "An ES module graph with top-level await")
        .notice("All four modules are found and parsed before any runs. prices.mjs is shared but runs once, first; its top-level await suspends it, banner.mjs does not depend on it and runs meanwhile, and cart.mjs and main.mjs wait for it.")
        .files(&[
            ("main.js", include_str!("esm-graph/main.js")),
            ("cart.mjs", include_str!("esm-graph/cart.mjs")),
            ("prices.mjs", include_str!("esm-graph/prices.mjs")),
            ("banner.mjs", include_str!("esm-graph/banner.mjs")),
        ])
        .esm()
        .opens_at(Open::End),
    Scenario::new("esm-mixed", MODULES, "CommonJS and ES modules together")
        .notice("An ES module imports CommonJS and ES modules. util.js runs once: require() in legacy.cjs loads it, and modern.mjs's import gets the same module from the cache. CommonJS code runs in the evaluation phase, in import order.")
        .files(&[
            ("main.js", include_str!("esm-mixed/main.js")),
            ("legacy.cjs", include_str!("esm-mixed/legacy.cjs")),
            ("modern.mjs", include_str!("esm-mixed/modern.mjs")),
            ("util.js", include_str!("esm-mixed/util.js")),
        ])
        .esm()
        .opens_at(Open::End),
    Scenario::new("phases-tour", PHASES, "One iteration, phase by phase")
        .notice("A timer, an immediate and a file read: each callback runs in its own phase. Use 'next phase' to walk timers, pending, idle, prepare, poll, check and close.")
        .files(&[("main.js", include_str!("phases-tour/main.js"))])
        .opens_at(Open::Find("Iteration 1")),
    Scenario::new("timers-order", PHASES, "Timers run in order of expiry")
        .notice("Node keeps one list per duration; the 10 ms timer set first still runs after the 5 ms one.")
        .files(&[("main.js", include_str!("timers-order/main.js"))])
        .opens_at(Open::End),
    Scenario::new("interval", PHASES, "setInterval and clearInterval")
        .notice("The interval re-arms itself after each run; clearInterval on the third run stops it and the loop has nothing left.")
        .files(&[("main.js", include_str!("interval/main.js"))])
        .opens_at(Open::End),
    Scenario::new("poll-blocks", PHASES, "Why poll blocks, and for how long")
        .notice("With only a 50 ms timer pending, poll waits until the timer is due: libuv computes the timeout from the earliest timer.")
        .files(&[("main.js", include_str!("poll-blocks/main.js"))])
        .opens_at(Open::Find("Poll blocks")),
    Scenario::new("tick-before-promise", TICKS, "nextTick before promises (CommonJS)")
        .notice("In a CommonJS entry, all nextTicks run before any promise job, and each queue drains completely.")
        .files(&[("main.js", include_str!("tick-before-promise/main.js"))])
        .opens_at(Open::End),
    Scenario::new("drain-after-each", TICKS, "Microtasks drain after each callback")
        .notice("Since Node 11 the nextTick and microtask queues drain after every timer callback, not after the whole timers phase (nodejs/node#22842).")
        .files(&[("main.js", include_str!("drain-after-each/main.js"))])
        .opens_at(Open::End),
    Scenario::new("async-await", TICKS, "async/await is promises")
        .notice("Each await gives the rest of the function to the microtask queue; synchronous code after the call runs first.")
        .files(&[("main.js", include_str!("async-await/main.js"))])
        .opens_at(Open::End),
    Scenario::new("tick-starves", TICKS, "nextTick can starve the loop")
        .notice("A nextTick that schedules another nextTick keeps the loop from moving on: the timer waits until the chain stops.")
        .files(&[("main.js", include_str!("tick-starves/main.js"))])
        .opens_at(Open::End),
    Scenario::new("race-main", RACE, "In the main module it is a race")
        .notice("Whether the timer or the immediate runs first depends on how long the process took to start: 1 ms may or may not have passed when the first timers run comes (nodejs/help#392).")
        .files(&[("main.js", include_str!("race-main/main.js"))])
        .opens_at(Open::End),
    Scenario::new("race-io", RACE, "Inside an I/O callback the immediate wins")
        .notice("After poll comes check: an immediate set in an I/O callback always runs before a 0 ms timer, which waits for the next timers run.")
        .files(&[("main.js", include_str!("race-io/main.js"))])
        .opens_at(Open::End),
    Scenario::new("race-made-no-race", RACE, "A race, and how to make it no race")
        .notice("The same two calls, twice. From the main module, timing decides: the orders bar shows both outputs node prints, and 'Where they part' jumps to the step that decided. From inside an I/O callback the immediate always wins, so there is one order for that half.")
        .files(&[
            // The fidelity corpus's own scenario: node's outputs for it are recorded there.
            ("main.js", include_str!("../../../tests/fidelity/race-made-no-race/main.js")),
        ])
        .opens_at(Open::Find("Timing decides")),
    Scenario::new("immediate-in-check", RACE, "An immediate set during check waits")
        .notice("The check phase runs only the immediates queued before it began; one queued from an immediate runs in the next iteration.")
        .files(&[("main.js", include_str!("immediate-in-check/main.js"))])
        .opens_at(Open::End),
    Scenario::new("pool-fifth", POOL, "Four workers, a fifth job waits")
        .notice("The pool has four threads by default: the fifth hash waits in the queue until a thread is free, so it finishes about twice as late.")
        .files(&[("main.js", include_str!("pool-fifth/main.js"))])
        .opens_at(Open::Find("Pool thread 3 takes")),
    Scenario::new("pool-size", POOL, "UV_THREADPOOL_SIZE=2")
        .notice("With two threads the four hashes finish in two waves. Change the pool size in the settings and run again.")
        .files(&[("main.js", include_str!("pool-size/main.js"))])
        .pool(2)
        .opens_at(Open::End),
    Scenario::new("pool-shared", POOL, "fs and crypto share the pool")
        .notice("Four slow hashes take every thread: the file read queued after them waits for one, even though it is quick.")
        .files(&[("main.js", include_str!("pool-shared/main.js"))])
        .opens_at(Open::End),
    Scenario::new("read-stream", POOL, "A stream reads a file in pieces")
        .notice("createReadStream opens the file, then reads a piece per trip to the thread pool (64 KiB unless told otherwise); each piece is a 'data' event, and the loop runs other callbacks in between.")
        .files(&[("main.js", include_str!("read-stream/main.js"))])
        .opens_at(Open::Find("chunk")),
    Scenario::new("dns-pool", POOL, "dns.lookup uses the pool")
        .notice("dns.lookup calls getaddrinfo on a pool thread (slow I/O: at most half the threads), not on the network.")
        .files(&[("main.js", include_str!("dns-pool/main.js"))])
        .opens_at(Open::End),
    Scenario::new("timer-keeps-alive", ALIVE, "A timer keeps the process alive")
        .notice("The active, ref'd timer handle is why the loop keeps going after the main script ends; when it fires, nothing is left and the process exits.")
        .files(&[("main.js", include_str!("timer-keeps-alive/main.js"))])
        .opens_at(Open::Find("The loop is alive")),
    Scenario::new("unref", ALIVE, "unref lets the process exit")
        .notice("The unref'd interval does not keep the process alive: the process exits after the 30 ms timer even though the interval never fired.")
        .files(&[("main.js", include_str!("unref/main.js"))])
        .opens_at(Open::End),
    Scenario::new("request-alive", ALIVE, "A request in flight keeps it alive")
        .notice("No handle is active while the file is read, yet the loop stays alive: the fs request counts until its callback runs.")
        .files(&[("main.js", include_str!("request-alive/main.js"))])
        .opens_at(Open::Find("The loop is alive")),
    Scenario::new("before-exit", ALIVE, "beforeExit can revive the loop")
        .notice("When the loop empties, 'beforeExit' fires; scheduling a timer there starts the loop again, once.")
        .files(&[("main.js", include_str!("before-exit/main.js"))])
        .opens_at(Open::End),
    Scenario::new("signal-listener", ALIVE, "A SIGINT listener: a signal handle, unref'd")
        .notice("process.on('SIGINT') starts a signal handle that Node unrefs: it never keeps the process alive (the 500 ms timer does). The signal process.kill sends waits in libuv's signal pipe until the poll phase reads it, so the main script's nextTicks and promise jobs run first, and the setImmediate after.")
        .files(&[
            // The fidelity corpus's own scenario: node's output for it is recorded there.
            ("main.js", include_str!("../../../tests/fidelity/signal-listener-order/main.js")),
        ])
        .opens_at(Open::Find("reads SIGINT from the signal pipe")),
    Scenario::new("close-order", ALIVE, "Close callbacks and clearTimeout")
        .notice("A cleared timer never runs and no longer keeps the loop alive; the loop ends as soon as nothing ref'd is left.")
        .files(&[("main.js", include_str!("close-order/main.js"))])
        .opens_at(Open::End),
    Scenario::new("cores-switch", THREADS, "More threads than cores")
        .notice("Four pool threads and the main thread share two cores: the OS switches between them, and each hash takes about twice as long as on four cores.")
        .files(&[("main.js", include_str!("cores-switch/main.js"))])
        .cores(2)
        .opens_at(Open::Find("Context switch")),
    Scenario::new("one-core", THREADS, "One core for everything")
        .notice("On one core, the pool threads and the main thread take turns: pool work is concurrent, not parallel.")
        .files(&[("main.js", include_str!("one-core/main.js"))])
        .cores(1)
        .opens_at(Open::Find("Context switch")),
    Scenario::new("tcp-echo", NETWORK, "A TCP echo server with two clients")
        .notice("The listening socket is a handle the poll phase watches for readable: a new connection is readiness on it, and each accepted socket is a handle of its own. The wire view shows every socket's bytes and the readiness that moved them.")
        .files(&[("main.js", include_str!("tcp-echo/main.js"))])
        .opens_at(Open::Find("bytes (uv__read")),
    Scenario::new("http-keep-alive", NETWORK, "HTTP keep-alive: two requests, one connection")
        .notice("The Agent keeps the TCP connection open, so the second request rides the same socket. The wire view decodes each head, the Content-Length body and the chunked one.")
        .files(&[("main.js", include_str!("http-keep-alive/main.js"))])
        .opens_at(Open::End),
    Scenario::new("ws-echo", NETWORK, "A WebSocket echo server by hand")
        .notice("The upgrade is an ordinary HTTP request; after the 101 response both directions carry WebSocket frames. The client's frames are masked and the server's are not; the 200-byte frame needs the 16-bit length.")
        .files(&[("main.js", include_str!("ws-echo/main.js"))])
        .opens_at(Open::Find("bytes (uv__read")),
    Scenario::new("net-refused", NETWORK, "A refused connection")
        .notice("connect() only submits a request: the poll phase learns that nobody listens, so the nextTick runs first. No byte moves; the socket closes with ECONNREFUSED.")
        .files(&[("main.js", include_str!("net-refused/main.js"))])
        .opens_at(Open::Find("ECONNREFUSED")),
    Scenario::new("http-resumable-upload", NETWORK, "Resumable upload: a dropped part, a HEAD, and only the missing bytes")
        .notice("Each part is a PATCH at the offset the server has. When the connection drops mid-part, the server discards the half part (its request is 'aborted'), the client gets ECONNRESET, a HEAD asks for the offset, and the upload goes on from 20 bytes, not from 0. Progress counts acknowledged bytes only. The upload view below does the same with tus on a simulated network.")
        .files(&[
            // The fidelity corpus's own scenario: node's output for it is recorded there.
            ("main.js", include_str!("../../../tests/fidelity/http-resumable-upload/main.js")),
        ])
        .opens_at(Open::Find("dropped mid-part")),
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
                let run = crate::run::runner::run(&s.source_files(), s.settings(), &[]);
                assert!(
                    run.find(text).is_some(),
                    "{} opens at a sentence with {text:?}",
                    s.id
                );
            }
        }
    }
}
