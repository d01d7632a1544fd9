//! The main thread, one lane per pool thread with its job, the jobs waiting, and the CPU cores
//! beneath with the thread each one runs and the context switches so far.
use std::rc::Rc;

use crate::view::replay::View;
use looplab_core::trace::ThreadId;
use looplab_core::uv::RequestId;
use yew::prelude::*;

use crate::view::now::Now;

#[derive(Properties, PartialEq)]
pub struct ThreadPoolProps {
    pub view: Rc<View>,
    pub pool: u32,
    pub cores: u32,
    /// What runs now: the main thread's lane says what the ring and call stack say.
    pub now: Now,
}

fn label(view: &View, r: RequestId) -> String {
    view.requests
        .get(&r)
        .map_or(format!("request #{}", r.0), |r| r.label.clone())
}

fn thread(t: ThreadId) -> String {
    match t {
        ThreadId::Main => "main".into(),
        ThreadId::Worker(i) => format!("pool {i}"),
    }
}

#[function_component(ThreadPool)]
pub fn thread_pool(props: &ThreadPoolProps) -> Html {
    let v = &props.view;
    let main = props.now.main_thread();
    html! {
        <section class="panel pool" aria-labelledby="pool-heading">
            <h2 id="pool-heading">{ "Threads" }</h2>
            <ul class="lanes">
                <li class={classes!("lane", "main", props.now.runs_javascript().then_some("busy"))}>
                    <span class="who">{ "main thread" }</span>
                    <span class="job">{ main }</span>
                </li>
                { for (0..props.pool).map(|w| {
                    let job = v.workers.get(&w).copied().flatten();
                    html! {
                        <li class={classes!("lane", job.is_some().then_some("busy"))}
                            data-testid={format!("pool-worker-{w}")}>
                            <span class="who">{ format!("pool thread {w}") }</span>
                            <span class="job">{ job.map_or("idle".into(), |r| label(v, r)) }</span>
                        </li>
                    }
                }) }
            </ul>
            <h3>{ "Waiting for a pool thread" }<span class="count">{ v.threadpool.len() }</span></h3>
            <ol class="chips" data-testid="pool-queue" aria-label="Jobs waiting for a pool thread">
                { for v.threadpool.iter().map(|&r| html! { <li class="chip">{ label(v, r) }</li> }) }
            </ol>
            <h3>{ "Done, callback waiting for poll" }<span class="count">{ v.completed.len() }</span></h3>
            <ol class="chips" aria-label="Finished jobs whose callbacks wait for the poll phase">
                { for v.completed.iter().map(|&r| html! { <li class="chip">{ label(v, r) }</li> }) }
            </ol>
            <h3>{ "CPU cores" }</h3>
            <ul class="cores" data-testid="cores">
                { for (0..props.cores).map(|c| {
                    let on = v.cores.get(&c).copied().flatten();
                    html! {
                        <li class={classes!("core", on.is_some().then_some("busy"))}>
                            <span class="who">{ format!("core {c}") }</span>
                            <span class="job">{ on.map_or("idle".into(), thread) }</span>
                        </li>
                    }
                }) }
            </ul>
            <p data-testid="context-switches">{ format!("context switches: {}", v.context_switches) }</p>
        </section>
    }
}
