//! A whole graph from its root: construction (every import resolved, read and parsed), linking,
//! then evaluation (lib/internal/modules/esm/module_job.js: _link, instantiate, run). The entry
//! and `require()` of an ES module load their graph at once; dynamic `import()` loads through
//! promise jobs the model schedules like any other.
use std::cell::RefCell;
use std::pin::Pin;
use std::task::Poll;

use boa_engine::builtins::promise::PromiseState;
use boa_engine::job::NativeAsyncJob;
use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, JsError, JsNativeError, JsResult, JsString, JsValue, Module, Source};
use looplab_core::{EsmPhase, TraceEvent};

use super::{Loader, file_url, loader};
use crate::resolve::esm::{Format, Resolved};

/// Runs one of Boa's module-loading jobs; the loader answers at once, so one poll finishes it.
pub(crate) fn run_async_job(job: NativeAsyncJob, context: &mut Context) -> JsResult<JsValue> {
    let cell = RefCell::new(context);
    let mut future = job.call(&cell);
    let mut poll_cx = std::task::Context::from_waker(std::task::Waker::noop());
    match Pin::new(&mut future).poll(&mut poll_cx) {
        Poll::Ready(result) => result,
        Poll::Pending => Err(JsNativeError::error()
            .with_message("looplab: a module load did not finish at once")
            .into()),
    }
}

/// Loads the graph under `module` now: its loading jobs run here instead of waiting in the
/// microtask queue.
fn load_now(loader: &Loader, module: &Module, context: &mut Context) -> JsResult<()> {
    loader.host.borrow_mut().sync_loading += 1;
    let promise = module.load(context);
    let mut result = Ok(());
    loop {
        let job = loader.host.borrow_mut().sync_jobs.pop_front();
        let Some(job) = job else { break };
        if let Err(e) = run_async_job(job, context) {
            result = Err(e);
            break;
        }
    }
    let mut host = loader.host.borrow_mut();
    host.sync_loading -= 1;
    host.sync_jobs.clear();
    drop(host);
    result?;
    match promise.state() {
        PromiseState::Fulfilled(_) => Ok(()),
        PromiseState::Rejected(e) => Err(JsError::from_opaque(e)),
        PromiseState::Pending => Err(JsNativeError::error()
            .with_message("looplab: the module graph did not finish loading")
            .into()),
    }
}

/// Construction and linking of the graph rooted at `path`.
fn prepare_graph(loader: &Loader, path: &str, context: &mut Context) -> JsResult<Module> {
    loader.record(TraceEvent::EsmPhase {
        phase: EsmPhase::Construction,
        root: path.to_string(),
    });
    let resolved = Resolved {
        path: path.to_string(),
        format: Format::Module,
    };
    let module = loader.module_for(&resolved, context)?;
    load_now(loader, &module, context)?;
    loader.record(TraceEvent::EsmPhase {
        phase: EsmPhase::Linking,
        root: path.to_string(),
    });
    module
        .link(context)
        .map_err(|e| super::link_error::explain(loader, e, context))?;
    Ok(module)
}

/// The start of evaluation: returns the promise of the graph's evaluation.
fn evaluate_graph(
    loader: &Loader,
    path: &str,
    module: &Module,
    context: &mut Context,
) -> JsResult<JsPromise> {
    loader.record(TraceEvent::EsmPhase {
        phase: EsmPhase::Evaluation,
        root: path.to_string(),
    });
    let promise = module.evaluate(context);
    let threw = match &promise {
        Ok(p) => matches!(p.state(), PromiseState::Rejected(_)),
        Err(_) => true,
    };
    loader.settle_running(threw);
    promise
}

fn run_graph(loader: &Loader, path: &str, context: &mut Context) -> JsResult<(Module, JsPromise)> {
    let module = prepare_graph(loader, path, context)?;
    let promise = evaluate_graph(loader, path, &module, context)?;
    Ok((module, promise))
}

/// Whether a source text module awaits at its top level (ECMA-262 [[HasTLA]], found the way the
/// engine finds it: an `await` outside any function).
fn has_top_level_await(loader: &Loader, path: &str, context: &mut Context) -> bool {
    let Ok(bytes) = loader.host.borrow().vfs.read(path) else {
        return false;
    };
    // Too deep to parse safely: construction refuses it with the error node gives.
    if crate::nesting::check(&String::from_utf8_lossy(&bytes), context).is_err() {
        return false;
    }
    let scope = boa_engine::ast::scope::Scope::new_global();
    let mut parser = boa_engine::parser::Parser::new(Source::from_bytes(&bytes));
    parser
        .parse_module(&scope, context.interner_mut())
        .is_ok_and(|m| {
            boa_engine::ast::operations::contains(
                m.items(),
                boa_engine::ast::operations::ContainsSymbol::AwaitExpression,
            )
        })
}

/// The ES module entry: returns the promise of its evaluation (pending while top-level await
/// waits).
pub(crate) fn run_main(path: &str, context: &mut Context) -> JsResult<JsPromise> {
    let loader = loader(context);
    run_graph(&loader, path, context).map(|(_, p)| p)
}

/// `require()` of an ES module (Node 20.19+): the namespace, once the graph has run; a graph
/// with top-level await fails with ERR_REQUIRE_ASYNC_MODULE before any of it runs.
pub(crate) fn require_esm(path: &str, parent: &str, context: &mut Context) -> JsResult<JsValue> {
    let loader = loader(context);
    let module = prepare_graph(&loader, path, context)?;
    // Node refuses an asynchronous graph before any of it runs (ModuleWrap::EvaluateSync).
    let graph = loader.graph_paths(path);
    if graph
        .iter()
        .any(|p| has_top_level_await(&loader, p, context))
    {
        let message = format!(
            "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From {parent} \n  Requiring {path} "
        );
        return Err(loader.node_error("ERR_REQUIRE_ASYNC_MODULE", &message, context));
    }
    let promise = evaluate_graph(&loader, path, &module, context)?;
    if let PromiseState::Rejected(e) = promise.state() {
        return Err(JsError::from_opaque(e));
    }
    let namespace = module.namespace(context);
    let has = |name: &str, context: &mut Context| {
        namespace.has_own_property(JsString::from(name), context)
    };
    if !has("default", context)? || has("__esModule", context)? {
        return Ok(namespace.into());
    }
    // A module with a default export is seen through a facade that adds `__esModule: true`
    // (lib/internal/modules/cjs/loader.js loadESMFromCJS), so transpiled code picks `default`.
    let url = file_url(path);
    let code = format!(
        "export * from {0:?}; export {{ default }} from {0:?}; export const __esModule = true;",
        path
    );
    let facade_url = format!("{url}?require-facade");
    let facade = Module::parse(
        Source::from_bytes(code.as_bytes()).with_path(std::path::Path::new(&facade_url)),
        None,
        context,
    )?;
    load_now(&loader, &facade, context)?;
    facade.link(context)?;
    facade.evaluate(context)?;
    Ok(facade.namespace(context).into())
}
