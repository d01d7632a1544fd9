//! Share links: files, settings and step in the URL fragment, deflated and base64url-encoded, so a
//! link needs no server. `#s=<payload>`; embed mode adds `&embed`, `&ro` for a read-only editor
//! and `&panels=code,loop,console` for the panels it shows (see `embed_panels`).
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use crate::decode::embed_panels::EmbedPanels;
use crate::files::{RunSettings, SourceFile};
use crate::view::level::Level;

/// The link format this page writes; links from a newer page are refused with a message.
pub const FORMAT: u32 = 1;
/// Longest payload accepted (characters after `s=`); browsers and chat tools cut longer URLs.
pub const MAX_ENCODED: usize = 64 * 1024;
/// Largest inflated payload accepted, so a small link cannot expand into a huge one.
pub const MAX_INFLATED: usize = 512 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub v: u32,
    pub files: Vec<SourceFile>,
    pub settings: RunSettings,
    pub step: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The level `step` counts at. Links from before levels counted every trace event.
    #[serde(default = "internals")]
    pub level: Level,
    /// The branches of the race's order on show, when it is not the model's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<looplab_core::Choice>,
}

fn internals() -> Level {
    Level::Internals
}

/// What the fragment asks for.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Fragment {
    pub shared: Option<Result<Shared, LinkError>>,
    pub embed: bool,
    pub read_only: bool,
    /// What an embed shows; the default set when the fragment names none.
    pub panels: EmbedPanels,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Malformed,
    TooLarge,
    Newer(u32),
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::Malformed => "This share link is damaged (perhaps cut short when it was copied). The page opened with the default scenario instead.".into(),
            LinkError::TooLarge => "This share link is too large to open safely. The page opened with the default scenario instead.".into(),
            LinkError::Newer(v) => format!("This share link was made by a newer Looplab (link format {v}, this page reads up to {FORMAT}). Reload to get the newest page; meanwhile the default scenario is open."),
        }
    }
}

pub fn encode(shared: &Shared) -> String {
    let json = serde_json::to_vec(shared).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&json, 9))
}

pub fn decode(payload: &str) -> Result<Shared, LinkError> {
    if payload.len() > MAX_ENCODED {
        return Err(LinkError::TooLarge);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| LinkError::Malformed)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_INFLATED).map_err(|e| {
            match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
                _ => LinkError::Malformed,
            }
        })?;
    // Read the version first: a newer format may not parse as this one.
    let value: serde_json::Value =
        serde_json::from_slice(&json).map_err(|_| LinkError::Malformed)?;
    match value.get("v").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(FORMAT) => return Err(LinkError::Newer(v as u32)),
        Some(_) => {}
        None => return Err(LinkError::Malformed),
    }
    let mut shared: Shared = serde_json::from_value(value).map_err(|_| LinkError::Malformed)?;
    if shared.files.is_empty() {
        return Err(LinkError::Malformed);
    }
    shared.settings = shared.settings.clamped();
    Ok(shared)
}

/// Parses `#s=...&embed&ro&panels=...` (the leading `#` optional). Unknown parts are ignored.
pub fn parse_fragment(fragment: &str) -> Fragment {
    let mut out = Fragment::default();
    for part in fragment.trim_start_matches('#').split('&') {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        match key {
            "s" => out.shared = Some(decode(value)),
            "embed" => out.embed = true,
            "ro" => out.read_only = true,
            "panels" => out.panels = EmbedPanels::parse(value),
            _ => {}
        }
    }
    out
}

/// The fragment for a share link.
pub fn fragment(shared: &Shared) -> String {
    format!("#s={}", encode(shared))
}

/// The fragment for an iframe: the link, marked as an embed, with its options.
pub fn embed_fragment(shared: &Shared, read_only: bool, panels: EmbedPanels) -> String {
    let mut f = fragment(shared);
    f.push_str("&embed");
    if read_only {
        f.push_str("&ro");
    }
    f.push_str("&panels=");
    f.push_str(&panels.param());
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Shared {
        Shared {
            v: FORMAT,
            files: vec![SourceFile::new("main.js", "console.log('hi');\n")],
            settings: RunSettings::default(),
            step: 7,
            scenario: Some("tour".into()),
            level: Level::Learner,
            choices: Vec::new(),
        }
    }

    #[test]
    fn a_link_keeps_the_order_on_show() {
        let mut other = sample();
        other.choices = vec![looplab_core::Choice::Alternative];
        assert_eq!(decode(&encode(&other)), Ok(other));
        // A link to the model's own order carries no choices at all.
        assert!(
            !serde_json::to_string(&sample())
                .unwrap()
                .contains("choices")
        );
    }

    #[test]
    fn a_link_keeps_its_level_and_old_links_count_every_event() {
        let mut internals = sample();
        internals.level = Level::Internals;
        assert_eq!(decode(&encode(&internals)), Ok(internals));
        assert_eq!(
            decode(&encode(&sample())).map(|s| s.level),
            Ok(Level::Learner)
        );
        let old = serde_json::json!({"v": 1, "files": [{"name": "main.js", "text": "1"}],
            "settings": serde_json::to_value(RunSettings::default()).unwrap(), "step": 3});
        let payload = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            old.to_string().as_bytes(),
            9,
        ));
        assert_eq!(decode(&payload).map(|s| s.level), Ok(Level::Internals));
    }

    #[test]
    fn round_trips_through_a_fragment() {
        let f = parse_fragment(&fragment(&sample()));
        assert_eq!(f.shared, Some(Ok(sample())));
        assert!(!f.embed && !f.read_only);
        assert_eq!(f.panels, EmbedPanels::default());
        let panels = EmbedPanels::parse("stack,cards");
        let f = parse_fragment(&embed_fragment(&sample(), false, panels));
        assert_eq!(f.shared, Some(Ok(sample())));
        assert!(f.embed && !f.read_only);
        assert_eq!(f.panels, panels);
        let f = parse_fragment(&embed_fragment(&sample(), true, EmbedPanels::default()));
        assert!(f.embed && f.read_only);
    }

    #[test]
    fn embed_options_parse_in_any_order_and_unknown_ones_are_ignored() {
        let f = parse_fragment("#panels=loop,nonsense&ro&future=1&embed");
        assert!(f.embed && f.read_only && f.shared.is_none());
        assert_eq!(f.panels.param(), "loop");
        let f = parse_fragment("embed&panels=&panels");
        assert_eq!(f.panels, EmbedPanels::default());
    }

    #[test]
    fn refuses_bad_links_with_reasons() {
        assert_eq!(decode("!!!"), Err(LinkError::Malformed));
        assert_eq!(decode("AAAA"), Err(LinkError::Malformed));
        let cut = encode(&sample());
        assert_eq!(decode(&cut[..cut.len() / 2]), Err(LinkError::Malformed));
        assert_eq!(
            decode(&"A".repeat(MAX_ENCODED + 1)),
            Err(LinkError::TooLarge)
        );
        let newer = serde_json::json!({"v": 99, "files": []});
        let payload = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            newer.to_string().as_bytes(),
            9,
        ));
        assert_eq!(decode(&payload), Err(LinkError::Newer(99)));
        let bomb = vec![b' '; MAX_INFLATED + 10];
        let payload = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9));
        assert_eq!(decode(&payload), Err(LinkError::TooLarge));
    }

    mod hostile {
        //! A share link is text anyone can write: whatever it holds, the page gets a scenario
        //! or a message, never a panic.
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            #[test]
            fn arbitrary_fragments(fragment in ".{0,300}") {
                let _ = parse_fragment(&fragment);
            }

            #[test]
            fn arbitrary_panel_lists_still_show_something(value in "[a-zA-Z0-9,%& =]{0,120}") {
                let f = parse_fragment(&format!("#embed&panels={value}"));
                prop_assert!(f.panels.iter().count() > 0);
            }

            #[test]
            fn arbitrary_payloads(payload in "[A-Za-z0-9_=-]{0,400}") {
                let _ = decode(&payload);
            }

            #[test]
            fn a_real_link_with_characters_changed(
                edits in proptest::collection::vec((any::<prop::sample::Index>(), "[A-Za-z0-9_-]"), 1..6)
            ) {
                let mut link: Vec<char> = encode(&sample()).chars().collect();
                for (at, c) in edits {
                    let at = at.index(link.len());
                    link[at] = c.chars().next().unwrap_or('A');
                }
                let link: String = link.into_iter().collect();
                let _ = decode(&link);
            }

            #[test]
            fn arbitrary_json_compressed_as_a_link(json in "[{}\\[\\]\":,a-z0-9 ]{0,200}") {
                let payload = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6));
                let _ = decode(&payload);
            }
        }
    }
}
