//! Looplab's native side: the real backend (epoll/kqueue through mio, OS threads, the monotonic
//! clock) and the pieces behind the `looplab` command line.
pub mod real;
pub mod server;
pub mod upload_client;
