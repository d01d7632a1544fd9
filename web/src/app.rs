//! The playground page: state, effects and layout. The panels are components; this file wires them.
use std::rc::Rc;

use yew::prelude::*;

use crate::components::panel_tabs::PanelTab;
use crate::components::{
    call_stack::CallStack, card_board::CardBoard, console::Console, controls::Controls,
    editor::Editor, embed_dialog::EmbedDialog, handles::Handles, layer_strip::LayerStrip,
    loop_ring::LoopRing, module_view::ModuleView, narration::Narration, page_footer::PageFooter,
    page_header::Dialog, page_header::PageHeader, panel_tabs::PanelTabs, queues::Queues,
    race_orders::RaceOrders, settings_panel::SettingsPanel, share_panel::SharePanel,
    thread_pool::ThreadPool, timeline_view::TimelineView, upload_view::UploadView,
    wire_view::WireView,
};
use crate::decode::embed_panels::EmbedPanel;
use crate::hooks::{
    use_copy::use_copy, use_host_messages::use_host_messages, use_keyboard::use_keyboard,
    use_player::use_player, use_run::use_run,
};
use crate::state::{Action, State};
use crate::view::level::Level;
use crate::view::now::Now;
use crate::{
    browser, decode::share, view::call_stack, view::layers, view::learner, view::ring,
    view::stop_cause,
};

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
        panels: fragment.panels,
    });
    (*state).clone()
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_keyboard(state.clone());
    use_player(state.clone());
    use_host_messages(state.clone());
    let dialog = use_state(|| None::<Dialog>);
    let (share_copied, copy) = use_copy();
    // The upload demo is its own view, not a panel under every scenario.
    let uploads = use_state(|| browser::hash() == "#uploads");
    // On narrow screens one group of panels shows at a time.
    let tab = use_state(|| PanelTab::Loop);
    let run = use_run(state.clone());
    let run_ms = run.run_ms;
    let stop = run.stop;
    // A trace opened while code runs replaces that run.
    let open_trace = {
        let (cancel, dispatch) = (run.cancel, state.dispatcher());
        Callback::from(move |a: Action| {
            cancel.emit(());
            dispatch.dispatch(a);
        })
    };

    let dispatch = {
        let s = state.clone();
        Callback::from(move |a: Action| s.dispatch(a))
    };
    let step = state.step;
    let level = state.level;
    // Panels that list events (console, timeline, modules, wire) count in internal steps.
    let istep = state.internal_step();
    let view = {
        let run = state.run.clone();
        use_memo((run, istep), |(run, istep)| {
            Rc::new(run.as_ref().map(|r| r.view(*istep)).unwrap_or_default())
        })
    };
    let view: Rc<_> = (*view).clone();
    let now = Now::of(&view);
    let run = state.run.as_ref();
    let event = run.and_then(|r| r.event(istep));
    let sentence = match (run, state.running) {
        (_, Some(r)) if r.silent_ms >= stop_cause::SILENT_MS => {
            stop_cause::still_running(r.silent_ms)
        }
        (_, Some(r)) => format!(
            "Running… {} events so far, {:.1} ms of virtual time. Stop ends the run and keeps what it recorded.",
            r.progress.events,
            r.progress.virtual_us as f64 / 1000.0
        ),
        (Some(r), None) => r.sentence_at(level, step).to_string(),
        (None, None) => "Running…".to_string(),
    };
    let why = run.filter(|_| level == Level::Learner).and_then(|r| {
        let s = r.learner_step(step);
        s.context
            .map(|c| (AttrValue::from(learner::definition(c)), s.first))
    });
    let ring_state = ring::ring_state(&view, event);
    let settings = run.map_or(state.settings, |r| r.settings);
    let mut frames = run
        .map(|r| r.call_stack(istep).to_vec())
        .unwrap_or_default();
    // A learner step that made a card points at the card's line (a promise job's line is not
    // in the trace's call sites), so the editor, the stack and the sentence agree.
    if let (Level::Learner, Some(r)) = (level, run)
        && let Some((file, line)) = &r.learner_step(step).line
        && let Some(top) = frames.first_mut()
        && call_stack::short_file(&top.file) == file
    {
        top.line = *line;
    }
    let in_node_callback = matches!((view.running, run),
        (Some(looplab_core::Task::RequestDone(r)), Some(run)) if run.cards.is_internal(r));
    let layer = event.map(|e| layers::step_layer(e, in_node_callback, !frames.is_empty()));
    let task = call_stack::running_task(now, &view, run.map(|r| &**r), istep);
    // The running line's tab and line number.
    let running = frames
        .first()
        .and_then(|f| Some((call_stack::file_index(&state.files, &f.file)?, f.line)));
    // Shows the tab of the running line once per step; the learner may pick another tab after.
    {
        let s = state.clone();
        use_effect_with((istep, running.map(|r| r.0)), move |(_, file)| {
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
    let code = {
        let files = state.files.clone();
        use_memo(files, |files| {
            files
                .iter()
                .map(|f| (f.name.clone(), f.text.clone()))
                .collect::<Vec<_>>()
        })
    };
    let scenario = state.scenario();
    // A trace opened from a file was not run here: no run time to show.
    let run_stats = match (run_ms, run.filter(|r| r.origin.is_none())) {
        (Some(ms), Some(r)) => Some(AttrValue::from(format!(
            "Last run: {} events in {ms:.0} ms.",
            r.events()
        ))),
        _ => None,
    };

    // Share copies at once (the click allows it); Embed copies once its options are set.
    let open_dialog = {
        let (dialog, s, copy) = (dialog.clone(), state.clone(), copy.clone());
        Callback::from(move |d: Dialog| {
            if d == Dialog::Share {
                browser::replace_hash(&share::fragment(&s.shared()));
                copy.emit(panel_text(&s));
            }
            dialog.set(Some(d));
        })
    };
    let close_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(None))
    };
    // An embed shows the panels its link names; the page itself shows all.
    let show = |p: EmbedPanel| !state.embed || state.panels.shows(p);

    let editor = html! {
        <Editor files={state.files.clone()} active={state.active_file} read_only={state.read_only}
            running_line={running_line}
            on_edit={dispatch.reform(|(file, text)| Action::Edit { file, text })}
            on_select={dispatch.reform(Action::SelectFile)} />
    };

    let jump_internal = dispatch.reform(Action::GoToInternal);
    // Where the run on show parts from another order of its race, when it has one.
    let parting = run
        .zip(state.race.as_deref())
        .and_then(|(r, race)| r.parting_step(race, &state.choices));
    let parting_step = parting.zip(run).map(|(i, r)| r.at_level(level, i));
    let applied = run.map_or(0, |r| r.applied(istep));
    let about = scenario.map(|sc| {
        html! {
            <section class="about" aria-label="About this scenario">
                <h2 data-testid="scenario-title">{ sc.title }</h2>
                <p data-testid="scenario-notice"><strong>{ "Notice: " }</strong>{ sc.notice }</p>
            </section>
        }
    });

    html! {
        <div class={classes!("app", state.embed.then_some("embed"), format!("tab-{}", tab.id()))} data-testid="app">
            <PageHeader embed={state.embed} title={scenario.map(|sc| sc.title)}
                full_link={panel_text(&state)} scenario={state.scenario} level={level}
                uploads={*uploads} dialog={*dialog}
                on_uploads={let u = uploads.clone(); Callback::from(move |to| u.set(to))}
                on_dialog={open_dialog} on_action={dispatch.clone()} on_open_trace={open_trace} />
            <main>
                if let Some(message) = &state.message {
                    <div class="message" role="alert" data-testid="message">
                        <p>{ message }</p>
                        <button type="button" onclick={dispatch.reform(|_| Action::Message(None))}>{ "Dismiss" }</button>
                    </div>
                }
                if *dialog == Some(Dialog::Share) {
                    <SharePanel text={panel_text(&state)} outcome={share_copied} on_copy={copy.clone()} on_close={close_dialog.clone()} />
                }
                if *dialog == Some(Dialog::Embed) {
                    <EmbedDialog shared={state.shared()} run={state.run.clone()} base={browser::base_url()}
                        title={scenario.map_or("your code", |s| s.title)} on_close={close_dialog.clone()} />
                }
                if *uploads {
                    <UploadView />
                } else {
                    <div class="bar" data-testid="control-bar">
                        <Controls step={step} last={state.last()} has_run={state.run.is_some()} mark={parting_step}
                            running={state.running.is_some()} on_stop={stop.clone()}
                            playing={state.playing} stale={state.stale} speed={state.speed}
                            compact={state.embed && state.read_only} on_action={dispatch.clone()} />
                        <Narration sentence={sentence} time_us={view.at.as_micros()} why={why}
                            clock={run.map_or("virtual time", |r| r.clock())} />
                        if let Some(race) = state.race.clone() {
                            <RaceOrders race={race} current={run.and(state.order())} parting={parting}
                                disabled={state.running.is_some() || state.stale}
                                on_pick={dispatch.reform(Action::PickOrder)} on_jump={jump_internal.clone()} />
                        }
                    </div>
                    <PanelTabs current={*tab} on_pick={let t = tab.clone(); Callback::from(move |p| t.set(p))} />
                    <div class={classes!("stage", (!show(EmbedPanel::Code) && !show(EmbedPanel::Stack)).then_some("no-code"),
                        (!show(EmbedPanel::Loop)).then_some("no-loop"),
                        (!show(EmbedPanel::Cards) && !show(EmbedPanel::Console)).then_some("no-cards"))}>
                        if show(EmbedPanel::Code) || show(EmbedPanel::Stack) {
                            <div class="col col-code" data-tab="code">
                                if !state.embed {
                                    { about }
                                }
                                if show(EmbedPanel::Code) {
                                    { editor }
                                    if let Some(notice) = run.and_then(|r| r.notice.clone()) {
                                        <p class="run-notice" data-testid="run-notice">{ notice }</p>
                                    }
                                }
                                if show(EmbedPanel::Stack) {
                                    <CallStack frames={frames} task={task} started={now != Now::NotStarted} />
                                }
                            </div>
                        }
                        if show(EmbedPanel::Loop) {
                            <div class="col col-loop" data-tab="loop">
                                <LoopRing view={view.clone()} ring={ring_state} now={now} held_ms={run.and_then(|r| r.held_ms(istep))} />
                                if !state.embed {
                                    <LayerStrip current={layer} />
                                }
                            </div>
                        }
                        if show(EmbedPanel::Cards) || show(EmbedPanel::Console) {
                            <div class="col col-cards" data-tab="cards">
                                if show(EmbedPanel::Cards) {
                                    <CardBoard run={state.run.clone()} applied={applied} code={code.clone()} />
                                }
                                if show(EmbedPanel::Console) {
                                    <Console run={state.run.clone()} step={istep} on_jump={jump_internal.clone()} />
                                }
                            </div>
                        }
                    </div>
                    if show(EmbedPanel::Details) {
                    <div class="details" data-tab="more">
                        if !state.embed {
                            <SettingsPanel settings={state.settings} disabled={state.read_only}
                                on_change={dispatch.reform(Action::Settings)} />
                        }
                        <Queues view={view.clone()} />
                        <ThreadPool view={view.clone()} pool={settings.pool} cores={settings.cores} now={now} />
                        if let Some(run) = state.run.clone() {
                            <TimelineView run={run} step={istep} parting={parting} on_jump={jump_internal.clone()} />
                        }
                        <Handles view={view.clone()} />
                        <ModuleView run={state.run.clone()} step={istep} on_jump={jump_internal.clone()} />
                        <WireView run={state.run.clone()} view={view.clone()} step={istep} on_jump={jump_internal.clone()} />
                    </div>
                    }
                }
            </main>
            if !state.embed {
                <PageFooter run_stats={run_stats} />
            }
        </div>
    }
}

/// The share link for the page as it is now.
fn panel_text(state: &State) -> String {
    format!(
        "{}{}",
        browser::base_url(),
        share::fragment(&state.shared())
    )
}
