use looplab_core::Settings;
use looplab_core::demo::run_demo;

#[test]
fn demo_prints_in_node_order() {
    // 'immediate' before 'timeout' is one of the two legal orders of a main-module race: the
    // entry script took less than a millisecond of virtual time.
    let run = run_demo(Settings::default());
    assert_eq!(
        run.output,
        [
            "main",
            "nextTick",
            "promise",
            "immediate",
            "timeout",
            "readFile",
            "immediate from I/O",
            "timeout from I/O"
        ]
    );
}
