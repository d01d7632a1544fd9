//! The page layout: header, an introduction, and the demo run.
use yew::prelude::*;

use crate::components::phase_list::PhaseList;
use crate::demo;

#[function_component(App)]
pub fn app() -> Html {
    let run = use_memo((), |_| demo::run());
    let source = if run.from_model {
        "Phases entered by the model, in order:"
    } else {
        "The model is not wired in yet; this is the phase order of one loop iteration:"
    };
    html! {
        <div class="app" data-testid="app">
            <header>
                <h1>{ "Looplab" }</h1>
                <p class="tagline">{ "See what Node.js does inside." }</p>
            </header>
            <main>
                <section aria-labelledby="about-heading">
                    <h2 id="about-heading">{ "What this is" }</h2>
                    <p data-testid="about">
                        { "Looplab runs Node.js code on a faithful model of libuv's event loop, its \
                           thread pool and Node's tick and microtask queues, compiled to \
                           WebAssembly, and shows every step it takes." }
                    </p>
                </section>
                <section aria-labelledby="demo-heading" data-testid="demo">
                    <h2 id="demo-heading">{ "A first run" }</h2>
                    <pre><code data-testid="demo-script">{ run.script }</code></pre>
                    <p data-testid="demo-source">{ source }</p>
                    <PhaseList visits={run.visits.clone()} />
                </section>
            </main>
            <footer>
                <p>{ "Semantics follow Node 20 and libuv 1.46." }</p>
            </footer>
        </div>
    }
}
