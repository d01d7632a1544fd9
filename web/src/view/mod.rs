//! What a step shows, worked out without HTML: the learner's steps and sentences, the callback
//! cards, the ring, the layer, the call stack, the timeline, the module graph and the wire log.
//! The components draw these; the native tests check them.
pub mod call_stack;
pub mod cards;
pub mod embed_code;
pub mod layers;
pub mod learner;
pub mod level;
pub mod module_graph;
pub mod narration;
pub mod now;
pub mod replay;
pub mod ring;
pub mod stop_cause;
pub mod timeline;
pub mod wire_log;
