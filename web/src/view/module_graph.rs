//! The module graph a run built, read from its trace: which modules loaded, who required or
//! imported whom, how each request was resolved, and how far each module's code had run.
//!
//! Built once per run. Every item keeps the index of the event that made it, so the page can ask
//! "as of N applied events" while stepping without reading the trace again.
use looplab_core::{EsmPhase, ModuleFormat, TraceEvent};

/// How a module loads, as the page labels it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleKind {
    Cjs,
    Esm,
    Json,
    Builtin,
}

impl ModuleKind {
    pub fn label(self) -> &'static str {
        match self {
            ModuleKind::Cjs => "CJS",
            ModuleKind::Esm => "ESM",
            ModuleKind::Json => "JSON",
            ModuleKind::Builtin => "built-in",
        }
    }

    fn of(format: ModuleFormat) -> Self {
        match format {
            ModuleFormat::Commonjs => ModuleKind::Cjs,
            ModuleFormat::Module => ModuleKind::Esm,
            ModuleFormat::Json => ModuleKind::Json,
            ModuleFormat::Builtin => ModuleKind::Builtin,
        }
    }

    /// Before a module runs only its name is known; its evaluation says for sure.
    fn guess(path: &str) -> Self {
        if path.starts_with("node:") {
            ModuleKind::Builtin
        } else if path.ends_with(".mjs") {
            ModuleKind::Esm
        } else if path.ends_with(".json") {
            ModuleKind::Json
        } else {
            ModuleKind::Cjs
        }
    }
}

/// One evaluation of a module's code. A CommonJS module that threw leaves the cache and can run
/// again, so a module may have several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub start: usize,
    pub end: Option<usize>,
    pub ok: bool,
    /// Where a top-level `await` first suspended it.
    pub suspended: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Module {
    pub path: String,
    pub kind: ModuleKind,
    /// The event that first named it: its resolution, or an import edge to it.
    pub found: usize,
    pub runs: Vec<Evaluation>,
}

/// Where a module's code stands after some events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Resolved (and for ES modules parsed), its code not run yet.
    Loaded,
    Evaluating,
    /// Waiting at a top-level `await`.
    Suspended,
    Done,
    Threw,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Loaded => "not run yet",
            Status::Evaluating => "evaluating",
            Status::Suspended => "waiting at top-level await",
            Status::Done => "done",
            Status::Threw => "threw",
        }
    }
}

impl Module {
    /// Its status once `applied` events have happened; None before it was found.
    pub fn status(&self, applied: usize) -> Option<Status> {
        if self.found >= applied {
            return None;
        }
        let Some(run) = self.runs.iter().rev().find(|r| r.start < applied) else {
            return Some(Status::Loaded);
        };
        Some(match run.end {
            Some(end) if end < applied && run.ok => Status::Done,
            Some(end) if end < applied => Status::Threw,
            _ if run.suspended.is_some_and(|s| s < applied) => Status::Suspended,
            _ => Status::Evaluating,
        })
    }

    fn evaluating(&self) -> bool {
        self.runs.last().is_some_and(|r| r.end.is_none())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    Require,
    Import,
}

/// `from` required or imported `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// The specifier as written, when the trace names it.
    pub request: Option<String>,
    pub at: usize,
    /// `to` was still running when required: a cycle, so `from` got its exports half-built.
    pub partial: bool,
}

/// A path the loader looked at while resolving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    pub path: String,
    pub found: bool,
    pub at: usize,
}

/// One `require()` or `import`: the paths tried, what it resolved to, and whether the module
/// came from the cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// None for a CommonJS require answered from Node's path cache (nothing was looked up).
    pub request: Option<String>,
    /// The module asking (none for the entry point).
    pub by: Option<usize>,
    pub probes: Vec<Probe>,
    pub resolved: Option<String>,
    /// The first event (a probe, or the outcome).
    pub start: usize,
    /// The outcome's event; None if the trace stops while it is still looking.
    pub at: Option<usize>,
    /// The module was already in the cache, so its code did not run again.
    pub cached: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseMark {
    pub phase: EsmPhase,
    pub root: String,
    pub at: usize,
}

/// A row of the graph drawn as an indented tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub depth: usize,
    pub module: usize,
    /// The edge that led here (none for a root).
    pub edge: Option<usize>,
    pub seen: Seen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Drawn here with its own imports below it.
    First,
    /// Already drawn higher up: a shared module, loaded once.
    Again,
    /// An ancestor of this row: the edge closes a cycle.
    Cycle,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModuleGraph {
    /// In the order they were found; the first is the entry point.
    pub modules: Vec<Module>,
    /// In load order.
    pub edges: Vec<Edge>,
    pub resolutions: Vec<Resolution>,
    pub phases: Vec<PhaseMark>,
    /// Evaluation starts in order: (module, event).
    pub order: Vec<(usize, usize)>,
}

/// What building needs besides the graph itself.
#[derive(Default)]
struct Builder {
    graph: ModuleGraph,
    probes: Vec<Probe>,
    /// Modules whose code started and has not ended, innermost last.
    running: Vec<usize>,
    /// The resolution whose module is loaded next (so a cache hit belongs to it).
    open: Option<usize>,
}

impl ModuleGraph {
    pub fn new<'a>(events: impl IntoIterator<Item = &'a TraceEvent>) -> Self {
        let mut b = Builder::default();
        for (i, event) in events.into_iter().enumerate() {
            b.apply(i, event);
        }
        if let Some(first) = b.probes.first() {
            // The trace stopped mid-lookup: keep what was tried.
            let start = first.at;
            let by = b.current();
            b.graph.resolutions.push(Resolution {
                request: None,
                by,
                probes: std::mem::take(&mut b.probes),
                resolved: None,
                start,
                at: None,
                cached: None,
            });
        }
        b.graph
    }

    /// Worth a panel: the entry loaded another file of the learner's, or is an ES module.
    pub fn worth_showing(&self) -> bool {
        let files = self
            .modules
            .iter()
            .filter(|m| m.kind != ModuleKind::Builtin)
            .count();
        files > 1
            || self
                .modules
                .first()
                .is_some_and(|m| m.kind == ModuleKind::Esm)
    }

    pub fn index_of(&self, path: &str) -> Option<usize> {
        self.modules.iter().position(|m| m.path == path)
    }

    /// A path as the learner wrote it: relative to the entry's directory.
    pub fn label<'a>(&self, path: &'a str) -> &'a str {
        let Some(dir) = self.modules.first().and_then(|m| m.path.rsplit_once('/')) else {
            return path;
        };
        path.strip_prefix(dir.0)
            .and_then(|p| p.strip_prefix('/'))
            .unwrap_or(path)
    }

    /// The module whose code is running once `applied` events have happened.
    pub fn running(&self, applied: usize) -> Option<usize> {
        (0..self.modules.len())
            .filter(|&m| self.modules[m].status(applied) == Some(Status::Evaluating))
            .max_by_key(|&m| {
                self.modules[m]
                    .runs
                    .iter()
                    .rev()
                    .find(|r| r.start < applied)
                    .map(|r| r.start)
            })
    }

    /// The resolution under way or last finished once `applied` events have happened.
    pub fn resolution_at(&self, applied: usize) -> Option<&Resolution> {
        self.resolutions.iter().rev().find(|r| r.start < applied)
    }

    /// The ES module phase entered last (its graph root and event).
    pub fn phase_at(&self, applied: usize) -> Option<&PhaseMark> {
        self.phases.iter().rev().find(|p| p.at < applied)
    }

    /// The graph as an indented tree: each root, then depth first along edges in load order.
    /// A module already drawn is a one-line reference, so a cycle or a shared leaf ends there.
    pub fn tree(&self, applied: usize) -> Vec<Row> {
        let edges: Vec<usize> = (0..self.edges.len())
            .filter(|&e| self.edges[e].at < applied)
            .collect();
        let mut rows = Vec::new();
        let mut drawn = vec![false; self.modules.len()];
        let mut path = Vec::new();
        for m in 0..self.modules.len() {
            let has_parent = edges.iter().any(|&e| self.edges[e].to == m);
            if self.modules[m].found < applied && !has_parent && !drawn[m] {
                self.walk(m, None, &edges, &mut drawn, &mut path, &mut rows);
            }
        }
        rows
    }

    fn walk(
        &self,
        m: usize,
        edge: Option<usize>,
        edges: &[usize],
        drawn: &mut [bool],
        path: &mut Vec<usize>,
        rows: &mut Vec<Row>,
    ) {
        let seen = if path.contains(&m) {
            Seen::Cycle
        } else if drawn[m] {
            Seen::Again
        } else {
            Seen::First
        };
        rows.push(Row {
            depth: path.len(),
            module: m,
            edge,
            seen,
        });
        if seen != Seen::First {
            return;
        }
        drawn[m] = true;
        path.push(m);
        let mut children: Vec<usize> = Vec::new();
        for &e in edges.iter().filter(|&&e| self.edges[e].from == m) {
            if !children
                .iter()
                .any(|&c| self.edges[c].to == self.edges[e].to)
            {
                children.push(e);
            }
        }
        for e in children {
            self.walk(self.edges[e].to, Some(e), edges, drawn, path, rows);
        }
        path.pop();
    }
}

impl Builder {
    fn apply(&mut self, i: usize, event: &TraceEvent) {
        match event {
            TraceEvent::ModuleProbe { path, found } => {
                self.open = None;
                self.probes.push(Probe {
                    path: path.clone(),
                    found: *found,
                    at: i,
                });
            }
            TraceEvent::ModuleResolve {
                request,
                from,
                resolved,
            } => self.resolve(i, request, from, resolved.as_deref()),
            TraceEvent::ModuleCacheHit { path } => self.cache_hit(i, path),
            TraceEvent::EsmEdge {
                from,
                to,
                specifier,
            } => {
                let from = self.module(from, i);
                let to = self.module(to, i);
                let m = &mut self.graph.modules[from];
                if m.runs.is_empty() && m.kind == ModuleKind::Cjs {
                    // Only an ES module has static imports.
                    m.kind = ModuleKind::Esm;
                }
                self.edge(from, to, EdgeKind::Import, Some(specifier.clone()), i);
            }
            TraceEvent::ModuleEvalStart { path, format } => {
                self.open = None;
                let m = self.module(path, i);
                let module = &mut self.graph.modules[m];
                module.kind = ModuleKind::of(*format);
                module.runs.push(Evaluation {
                    start: i,
                    end: None,
                    ok: false,
                    suspended: None,
                });
                self.running.push(m);
                self.graph.order.push((m, i));
            }
            TraceEvent::ModuleEvalEnd { path, ok } => {
                let Some(m) = self.graph.index_of(path) else {
                    return;
                };
                if let Some(run) = self.graph.modules[m].runs.last_mut() {
                    run.end = Some(i);
                    run.ok = *ok;
                }
                if let Some(pos) = self.running.iter().rposition(|&r| r == m) {
                    self.running.remove(pos);
                }
            }
            TraceEvent::EsmSuspended { path } => {
                let Some(m) = self.graph.index_of(path) else {
                    return;
                };
                if let Some(run) = self.graph.modules[m].runs.last_mut() {
                    run.suspended.get_or_insert(i);
                }
            }
            TraceEvent::EsmPhase { phase, root } => self.graph.phases.push(PhaseMark {
                phase: *phase,
                root: root.clone(),
                at: i,
            }),
            _ => {}
        }
    }

    /// The module whose code asks now: the innermost running one not waiting at an `await`.
    fn current(&self) -> Option<usize> {
        let modules = &self.graph.modules;
        let waiting = |m: usize| {
            modules[m]
                .runs
                .last()
                .is_some_and(|r| r.suspended.is_some())
        };
        self.running
            .iter()
            .rev()
            .find(|&&m| !waiting(m))
            .or(self.running.last())
            .copied()
    }

    fn module(&mut self, path: &str, at: usize) -> usize {
        if let Some(m) = self.graph.index_of(path) {
            return m;
        }
        self.graph.modules.push(Module {
            path: path.to_string(),
            kind: ModuleKind::guess(path),
            found: at,
            runs: Vec::new(),
        });
        self.graph.modules.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, kind: EdgeKind, request: Option<String>, at: usize) {
        let partial = kind == EdgeKind::Require && self.graph.modules[to].evaluating();
        self.graph.edges.push(Edge {
            from,
            to,
            kind,
            request,
            at,
            partial,
        });
    }

    fn resolve(&mut self, i: usize, request: &str, from: &str, resolved: Option<&str>) {
        // An ES module names itself as the importer and its edge follows; CommonJS gives the
        // directory, and the asker is the module running now.
        let importer = self.graph.index_of(from);
        let by = importer.or_else(|| self.current());
        let probes = std::mem::take(&mut self.probes);
        let start = probes.first().map_or(i, |p| p.at);
        if let Some(path) = resolved {
            let to = self.module(path, i);
            if let (None, Some(by)) = (importer, by) {
                self.edge(by, to, EdgeKind::Require, Some(request.to_string()), i);
            }
        }
        self.graph.resolutions.push(Resolution {
            request: Some(request.to_string()),
            by,
            probes,
            resolved: resolved.map(str::to_string),
            start,
            at: Some(i),
            cached: None,
        });
        self.open = Some(self.graph.resolutions.len() - 1);
    }

    fn cache_hit(&mut self, i: usize, path: &str) {
        let open = self.open.take();
        if let Some(r) = open.map(|r| &mut self.graph.resolutions[r])
            && r.resolved.as_deref() == Some(path)
        {
            r.cached = Some(i);
            return;
        }
        // Node's path cache answered the require without a lookup: only the hit is recorded.
        let by = self.current();
        let to = self.module(path, i);
        if let Some(by) = by {
            self.edge(by, to, EdgeKind::Require, None, i);
        }
        self.graph.resolutions.push(Resolution {
            request: None,
            by,
            probes: Vec::new(),
            resolved: Some(path.to_string()),
            start: i,
            at: Some(i),
            cached: Some(i),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::finished::RunData;
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
        runner::run(&sc.source_files(), sc.settings(), &[])
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
}
