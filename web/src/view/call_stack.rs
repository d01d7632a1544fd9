//! The learner's call stack as the page words it: frames by file tab and line, and the task that
//! started the JavaScript, in the loop's terms. No HTML, so it is tested natively.
use crate::view::narration::task_name;
use crate::view::replay::View;
use looplab_core::Task;
use looplab_core::trace::Frame;

use crate::files::SourceFile;
use crate::run::finished::RunData;
use crate::view::cards::Place;
use crate::view::now::Now;

/// Where the page keeps the scenario's files (the runner's `APP_DIR`).
const APP_DIR: &str = "/app/";

/// A frame's file as its tab is named: `/app/lib/util.js` is `lib/util.js`.
pub fn short_file(path: &str) -> &str {
    path.strip_prefix(APP_DIR).unwrap_or(path)
}

/// A frame's function, as Node's stack traces name an unnamed one.
pub fn function_name(frame: &Frame) -> &str {
    if frame.function.is_empty() {
        "(anonymous)"
    } else {
        &frame.function
    }
}

/// The tab holding `path`. The entry runs as `.mjs` when the settings ask for an ES module.
pub fn file_index(files: &[SourceFile], path: &str) -> Option<usize> {
    let name = short_file(path);
    files.iter().position(|f| f.name == name).or_else(|| {
        let stem = name.strip_suffix(".mjs")?;
        let entry = files.first()?.name.strip_suffix(".js")?;
        (stem == entry).then_some(0)
    })
}

/// What runs now, as the call stack heads it: the main script, or the card whose callback runs
/// and where (a phase, the microtask checkpoint, after the loop). Node's own callbacks inside a
/// learner's card (readFile's fstat, read, close) are said to be Node's, for that card.
pub fn running_task(now: Now, view: &View, run: Option<&RunData>, step: usize) -> Option<String> {
    let run = match (now, run) {
        (Now::MainScript, _) => return Some("main script".to_string()),
        (Now::Callback { .. } | Now::Draining { .. }, Some(run)) => run,
        _ => return None,
    };
    let place = match now {
        Now::Draining { .. } => "microtask checkpoint".to_string(),
        Now::Callback { phase: Some(p), .. } => format!("{} phase", p.name()),
        _ => "after the loop".to_string(),
    };
    let entry = run.cards.entry();
    if let Some(Task::RequestDone(q)) = view.running
        && run.cards.is_internal(q)
        && let Some(c) = run.cards.of_request(q)
    {
        let label = run.cards.cards[c].label(entry);
        return Some(format!("{place}: Node's own callback for {label}"));
    }
    let applied = run.applied(step);
    match run
        .cards
        .cards
        .iter()
        .find(|c| c.place(applied) == Some(Place::Running))
    {
        Some(card) => Some(format!("{place}: {}", card.label(entry))),
        None => task_words(view),
    }
}

/// The bottom of the stack: what the loop called, and in which phase.
pub fn task_words(view: &View) -> Option<String> {
    let task = view.running?;
    let name = task_name(task, view);
    Some(match view.phase {
        Some(phase) => format!("{} phase: {name}", phase.name()),
        None => format!("main script: {name}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_core::Task;
    use looplab_core::uv::Phase;

    fn files(names: &[&str]) -> Vec<SourceFile> {
        names
            .iter()
            .map(|n| SourceFile {
                name: n.to_string(),
                text: String::new(),
            })
            .collect()
    }

    #[test]
    fn frames_find_their_tab() {
        let fs = files(&["main.js", "lib/util.js"]);
        assert_eq!(file_index(&fs, "/app/lib/util.js"), Some(1));
        assert_eq!(file_index(&fs, "/app/main.mjs"), Some(0));
        assert_eq!(file_index(&fs, "/elsewhere/x.js"), None);
        assert_eq!(short_file("/app/main.js"), "main.js");
    }

    #[test]
    fn the_task_is_named_with_its_phase() {
        let mut view = View::default();
        assert_eq!(task_words(&view), None);
        view.running = Some(Task::Main);
        assert_eq!(
            task_words(&view).as_deref(),
            Some("main script: the entry script")
        );
        view.phase = Some(Phase::Check);
        view.running = Some(Task::Immediate(looplab_core::node::ImmediateId(3)));
        assert_eq!(
            task_words(&view).as_deref(),
            Some("check phase: setImmediate callback #3")
        );
    }

    #[test]
    fn unnamed_functions_read_as_node_prints_them() {
        let frame = Frame {
            function: String::new(),
            file: "/app/main.js".into(),
            line: 1,
            column: 1,
        };
        assert_eq!(function_name(&frame), "(anonymous)");
    }
}
