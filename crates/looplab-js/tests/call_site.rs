//! The learner's call stack in the trace: a `CallSite` before each write and each scheduling
//! call, holding only the scenario's frames (never Node's built-ins), most recent first.
use looplab_core::trace::{Frame, Stamped, TraceEvent};
use looplab_js::{OutputLog, RunOptions, Runtime, Vfs};

/// Runs `files` (the first is the entry) and returns the trace with the output merged in, as the
/// page and `looplab run --trace` build it.
fn trace(files: &[(&str, &str)]) -> Vec<Stamped> {
    let mut vfs = Vfs::memory();
    for (name, text) in files {
        vfs.insert(&format!("/app/{name}"), text.as_bytes());
    }
    let options = RunOptions::new(format!("/app/{}", files[0].0), "/app");
    let mut runtime = Runtime::new(options, vfs).expect("starts");
    let mut log = OutputLog::new();
    loop {
        let done = runtime.step();
        let (output, sites) = runtime.take_output_sites();
        log.record(done, &output, sites);
        if done.is_some() {
            break;
        }
    }
    log.merge_into(runtime.trace().events)
}

/// The frames of the `CallSite` just before the `Output` that printed `text`.
fn printed_from(events: &[Stamped], text: &str) -> Vec<Frame> {
    let at = events
        .iter()
        .position(|e| matches!(&e.event, TraceEvent::Output { text: t, .. } if t.contains(text)))
        .expect("the text was printed");
    match &events[at - 1].event {
        TraceEvent::CallSite { frames, .. } => frames.clone(),
        other => panic!("no call site before the output: {other:?}"),
    }
}

fn lines(frames: &[Frame]) -> Vec<(&str, u32)> {
    frames
        .iter()
        .map(|f| (f.function.as_str(), f.line))
        .collect()
}

const NESTED: &str = "function greet(name) {\n  console.log('hello ' + name);\n}\nsetTimeout(function onTimer() {\n  greet('loop');\n}, 1);\n";

#[test]
fn a_log_in_a_function_called_from_a_timer_names_both_frames() {
    let events = trace(&[("main.js", NESTED)]);
    let frames = printed_from(&events, "hello loop");
    assert_eq!(lines(&frames), [("greet", 2), ("onTimer", 5)]);
    assert!(frames.iter().all(|f| f.file == "/app/main.js"));
    // Boa places a call at its opening parenthesis: `  console.log(` ends at column 14.
    assert_eq!(frames[0].column, 14);
}

#[test]
fn a_scheduling_call_is_placed_before_its_timer() {
    let events = trace(&[("main.js", NESTED)]);
    let init = events
        .iter()
        .position(|e| matches!(e.event, TraceEvent::TimeoutInit { .. }))
        .expect("a timer");
    let site = events[..init]
        .iter()
        .rev()
        .find_map(|e| match &e.event {
            TraceEvent::CallSite { frames, .. } => Some(frames.clone()),
            _ => None,
        })
        .expect("a call site before the timer");
    assert_eq!(lines(&site), [("", 4)], "the module's top level, line 4");
}

#[test]
fn frames_follow_calls_into_another_file_and_leave_out_builtins() {
    let events = trace(&[
        (
            "main.js",
            "const util = require('./util');\nutil.say('x');\n",
        ),
        (
            "util.js",
            "exports.say = function say(t) {\n  console.log('said ' + t);\n};\n",
        ),
    ]);
    let frames = printed_from(&events, "said x");
    let files: Vec<_> = frames.iter().map(|f| (f.file.as_str(), f.line)).collect();
    assert_eq!(files[0], ("/app/util.js", 2));
    assert_eq!(files[1], ("/app/main.js", 2));
    assert!(frames.iter().all(|f| !f.file.starts_with("node:")));
}

#[test]
fn each_line_printed_from_elsewhere_is_its_own_output() {
    let events = trace(&[("main.js", "console.log('a');\nconsole.log('b');\n")]);
    let first = printed_from(&events, "a");
    assert_eq!(lines(&first), [("", 1)]);
    assert_eq!(first[0].column, 12, "the loader's wrapper is not counted");
    assert_eq!(lines(&printed_from(&events, "b")), [("", 2)]);
}

#[test]
fn deep_recursion_keeps_a_bounded_stack() {
    let src =
        "function down(n) { if (n === 0) console.log('bottom'); else down(n - 1); }\ndown(100);\n";
    let events = trace(&[("main.js", src)]);
    assert_eq!(printed_from(&events, "bottom").len(), 16);
}

#[test]
fn es_modules_name_their_path_and_line() {
    let events = trace(&[("main.mjs", "const x = 1;\nconsole.log('esm ' + x);\n")]);
    let frames = printed_from(&events, "esm 1");
    assert_eq!(frames[0].file, "/app/main.mjs");
    assert_eq!(frames[0].line, 2);
}
