//! What the page reads and writes as data: trace files, share links, embed options, messages from
//! a course page, a connection's bytes, and the editor's tokens. No HTML, tested natively.
pub mod embed_panels;
pub mod host_message;
pub mod js_tokens;
pub mod share;
pub mod trace_file;
pub mod wire;
