//! The modules a run loaded, as an indented tree in load order, with the lookup behind the
//! current require/import (each path tried, ✓ or ✗) and the order the modules ran in. Shown when
//! the entry loaded another of the learner's files, or is an ES module.
use std::rc::Rc;

use looplab_core::EsmPhase;
use yew::prelude::*;

use crate::run::finished::RunData;
use crate::view::module_graph::{EdgeKind, ModuleGraph, Resolution, Row, Seen, Status};

#[derive(Properties, PartialEq)]
pub struct ModuleViewProps {
    pub run: Option<Rc<RunData>>,
    pub step: usize,
    pub on_jump: Callback<usize>,
}

const PHASES: [(EsmPhase, &str); 3] = [
    (EsmPhase::Construction, "construction"),
    (EsmPhase::Linking, "linking"),
    (EsmPhase::Evaluation, "evaluation"),
];

#[function_component(ModuleView)]
pub fn module_view(props: &ModuleViewProps) -> Html {
    let Some(run) = props.run.as_ref().filter(|r| r.modules.worth_showing()) else {
        return html! {};
    };
    let g = &run.modules;
    let applied = run.applied(props.step);
    // A button that goes to the step where event `at` happened.
    let jump = |at: usize| {
        let on_jump = props.on_jump.clone();
        let step = run.step_of_event(at);
        Callback::from(move |_: MouseEvent| on_jump.emit(step))
    };
    let rows = g.tree(applied);
    let running = g.running(applied);
    let order: Vec<_> = g.order.iter().filter(|(_, at)| *at < applied).collect();
    html! {
        <section class="panel modules" aria-labelledby="modules-heading" data-testid="modules">
            <h2 id="modules-heading">{ "Modules" }</h2>
            if let Some(mark) = g.phase_at(applied) {
                <ol class="esm-phases" aria-label={format!("ES module phases of {}", g.label(&mark.root))}>
                    { for PHASES.iter().enumerate().map(|(i, &(phase, name))| {
                        let now = PHASES.iter().position(|(p, _)| *p == mark.phase).unwrap_or(0);
                        let state = if phase == mark.phase { "lit" } else if i < now { "past" } else { "" };
                        html! { <li class={classes!("chip", state)}>{ name }</li> }
                    }) }
                </ol>
            }
            if rows.is_empty() {
                <p class="muted">{ "No module loaded yet." }</p>
            } else {
                <ul class="module-tree" aria-label="Module graph in load order">
                    { for rows.iter().map(|row| tree_row(g, row, applied, running, &jump)) }
                </ul>
            }
            if let Some(r) = g.resolution_at(applied) {
                { resolution(g, r, applied, &jump) }
            }
            if g.resolutions.first().is_some_and(|r| r.start < applied) {
                { lookups(g, applied, &jump) }
            }
            if !order.is_empty() {
                <h3>{ "Evaluation order" }</h3>
                <ol class="eval-order">
                    { for order.iter().map(|&&(m, at)| html! {
                        <li><button type="button" class="jump" title="go to the step where its code started"
                            onclick={jump(at)}>{ g.label(&g.modules[m].path) }</button></li>
                    }) }
                </ol>
            }
        </section>
    }
}

fn tree_row(
    g: &ModuleGraph,
    row: &Row,
    applied: usize,
    running: Option<usize>,
    jump: &dyn Fn(usize) -> Callback<MouseEvent>,
) -> Html {
    let module = &g.modules[row.module];
    let status = module.status(applied).unwrap_or(Status::Loaded);
    let now = row.seen == Seen::First && running == Some(row.module);
    let edge = row.edge.map(|e| &g.edges[e]);
    let via = edge.and_then(|e| {
        let request = e.request.as_deref()?;
        Some(match e.kind {
            EdgeKind::Require => format!("require('{request}')"),
            EdgeKind::Import => format!("import '{request}'"),
        })
    });
    let note = match row.seen {
        Seen::First => None,
        Seen::Again => Some("already loaded: not run again"),
        Seen::Cycle if edge.is_some_and(|e| e.partial) => {
            Some("↺ cycle: gets its exports half-built")
        }
        Seen::Cycle => Some("↺ cycle"),
    };
    let suspended = module
        .runs
        .last()
        .and_then(|r| r.suspended)
        .filter(|&s| s < applied);
    html! {
        <li class={classes!("module", status_class(status), now.then_some("now"))}
            style={format!("--depth: {}", row.depth.min(8))}
            aria-current={now.then_some("true")}>
            <button type="button" class="jump name" data-testid="module"
                title="go to the step where it was loaded" onclick={jump(module.found)}>
                { g.label(&module.path) }
            </button>
            <span class="kind">{ module.kind.label() }</span>
            if let Some(via) = via { <span class="via">{ via }</span> }
            if let Some(note) = note {
                <span class="note">{ note }</span>
            } else {
                <span class="status">{ status.label() }</span>
            }
            if let (Some(at), Seen::First) = (suspended, row.seen) {
                <button type="button" class="jump" title="go to the step where top-level await suspended it"
                    onclick={jump(at)}>{ "top-level await" }</button>
            }
        </li>
    }
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Loaded => "loaded",
        Status::Evaluating => "evaluating",
        Status::Suspended => "suspended",
        Status::Done => "done",
        Status::Threw => "threw",
    }
}

/// The lookup for one require/import: each path tried, then where it led.
fn resolution(
    g: &ModuleGraph,
    r: &Resolution,
    applied: usize,
    jump: &dyn Fn(usize) -> Callback<MouseEvent>,
) -> Html {
    let by = r.by.map(|m| g.label(&g.modules[m].path).to_string());
    let title = match (&r.request, by) {
        (Some(req), Some(by)) => format!("Resolving '{req}' from {by}"),
        (Some(req), None) => format!("Resolving the entry point {}", g.label(req)),
        (None, Some(by)) => format!("A repeated require from {by}"),
        (None, None) => "Resolving".to_string(),
    };
    let done = r.at.is_some_and(|at| at < applied);
    let outcome = match (&r.resolved, r.cached.filter(|&c| c < applied)) {
        (Some(path), Some(_)) if r.probes.is_empty() => {
            format!(
                "→ {path}: Node remembered the path, and the module is in the cache, so it does not run again"
            )
        }
        (Some(path), Some(_)) => {
            format!("→ {path}: already in the cache, so it does not run again")
        }
        (Some(path), None) => format!("→ {path}"),
        (None, _) => "✗ not resolved: the require or import throws".to_string(),
    };
    html! {
        <>
            <h3>{ title }</h3>
            <ol class="probes" data-testid="resolution" aria-label="Paths the loader tried">
                { for r.probes.iter().filter(|p| p.at < applied).map(|p| html! {
                    <li class={if p.found { "found" } else { "missing" }}>
                        <button type="button" class="jump" title="go to this step" onclick={jump(p.at)}>
                            <span class="mark" aria-hidden="true">{ if p.found { "✓" } else { "✗" } }</span>
                            <span class="visually-hidden">{ if p.found { "found: " } else { "missing: " } }</span>
                            { &p.path }
                        </button>
                    </li>
                }) }
                if done {
                    <li class="outcome">{ outcome }</li>
                }
            </ol>
        </>
    }
}

/// Every require/import so far on one line each, with the paths it tried: a way back to any.
fn lookups(g: &ModuleGraph, applied: usize, jump: &dyn Fn(usize) -> Callback<MouseEvent>) -> Html {
    let shown: Vec<&Resolution> = g.resolutions.iter().filter(|r| r.start < applied).collect();
    html! {
        <details class="lookups">
            <summary>{ format!("Every lookup so far ({})", shown.len()) }</summary>
            <ol>
                { for shown.into_iter().map(|r| {
                    let what = match &r.request {
                        Some(req) if r.by.is_none() => format!("entry {}", g.label(req)),
                        Some(req) => format!("'{req}'"),
                        None => "repeated require".to_string(),
                    };
                    let by = r.by.map_or(String::new(), |m| format!(" from {}", g.label(&g.modules[m].path)));
                    let to = match (&r.resolved, r.at.is_some_and(|at| at < applied)) {
                        (Some(path), true) => format!(" → {}", g.label(path)),
                        (None, true) => " → not found".to_string(),
                        (_, false) => " …".to_string(),
                    };
                    let tried: Vec<String> = r.probes.iter().filter(|p| p.at < applied)
                        .map(|p| format!("{}\u{a0}{}", if p.found { "✓" } else { "✗" }, p.path)).collect();
                    html! {
                        <li>
                            <button type="button" class="jump" title="go to this lookup" onclick={jump(r.at.unwrap_or(r.start))}>
                                { format!("{what}{by}{to}") }
                            </button>
                            if !tried.is_empty() {
                                <span class="tried">{ tried.join(", ") }</span>
                            }
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
