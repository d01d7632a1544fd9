use super::*;
use crate::run::run_data::RunData;
use crate::{run::runner, scenario};

fn probe(path: &str, found: bool) -> TraceEvent {
    TraceEvent::ModuleProbe {
        path: path.into(),
        found,
    }
}

fn resolve(request: &str, from: &str, to: &str) -> TraceEvent {
    TraceEvent::ModuleResolve {
        request: request.into(),
        from: from.into(),
        resolved: Some(to.into()),
    }
}

fn start(path: &str) -> TraceEvent {
    TraceEvent::ModuleEvalStart {
        path: path.into(),
        format: ModuleFormat::Commonjs,
    }
}

fn end(path: &str) -> TraceEvent {
    TraceEvent::ModuleEvalEnd {
        path: path.into(),
        ok: true,
    }
}

/// What looplab-js records for main.js → a.js → b.js → a.js (b sees a half-built).
fn cycle_events() -> Vec<TraceEvent> {
    vec![
        probe("/app/main.js", true),
        resolve("/app/main.js", "/app", "/app/main.js"),
        start("/app/main.js"),
        TraceEvent::ModuleWrapperCall {
            path: "/app/main.js".into(),
        },
        probe("/app/a", false),
        probe("/app/a.js", true),
        resolve("./a", "/app", "/app/a.js"),
        start("/app/a.js"),
        probe("/app/b", false),
        probe("/app/b.js", true),
        resolve("./b", "/app", "/app/b.js"),
        start("/app/b.js"),
        // b's require('./a') is answered by Node's path cache: only the module cache hit shows.
        TraceEvent::ModuleCacheHit {
            path: "/app/a.js".into(),
        },
        end("/app/b.js"),
        end("/app/a.js"),
        end("/app/main.js"),
    ]
}

fn names(g: &ModuleGraph) -> Vec<&str> {
    g.modules.iter().map(|m| g.label(&m.path)).collect()
}

fn tree_text(g: &ModuleGraph, applied: usize) -> Vec<String> {
    g.tree(applied)
        .iter()
        .map(|r| {
            let mark = match r.seen {
                Seen::First => "",
                Seen::Again => " (again)",
                Seen::Cycle => " (cycle)",
            };
            format!(
                "{}{}{mark}",
                "  ".repeat(r.depth),
                g.label(&g.modules[r.module].path)
            )
        })
        .collect()
}

#[test]
fn a_commonjs_cycle_gives_edges_in_order_and_marks_partial_exports() {
    let events = cycle_events();
    let g = ModuleGraph::new(&events);
    assert_eq!(names(&g), ["main.js", "a.js", "b.js"]);
    assert!(g.modules.iter().all(|m| m.kind == ModuleKind::Cjs));
    let edges: Vec<_> = g.edges.iter().map(|e| (e.from, e.to, e.partial)).collect();
    assert_eq!(edges, [(0, 1, false), (1, 2, false), (2, 1, true)]);
    assert_eq!(
        tree_text(&g, events.len()),
        ["main.js", "  a.js", "    b.js", "      a.js (cycle)"]
    );
    assert!(g.worth_showing());
}

#[test]
fn statuses_and_the_running_module_follow_the_step() {
    let events = cycle_events();
    let g = ModuleGraph::new(&events);
    let status = |m: usize, applied: usize| g.modules[m].status(applied);
    // After b started (event 11 applied): all three are evaluating and b is the one running.
    assert_eq!(status(1, 12), Some(Status::Evaluating));
    assert_eq!(status(2, 12), Some(Status::Evaluating));
    assert_eq!(g.running(12), Some(2));
    // Before b was resolved it is not on the page at all.
    assert_eq!(status(2, 10), None);
    assert_eq!(tree_text(&g, 10), ["main.js", "  a.js"]);
    // After b ended, a runs again; at the end everything is done.
    assert_eq!(status(2, 14), Some(Status::Done));
    assert_eq!(g.running(14), Some(1));
    assert_eq!(g.running(events.len()), None);
    assert!((0..3).all(|m| status(m, events.len()) == Some(Status::Done)));
    let order: Vec<usize> = g.order.iter().map(|&(m, _)| m).collect();
    assert_eq!(order, [0, 1, 2]);
}

#[test]
fn resolutions_list_each_probe_and_the_cache_hit() {
    let events = cycle_events();
    let g = ModuleGraph::new(&events);
    assert_eq!(g.resolutions.len(), 4);
    let a = &g.resolutions[1];
    assert_eq!(a.request.as_deref(), Some("./a"));
    assert_eq!(a.by, Some(0));
    let probes: Vec<_> = a
        .probes
        .iter()
        .map(|p| (p.path.as_str(), p.found))
        .collect();
    assert_eq!(probes, [("/app/a", false), ("/app/a.js", true)]);
    assert_eq!(a.resolved.as_deref(), Some("/app/a.js"));
    // Mid-lookup (the first probe applied), the resolution shown is this one, still open.
    let during = g.resolution_at(5).unwrap();
    assert_eq!(during.start, 4);
    assert!(during.at.is_some_and(|at| at >= 5));
    let hit = g.resolution_at(events.len()).unwrap();
    assert_eq!(
        (hit.request.as_ref(), hit.by, hit.cached),
        (None, Some(2), Some(12))
    );
}

#[test]
fn an_entry_alone_is_not_worth_a_panel() {
    let events = [
        probe("/app/main.js", true),
        resolve("/app/main.js", "/app", "/app/main.js"),
        start("/app/main.js"),
        end("/app/main.js"),
    ];
    assert!(!ModuleGraph::new(&events).worth_showing());
    assert!(!ModuleGraph::new(std::iter::empty()).worth_showing());
}

fn run(id: &str) -> RunData {
    let sc = scenario::find(id).expect("scenario");
    runner::run(&sc.source_files(), sc.settings())
}

#[test]
fn the_cycle_scenario_shows_partial_exports_and_prints_what_node_prints() {
    let run = run("require-cycle");
    assert_eq!(run.output(), "in b, a.done = false\nin a, b.done = true\n");
    let g = &run.modules;
    assert_eq!(names(g), ["main.js", "a.js", "b.js"]);
    assert!(
        g.edges
            .iter()
            .any(|e| e.partial && g.modules[e.to].path == "/app/a.js")
    );
    assert!(tree_text(g, run.events()).contains(&"      a.js (cycle)".to_string()));
}

#[test]
fn the_packages_scenario_walks_node_modules() {
    let run = run("require-packages");
    assert_eq!(
        run.output(),
        "hello, Ada HI! 007\nERR_PACKAGE_PATH_NOT_EXPORTED\n"
    );
    let g = &run.modules;
    assert_eq!(
        names(g),
        [
            "main.js",
            "node_modules/greet/lib/index.js",
            "node_modules/greet/lib/shout.js",
            "node_modules/pad/lib/pad.js"
        ]
    );
    let pad = g
        .resolutions
        .iter()
        .find(|r| r.request.as_deref() == Some("pad"))
        .unwrap();
    assert!(
        pad.probes
            .iter()
            .any(|p| p.path == "/app/node_modules/pad/package.json" && p.found)
    );
    assert!(
        pad.probes
            .iter()
            .any(|p| p.path == "/app/node_modules/pad.js" && !p.found)
    );
    let refused = g.resolutions.last().unwrap();
    assert_eq!(
        (refused.request.as_deref(), refused.resolved.as_ref()),
        (Some("greet/lib/index.js"), None)
    );
}

#[test]
fn the_esm_graph_shares_its_leaf_and_suspends_at_top_level_await() {
    let run = run("esm-graph");
    assert_eq!(
        run.output(),
        "prices starts loading\nbanner runs while prices waits\nprices loaded\ncart runs\nmain runs: total 7 tea costs 3\n"
    );
    let g = &run.modules;
    assert!(g.modules.iter().all(|m| m.kind == ModuleKind::Esm));
    let phases: Vec<_> = g.phases.iter().map(|p| p.phase).collect();
    assert_eq!(
        phases,
        [
            EsmPhase::Construction,
            EsmPhase::Linking,
            EsmPhase::Evaluation
        ]
    );
    let order: Vec<_> = g
        .order
        .iter()
        .map(|&(m, _)| g.label(&g.modules[m].path))
        .collect();
    assert_eq!(order, ["prices.mjs", "banner.mjs", "cart.mjs", "main.mjs"]);
    assert_eq!(
        tree_text(g, run.events()),
        [
            "main.mjs",
            "  cart.mjs",
            "    prices.mjs",
            "  banner.mjs",
            "  prices.mjs (again)"
        ]
    );
    // While banner runs, prices waits at its await.
    let prices = g.index_of("/app/prices.mjs").unwrap();
    let banner = g.index_of("/app/banner.mjs").unwrap();
    let during = g.modules[banner].runs[0].start + 1;
    assert_eq!(g.modules[prices].status(during), Some(Status::Suspended));
    assert_eq!(g.running(during), Some(banner));
    assert_eq!(
        g.phase_at(during).map(|p| p.phase),
        Some(EsmPhase::Evaluation)
    );
}

#[test]
fn the_mixed_scenario_loads_util_once_for_both_loaders() {
    let run = run("esm-mixed");
    assert_eq!(
        run.output(),
        "util.js runs once\nlegacy.cjs runs (CommonJS), util loaded: function\nmodern.mjs runs (ES module)\nmain.mjs runs: legacy version 2\nBOTH LOADERS SHARE ONE UTIL.JS!\n"
    );
    let g = &run.modules;
    let kind = |p: &str| g.modules[g.index_of(p).unwrap()].kind;
    assert_eq!(kind("/app/legacy.cjs"), ModuleKind::Cjs);
    assert_eq!(kind("/app/util.js"), ModuleKind::Cjs);
    assert_eq!(kind("/app/modern.mjs"), ModuleKind::Esm);
    let util = g.index_of("/app/util.js").unwrap();
    let into_util: Vec<_> = g
        .edges
        .iter()
        .filter(|e| e.to == util)
        .map(|e| (g.label(&g.modules[e.from].path), e.kind))
        .collect();
    assert_eq!(
        into_util,
        [
            ("modern.mjs", EdgeKind::Import),
            ("legacy.cjs", EdgeKind::Require)
        ]
    );
    assert_eq!(g.modules[util].runs.len(), 1);
}
