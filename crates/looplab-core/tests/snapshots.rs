//! Snapshots of whole traces: any change to what the model records shows up in review.
//! Times are virtual, so traces are stable byte for byte.
use looplab_core::Settings;
use looplab_core::demo::run_demo;

fn lines(trace: &looplab_core::Trace) -> String {
    trace
        .events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect()
}

#[test]
fn demo_trace() {
    let run = run_demo(Settings::default());
    insta::assert_snapshot!(lines(&run.trace));
}

#[test]
fn demo_trace_on_one_core_with_one_thread() {
    let settings = Settings {
        cores: 1,
        threadpool_env: Some("1".into()),
        ..Settings::default()
    };
    let run = run_demo(settings);
    insta::assert_snapshot!(lines(&run.trace));
}
