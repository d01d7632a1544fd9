//! Where the learner's code is when it does something visible: their frames of the engine's
//! stack, most recent first. Node's built-in modules (`node:` paths) and Looplab's glue are left
//! out, so the page's call stack shows the learner their own code and nothing else.
use boa_engine::Context;
use boa_engine::vm::SourcePath;
use looplab_core::trace::{Frame, TraceEvent};

use crate::bindings::{CJS_WRAPPER, host};

/// `CallSite::via` for a built-in function without a name (`Server.prototype.close =
/// function () {...}`): known to be Node's, not which.
pub const ANONYMOUS: &str = "<anonymous>";

/// Frames kept: more than a learner reads, and deep recursion stays cheap to record.
pub const MAX_FRAMES: usize = 16;

/// The learner's frames on the stack now, most recent first (empty while only Node runs).
pub(crate) fn user_frames(context: &Context) -> Vec<Frame> {
    learner_stack(context).0
}

/// The learner's frames, and the name of the Node function their innermost frame called: the
/// built-in frame just above it (`on` for `socket.on(...)`, which may queue a nextTick of
/// Node's own).
fn learner_stack(context: &Context) -> (Vec<Frame>, String) {
    let mut frames = Vec::new();
    let mut via = String::new();
    for frame in context.stack_trace() {
        let at = frame.position();
        let path = match &at.path {
            SourcePath::Path(path) => path.to_str(),
            _ => None,
        };
        let learner = path.and_then(user_file);
        if learner.is_none() && frames.is_empty() {
            via = at.function_name.to_std_string_escaped();
            if via.is_empty() {
                via = ANONYMOUS.into();
            }
        }
        let (Some((file, prefix)), Some(pos)) = (learner, at.position) else {
            continue;
        };
        let line = pos.line_number();
        // The loader's wrapper shares the file's first line; the learner's columns start after it.
        let column = if line == 1 {
            pos.column_number().saturating_sub(prefix as u32).max(1)
        } else {
            pos.column_number()
        };
        frames.push(Frame {
            function: at.function_name.to_std_string_escaped(),
            file,
            line,
            column,
        });
        if frames.len() == MAX_FRAMES {
            break;
        }
    }
    (frames, via)
}

/// The learner's frames in an engine error's printed backtrace (`    at f (/app/main.js:3:5)`,
/// most recent first): an error the engine raises itself (a runtime limit) has unwound the
/// stack by the time the host sees it, and keeps its frames only in this text. A frame's line
/// is where it last called something: the engine records positions only there.
pub(crate) fn error_frames(printed: &str) -> Vec<Frame> {
    printed
        .lines()
        .filter_map(|l| l.strip_prefix("    at "))
        .filter_map(|at| {
            let (function, place) = at.rsplit_once(" (")?;
            let mut parts = place.strip_suffix(')')?.rsplitn(3, ':');
            let column: u32 = parts.next()?.parse().ok()?;
            let line: u32 = parts.next()?.parse().ok()?;
            let (file, prefix) = user_file(parts.next()?)?;
            let column = if line == 1 {
                column.saturating_sub(prefix as u32).max(1)
            } else {
                column
            };
            let function = if function == "<main>" { "" } else { function };
            Some(Frame {
                function: function.to_string(),
                file,
                line,
                column,
            })
        })
        .take(MAX_FRAMES)
        .collect()
}

/// The learner's path for a source the engine ran, and the length of the wrapper before its first
/// line; None for built-ins (`node:...`) and the loader's require() facades.
fn user_file(path: &str) -> Option<(String, usize)> {
    if path.starts_with("node:") || path.contains("?require-facade") {
        return None;
    }
    if path.starts_with("file://") {
        return Some((crate::esm::url_path(path), crate::esm::BODY_START.len()));
    }
    Some((path.to_string(), CJS_WRAPPER.len()))
}

/// Records a `CallSite` before a scheduling call, when learner code made it.
pub(crate) fn record(context: &Context) {
    let (frames, via) = learner_stack(context);
    if !frames.is_empty() {
        host(context)
            .borrow_mut()
            .node
            .uv_mut()
            .record(TraceEvent::CallSite { frames, via });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_errors_backtrace_gives_the_learners_frames() {
        let printed = "NoInstructionsRemainError: instruction budget was exhausted\n    \
            at spin (/app/main.js:3:7)\n    at <main> (/app/main.js:5:1)\n    \
            at runMain (node:internal/modules/cjs/loader:12:3)\n    at push (native)";
        let frames = error_frames(printed);
        let at: Vec<(&str, &str, u32)> = frames
            .iter()
            .map(|f| (f.function.as_str(), f.file.as_str(), f.line))
            .collect();
        assert_eq!(at, [("spin", "/app/main.js", 3), ("", "/app/main.js", 5)]);
    }
}
