//! What the trace shows of module loading: the paths probed, the wrapper call and cache hits for
//! CommonJS, and for ES modules the phases, the graph's edges, the evaluation order and where
//! top-level await suspended. Runs scenarios of the fidelity corpus and reads their traces.
use std::path::{Path, PathBuf};

use looplab_js::{RunOptions, Runtime, Vfs};

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fidelity")
        .join(name)
        .canonicalize()
        .expect("scenario")
}

/// The module events of a run, as (type, path-or-detail) with the scenario directory as `<dir>`.
fn module_events(name: &str, entry: &str) -> Vec<(String, String)> {
    let dir = scenario(name);
    let dir_s = dir.to_string_lossy().into_owned();
    let options = RunOptions::new(format!("{dir_s}/{entry}"), dir_s.clone());
    let mut runtime = Runtime::new(options, Vfs::over_disk()).expect("starts");
    while runtime.step().is_none() {}
    let events: serde_json::Value = serde_json::from_str(&runtime.trace_json()).expect("JSON");
    let place = |s: &str| s.replace(&dir_s, "<dir>");
    events
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| {
            let kind = e["type"].as_str()?;
            let detail = match kind {
                "module_probe" => format!("{} {}", place(e["path"].as_str()?), e["found"]),
                "module_eval_start"
                | "module_eval_end"
                | "module_cache_hit"
                | "module_wrapper_call"
                | "esm_suspended" => place(e["path"].as_str()?),
                "esm_phase" => format!("{} {}", e["phase"].as_str()?, place(e["root"].as_str()?)),
                "esm_edge" => format!(
                    "{} -> {}",
                    place(e["from"].as_str()?),
                    place(e["to"].as_str()?)
                ),
                _ => return None,
            };
            Some((kind.to_string(), detail))
        })
        .collect()
}

fn of_kind<'a>(events: &'a [(String, String)], kind: &str) -> Vec<&'a str> {
    events
        .iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, d)| d.as_str())
        .collect()
}

#[test]
fn commonjs_probes_wrapper_and_cache() {
    let events = module_events("mod-json-modules", "main.js");
    let probes = of_kind(&events, "module_probe");
    // require('./data/config') tries the bare path, then .js, then finds .json.
    assert!(
        probes.windows(3).any(|w| w
            == [
                "<dir>/data/config false",
                "<dir>/data/config.js false",
                "<dir>/data/config.json true"
            ]),
        "{probes:?}"
    );
    assert_eq!(of_kind(&events, "module_wrapper_call"), ["<dir>/main.js"]);
    assert!(of_kind(&events, "module_cache_hit").contains(&"<dir>/data/config.json"));
}

#[test]
fn esm_phases_edges_order_and_suspension() {
    let events = module_events("esm-tla-order", "main.mjs");
    let phases = of_kind(&events, "esm_phase");
    assert_eq!(
        phases,
        [
            "construction <dir>/main.mjs",
            "linking <dir>/main.mjs",
            "evaluation <dir>/main.mjs"
        ]
    );
    let edges = of_kind(&events, "esm_edge");
    for edge in [
        "<dir>/main.mjs -> <dir>/b.mjs",
        "<dir>/main.mjs -> <dir>/c.mjs",
        "<dir>/b.mjs -> <dir>/d.mjs",
    ] {
        assert!(edges.contains(&edge), "{edges:?}");
    }
    let order: Vec<(&str, &str)> = events
        .iter()
        .filter(|(k, _)| k.starts_with("module_eval") || k == "esm_suspended")
        .map(|(k, d)| (k.as_str(), d.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("module_eval_start", "<dir>/d.mjs"),
            ("module_eval_end", "<dir>/d.mjs"),
            ("module_eval_start", "<dir>/b.mjs"),
            ("esm_suspended", "<dir>/b.mjs"),
            ("module_eval_start", "<dir>/c.mjs"),
            ("module_eval_end", "<dir>/c.mjs"),
            ("module_eval_end", "<dir>/b.mjs"),
            ("module_eval_start", "<dir>/main.mjs"),
            ("module_eval_end", "<dir>/main.mjs"),
        ]
    );
}
