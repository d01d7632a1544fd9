//! Engines on several threads at once start alike: Boa's `Symbol.for` registry is shared by the
//! whole process, and Looplab's bootstrap finds its internals through `Symbol.for`.
use looplab_js::{RunOptions, Vfs};

#[test]
fn engines_started_on_many_threads_at_once_all_boot() {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(6));
    let runs: Vec<_> = (0..6)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || {
                    let mut vfs = Vfs::memory();
                    let script = format!("/app/t{i}.js");
                    // Every thread makes the same fresh keys at the same time, then asks again.
                    vfs.insert(
                        &script,
                        "const s = []; for (let n = 0; n < 3000; n++) s.push(Symbol.for('k' + n));\n\
                         let lost = 0; for (let n = 0; n < 3000; n++) if (Symbol.for('k' + n) !== s[n]) lost++;\n\
                         console.log(typeof process.nextTick, lost);",
                    );
                    barrier.wait();
                    let result = looplab_js::run(RunOptions::new(script, "/app"), vfs)
                        .expect("the engine starts");
                    (result.stdout(), result.stderr())
                })
                .expect("spawn")
        })
        .collect();
    for run in runs {
        let (stdout, stderr) = run.join().expect("a thread");
        assert_eq!((stdout.as_str(), stderr.as_str()), ("function 0\n", ""));
    }
}
