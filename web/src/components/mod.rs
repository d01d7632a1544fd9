//! One component per file; each takes `*Props` and reports through `on*` callbacks.
pub mod console;
pub mod controls;
pub mod editor;
pub mod handles;
pub mod layer_strip;
pub mod loop_phases;
pub mod module_view;
pub mod narration;
pub mod open_trace;
pub mod queues;
pub mod scenario_picker;
pub mod settings_panel;
pub mod share_panel;
pub mod thread_pool;
pub mod timeline_view;
pub mod upload_view;
pub mod wire_view;
