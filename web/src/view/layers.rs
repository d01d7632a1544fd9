//! Which layer of Node a step happens in: your code, Node's JavaScript, the C++ bindings, libuv,
//! the thread pool or the operating system.
use looplab_core::Task;
use looplab_core::trace::{QueueName, TraceEvent};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    YourCode,
    NodeJs,
    Bindings,
    Libuv,
    ThreadPool,
    Os,
}

impl Layer {
    pub const ALL: [Layer; 6] = [
        Layer::YourCode,
        Layer::NodeJs,
        Layer::Bindings,
        Layer::Libuv,
        Layer::ThreadPool,
        Layer::Os,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layer::YourCode => "your code",
            Layer::NodeJs => "Node's JS (lib/)",
            Layer::Bindings => "C++ bindings",
            Layer::Libuv => "libuv · V8",
            Layer::ThreadPool => "thread pool",
            Layer::Os => "OS (epoll, scheduler)",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Layer::YourCode => "code",
            Layer::NodeJs => "node",
            Layer::Bindings => "bindings",
            Layer::Libuv => "libuv",
            Layer::ThreadPool => "pool",
            Layer::Os => "os",
        }
    }
}

/// The layer a step happens in, inside the callback that runs: while Node's own callback for a
/// learner's request runs (readFile's fstat, read, close) the step is Node's JavaScript, until
/// Node calls the learner's callback and a frame of the learner's is on the stack.
pub fn step_layer(event: &TraceEvent, in_node_callback: bool, learner_on_stack: bool) -> Layer {
    if in_node_callback && !learner_on_stack {
        Layer::NodeJs
    } else {
        layer_of(event)
    }
}

/// The layer a step happens in (step 0, before anything, has none).
pub fn layer_of(event: &TraceEvent) -> Layer {
    use TraceEvent as E;
    match event {
        E::TaskStart { task } | E::TaskEnd { task } => match task {
            Task::Tick(_) | Task::PromiseRejections => Layer::NodeJs,
            // Promise jobs are V8's; the callback inside is the script's.
            _ => Layer::YourCode,
        },
        E::Output { .. } => Layer::YourCode,
        E::QueuePush { queue, .. } | E::QueuePop { queue, .. } | E::QueueRemove { queue, .. } => {
            match queue {
                QueueName::Threadpool => Layer::ThreadPool,
                QueueName::Pending | QueueName::Closing => Layer::Libuv,
                _ => Layer::NodeJs,
            }
        }
        E::TimeoutInit { .. } | E::TimeoutRef { .. } | E::BeforeExit { .. } | E::Exit { .. } => {
            Layer::NodeJs
        }
        E::TimerSchedule { .. } | E::HandleInit { .. } | E::RequestSubmit { .. } => Layer::Bindings,
        E::WorkQueued { .. } | E::WorkerStart { .. } | E::WorkerDone { .. } => Layer::ThreadPool,
        E::PollWait { .. } | E::PollWake { .. } | E::CoreSwitch { .. } => Layer::Os,
        _ => Layer::Libuv,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_s_own_callback_is_node_s_until_the_learner_s_code_runs() {
        let print = TraceEvent::Output {
            fd: 1,
            text: "readFile\n".into(),
        };
        assert_eq!(step_layer(&print, true, false), Layer::NodeJs);
        assert_eq!(step_layer(&print, true, true), Layer::YourCode);
        assert_eq!(step_layer(&print, false, false), Layer::YourCode);
    }
}
