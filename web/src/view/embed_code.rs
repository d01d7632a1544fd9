//! The iframe code a course author pastes: what the Embed dialog sets and the HTML it makes.
use crate::decode::embed_panels::EmbedPanels;
use crate::decode::share::{self, Shared};
use crate::run::finished::RunData;
use crate::view::level::Level;

/// The frame size the code asks for; the embed layout is made to fit it.
pub const WIDTH: u32 = 600;
pub const HEIGHT: u32 = 400;

/// What the Embed dialog sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub read_only: bool,
    pub level: Level,
    /// The step the embed opens at, counted at `level` (0 is the first).
    pub step: usize,
    pub panels: EmbedPanels,
}

impl EmbedOptions {
    /// Read-only, at the page's level and step, showing what fits the frame.
    pub fn from_page(level: Level, step: usize) -> EmbedOptions {
        EmbedOptions {
            read_only: true,
            level,
            step,
            panels: EmbedPanels::default(),
        }
    }

    /// The options at another level, opening at the same moment of the run.
    pub fn at_level(self, level: Level, run: Option<&RunData>) -> EmbedOptions {
        let step = match run {
            Some(r) => r.at_level(level, r.internal(self.level, self.step)),
            None => self.step,
        };
        EmbedOptions {
            level,
            step,
            ..self
        }
    }
}

/// The `<iframe>` element for `shared` (the page's files and settings) with `options`.
pub fn iframe(base: &str, title: &str, shared: &Shared, options: EmbedOptions) -> String {
    let shared = Shared {
        step: options.step,
        level: options.level,
        ..shared.clone()
    };
    let src = format!(
        "{base}{}",
        share::embed_fragment(&shared, options.read_only, options.panels)
    );
    format!(
        "<iframe src=\"{}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" title=\"{}\" loading=\"lazy\" style=\"border:0\"></iframe>",
        src.replace('"', "%22")
            .replace('<', "%3C")
            .replace('>', "%3E"),
        attribute(&format!("Looplab: {title}")),
    )
}

/// Text made safe inside a double-quoted HTML attribute. (The src keeps its `&`s as they are, so
/// authors can read `&ro`: none of its parts can be taken for a character reference.)
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::embed_panels::EmbedPanel;
    use crate::files::{RunSettings, SourceFile};

    fn shared() -> Shared {
        Shared {
            v: share::FORMAT,
            files: vec![SourceFile::new("main.js", "setTimeout(() => {}, 1);\n")],
            settings: RunSettings::default(),
            step: 3,
            scenario: None,
            level: Level::Learner,
            choices: Vec::new(),
        }
    }

    /// The fragment the iframe's src carries, as the embedded page reads it.
    fn opened(code: &str) -> share::Fragment {
        let src = code
            .split("src=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        share::parse_fragment(src.split_once('#').unwrap().1)
    }

    #[test]
    fn the_code_carries_every_option() {
        let options = EmbedOptions {
            read_only: false,
            level: Level::Internals,
            step: 17,
            panels: EmbedPanels::parse("loop,console"),
        };
        let code = iframe("https://example.org/looplab/", "Timers", &shared(), options);
        assert!(code.starts_with("<iframe src=\"https://example.org/looplab/#s="));
        assert!(code.contains("width=\"600\" height=\"400\""));
        assert!(!code.contains("&ro"), "{code}");
        let f = opened(&code);
        assert!(f.embed && !f.read_only);
        assert_eq!(f.panels.param(), "loop,console");
        let s = f.shared.unwrap().unwrap();
        assert_eq!((s.level, s.step), (Level::Internals, 17));
        assert_eq!(s.files, shared().files);

        let ro = iframe(
            "/",
            "Timers",
            &shared(),
            EmbedOptions::from_page(Level::Learner, 0),
        );
        assert!(ro.contains("&embed&ro&panels=code,loop,console\""), "{ro}");
        assert!(opened(&ro).read_only);
    }

    #[test]
    fn titles_cannot_break_out_of_the_attribute() {
        let code = iframe(
            "/",
            "a \"quoted\" <b>&",
            &shared(),
            EmbedOptions::from_page(Level::Learner, 0),
        );
        assert!(
            code.contains("title=\"Looplab: a &quot;quoted&quot; &lt;b&gt;&amp;\""),
            "{code}"
        );
    }

    #[test]
    fn switching_level_keeps_the_moment() {
        let s = shared();
        let run = crate::run::runner::run(&s.files, s.settings, &[]);
        let learner = EmbedOptions::from_page(Level::Learner, run.last_at(Level::Learner));
        let internals = learner.at_level(Level::Internals, Some(&run));
        assert_eq!(internals.step, run.internal(Level::Learner, learner.step));
        assert_eq!(internals.at_level(Level::Learner, Some(&run)), learner);
        assert!(internals.panels.shows(EmbedPanel::Code) && internals.read_only);
    }
}
