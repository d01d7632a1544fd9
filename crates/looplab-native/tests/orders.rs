//! `looplab run --orders`: each distinct output of a script's races, with its share and why.
use std::path::Path;
use std::process::Command;

fn looplab(args: &[&str]) -> (i32, String) {
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let out = Command::new(env!("CARGO_BIN_EXE_looplab"))
        .arg("run")
        .args(args)
        .current_dir(scripts)
        .output()
        .expect("run looplab");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    (out.status.code().unwrap_or(-1), stdout)
}

/// The share printed in each `=== N% ...` header, in order (`under 0.1%` counts as 0).
fn shares(text: &str) -> Vec<f64> {
    text.lines()
        .filter_map(|l| l.strip_prefix("=== ")?.split_once('%'))
        .map(|(n, _)| {
            n.strip_prefix("under ")
                .map_or_else(|| n.parse().expect("a share"), |_| 0.0)
        })
        .collect()
}

#[test]
fn orders_prints_both_outputs_of_the_main_module_race_likeliest_first() {
    let (status, text) = looplab(&["--orders", "timeout-vs-immediate.js"]);
    assert_eq!(status, 0, "{text}");
    assert!(text.starts_with("2 distinct outputs in "), "{text}");
    let shares = shares(&text);
    assert_eq!(shares.len(), 2, "{text}");
    let total: f64 = shares.iter().sum();
    assert!(
        shares[0] >= shares[1] && (total - 100.0).abs() <= 1.0,
        "{text}"
    );
    let (first, second) = text
        .split_once("\n\n=== ")
        .and_then(|(_, rest)| rest.split_once("\n=== "))
        .expect("two orders");
    let printed = |order: &str| order.lines().skip(1).collect::<Vec<_>>().join("\n");
    let mut both = [printed(first), printed(second)];
    both.sort();
    assert_eq!(both, ["immediate\ntimeout", "timeout\nimmediate"], "{text}");
    assert!(
        text.contains("the 1 ms timer is due and runs now"),
        "{text}"
    );
}

#[test]
fn orders_with_a_budget_of_one_runs_the_natural_order_only() {
    let (status, text) = looplab(&["--orders=1", "timeout-vs-immediate.js"]);
    assert_eq!(status, 0, "{text}");
    assert!(
        text.starts_with("1 distinct output in 1 run (not every branch"),
        "{text}"
    );
}

#[test]
fn without_orders_a_run_prints_as_node_does() {
    let (status, text) = looplab(&["timeout-vs-immediate.js"]);
    assert_eq!((status, text.lines().count()), (0, 2), "{text}");
}
