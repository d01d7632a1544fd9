//! The stated limits: a run that reaches one stops with a message that names it, and nothing a
//! script does reaches a Rust panic or a stack overflow. Each test runs on the engine's own stack,
//! as `looplab run` does.
use looplab_js::{Limits, RunOptions, RunResult, Runtime, Vfs, on_engine_stack};

fn run_with(source: &str, limits: Limits) -> RunResult {
    let source = source.to_string();
    on_engine_stack(move || {
        let mut vfs = Vfs::memory();
        vfs.insert("/app/main.js", source.as_bytes());
        let mut options = RunOptions::new("/app/main.js", "/app");
        options.limits = limits;
        Runtime::new(options, vfs).expect("starts").run()
    })
    .expect("the run ends without a panic")
}

#[test]
fn code_that_never_returns_is_stopped_in_the_learners_words() {
    let limits = Limits {
        max_instructions: 5_000_000,
        ..Limits::default()
    };
    let result = run_with(
        "setTimeout(() => console.log('never'), 1);\nlet n = 0;\nwhile (true) { n++; }\n",
        limits.clone(),
    );
    assert_eq!(result.status, 1);
    assert_eq!(result.stdout(), "");
    let stderr = result.stderr();
    assert!(
        stderr.contains("your code was still running after")
            && stderr.contains("the event loop never got a turn"),
        "{stderr}"
    );
    // Where the loop is: the engine keeps no line for a loop, but the function is known.
    assert!(stderr.contains("(in main.js's top-level code)"), "{stderr}");
    let in_function = run_with(
        "let i = 0;\nfunction spin() {\n  while (true) { i++; }\n}\nspin();\n",
        limits.clone(),
    );
    assert!(
        in_function.stderr().contains("(in spin(), main.js)"),
        "{}",
        in_function.stderr()
    );
}

#[test]
fn a_run_that_uses_up_its_work_in_many_short_callbacks_is_not_called_a_loop_that_never_returns() {
    let limits = Limits {
        max_instructions: 5_000_000,
        ..Limits::default()
    };
    let result = run_with(
        "function again() { for (let i = 0; i < 200; i++); setImmediate(again); }\nagain();\n",
        limits,
    );
    assert_eq!(result.status, 1);
    let stderr = result.stderr();
    assert!(!stderr.contains("without returning"), "{stderr}");
    assert!(
        stderr.contains("each setImmediate callback schedules another"),
        "{stderr}"
    );
}

#[test]
fn output_past_the_limit_is_reported_as_output_not_as_a_runaway() {
    let limits = Limits {
        max_output_bytes: 64 * 1024,
        max_instructions: 50_000_000,
        ..Limits::default()
    };
    let result = run_with(
        "const line = 'y'.repeat(1023) + '\\n';\nwhile (true) process.stdout.write(line);\n",
        limits,
    );
    assert_eq!(result.status, 1);
    let stderr = result.stderr();
    assert!(stderr.contains("output limit reached"), "{stderr}");
    assert!(!stderr.contains("still running"), "{stderr}");
}

#[test]
fn nested_loops_are_not_limited_by_their_iteration_count() {
    // 2,500 x 2,500 = 6.25 million iterations of one frame: the old per-frame loop limit would
    // have counted them all; only the instruction limit, far above, applies now.
    let result = run_with(
        "let n = 0;\nfor (let i = 0; i < 2500; i++) for (let j = 0; j < 2500; j++) n++;\nconsole.log(n);\n",
        Limits::default(),
    );
    assert_eq!(result.stdout(), "6250000\n");
    assert_eq!(result.status, 0);
}

#[test]
fn depths_past_every_limit_throw_catchable_range_errors() {
    let source = r#"
const attempts = {
  parse: () => eval('('.repeat(100000) + ')'.repeat(100000)),
  json: () => JSON.parse('['.repeat(100000) + ']'.repeat(100000)),
  join: () => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return String(a); },
  stringify: () => { let o = {}; for (let i = 0; i < 100000; i++) o = { o }; return JSON.stringify(o); },
};
for (const [name, attempt] of Object.entries(attempts)) {
  try { attempt(); console.log(name, 'returned'); } catch (e) { console.log(name, e.name); }
}
"#;
    let result = run_with(source, Limits::default());
    assert_eq!(
        result.stdout(),
        "parse RangeError\njson RangeError\njoin RangeError\nstringify RangeError\n"
    );
}

#[test]
fn a_long_busy_loop_moves_the_clock_by_its_work() {
    let result = run_with(
        "const t0 = Date.now();\nlet x = 0;\nfor (let i = 0; i < 1e6; i++) x += i;\nconst ms = Date.now() - t0;\nconsole.log(ms > 0, ms < 100);\n",
        Limits::default(),
    );
    assert_eq!(result.stdout(), "true true\n");
}

#[test]
fn async_recursion_past_the_limit_is_reported_as_the_stack_overflow_it_is() {
    // Node catches this one (the rejection reaches `.catch`); the engine's recursion limit is not
    // catchable, so the run ends, but with V8's words and not as an engine failure.
    let result = run_with(
        "async function f(n) { return f(n + 1); }\nf(0).catch(() => console.log('caught'));\n",
        Limits::default(),
    );
    let stderr = result.stderr();
    assert!(
        stderr.contains("Maximum call stack size exceeded"),
        "{stderr}"
    );
    assert!(!stderr.contains("EnginePanic"), "{stderr}");
}
