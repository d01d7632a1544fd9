//! The messages a course page and an embed exchange with `postMessage`, as plain data (the hook
//! `use_host_messages` does the browser part). Step numbers are the ones the embed shows: 1 is the
//! first step, `last` the last, as in "step 3 of 12".
//!
//! To the embed:
//! - `{type: "looplab:step"}` one step forward; `{type: "looplab:step", by: -2}` two back
//! - `{type: "looplab:goto", step: 5}` to step 5 (past the end: the last step)
//! - `{type: "looplab:run"}` runs the code again, from step 1
//!
//! From the embed, to `window.parent`:
//! - `{type: "looplab:ready", step, last, level}` when a run is ready to step through
//! - `{type: "looplab:step", step, last, level, sentence}` whenever the step shown changes
use serde_json::{Value, json};

use crate::view::level::Level;

/// What a host page asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostCommand {
    /// Forward (or back, when negative) this many steps.
    Step(i64),
    /// To the step with this number (1-based).
    GoTo(u64),
    Run,
}

/// Why a message was ignored (the page ignores it quietly; tests read the reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// Not an object with a `type` starting `looplab:`: someone else's message.
    NotOurs,
    UnknownType,
    /// `by` or `step` is missing where required, not an integer, or out of range.
    BadNumber,
}

impl HostCommand {
    pub fn parse(message: &Value) -> Result<HostCommand, Ignored> {
        let kind = message
            .get("type")
            .and_then(Value::as_str)
            .and_then(|t| t.strip_prefix("looplab:"))
            .ok_or(Ignored::NotOurs)?;
        match kind {
            "step" => match message.get("by") {
                None | Some(Value::Null) => Ok(HostCommand::Step(1)),
                Some(by) => by.as_i64().map(HostCommand::Step).ok_or(Ignored::BadNumber),
            },
            "goto" => match message.get("step").and_then(Value::as_u64) {
                Some(n) if n >= 1 => Ok(HostCommand::GoTo(n)),
                _ => Err(Ignored::BadNumber),
            },
            "run" => Ok(HostCommand::Run),
            _ => Err(Ignored::UnknownType),
        }
    }

    /// The step (0-based) a step or goto command lands on, from `step` with `last` the last
    /// step (both 0-based); `None` for a run.
    pub fn target(self, step: usize, last: usize) -> Option<usize> {
        let last = last as u64;
        let to = match self {
            HostCommand::Step(by) if by >= 0 => (step as u64).saturating_add(by.unsigned_abs()),
            HostCommand::Step(by) => (step as u64).saturating_sub(by.unsigned_abs()),
            HostCommand::GoTo(n) => n.saturating_sub(1),
            HostCommand::Run => return None,
        };
        // Never above `last`, which came from a usize.
        Some(to.min(last) as usize)
    }
}

/// Where the embed is; `step` and `last` 0-based, sent 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub step: usize,
    pub last: usize,
    pub level: Level,
    pub sentence: String,
}

impl Position {
    pub fn ready(&self) -> Value {
        json!({
            "type": "looplab:ready",
            "step": self.step + 1,
            "last": self.last + 1,
            "level": self.level.id(),
        })
    }

    pub fn step_event(&self) -> Value {
        json!({
            "type": "looplab:step",
            "step": self.step + 1,
            "last": self.last + 1,
            "level": self.level.id(),
            "sentence": self.sentence,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: Value) -> Result<HostCommand, Ignored> {
        HostCommand::parse(&v)
    }

    #[test]
    fn reads_the_three_commands() {
        assert_eq!(
            parse(json!({"type": "looplab:step"})),
            Ok(HostCommand::Step(1))
        );
        assert_eq!(
            parse(json!({"type": "looplab:step", "by": -3})),
            Ok(HostCommand::Step(-3))
        );
        assert_eq!(
            parse(json!({"type": "looplab:goto", "step": 7})),
            Ok(HostCommand::GoTo(7))
        );
        assert_eq!(
            parse(json!({"type": "looplab:run", "extra": [1]})),
            Ok(HostCommand::Run)
        );
    }

    #[test]
    fn ignores_what_is_not_a_valid_command() {
        for (message, why) in [
            (json!("looplab:step"), Ignored::NotOurs),
            (json!(null), Ignored::NotOurs),
            (json!([1, 2]), Ignored::NotOurs),
            (json!({"type": 5}), Ignored::NotOurs),
            (json!({"type": "step"}), Ignored::NotOurs),
            (json!({"type": "looplab:jump"}), Ignored::UnknownType),
            (
                json!({"type": "looplab:step", "by": 1.5}),
                Ignored::BadNumber,
            ),
            (
                json!({"type": "looplab:step", "by": "2"}),
                Ignored::BadNumber,
            ),
            (
                json!({"type": "looplab:step", "by": 1e300}),
                Ignored::BadNumber,
            ),
            (json!({"type": "looplab:goto"}), Ignored::BadNumber),
            (
                json!({"type": "looplab:goto", "step": 0}),
                Ignored::BadNumber,
            ),
            (
                json!({"type": "looplab:goto", "step": -4}),
                Ignored::BadNumber,
            ),
            (
                json!({"type": "looplab:goto", "step": "3"}),
                Ignored::BadNumber,
            ),
        ] {
            assert_eq!(HostCommand::parse(&message), Err(why), "{message}");
        }
    }

    #[test]
    fn targets_stay_inside_the_run() {
        assert_eq!(HostCommand::Step(1).target(3, 10), Some(4));
        assert_eq!(HostCommand::Step(-2).target(3, 10), Some(1));
        assert_eq!(HostCommand::Step(-20).target(3, 10), Some(0));
        assert_eq!(HostCommand::Step(i64::MAX).target(3, 10), Some(10));
        assert_eq!(HostCommand::Step(i64::MIN).target(3, 10), Some(0));
        assert_eq!(HostCommand::GoTo(1).target(3, 10), Some(0));
        assert_eq!(HostCommand::GoTo(u64::MAX).target(3, 10), Some(10));
        assert_eq!(HostCommand::Run.target(3, 10), None);
    }

    #[test]
    fn events_count_from_one() {
        let at = Position {
            step: 0,
            last: 11,
            level: Level::Internals,
            sentence: "main runs".into(),
        };
        assert_eq!(
            at.step_event(),
            json!({"type": "looplab:step", "step": 1, "last": 12, "level": "internals", "sentence": "main runs"})
        );
        assert_eq!(
            at.ready(),
            json!({"type": "looplab:ready", "step": 1, "last": 12, "level": "internals"})
        );
    }

    mod hostile {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_json_is_a_command_or_ignored(text in "[{}\\[\\]\":,a-z0-9 .-]{0,120}",
                step in 0usize..1000, last in 0usize..1000) {
                let text = text.replace("a", "\"looplab:step\"");
                if let Ok(value) = serde_json::from_str::<Value>(&text)
                    && let Ok(command) = HostCommand::parse(&value)
                    && let Some(to) = command.target(step.min(last), last)
                {
                    prop_assert!(to <= last);
                }
            }
        }
    }
}
