//! Resumable uploads for Looplab: the tus 1.0.0 protocol (core, creation, creation-with-upload,
//! creation-defer-length, termination, checksum, expiration, concatenation) as sans-IO state
//! machines. No sockets, files or clocks: the page drives them over a simulated network, and
//! `looplab serve` / `looplab upload` drive them over real ones.
//!
//! - [`Server`]: decides every response; the caller stores bytes and makes them durable.
//! - [`Client`]: plans parts and chunks, retries with backoff, resumes from the server's offset.
//! - [`parse_request_head`] and [`ChunkedDecoder`]: HTTP/1.1 request framing for the server,
//!   strict where a proxy could read a request otherwise.
mod block;
mod checksum;
mod chunked;
mod client;
pub mod cors;
mod id;
mod info;
mod message;
mod metadata;
mod part;
mod progress;
mod request_head;
mod retry;
mod server;
pub mod simulation;
mod time;
mod tus_error;

pub use block::{Block, blocks};
pub use checksum::{Checksum, ChecksumAlgorithm, ChecksumError, Hasher};
pub use chunked::{ChunkedDecoder, ChunkedError, MAX_SIZE_LINE, MAX_TRAILERS};
pub use client::{
    BodyRange, Client, ClientConfig, ClientError, ClientRequest, Event, ResumeState, Token,
    Transmit,
};
pub use id::UploadId;
pub use info::{Concat, UploadInfo};
pub use message::{
    Headers, Method, OFFSET_OCTET_STREAM, Request, Response, TUS_VERSION, reason, resolve_url,
};
pub use metadata::{Metadata, MetadataError};
pub use part::{Part, PartState, plan_parts};
pub use progress::Progress;
pub use request_head::{Framing, HeadError, MAX_HEADERS, RequestHead, parse_request_head};
pub use retry::Backoff;
pub use server::{BodyEnd, BodyPlan, EXTENSIONS, Finish, Outcome, Server, ServerConfig, parse_u64};
pub use time::Instant;
pub use tus_error::TusError;
