//! The playground page: state, effects and layout. The panels are components; this file wires them.
use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    call_stack::CallStack, console::Console, controls::Controls, editor::Editor, handles::Handles,
    layer_strip::LayerStrip, loop_phases::LoopPhases, module_view::ModuleView,
    narration::Narration, open_trace::OpenTrace, queues::Queues, scenario_picker::ScenarioPicker,
    settings_panel::SettingsPanel, share_panel::SharePanel, thread_pool::ThreadPool,
    timeline_view::TimelineView, upload_view::UploadView, wire_view::WireView,
};
use crate::hooks::{
    use_keyboard::SHORTCUTS, use_keyboard::use_keyboard, use_player::use_player,
    use_theme::use_theme,
};
use crate::state::{Action, State, opening_step};
use crate::{browser, call_stack, layers, runner, share};

/// The state the page opens with: the default scenario, or what the link in the fragment asks for.
fn initial_state() -> State {
    let fragment = share::parse_fragment(&browser::hash());
    let base = Rc::new(State::default());
    let state = match fragment.shared {
        Some(Ok(shared)) => base.reduce(Action::Restore(shared)),
        Some(Err(e)) => base.reduce(Action::Message(Some(e.message()))),
        None => base,
    };
    let state = state.reduce(Action::Embed {
        embed: fragment.embed,
        read_only: fragment.read_only,
    });
    (*state).clone()
}

#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Share,
    Embed { read_only: bool },
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_keyboard(state.clone());
    use_player(state.clone());
    let (theme, toggle_theme) = use_theme();
    let panel = use_state(|| None::<Panel>);
    let run_ms = use_state(|| None::<f64>);

    // Runs after the page has painted, so a slow script never delays the first paint.
    {
        let s = state.clone();
        let run_ms = run_ms.clone();
        use_effect_with(state.run_request, move |_| {
            // A zero timeout lets the browser paint (the page, or "Running…") before the run.
            let timer = gloo_timers::callback::Timeout::new(0, move || {
                let started = browser::now_ms();
                let run = Rc::new(runner::run(&s.files, s.settings));
                run_ms.set(Some(browser::now_ms() - started));
                let step = opening_step(&run, s.open_at);
                s.dispatch(Action::Ran { run, step });
            });
            move || drop(timer)
        });
    }

    let dispatch = {
        let s = state.clone();
        Callback::from(move |a: Action| s.dispatch(a))
    };
    let step = state.step;
    let view = {
        let run = state.run.clone();
        use_memo((run, step), |(run, step)| {
            Rc::new(run.as_ref().map(|r| r.view(*step)).unwrap_or_default())
        })
    };
    let view: Rc<_> = (*view).clone();
    let sentence = state
        .run
        .as_ref()
        .map_or_else(|| "Running…".to_string(), |r| r.sentence(step).to_string());
    let layer = state
        .run
        .as_ref()
        .and_then(|r| r.event(step))
        .map(layers::layer_of);
    let settings = state.run.as_ref().map_or(state.settings, |r| r.settings);
    let frames = state
        .run
        .as_ref()
        .map(|r| r.call_stack(step).to_vec())
        .unwrap_or_default();
    // The running line's tab and line number.
    let running = frames
        .first()
        .and_then(|f| Some((call_stack::file_index(&state.files, &f.file)?, f.line)));
    // Shows the tab of the running line once per step; the learner may pick another tab after.
    {
        let s = state.clone();
        use_effect_with((step, running.map(|r| r.0)), move |(_, file)| {
            if let Some(i) = *file
                && i != s.active_file
            {
                s.dispatch(Action::SelectFile(i));
            }
        });
    }
    let running_line = running
        .filter(|(i, _)| *i == state.active_file)
        .map(|(_, line)| line);
    let scenario = state.scenario();

    let open_panel = |p: Panel| {
        let panel = panel.clone();
        let s = state.clone();
        Callback::from(move |_: MouseEvent| {
            let embed = matches!(p, Panel::Embed { .. });
            let text = panel_text(&s, p);
            if !embed {
                browser::replace_hash(&share::fragment(&s.shared(), s.embed, s.read_only));
            }
            browser::copy(&text);
            panel.set(Some(p));
        })
    };
    let close_panel = {
        let panel = panel.clone();
        Callback::from(move |_| panel.set(None))
    };

    let editor = html! {
        <Editor files={state.files.clone()} active={state.active_file} read_only={state.read_only}
            running_line={running_line}
            on_edit={let d = dispatch.clone(); Callback::from(move |(file, text)| d.emit(Action::Edit { file, text }))}
            on_select={let d = dispatch.clone(); Callback::from(move |i| d.emit(Action::SelectFile(i)))} />
    };

    html! {
        <div class={classes!("app", state.embed.then_some("embed"))} data-testid="app">
            <header class="top">
                <h1>{ "Looplab" }</h1>
                if !state.embed {
                    <p class="tagline">{ "See what Node.js does inside, step by step." }</p>
                }
                <ScenarioPicker current={state.scenario}
                    on_pick={let d = dispatch.clone(); Callback::from(move |id| d.emit(Action::LoadScenario(id)))} />
                if !state.embed {
                    <OpenTrace on_action={dispatch.clone()} />
                }
                <div class="actions">
                    if state.embed {
                        <a href={format!("{}{}", browser::base_url(), share::fragment(&state.shared(), false, false))}
                            target="_blank" rel="noopener" data-testid="open-full">{ "Open in Looplab ↗" }</a>
                    } else {
                        <button type="button" data-testid="share" onclick={open_panel(Panel::Share)}>{ "Share" }</button>
                        <button type="button" data-testid="embed" onclick={open_panel(Panel::Embed { read_only: true })}>{ "Embed" }</button>
                    }
                    <button type="button" data-testid="theme" aria-label={format!("Switch to {} theme", theme.other().name())}
                        onclick={Callback::from(move |_| toggle_theme.emit(()))}>
                        { if theme.name() == "dark" { "☀ light" } else { "☾ dark" } }
                    </button>
                </div>
            </header>
            <main>
                if let Some(message) = &state.message {
                    <div class="message" role="alert" data-testid="message">
                        <p>{ message }</p>
                        <button type="button" onclick={let d = dispatch.clone(); Callback::from(move |_| d.emit(Action::Message(None)))}>{ "Dismiss" }</button>
                    </div>
                }
                if let Some(p) = *panel {
                    <SharePanel
                        title={if matches!(p, Panel::Share) { "Share link" } else { "Embed code" }}
                        testid={if matches!(p, Panel::Share) { "share-link" } else { "embed-code" }}
                        text={panel_text(&state, p)} on_close={close_panel}
                        read_only={match p {
                            Panel::Embed { read_only } => {
                                let panel = panel.clone();
                                Some((read_only, Callback::from(move |ro| panel.set(Some(Panel::Embed { read_only: ro })))))
                            }
                            Panel::Share => None,
                        }} />
                }
                <div class="workspace">
                    <div class="left">
                        if let Some(sc) = scenario {
                            <section class="about" aria-label="About this scenario">
                                <h2 data-testid="scenario-title">{ sc.title }</h2>
                                <p data-testid="scenario-notice"><strong>{ "Notice: " }</strong>{ sc.notice }</p>
                            </section>
                        }
                        if state.embed {
                            <details class="files"><summary>{ "Code" }</summary>{ editor }</details>
                        } else {
                            { editor }
                            <SettingsPanel settings={state.settings} disabled={state.read_only}
                                on_change={let d = dispatch.clone(); Callback::from(move |s| d.emit(Action::Settings(s)))} />
                        }
                        <Controls step={step} last={state.last()} has_run={state.run.is_some()}
                            playing={state.playing} stale={state.stale} speed={state.speed}
                            compact={state.embed && state.read_only} on_action={dispatch.clone()} />
                        if let Some(notice) = state.run.as_ref().and_then(|r| r.notice.clone()) {
                            <p class="run-notice" data-testid="run-notice">{ notice }</p>
                        }
                        <Narration sentence={sentence} time_us={view.at.as_micros()}
                            clock={state.run.as_ref().map_or("virtual time", |r| r.clock())} />
                        <LayerStrip current={layer} />
                        <CallStack frames={frames} task={call_stack::task_words(&view)} />
                        <Console run={state.run.clone()} step={step}
                            on_jump={let d = dispatch.clone(); Callback::from(move |s| d.emit(Action::GoTo(s)))} />
                        <ModuleView run={state.run.clone()} step={step}
                            on_jump={let d = dispatch.clone(); Callback::from(move |s| d.emit(Action::GoTo(s)))} />
                    </div>
                    <div class="right">
                        <LoopPhases view={view.clone()} />
                        <Queues view={view.clone()} />
                        <ThreadPool view={view.clone()} pool={settings.pool} cores={settings.cores} />
                        if let Some(run) = state.run.clone() {
                            <TimelineView run={run} step={step}
                                on_jump={let d = dispatch.clone(); Callback::from(move |s| d.emit(Action::GoTo(s)))} />
                        }
                        <Handles view={view.clone()} />
                        <WireView run={state.run.clone()} view={view.clone()} step={step} on_jump={let d = dispatch.clone(); Callback::from(move |s| d.emit(Action::GoTo(s)))} />
                    </div>
                </div>
                if !state.embed {
                    <UploadView />
                }
            </main>
            if !state.embed {
                <footer>
                    <details>
                        <summary>{ "Keyboard shortcuts" }</summary>
                        <dl class="shortcuts">
                            { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></> }) }
                        </dl>
                    </details>
                    <p>
                        { "Semantics follow Node 20 and libuv 1.46. " }
                        // A trace opened from a file was not run here: no run time to show.
                        if let (Some(ms), Some(r)) = (*run_ms, state.run.as_ref().filter(|r| r.origin.is_none())) {
                            <span data-testid="run-stats">{ format!("Last run: {} events in {ms:.0} ms.", r.events()) }</span>
                        }
                    </p>
                </footer>
            }
        </div>
    }
}

fn panel_text(state: &State, panel: Panel) -> String {
    let base = browser::base_url();
    match panel {
        Panel::Share => format!("{base}{}", share::fragment(&state.shared(), false, false)),
        Panel::Embed { read_only } => {
            let title = state.scenario().map_or("your code", |s| s.title);
            format!(
                "<iframe src=\"{base}{}\" width=\"600\" height=\"400\" title=\"Looplab: {title}\" loading=\"lazy\" style=\"border:0\"></iframe>",
                share::fragment(&state.shared(), true, read_only)
            )
        }
    }
}
