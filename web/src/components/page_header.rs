//! The page's header: the views, the scenario picker, the level, and the tools (open a trace,
//! share, embed, theme), which fold behind one button on a phone. An embed shows its title and a
//! link to the full page instead.
use yew::prelude::*;

use crate::components::{
    level_switch::LevelSwitch, open_trace::OpenTrace, scenario_picker::ScenarioPicker,
};
use crate::hooks::use_theme::use_theme;
use crate::state::Action;
use crate::view::level::Level;

/// The dialog open over the page.
#[derive(Clone, Copy, PartialEq)]
pub enum Dialog {
    Share,
    Embed,
}

#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    pub embed: bool,
    /// The scenario's title, shown in an embed.
    pub title: Option<&'static str>,
    /// The link an embed opens the full page at.
    pub full_link: AttrValue,
    pub scenario: Option<&'static str>,
    pub level: Level,
    /// The upload view rather than the playground.
    pub uploads: bool,
    pub dialog: Option<Dialog>,
    pub on_uploads: Callback<bool>,
    pub on_dialog: Callback<Dialog>,
    /// Page actions: a scenario, a level.
    pub on_action: Callback<Action>,
    /// A trace opened from a file, which replaces any run going on.
    pub on_open_trace: Callback<Action>,
}

#[function_component(PageHeader)]
pub fn page_header(props: &PageHeaderProps) -> Html {
    let (theme, toggle_theme) = use_theme();
    let tools_open = use_state(|| false);
    let uploads = props.uploads;
    let view_button = |to_uploads: bool, id: &'static str, name: &'static str| {
        html! {
            <button type="button" data-testid={id} aria-pressed={(uploads == to_uploads).to_string()}
                onclick={props.on_uploads.reform(move |_| to_uploads)}>{ name }</button>
        }
    };
    let dialog_button = |d: Dialog, id: &'static str, name: &'static str| {
        html! {
            <button type="button" data-testid={id} aria-expanded={(props.dialog == Some(d)).to_string()}
                onclick={props.on_dialog.reform(move |_| d)}>{ name }</button>
        }
    };
    html! {
        <header class="top">
            <h1>{ "Looplab" }</h1>
            if props.embed {
                if let Some(title) = props.title {
                    <span class="embed-title" data-testid="embed-title">{ title }</span>
                }
            } else {
                <nav class="views" aria-label="Views">
                    { view_button(false, "view-playground", "Playground") }
                    { view_button(true, "view-uploads", "Uploads") }
                </nav>
                <button type="button" class="tools-toggle" data-testid="tools-toggle" aria-controls="tools"
                    aria-expanded={tools_open.to_string()}
                    aria-label="More tools: open a trace, share, embed, theme"
                    onclick={let t = tools_open.clone(); Callback::from(move |_| t.set(!*t))}>{ "☰" }</button>
            }
            if !uploads {
                if !props.embed {
                    <ScenarioPicker current={props.scenario} on_pick={props.on_action.reform(Action::LoadScenario)} />
                }
                <LevelSwitch level={props.level} on_level={props.on_action.reform(Action::Level)} />
            }
            <div id="tools" class={classes!("tools", tools_open.then_some("open"))}>
                if !uploads && !props.embed {
                    <OpenTrace on_action={props.on_open_trace.clone()} />
                }
                <div class="actions">
                    if props.embed {
                        <a href={props.full_link.clone()} target="_blank" rel="noopener"
                            data-testid="open-full">{ "Open in Looplab ↗" }</a>
                    } else if !uploads {
                        { dialog_button(Dialog::Share, "share", "Share") }
                        { dialog_button(Dialog::Embed, "embed", "Embed") }
                    }
                    <button type="button" data-testid="theme" aria-label={format!("Switch to {} theme", theme.other().name())}
                        onclick={toggle_theme.reform(|_| ())}>
                        { if theme.name() == "dark" { "☀ light" } else { "☾ dark" } }
                    </button>
                </div>
            </div>
        </header>
    }
}
