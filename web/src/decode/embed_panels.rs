//! Which panels an embed shows, written `&panels=code,loop,console` in its fragment. A course
//! author picks them in the Embed dialog; the page parses them leniently (unknown names are
//! ignored, a list with nothing known shows the default set) because links get hand-edited.

/// A panel an embed can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedPanel {
    Code,
    Stack,
    Loop,
    Cards,
    Console,
    Details,
}

impl EmbedPanel {
    pub const ALL: [EmbedPanel; 6] = [
        EmbedPanel::Code,
        EmbedPanel::Stack,
        EmbedPanel::Loop,
        EmbedPanel::Cards,
        EmbedPanel::Console,
        EmbedPanel::Details,
    ];

    /// The name in the fragment.
    pub fn id(self) -> &'static str {
        match self {
            EmbedPanel::Code => "code",
            EmbedPanel::Stack => "stack",
            EmbedPanel::Loop => "loop",
            EmbedPanel::Cards => "cards",
            EmbedPanel::Console => "console",
            EmbedPanel::Details => "details",
        }
    }

    /// What the Embed dialog calls it.
    pub fn name(self) -> &'static str {
        match self {
            EmbedPanel::Code => "code",
            EmbedPanel::Stack => "call stack",
            EmbedPanel::Loop => "event loop",
            EmbedPanel::Cards => "callback cards",
            EmbedPanel::Console => "console",
            EmbedPanel::Details => "queues, thread pool and handles",
        }
    }

    pub fn from_id(id: &str) -> Option<EmbedPanel> {
        EmbedPanel::ALL.into_iter().find(|p| p.id() == id)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A non-empty set of panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedPanels(u8);

/// What fits a 600×400 frame: the code, the loop and the console.
impl Default for EmbedPanels {
    fn default() -> Self {
        EmbedPanels(EmbedPanel::Code.bit() | EmbedPanel::Loop.bit() | EmbedPanel::Console.bit())
    }
}

impl EmbedPanels {
    /// Reads `code,loop,console`. Names are matched without regard to case and `%2C` counts as
    /// a comma (some tools encode it); anything else unknown is skipped.
    pub fn parse(value: &str) -> EmbedPanels {
        let value = value.replace("%2C", ",").replace("%2c", ",");
        let bits = value
            .split(',')
            .filter_map(|name| EmbedPanel::from_id(&name.trim().to_ascii_lowercase()))
            .fold(0, |bits, p| bits | p.bit());
        if bits == 0 {
            EmbedPanels::default()
        } else {
            EmbedPanels(bits)
        }
    }

    /// The fragment's value, in a fixed order.
    pub fn param(self) -> String {
        self.iter()
            .map(EmbedPanel::id)
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn shows(self, panel: EmbedPanel) -> bool {
        self.0 & panel.bit() != 0
    }

    /// The set with `panel` shown or not; the last panel shown cannot be taken away.
    pub fn with(self, panel: EmbedPanel, shown: bool) -> EmbedPanels {
        let bits = if shown {
            self.0 | panel.bit()
        } else {
            self.0 & !panel.bit()
        };
        if bits == 0 { self } else { EmbedPanels(bits) }
    }

    /// Whether `panel` is the only one shown (so the dialog can say it must stay).
    pub fn only(self, panel: EmbedPanel) -> bool {
        self.0 == panel.bit()
    }

    pub fn iter(self) -> impl Iterator<Item = EmbedPanel> {
        EmbedPanel::ALL.into_iter().filter(move |p| self.shows(*p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_names_and_skips_the_rest() {
        let p = EmbedPanels::parse("console,bogus,LOOP,, stack ");
        assert_eq!(p.param(), "stack,loop,console");
        assert_eq!(EmbedPanels::parse("code%2Ccards").param(), "code,cards");
    }

    #[test]
    fn nothing_known_means_the_default_set() {
        for value in ["", ",", "nope", "code;loop", "%%%"] {
            assert_eq!(
                EmbedPanels::parse(value),
                EmbedPanels::default(),
                "{value:?}"
            );
        }
        assert_eq!(EmbedPanels::default().param(), "code,loop,console");
    }

    #[test]
    fn round_trips_every_set() {
        for bits in 1..(1u8 << EmbedPanel::ALL.len()) {
            let set = EmbedPanels(bits);
            assert_eq!(EmbedPanels::parse(&set.param()), set);
        }
    }

    #[test]
    fn the_last_panel_stays() {
        let only_loop = EmbedPanels::default()
            .with(EmbedPanel::Code, false)
            .with(EmbedPanel::Console, false);
        assert!(only_loop.only(EmbedPanel::Loop));
        assert_eq!(only_loop.with(EmbedPanel::Loop, false), only_loop);
        assert_eq!(
            only_loop.with(EmbedPanel::Details, true).param(),
            "loop,details"
        );
    }
}
