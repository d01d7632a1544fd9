//! Light or dark: the system's choice until the learner picks one, which is remembered.
use yew::prelude::*;

use crate::browser;

const KEY: &str = "looplab-theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The current theme and a callback that flips it.
#[hook]
pub fn use_theme() -> (Theme, Callback<()>) {
    let theme = use_state(|| match browser::stored(KEY).as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ if browser::prefers("(prefers-color-scheme: dark)") => Theme::Dark,
        _ => Theme::Light,
    });
    {
        let current = *theme;
        use_effect_with(current, move |t| {
            browser::set_root_attribute("data-theme", t.name())
        });
    }
    let toggle = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = theme.other();
            browser::store(KEY, next.name());
            theme.set(next);
        })
    };
    (*theme, toggle)
}
