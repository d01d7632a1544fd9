//! The async context AsyncLocalStorage reads: a frame (a JavaScript value holding every store)
//! that is current while code runs, kept by each callback when it is scheduled and made current
//! again when it runs, as Node does: a timer, immediate, nextTick or pool request at the call
//! that made it, a socket's callbacks at the socket's creation, and a promise reaction at the
//! `then` (or `await`) that registered it (HostMakeJobCallback).
use std::collections::HashMap;

use boa_engine::{JsData, JsValue};
use boa_gc::{Finalize, Trace};
use looplab_core::node::Task;

/// What a frame is kept for until its callback runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Resource {
    Timer(u64),
    Immediate(u64),
    Tick(u64),
    Request(u32),
    Handle(u32),
}

/// The current frame and the frames callbacks keep. Empty until a script sets a store, so a
/// script without AsyncLocalStorage pays nothing.
#[derive(Default)]
pub(crate) struct AsyncContext {
    pub current: JsValue,
    kept: HashMap<Resource, JsValue>,
}

/// A promise reaction's frame, carried by its job callback.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct ReactionFrame(pub JsValue);

impl AsyncContext {
    /// `resource` runs its callback in the current frame.
    pub fn keep(&mut self, resource: Resource) {
        if !self.current.is_undefined() {
            self.kept.insert(resource, self.current.clone());
        }
    }

    pub fn forget(&mut self, resource: Resource) {
        self.kept.remove(&resource);
    }

    /// Makes `task`'s frame current: one-shot callbacks give theirs up, timers (which may
    /// repeat) and sockets keep theirs.
    pub fn enter(&mut self, task: Task) {
        use Resource as R;
        self.current = match task {
            Task::Timeout(t) => self.kept.get(&R::Timer(t.0)).cloned(),
            Task::Immediate(i) => self.kept.remove(&R::Immediate(i.0)),
            Task::Tick(t) => self.kept.remove(&R::Tick(t.0)),
            Task::RequestDone(r) => self.kept.remove(&R::Request(r.0)),
            Task::Io(h, _) | Task::Pending(h) => self.kept.get(&R::Handle(h.0)).cloned(),
            Task::Close(h) => self.kept.remove(&R::Handle(h.0)),
            _ => None,
        }
        .unwrap_or_default();
    }
}

/// Runs `f` with `frame` current, then puts the frame before back.
pub(crate) fn within<R>(
    frame: JsValue,
    context: &mut boa_engine::Context,
    f: impl FnOnce(&mut boa_engine::Context) -> R,
) -> R {
    let host = crate::bindings::host(context);
    let before = std::mem::replace(&mut host.borrow_mut().async_context.current, frame);
    let result = f(context);
    host.borrow_mut().async_context.current = before;
    result
}
