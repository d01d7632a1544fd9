//! On a narrow screen the panels sit in groups, one shown at a time; these buttons pick the group.
//! Wide screens show every group and hide the buttons (CSS).
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelTab {
    Code,
    Loop,
    Cards,
    More,
}

impl PanelTab {
    pub const ALL: [PanelTab; 4] = [
        PanelTab::Code,
        PanelTab::Loop,
        PanelTab::Cards,
        PanelTab::More,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PanelTab::Code => "code",
            PanelTab::Loop => "loop",
            PanelTab::Cards => "cards",
            PanelTab::More => "more",
        }
    }

    fn name(self) -> &'static str {
        match self {
            PanelTab::Code => "Code",
            PanelTab::Loop => "Loop",
            PanelTab::Cards => "Callbacks",
            PanelTab::More => "More",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PanelTabsProps {
    pub current: PanelTab,
    pub on_pick: Callback<PanelTab>,
}

#[function_component(PanelTabs)]
pub fn panel_tabs(props: &PanelTabsProps) -> Html {
    html! {
        <nav class="panel-tabs" aria-label="Panels" data-testid="panel-tabs">
            { for PanelTab::ALL.iter().map(|&t| {
                let on = props.on_pick.clone();
                html! {
                    <button type="button" data-testid={format!("panel-tab-{}", t.id())}
                        aria-pressed={(t == props.current).to_string()}
                        onclick={Callback::from(move |_| on.emit(t))}>{ t.name() }</button>
                }
            }) }
        </nav>
    }
}
