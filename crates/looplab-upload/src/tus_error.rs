//! `TusError`: every refusal of the tus server, with its status and message in one table, as
//! tusd keeps its `Err…` values together (pkg/handler/unrouted_handler.go), so a client's view of
//! the server's errors reads in one place.
use std::borrow::Cow;

use crate::message::Response;

/// Why the server refused a request; `response` is what the client gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TusError {
    VersionRequired,
    RepeatedHeader(&'static str),
    MethodNotAllowed,
    NoSuchUpload,
    UploadExpired,
    UploadIncomplete,
    DeleteWhileWriting,
    PatchWhileWriting,
    /// An `Upload-Metadata` or `Upload-Checksum` header that does not parse, in the parser's words.
    BadHeader(String),
    BadConcat,
    LengthPastMaxSize,
    BadLength,
    BadDeferLength,
    NoLength,
    BothLengths,
    IdCollision,
    FinalWithLength,
    PartNotFinished,
    UnknownPart,
    NoParts,
    ConcatPastMaxSize,
    FinalPatched,
    WrongContentType,
    BadOffset,
    /// The upload is at `offset`; the request was sent for `sent`.
    OffsetMismatch {
        offset: u64,
        sent: u64,
    },
    LengthChanged,
    BadNewLength,
    AlreadyPastMaxSize,
    BodyPastLength,
    BadContentLength,
    BodyTooLarge,
    MalformedChunkedBody,
    InterruptedUnverifiable,
    ChecksumMismatch,
    Interrupted,
    UploadRemoved,
    NotStored,
    /// The server could not read or write its store (looplab-native's endpoint).
    StorageFailed,
    /// The server could not make an upload id (looplab-native's endpoint).
    NoRandomness,
}

impl TusError {
    /// The table: status and message of every refusal.
    fn row(&self) -> (u16, Cow<'static, str>) {
        use TusError::*;
        let (status, message) = match self {
            VersionRequired => (412, "Tus-Resumable: 1.0.0 is required"),
            RepeatedHeader(name) => return (400, format!("{name} appears more than once").into()),
            MethodNotAllowed => (405, "method not allowed here"),
            NoSuchUpload => (404, "no such upload"),
            UploadExpired => (410, "upload expired"),
            UploadIncomplete => (404, "upload is not complete"),
            DeleteWhileWriting => (423, "upload is being written"),
            PatchWhileWriting => (423, "another request is writing this upload"),
            BadHeader(why) => return (400, why.clone().into()),
            BadConcat => (400, "Upload-Concat must be `partial` or `final;<urls>`"),
            LengthPastMaxSize => (413, "Upload-Length exceeds Tus-Max-Size"),
            BadLength => (400, "Upload-Length must be a non-negative integer"),
            BadDeferLength => (
                400,
                "Upload-Defer-Length must be 1 (and not on a partial upload)",
            ),
            NoLength => (400, "Upload-Length or Upload-Defer-Length is required"),
            BothLengths => (
                400,
                "Upload-Length and Upload-Defer-Length exclude each other",
            ),
            IdCollision => (500, "upload id collision"),
            FinalWithLength => (400, "a final upload has no Upload-Length"),
            PartNotFinished => (400, "every part must be a finished partial upload"),
            UnknownPart => (400, "unknown part in Upload-Concat"),
            NoParts => (400, "Upload-Concat final lists no parts"),
            ConcatPastMaxSize => (413, "concatenation exceeds Tus-Max-Size"),
            FinalPatched => (403, "a final upload cannot be patched"),
            WrongContentType => (415, "Content-Type must be application/offset+octet-stream"),
            BadOffset => (400, "Upload-Offset must be a non-negative integer"),
            OffsetMismatch { offset, sent } => {
                return (409, format!("offset is {offset}, not {sent}").into());
            }
            LengthChanged => (400, "Upload-Length cannot change"),
            BadNewLength => (400, "bad Upload-Length"),
            AlreadyPastMaxSize => (413, "upload is already past Tus-Max-Size"),
            BodyPastLength => (413, "body would pass Upload-Length"),
            BadContentLength => (400, "bad Content-Length"),
            BodyTooLarge => (413, "body is larger than declared"),
            MalformedChunkedBody => (400, "malformed chunked body"),
            InterruptedUnverifiable => (400, "body interrupted; checksum not verifiable"),
            ChecksumMismatch => (460, "checksum mismatch; chunk discarded"),
            Interrupted => (400, "body interrupted"),
            UploadRemoved => (404, "upload was removed"),
            NotStored => (500, "could not store the data"),
            StorageFailed => (500, "storage error"),
            NoRandomness => (500, "no randomness"),
        };
        (status, message.into())
    }

    pub fn status(&self) -> u16 {
        self.row().0
    }

    pub fn message(&self) -> Cow<'static, str> {
        self.row().1
    }

    /// The response with the status and the message as its text body.
    pub fn response(&self) -> Response {
        let (status, message) = self.row();
        Response::new(status).text(message)
    }
}

impl std::fmt::Display for TusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status(), self.message())
    }
}

impl std::error::Error for TusError {}
