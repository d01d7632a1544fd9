//! The Boa context: virtual clock, promise jobs handed to the model, no local time zone (UTC,
//! so dates print the same everywhere), and the stated runtime limits.
use std::rc::Rc;

use boa_engine::builtins::promise::OperationType;
use boa_engine::context::time::JsInstant;
use boa_engine::context::{Clock, ContextBuilder, HostHooks};
use boa_engine::job::{Job, JobCallback, JobExecutor};
use boa_engine::object::builtins::JsFunction;
use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::async_context::ReactionFrame;

use crate::host::HostRef;

/// A fixed wall-clock origin so `Date.now()` is deterministic: 2024-01-01T00:00:00Z.
pub const EPOCH_MS: i64 = 1_704_067_200_000;

/// Time for the engine: the model's virtual clock (reading it costs virtual time).
struct VirtualClock(HostRef);

impl Clock for VirtualClock {
    fn now(&self) -> JsInstant {
        let us = self.0.borrow_mut().node.clock_read().as_micros();
        JsInstant::new(us / 1_000_000, ((us % 1_000_000) * 1000) as u32)
    }

    fn system_time_millis(&self) -> i64 {
        let mut host = self.0.borrow_mut();
        let us = host.node.clock_read().as_micros();
        host.options.epoch_ms + (us / 1000) as i64
    }
}

/// Promise jobs wait in the host's map; the model decides when each runs.
pub(crate) struct ModelJobs(pub HostRef);

impl JobExecutor for ModelJobs {
    fn enqueue_job(self: Rc<Self>, job: Job, _context: &mut Context) {
        let mut host = self.0.borrow_mut();
        match job {
            Job::PromiseJob(_) | Job::GenericJob(_) => {
                let id = host.node.enqueue_microtask();
                host.jobs.insert(id, job);
            }
            // Module loading: at once for a graph loaded synchronously, else a promise job.
            Job::AsyncJob(job) if host.sync_loading > 0 => host.sync_jobs.push_back(job),
            Job::AsyncJob(_) => {
                let id = host.node.enqueue_microtask();
                host.jobs.insert(id, job);
            }
            // Timeouts and FinalizationRegistry cleanup are not part of Node's model.
            _ => {}
        }
    }

    fn run_jobs(self: Rc<Self>, _context: &mut Context) -> JsResult<()> {
        Ok(())
    }
}

/// Rejections without a handler, and handlers added later, for Node's 'unhandledRejection'.
struct Hooks(HostRef);

impl HostHooks for Hooks {
    /// A promise reaction keeps the async context current at `then` (or `await`).
    fn make_job_callback(&self, callback: JsFunction, _context: &mut Context) -> JobCallback {
        let frame = self.0.borrow().async_context.current.clone();
        JobCallback::new(callback, ReactionFrame(frame))
    }

    fn call_job_callback(
        &self,
        job: &JobCallback,
        this: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        let frame = job
            .host_defined()
            .downcast_ref::<ReactionFrame>()
            .map(|f| f.0.clone())
            .unwrap_or_default();
        crate::async_context::within(frame, context, |ctx| job.callback().call(this, args, ctx))
    }

    fn promise_rejection_tracker(
        &self,
        promise: &JsObject<boa_engine::builtins::promise::Promise>,
        operation: OperationType,
        _context: &mut Context,
    ) {
        let promise = JsPromise::from_object(promise.clone().upcast());
        if let Ok(p) = promise {
            let mut host = self.0.borrow_mut();
            host.rejections
                .push((p, matches!(operation, OperationType::Reject)));
            host.node.set_rejection_pending();
        }
    }

    /// `eval` and `new Function`: too deep a source throws as V8's parser does, catchably.
    fn ensure_can_compile_strings(
        &self,
        _realm: boa_engine::realm::Realm,
        parameters: &[boa_engine::JsString],
        body: &boa_engine::JsString,
        _direct: bool,
        context: &mut Context,
    ) -> JsResult<()> {
        for text in parameters.iter().chain(std::iter::once(body)) {
            crate::nesting::check(&text.to_std_string_lossy(), context)?;
        }
        Ok(())
    }

    fn local_timezone_offset_seconds(&self, _unix_time_seconds: i64) -> i32 {
        0
    }
}

/// Builds the context for one run.
/// Instructions an iteration of a tight loop takes at most (`while (true) { n++ }` takes five):
/// such a loop meets the iteration limit before the instruction limit.
const LOOP_INSTRUCTIONS: u64 = 8;

pub(crate) fn build(host: &HostRef) -> Context {
    let loader = Rc::new(crate::esm::Loader::new(host.clone()));
    let limits = host.borrow().options.limits.clone();
    let mut context = ContextBuilder::new()
        .instructions_remaining(usize::try_from(limits.max_instructions).unwrap_or(usize::MAX))
        .module_loader(loader.clone())
        .clock(Rc::new(VirtualClock(host.clone())))
        .job_executor(Rc::new(ModelJobs(host.clone())))
        .host_hooks(Rc::new(Hooks(host.clone())))
        .build()
        .expect("a context with default intrinsics always builds");
    let rt = context.runtime_limits_mut();
    // Loops are bounded by the run's instruction limit, whatever their nesting. The engine's
    // per-frame iteration count stops a tight loop a little sooner, from inside its own frame:
    // that error keeps the loop's line, where the exhausted budget has unwound past it.
    rt.set_loop_iteration_limit(limits.max_instructions / LOOP_INSTRUCTIONS);
    rt.set_recursion_limit(limits.recursion);
    rt.set_stack_size_limit(1024 * 1024);
    context.insert_data(host.clone());
    context.insert_data(loader);
    serialize_symbol_for(&mut context);
    crate::guards::install(&mut context);
    crate::bindings::clock::install_date_now(&mut context);
    context
}

/// Boa's `Symbol.for` registry is shared by every context in the process, and its first
/// `Symbol.for(key)` looks the key up, then inserts it: two threads (the corpus test runs two
/// engines at once) could each make their own symbol for one key, and one engine would then miss
/// its own `Symbol.for('nodejs.util.inspect.custom')`. One lock around every call makes it atomic.
fn serialize_symbol_for(context: &mut Context) {
    use boa_engine::{JsValue, NativeFunction, js_string};
    static REGISTRY: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let symbol = context.intrinsics().constructors().symbol().constructor();
    let Ok(original) = symbol.get(js_string!("for"), context) else {
        return;
    };
    let Some(original) = original.as_object() else {
        return;
    };
    let locked = NativeFunction::from_copy_closure_with_captures(
        |_, args, original: &JsObject, context| {
            let _turn = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
            original.call(&JsValue::undefined(), args, context)
        },
        original.clone(),
    )
    .to_js_function(context.realm());
    let _ = symbol.define_property_or_throw(
        js_string!("for"),
        boa_engine::property::PropertyDescriptor::builder()
            .value(locked)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    );
}
