//! The tus 1.0.0 server as a state machine. It owns the table of uploads and decides every
//! answer; the caller owns sockets and storage.
//!
//! Call `handle` with each request head. It answers right away (`Outcome::Respond`) or asks the
//! caller to do one storage step first (create, concatenate, delete, stream a download) and then
//! send the response it carries. For a body (`Outcome::ReadBody`) the caller writes the bytes
//! at `BodyPlan::offset` as they arrive (a checksummed body too: unverified bytes may lie past
//! the offset, as long as they never count, not even after a crash), feeds them to
//! `BodyPlan::update`, and calls `finish_body` when the body ends or breaks; it then keeps
//! exactly `offset + keep` bytes (cutting off the rest), makes them and the new offset durable,
//! persists `Finish::info` (see `record_changed`), and only then calls `commit`, which
//! publishes the new offset and releases the upload's writer lock. So no reported offset is
//! ever ahead of the disk.
//!
//! Per chunk only the offset changes, so a store may keep the offset apart from the record
//! (one small write instead of a whole record replaced) and `restore` records with the
//! offset it read back, as `looplab serve` does.
use std::collections::BTreeMap;

use core::time::Duration;

use crate::cors;
use crate::tus_error::TusError;
use crate::{
    Checksum, ChecksumAlgorithm, Concat, Hasher, Headers, Instant, Metadata, Method,
    OFFSET_OCTET_STREAM, Request, Response, TUS_VERSION, UploadId, UploadInfo,
};

pub const EXTENSIONS: &str = "creation,creation-with-upload,creation-defer-length,termination,checksum,expiration,concatenation";

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Where the endpoint lives, with a trailing slash: `/files/`.
    pub base_path: String,
    /// Largest `Upload-Length` accepted (413 above it).
    pub max_size: u64,
    /// Unfinished uploads expire this long after their last write.
    pub expire_after: Option<Duration>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            base_path: "/files/".into(),
            max_size: 1 << 40,
            expire_after: Some(Duration::from_secs(24 * 3600)),
        }
    }
}

#[derive(Debug)]
struct Entry {
    info: UploadInfo,
    /// A body is being written; a second writer gets 423.
    locked: bool,
}

#[derive(Debug)]
pub struct Server {
    config: ServerConfig,
    uploads: BTreeMap<UploadId, Entry>,
}

/// What the caller must do for a request.
#[derive(Debug)]
pub enum Outcome {
    /// Send this; no storage step.
    Respond(Response),
    /// Create empty bytes and persist `info`, then send `response`.
    Create {
        info: UploadInfo,
        response: Response,
    },
    /// Write the parts' bytes one after another into the new upload, persist `info`, then respond.
    Concatenate {
        info: UploadInfo,
        parts: Vec<UploadInfo>,
        response: Response,
    },
    /// Remove the bytes and the record, then respond.
    Delete { id: UploadId, response: Response },
    /// Send `response` with the first `length` bytes of the upload as its body.
    Download {
        id: UploadId,
        length: u64,
        response: Response,
    },
    /// Read the request body into storage (see the module docs).
    ReadBody(BodyPlan),
}

/// How a request body ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEnd {
    /// All declared bytes arrived.
    Complete,
    /// The connection broke or timed out part way.
    Interrupted,
    /// More bytes came than `limit` allowed.
    TooLarge,
    /// The body's framing broke the rules (a bad chunk): nothing of it counts, since a proxy
    /// in front may have read other bytes as this body.
    Malformed,
}

/// A body to be read: where it goes and how it is checked.
#[derive(Debug)]
pub struct BodyPlan {
    pub id: UploadId,
    /// Byte position in the upload where the body starts.
    pub offset: u64,
    /// Most bytes the body may carry.
    pub limit: u64,
    /// Creation-with-upload: create the upload from this record before reading the body.
    pub created: Option<UploadInfo>,
    new_length: Option<u64>,
    checksum: Option<(Checksum, Hasher)>,
    host: Option<String>,
}

impl BodyPlan {
    /// Whether the body must be verified before it counts as stored.
    pub fn is_checksummed(&self) -> bool {
        self.checksum.is_some()
    }

    /// The algorithm the body is verified with, if any.
    pub fn checksum_algorithm(&self) -> Option<ChecksumAlgorithm> {
        self.checksum.as_ref().map(|(c, _)| c.algorithm)
    }

    /// Feed body bytes in the order they arrive.
    pub fn update(&mut self, bytes: &[u8]) {
        if let Some((_, h)) = &mut self.checksum {
            h.update(bytes);
        }
    }
}

/// The decision about a finished body, to be made durable and then passed to `Server::commit`.
#[derive(Debug)]
pub struct Finish {
    pub id: UploadId,
    /// Where the body started.
    pub offset: u64,
    /// How many body bytes to keep: the caller truncates the data to `offset + keep`.
    pub keep: u64,
    /// The upload as `commit` will publish it, if it changed: persist it before committing
    /// if your storage keeps the offset in the record.
    pub info: Option<UploadInfo>,
    /// More than the offset (and expiry) changed: a store that keeps the offset apart from
    /// the record needs to persist `info` only then.
    pub record_changed: bool,
    response: Response,
}

impl Server {
    pub fn new(config: ServerConfig) -> Self {
        Self {
            config,
            uploads: BTreeMap::new(),
        }
    }

    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    /// Puts back an upload found in storage at start-up.
    pub fn restore(&mut self, info: UploadInfo) {
        self.uploads.insert(
            info.id,
            Entry {
                info,
                locked: false,
            },
        );
    }

    pub fn get(&self, id: UploadId) -> Option<&UploadInfo> {
        self.uploads.get(&id).map(|e| &e.info)
    }

    pub fn uploads(&self) -> impl Iterator<Item = &UploadInfo> {
        self.uploads.values().map(|e| &e.info)
    }

    /// Drops an upload whose storage step failed.
    pub fn forget(&mut self, id: UploadId) {
        self.uploads.remove(&id);
    }

    /// Removes expired, idle uploads from the table and returns them for the caller to delete.
    pub fn take_expired(&mut self, now: Instant) -> Vec<UploadId> {
        let ids: Vec<UploadId> = self
            .uploads
            .values()
            .filter(|e| !e.locked && e.info.is_expired(now))
            .map(|e| e.info.id)
            .collect();
        ids.iter().for_each(|id| self.forget(*id));
        ids
    }

    /// Decides what to do with a request head. `new_id` is used only if an upload is created.
    pub fn handle(&mut self, req: &Request, now: Instant, new_id: UploadId) -> Outcome {
        let mut outcome = self.route(req, now, new_id);
        let response = match &mut outcome {
            Outcome::Respond(r)
            | Outcome::Create { response: r, .. }
            | Outcome::Concatenate { response: r, .. }
            | Outcome::Delete { response: r, .. }
            | Outcome::Download { response: r, .. } => Some(r),
            Outcome::ReadBody(_) => None,
        };
        if let Some(r) = response {
            decorate(r);
        }
        outcome
    }

    fn route(&mut self, req: &Request, now: Instant, new_id: UploadId) -> Outcome {
        let method = effective_method(req);
        let path = req.path.split('?').next().unwrap_or_default();
        let base = self.config.base_path.as_str();
        let is_collection = path == base || Some(path) == base.strip_suffix('/');
        if method == Method::Options {
            return Outcome::Respond(self.options(req));
        }
        if method != Method::Get {
            if let Err(r) = check_version(&req.headers) {
                return Outcome::Respond(r);
            }
            if let Err(r) = check_duplicates(&req.headers) {
                return Outcome::Respond(r);
            }
        }
        let target = if is_collection {
            None
        } else {
            match path.strip_prefix(base).and_then(UploadId::parse) {
                Some(id) => Some(id),
                None => return respond(TusError::NoSuchUpload),
            }
        };
        match (method, target) {
            (Method::Post, None) => self.create(req, now, new_id),
            (Method::Head, Some(id)) => self.head(id, now),
            (Method::Patch, Some(id)) => self.patch(req, id, now),
            (Method::Delete, Some(id)) => self.delete(id, now),
            (Method::Get, Some(id)) => self.download(id, now),
            (_, None) => respond_allow("OPTIONS, POST"),
            (_, Some(_)) => respond_allow("OPTIONS, HEAD, GET, PATCH, DELETE"),
        }
    }

    fn options(&self, req: &Request) -> Response {
        let mut r = Response::new(204)
            .header("Tus-Version", TUS_VERSION)
            .header("Tus-Extension", EXTENSIONS)
            .header("Tus-Max-Size", self.config.max_size.to_string())
            .header("Tus-Checksum-Algorithm", ChecksumAlgorithm::header_list());
        if req.headers.get("Access-Control-Request-Method").is_some() {
            cors::preflight(&mut r.headers);
        }
        r
    }

    /// Finds a live upload or says why not (404 unknown, 410 expired).
    fn entry(&self, id: UploadId, now: Instant) -> Result<&Entry, Response> {
        match self.uploads.get(&id) {
            None => Err(TusError::NoSuchUpload.response()),
            Some(e) if e.info.is_expired(now) => Err(TusError::UploadExpired.response()),
            Some(e) => Ok(e),
        }
    }

    fn head(&self, id: UploadId, now: Instant) -> Outcome {
        let e = match self.entry(id, now) {
            Ok(e) => e,
            Err(r) => return Outcome::Respond(r),
        };
        let mut r = Response::new(200).header("Cache-Control", "no-store");
        describe(&mut r.headers, &e.info, &self.config.base_path);
        Outcome::Respond(r)
    }

    fn download(&self, id: UploadId, now: Instant) -> Outcome {
        let e = match self.entry(id, now) {
            Ok(e) => e,
            Err(r) => return Outcome::Respond(r),
        };
        if !e.info.is_complete() {
            return respond(TusError::UploadIncomplete);
        }
        let length = e.info.offset;
        let mut r = Response::new(200)
            .header("Content-Type", "application/octet-stream")
            .header("Content-Length", length.to_string());
        if let Some(name) = e
            .info
            .metadata
            .get("filename")
            .and_then(|n| core::str::from_utf8(n).ok())
        {
            let safe: String = name
                .chars()
                .filter(|c| c.is_ascii_graphic() && *c != '"' && *c != '\\')
                .collect();
            r.headers.set(
                "Content-Disposition",
                format!("attachment; filename=\"{safe}\""),
            );
        }
        Outcome::Download {
            id,
            length,
            response: r,
        }
    }

    fn delete(&mut self, id: UploadId, now: Instant) -> Outcome {
        match self.entry(id, now) {
            Err(r) => return Outcome::Respond(r),
            Ok(e) if e.locked => return respond(TusError::DeleteWhileWriting),
            Ok(_) => {}
        }
        self.forget(id);
        Outcome::Delete {
            id,
            response: Response::new(204),
        }
    }

    fn create(&mut self, req: &Request, now: Instant, id: UploadId) -> Outcome {
        let h = &req.headers;
        let metadata = match h.get("Upload-Metadata").map(Metadata::parse).transpose() {
            Ok(m) => m.unwrap_or_default(),
            Err(e) => return respond(TusError::BadHeader(e.to_string())),
        };
        let concat = match h.get("Upload-Concat") {
            None => Concat::None,
            Some("partial") => Concat::Partial,
            Some(v) if v.starts_with("final;") => {
                return self.concatenate(req, &v[6..], metadata, now, id);
            }
            Some(_) => return respond(TusError::BadConcat),
        };
        let length = match (h.get("Upload-Length"), h.get("Upload-Defer-Length")) {
            (Some(l), None) => match parse_u64(l) {
                Some(l) if l > self.config.max_size => {
                    return respond(TusError::LengthPastMaxSize);
                }
                Some(l) => Some(l),
                None => return respond(TusError::BadLength),
            },
            (None, Some("1")) if concat == Concat::None => None,
            (None, Some(_)) => {
                return respond(TusError::BadDeferLength);
            }
            (None, None) => {
                return respond(TusError::NoLength);
            }
            (Some(_), Some(_)) => {
                return respond(TusError::BothLengths);
            }
        };
        if self.uploads.contains_key(&id) {
            return respond(TusError::IdCollision);
        }
        let info = UploadInfo {
            id,
            length,
            offset: 0,
            metadata,
            created_at: now,
            expires_at: self.expiry(now),
            concat,
        };
        let has_body = h.get("Content-Type") == Some(OFFSET_OCTET_STREAM)
            && (h.get("Transfer-Encoding").is_some()
                || h.get("Content-Length").is_some_and(|l| l != "0"));
        if has_body {
            let plan = match self.plan_body(h, &info) {
                Ok(p) => p,
                Err(r) => return Outcome::Respond(r),
            };
            self.uploads.insert(
                id,
                Entry {
                    info: info.clone(),
                    locked: true,
                },
            );
            return Outcome::ReadBody(BodyPlan {
                created: Some(info),
                ..plan
            });
        }
        self.uploads.insert(
            id,
            Entry {
                info: info.clone(),
                locked: false,
            },
        );
        let mut response = Response::new(201).header("Location", self.location(req, id));
        add_expires(&mut response.headers, &info);
        Outcome::Create { info, response }
    }

    fn concatenate(
        &mut self,
        req: &Request,
        urls: &str,
        metadata: Metadata,
        now: Instant,
        id: UploadId,
    ) -> Outcome {
        if req.headers.get("Upload-Length").is_some() {
            return respond(TusError::FinalWithLength);
        }
        let mut parts = Vec::new();
        for url in urls.split(' ').filter(|s| !s.is_empty()) {
            let part = url
                .find(self.config.base_path.as_str())
                .and_then(|i| UploadId::parse(&url[i + self.config.base_path.len()..]))
                .and_then(|pid| self.uploads.get(&pid));
            match part {
                Some(e)
                    if e.info.concat == Concat::Partial && e.info.is_complete() && !e.locked =>
                {
                    parts.push(e.info.clone())
                }
                Some(_) => return respond(TusError::PartNotFinished),
                None => return respond(TusError::UnknownPart),
            }
        }
        if parts.is_empty() {
            return respond(TusError::NoParts);
        }
        let length = parts
            .iter()
            .map(|p| p.offset)
            .fold(0u64, u64::saturating_add);
        if length > self.config.max_size {
            return respond(TusError::ConcatPastMaxSize);
        }
        let info = UploadInfo {
            id,
            length: Some(length),
            offset: length,
            metadata,
            created_at: now,
            expires_at: None,
            concat: Concat::Final(parts.iter().map(|p| p.id).collect()),
        };
        self.uploads.insert(
            id,
            Entry {
                info: info.clone(),
                locked: false,
            },
        );
        let response = Response::new(201).header("Location", self.location(req, id));
        Outcome::Concatenate {
            info,
            parts,
            response,
        }
    }

    fn patch(&mut self, req: &Request, id: UploadId, now: Instant) -> Outcome {
        let e = match self.entry(id, now) {
            Ok(e) => e,
            Err(r) => return Outcome::Respond(r),
        };
        if matches!(e.info.concat, Concat::Final(_)) {
            return respond(TusError::FinalPatched);
        }
        let h = &req.headers;
        if h.get("Content-Type") != Some(OFFSET_OCTET_STREAM) {
            return respond(TusError::WrongContentType);
        }
        let Some(offset) = h.get("Upload-Offset").and_then(parse_u64) else {
            return respond(TusError::BadOffset);
        };
        if e.locked {
            return respond(TusError::PatchWhileWriting);
        }
        if offset != e.info.offset {
            let mut r = TusError::OffsetMismatch {
                offset: e.info.offset,
                sent: offset,
            }
            .response();
            r.headers.set("Upload-Offset", e.info.offset.to_string());
            return Outcome::Respond(r);
        }
        let plan = match self.plan_body(h, &e.info) {
            Ok(p) => p,
            Err(r) => return Outcome::Respond(r),
        };
        if let Some(e) = self.uploads.get_mut(&id) {
            e.locked = true;
        }
        Outcome::ReadBody(plan)
    }

    /// Checks a body's headers against the upload and plans where it goes.
    fn plan_body(&self, h: &Headers, info: &UploadInfo) -> Result<BodyPlan, Response> {
        let mut new_length = None;
        let length = match (info.length, h.get("Upload-Length")) {
            (Some(l), None) => l,
            (Some(l), Some(v)) if parse_u64(v) == Some(l) => l,
            (Some(_), Some(_)) => return Err(TusError::LengthChanged.response()),
            (None, None) => self.config.max_size,
            (None, Some(v)) => match parse_u64(v) {
                Some(l) if l > self.config.max_size => {
                    return Err(TusError::LengthPastMaxSize.response());
                }
                Some(l) if l >= info.offset => {
                    new_length = Some(l);
                    l
                }
                _ => return Err(TusError::BadNewLength.response()),
            },
        };
        // An upload restored after a restart with a smaller --max-size may already be past it.
        let Some(room) = length.checked_sub(info.offset) else {
            return Err(TusError::AlreadyPastMaxSize.response());
        };
        let limit = match h.get("Content-Length") {
            Some(v) => match parse_u64(v) {
                Some(n) if n > room => return Err(TusError::BodyPastLength.response()),
                Some(n) => n,
                None => return Err(TusError::BadContentLength.response()),
            },
            None => room,
        };
        let checksum = match h.get("Upload-Checksum").map(Checksum::parse).transpose() {
            Ok(c) => c.map(|c| {
                let hasher = Hasher::new(c.algorithm);
                (c, hasher)
            }),
            Err(e) => return Err(TusError::BadHeader(e.to_string()).response()),
        };
        Ok(BodyPlan {
            id: info.id,
            offset: info.offset,
            limit,
            created: None,
            new_length,
            checksum,
            host: h.get("Host").map(str::to_owned),
        })
    }

    /// Decides what of a body to keep. Call once per `ReadBody`, then make it durable and `commit`.
    pub fn finish_body(
        &mut self,
        plan: BodyPlan,
        received: u64,
        end: BodyEnd,
        now: Instant,
    ) -> Finish {
        let received = received.min(plan.limit);
        let verified = plan.checksum.map(|(c, h)| h.finish() == c.digest);
        let (keep, response) = match (end, verified) {
            (BodyEnd::TooLarge, _) => (0, TusError::BodyTooLarge.response()),
            (BodyEnd::Malformed, _) => (0, TusError::MalformedChunkedBody.response()),
            // A checksum covers the whole body: a part of it cannot be verified (protocol#143).
            (BodyEnd::Interrupted, Some(_)) => (0, TusError::InterruptedUnverifiable.response()),
            (BodyEnd::Complete, Some(false)) => (0, TusError::ChecksumMismatch.response()),
            // Without a checksum, store what arrived: the client resumes from there.
            (BodyEnd::Interrupted, None) => (received, TusError::Interrupted.response()),
            (BodyEnd::Complete, _) => {
                let status = if plan.created.is_some() { 201 } else { 204 };
                (received, Response::new(status))
            }
        };
        // A deferred length declared with the body counts only if the body does: a request
        // refused (460, 413) or broken changes nothing but the bytes it kept.
        let accepted = response.is_success();
        let new_length = plan.new_length.filter(|_| accepted);
        let info = self.uploads.get(&plan.id).map(|e| {
            let mut info = e.info.clone();
            info.offset = plan.offset + keep;
            if keep > 0 || new_length.is_some() {
                info.length = new_length.or(info.length);
                info.expires_at = if info.is_complete() {
                    None
                } else {
                    self.expiry(now)
                };
            }
            info
        });
        let old = self.get(plan.id);
        let record_changed = info
            .as_ref()
            .zip(old)
            .is_some_and(|(new, old)| new.length != old.length);
        let changed = info.as_ref().is_some_and(|i| old != Some(i));
        let mut response = response;
        if let Some(created) = &plan.created {
            let location = self.location_for(plan.host.as_deref(), created.id);
            response.headers.set("Location", location);
        }
        Finish {
            id: plan.id,
            offset: plan.offset,
            keep,
            info: if changed { info } else { None },
            record_changed,
            response,
        }
    }

    /// Publishes a finished body once the caller has made it durable (`durable = false` if
    /// that failed: nothing changes and the client is told 500), and releases the lock.
    pub fn commit(&mut self, finish: Finish, durable: bool) -> Response {
        let Some(e) = self.uploads.get_mut(&finish.id) else {
            let mut r = TusError::UploadRemoved.response();
            decorate(&mut r);
            return r;
        };
        e.locked = false;
        let mut r = if durable {
            if let Some(info) = finish.info {
                e.info = info;
            }
            finish.response
        } else {
            TusError::NotStored.response()
        };
        r.headers.set("Upload-Offset", e.info.offset.to_string());
        if r.is_success() {
            add_expires(&mut r.headers, &e.info);
        }
        decorate(&mut r);
        r
    }

    fn expiry(&self, now: Instant) -> Option<Instant> {
        self.config.expire_after.map(|d| now.saturating_add(d))
    }

    fn location(&self, req: &Request, id: UploadId) -> String {
        self.location_for(req.headers.get("Host"), id)
    }

    /// Absolute when the Host is known (some clients do not resolve relative URLs).
    fn location_for(&self, host: Option<&str>, id: UploadId) -> String {
        let valid_host = host.filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        });
        match valid_host {
            Some(h) => format!("http://{h}{}{id}", self.config.base_path),
            None => format!("{}{id}", self.config.base_path),
        }
    }
}

/// The method a request stands for. `X-HTTP-Method-Override` lets a client that can only
/// send POST (old browsers, some proxies) say PATCH or DELETE, so it counts on a POST alone,
/// as in tusd. On a HEAD or GET it is ignored: a HEAD that turned into a GET would send the
/// upload's bytes after a response that, on the wire, has no body (response splitting), and
/// a HEAD or GET turned into a DELETE would let a read remove an upload.
fn effective_method(req: &Request) -> Method {
    match (&req.method, req.headers.get("X-HTTP-Method-Override")) {
        (Method::Post, Some(m)) => Method::parse(m),
        (m, _) => m.clone(),
    }
}

fn respond(error: TusError) -> Outcome {
    Outcome::Respond(error.response())
}

/// 405 with the methods the target takes.
fn respond_allow(allow: &str) -> Outcome {
    let e = TusError::MethodNotAllowed;
    Outcome::Respond(
        Response::new(e.status())
            .header("Allow", allow)
            .text(e.message()),
    )
}

/// Headers every tus response carries.
fn decorate(r: &mut Response) {
    r.headers.set("Tus-Resumable", TUS_VERSION);
    cors::simple(&mut r.headers);
}

fn check_version(h: &Headers) -> Result<(), Response> {
    match h.get("Tus-Resumable") {
        Some(TUS_VERSION) => Ok(()),
        _ => {
            let e = TusError::VersionRequired;
            let mut r = Response::new(e.status())
                .header("Tus-Version", TUS_VERSION)
                .text(e.message());
            decorate(&mut r);
            Err(r)
        }
    }
}

fn check_duplicates(h: &Headers) -> Result<(), Response> {
    const ONCE: [&str; 7] = [
        "Upload-Offset",
        "Upload-Length",
        "Upload-Checksum",
        "Upload-Metadata",
        "Upload-Concat",
        "Content-Length",
        "Content-Type",
    ];
    match ONCE.iter().find(|n| h.count(n) > 1) {
        None => Ok(()),
        Some(n) => {
            let mut r = TusError::RepeatedHeader(n).response();
            decorate(&mut r);
            Err(r)
        }
    }
}

/// Strict decimal: digits only, so `+5`, ` 5`, `-1` and `0x5` are all malformed.
pub fn parse_u64(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn describe(h: &mut Headers, info: &UploadInfo, base: &str) {
    h.set("Upload-Offset", info.offset.to_string());
    match info.length {
        Some(l) => h.set("Upload-Length", l.to_string()),
        None => h.set("Upload-Defer-Length", "1"),
    }
    if !info.metadata.is_empty() {
        h.set("Upload-Metadata", info.metadata.header_value());
    }
    match &info.concat {
        Concat::None => {}
        Concat::Partial => h.set("Upload-Concat", "partial"),
        Concat::Final(parts) => {
            let urls: Vec<String> = parts.iter().map(|p| format!("{base}{p}")).collect();
            h.set("Upload-Concat", format!("final;{}", urls.join(" ")));
        }
    }
    add_expires(h, info);
}

fn add_expires(h: &mut Headers, info: &UploadInfo) {
    if let (false, Some(t)) = (info.is_complete(), info.expires_at) {
        h.set("Upload-Expires", t.http_date());
    }
}

#[cfg(test)]
mod tests {
    //! The server's answers, one status at a time, plus property tests of its invariants.
    use super::*;
    use proptest::prelude::*;

    const T0: Instant = Instant(1_000_000);

    fn id(n: u8) -> UploadId {
        UploadId::from_bytes([n; 16])
    }

    fn req(method: Method, path: &str) -> Request {
        Request::new(method, path).header("Tus-Resumable", TUS_VERSION)
    }

    fn status(o: &Outcome) -> u16 {
        match o {
            Outcome::Respond(r)
            | Outcome::Create { response: r, .. }
            | Outcome::Concatenate { response: r, .. }
            | Outcome::Delete { response: r, .. }
            | Outcome::Download { response: r, .. } => r.status,
            Outcome::ReadBody(_) => 0,
        }
    }

    fn server() -> Server {
        Server::new(ServerConfig {
            max_size: 1000,
            ..ServerConfig::default()
        })
    }

    /// Creates an upload of `len` bytes with id `id(n)`.
    fn create(s: &mut Server, n: u8, len: u64) -> String {
        let o = s.handle(
            &req(Method::Post, "/files/").header("Upload-Length", len.to_string()),
            T0,
            id(n),
        );
        assert_eq!(status(&o), 201);
        format!("/files/{}", id(n))
    }

    /// Creates an upload of a length still to be declared, with id `id(n)`.
    fn create_deferred(s: &mut Server, n: u8) -> String {
        let r = req(Method::Post, "/files/").header("Upload-Defer-Length", "1");
        assert_eq!(status(&s.handle(&r, T0, id(n))), 201);
        format!("/files/{}", id(n))
    }

    fn patch(offset: u64, body: &[u8]) -> Request {
        req(Method::Patch, "")
            .header("Upload-Offset", offset.to_string())
            .header("Content-Type", OFFSET_OCTET_STREAM)
            .header("Content-Length", body.len().to_string())
    }

    /// A PATCH whose body fully arrives and is made durable.
    fn write(
        s: &mut Server,
        path: &str,
        offset: u64,
        body: &[u8],
        checksum: Option<&str>,
    ) -> Response {
        let mut r = patch(offset, body);
        r.path = path.into();
        if let Some(c) = checksum {
            r.headers.set("Upload-Checksum", c);
        }
        match s.handle(&r, T0, id(99)) {
            Outcome::ReadBody(mut plan) => {
                plan.update(body);
                let f = s.finish_body(plan, body.len() as u64, BodyEnd::Complete, T0);
                s.commit(f, true)
            }
            Outcome::Respond(r) => r,
            o => panic!("unexpected {o:?}"),
        }
    }

    fn offset_of(s: &mut Server, path: &str) -> u64 {
        match s.handle(&req(Method::Head, path), T0, id(99)) {
            Outcome::Respond(r) => {
                assert_eq!(r.status, 200);
                r.headers.get("Upload-Offset").unwrap().parse().unwrap()
            }
            o => panic!("unexpected {o:?}"),
        }
    }

    #[test]
    fn options_advertises_extensions_and_cors() {
        let r = Request::new(Method::Options, "/files/")
            .header("Access-Control-Request-Method", "PATCH");
        let Outcome::Respond(r) = server().handle(&r, T0, id(1)) else {
            panic!()
        };
        assert_eq!(r.status, 204);
        assert_eq!(r.headers.get("Tus-Version"), Some("1.0.0"));
        assert!(
            r.headers
                .get("Tus-Extension")
                .unwrap()
                .contains("concatenation")
        );
        assert_eq!(
            r.headers.get("Tus-Checksum-Algorithm"),
            Some("sha1,md5,sha256,crc32")
        );
        assert!(
            r.headers
                .get("Access-Control-Expose-Headers")
                .unwrap()
                .contains("Upload-Offset")
        );
        assert!(
            r.headers
                .get("Access-Control-Allow-Headers")
                .unwrap()
                .contains("Upload-Checksum")
        );
    }

    #[test]
    fn version_is_checked() {
        let mut s = server();
        let o = s.handle(
            &Request::new(Method::Post, "/files/").header("Upload-Length", "5"),
            T0,
            id(1),
        );
        assert_eq!(status(&o), 412);
        let o = s.handle(
            &Request::new(Method::Head, "/files/x").header("Tus-Resumable", "0.2.2"),
            T0,
            id(1),
        );
        let Outcome::Respond(r) = o else { panic!() };
        assert_eq!(
            (r.status, r.headers.get("Tus-Version")),
            (412, Some("1.0.0"))
        );
    }

    #[test]
    fn create_head_patch_complete() {
        let mut s = server();
        let mut post = req(Method::Post, "/files/")
            .header("Upload-Length", "10")
            .header("Host", "h:1");
        post.headers.set("Upload-Metadata", "filename YS5iaW4=");
        let Outcome::Create { response, info } = s.handle(&post, T0, id(1)) else {
            panic!()
        };
        assert_eq!(
            response.headers.get("Location"),
            Some(format!("http://h:1/files/{}", id(1)).as_str())
        );
        assert!(
            response
                .headers
                .get("Upload-Expires")
                .unwrap()
                .ends_with("GMT")
        );
        assert_eq!(info.metadata.get("filename"), Some(&b"a.bin"[..]));
        let path = format!("/files/{}", id(1));
        let Outcome::Respond(h) = s.handle(&req(Method::Head, &path), T0, id(9)) else {
            panic!()
        };
        assert_eq!(h.headers.get("Cache-Control"), Some("no-store"));
        assert_eq!(h.headers.get("Upload-Length"), Some("10"));
        assert_eq!(write(&mut s, &path, 0, b"hello", None).status, 204);
        let r = write(&mut s, &path, 5, b"world", None);
        assert_eq!(
            (r.status, r.headers.get("Upload-Offset")),
            (204, Some("10"))
        );
        assert_eq!(
            r.headers.get("Upload-Expires"),
            None,
            "finished uploads do not expire"
        );
        assert!(matches!(
            s.handle(&req(Method::Get, &path), T0, id(9)),
            Outcome::Download { length: 10, .. }
        ));
    }

    #[test]
    fn offset_mismatch_is_409_and_changes_nothing() {
        let mut s = server();
        let path = create(&mut s, 1, 10);
        let r = write(&mut s, &path, 3, b"abc", None);
        assert_eq!((r.status, r.headers.get("Upload-Offset")), (409, Some("0")));
        assert_eq!(offset_of(&mut s, &path), 0);
    }

    #[test]
    fn malformed_headers_are_400_415_413() {
        let mut s = server();
        let path = create(&mut s, 1, 10);
        for bad in ["-1", "+0", " 0", "0x0", "", "99999999999999999999999"] {
            let mut r = patch(0, b"a").header("Upload-Offset", bad);
            r.path = path.clone();
            assert_eq!(status(&s.handle(&r, T0, id(9))), 400, "{bad:?}");
        }
        let mut r = patch(0, b"a").header("Content-Type", "application/octet-stream");
        r.path = path.clone();
        assert_eq!(status(&s.handle(&r, T0, id(9))), 415);
        let mut r = patch(0, &[0; 11]);
        r.path = path.clone();
        assert_eq!(status(&s.handle(&r, T0, id(9))), 413);
        let mut r = patch(0, b"a");
        r.path = path.clone();
        r.headers.0.push(("upload-offset".into(), "0".into()));
        assert_eq!(status(&s.handle(&r, T0, id(9))), 400, "repeated header");
        let post = |h: &[(&str, &str)]| {
            let mut r = req(Method::Post, "/files/");
            h.iter().for_each(|(k, v)| r.headers.set(k, *v));
            r
        };
        assert_eq!(
            status(&s.handle(&post(&[("Upload-Length", "1001")]), T0, id(2))),
            413
        );
        assert_eq!(
            status(&s.handle(&post(&[("Upload-Length", "ten")]), T0, id(2))),
            400
        );
        assert_eq!(status(&s.handle(&post(&[]), T0, id(2))), 400);
        assert_eq!(
            status(&s.handle(&post(&[("Upload-Defer-Length", "2")]), T0, id(2))),
            400
        );
        let both = post(&[("Upload-Length", "1"), ("Upload-Defer-Length", "1")]);
        assert_eq!(status(&s.handle(&both, T0, id(2))), 400);
        let meta = post(&[("Upload-Length", "1"), ("Upload-Metadata", "a b c")]);
        assert_eq!(status(&s.handle(&meta, T0, id(2))), 400);
    }

    #[test]
    fn unknown_and_traversal_paths_are_404() {
        let mut s = server();
        for p in [
            "/files/../../etc/passwd",
            "/files/%2e%2e%2fsecret",
            "/files/abc",
            "/files//",
            "/files/a/b",
        ] {
            assert_eq!(
                status(&s.handle(&req(Method::Head, p), T0, id(1))),
                404,
                "{p}"
            );
        }
        assert_eq!(
            status(&s.handle(&req(Method::Head, &format!("/files/{}", id(7))), T0, id(1))),
            404
        );
        assert_eq!(
            status(&s.handle(&req(Method::Other("PUT".into()), "/files/"), T0, id(1))),
            405
        );
    }

    #[test]
    fn second_writer_is_locked_out() {
        let mut s = server();
        let path = create(&mut s, 1, 10);
        let mut r = patch(0, b"abc");
        r.path = path.clone();
        let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
            panic!()
        };
        assert_eq!(status(&s.handle(&r, T0, id(9))), 423);
        assert_eq!(
            status(&s.handle(&req(Method::Delete, &path), T0, id(9))),
            423
        );
        assert_eq!(
            offset_of(&mut s, &path),
            0,
            "HEAD reports only committed bytes"
        );
        let f = s.finish_body(plan, 3, BodyEnd::Complete, T0);
        assert_eq!(s.commit(f, true).status, 204);
        assert_eq!(write(&mut s, &path, 3, b"d", None).status, 204);
    }

    #[test]
    fn checksums_verify_or_discard() {
        let mut s = server();
        let path = create(&mut s, 1, 10);
        let good = Checksum::of(ChecksumAlgorithm::Sha1, b"hello").header_value();
        let bad = Checksum::of(ChecksumAlgorithm::Sha1, b"jello").header_value();
        let r = write(&mut s, &path, 0, b"hello", Some(&bad));
        assert_eq!((r.status, r.headers.get("Upload-Offset")), (460, Some("0")));
        assert_eq!(write(&mut s, &path, 0, b"hello", Some(&good)).status, 204);
        let md5 = Checksum::of(ChecksumAlgorithm::Md5, b"wo").header_value();
        assert_eq!(write(&mut s, &path, 5, b"wo", Some(&md5)).status, 204);
        let sha256 = Checksum::of(ChecksumAlgorithm::Sha256, b"rld").header_value();
        assert_eq!(write(&mut s, &path, 7, b"rld", Some(&sha256)).status, 204);
        let path = create(&mut s, 2, 10);
        assert_eq!(
            write(&mut s, &path, 0, b"x", Some("blake3 AAAAAA==")).status,
            400
        );
        assert_eq!(
            write(&mut s, &path, 0, b"x", Some("sha1 not-base64")).status,
            400
        );
    }

    #[test]
    fn broken_bodies_keep_what_arrived_unless_checksummed() {
        let mut s = server();
        let path = create(&mut s, 1, 10);
        let mut r = patch(0, b"hello");
        r.path = path.clone();
        let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
            panic!()
        };
        let f = s.finish_body(plan, 3, BodyEnd::Interrupted, T0);
        assert_eq!(f.keep, 3);
        s.commit(f, true);
        assert_eq!(offset_of(&mut s, &path), 3);
        r.headers.set("Upload-Offset", "3");
        r.headers.set(
            "Upload-Checksum",
            Checksum::of(ChecksumAlgorithm::Sha1, b"lo").header_value(),
        );
        let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
            panic!()
        };
        let f = s.finish_body(plan, 1, BodyEnd::Interrupted, T0);
        assert_eq!((f.keep, f.offset), (0, 3));
        s.commit(f, true);
        assert_eq!(offset_of(&mut s, &path), 3);
        // A failed fsync publishes nothing.
        r.headers.0.retain(|(k, _)| k != "Upload-Checksum");
        let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
            panic!()
        };
        let f = s.finish_body(plan, 2, BodyEnd::Complete, T0);
        assert_eq!(s.commit(f, false).status, 500);
        assert_eq!(offset_of(&mut s, &path), 3);
        // Broken framing keeps nothing, even unchecked.
        let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
            panic!()
        };
        let f = s.finish_body(plan, 2, BodyEnd::Malformed, T0);
        assert_eq!((f.keep, s.commit(f, true).status), (0, 400));
        assert_eq!(offset_of(&mut s, &path), 3);
    }

    #[test]
    fn expiration_gives_410_and_sweeps() {
        let mut s = Server::new(ServerConfig {
            expire_after: Some(Duration::from_secs(10)),
            ..ServerConfig::default()
        });
        let path = create(&mut s, 1, 10);
        let done = create(&mut s, 2, 1);
        assert_eq!(write(&mut s, &done, 0, b"x", None).status, 204);
        let later = T0.saturating_add(Duration::from_secs(11));
        assert_eq!(
            status(&s.handle(&req(Method::Head, &path), later, id(9))),
            410
        );
        assert_eq!(s.take_expired(later), vec![id(1)]);
        assert_eq!(
            status(&s.handle(&req(Method::Head, &path), later, id(9))),
            404
        );
        assert_eq!(
            status(&s.handle(&req(Method::Head, &done), later, id(9))),
            200
        );
    }

    #[test]
    fn deferred_length_and_creation_with_upload() {
        let mut s = server();
        let path = create_deferred(&mut s, 1);
        let Outcome::Respond(h) = s.handle(&req(Method::Head, &path), T0, id(9)) else {
            panic!()
        };
        assert_eq!(h.headers.get("Upload-Defer-Length"), Some("1"));
        let mut r = patch(0, b"ab").header("Upload-Length", "2");
        r.path = path.clone();
        let Outcome::ReadBody(plan) = s.handle(&r, T0, id(9)) else {
            panic!()
        };
        let f = s.finish_body(plan, 2, BodyEnd::Complete, T0);
        s.commit(f, true);
        assert!(s.get(id(1)).unwrap().is_complete());

        let r = req(Method::Post, "/files/")
            .header("Upload-Length", "4")
            .header("Content-Type", OFFSET_OCTET_STREAM)
            .header("Content-Length", "2")
            .header("Host", "h");
        let Outcome::ReadBody(plan) = s.handle(&r, T0, id(2)) else {
            panic!()
        };
        assert_eq!(plan.created.as_ref().map(|i| i.offset), Some(0));
        let f = s.finish_body(plan, 2, BodyEnd::Complete, T0);
        let r = s.commit(f, true);
        assert_eq!((r.status, r.headers.get("Upload-Offset")), (201, Some("2")));
        assert_eq!(
            r.headers.get("Location"),
            Some(format!("http://h/files/{}", id(2)).as_str())
        );
    }

    #[test]
    fn method_override_counts_on_a_post_only() {
        let mut s = server();
        let path = create(&mut s, 1, 2);
        assert_eq!(write(&mut s, &path, 0, b"ab", None).status, 204);
        let with = |m: Method, over: &str| req(m, &path).header("X-HTTP-Method-Override", over);
        // A HEAD stays a HEAD: a download's bytes would follow an answer that has no body.
        let o = s.handle(&with(Method::Head, "GET"), T0, id(9));
        assert!(
            matches!(&o, Outcome::Respond(r) if r.status == 200),
            "{o:?}"
        );
        // A read cannot delete.
        for m in [Method::Head, Method::Get] {
            let o = s.handle(&with(m, "DELETE"), T0, id(9));
            assert!(!matches!(o, Outcome::Delete { .. }), "{o:?}");
        }
        // A POST stands for the method it names (tus-js-client's `overridePatchMethod`).
        let other = create(&mut s, 2, 1);
        let mut p = patch(0, b"x").header("X-HTTP-Method-Override", "PATCH");
        (p.method, p.path) = (Method::Post, other);
        let Outcome::ReadBody(plan) = s.handle(&p, T0, id(9)) else {
            panic!("a POST standing for PATCH reads its body")
        };
        let f = s.finish_body(plan, 1, BodyEnd::Complete, T0);
        assert_eq!(s.commit(f, true).status, 204);
        let o = s.handle(&with(Method::Post, "GET"), T0, id(9));
        assert!(matches!(o, Outcome::Download { length: 2, .. }), "{o:?}");
        let o = s.handle(&with(Method::Post, "DELETE"), T0, id(9));
        assert!(matches!(o, Outcome::Delete { .. }), "{o:?}");
    }

    #[test]
    fn a_refused_body_declares_no_length() {
        let mut s = server();
        let path = create_deferred(&mut s, 1);
        let sha1_of_hello = "sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=";
        let send = |s: &mut Server, body: &[u8], length: &str, arrived: u64| {
            let mut r = patch(0, body)
                .header("Upload-Length", length)
                .header("Upload-Checksum", sha1_of_hello);
            r.path = path.clone();
            let Outcome::ReadBody(mut plan) = s.handle(&r, T0, id(9)) else {
                panic!("a body is read")
            };
            plan.update(&body[..arrived as usize]);
            let end = match arrived == body.len() as u64 {
                true => BodyEnd::Complete,
                false => BodyEnd::Interrupted,
            };
            let f = s.finish_body(plan, arrived, end, T0);
            s.commit(f, true).status
        };
        assert_eq!(send(&mut s, b"world", "7", 5), 460);
        assert_eq!(s.get(id(1)).unwrap().length, None, "a 460 fixes no length");
        assert_eq!(send(&mut s, b"hello", "8", 2), 400);
        assert_eq!(s.get(id(1)).unwrap().length, None, "nor does a broken body");
        assert_eq!(send(&mut s, b"hello", "5", 5), 204);
        assert_eq!(s.get(id(1)).unwrap().length, Some(5));
        assert!(s.get(id(1)).unwrap().is_complete());
    }

    #[test]
    fn termination() {
        let mut s = server();
        let path = create(&mut s, 1, 10);
        assert!(matches!(
            s.handle(&req(Method::Delete, &path), T0, id(9)),
            Outcome::Delete { .. }
        ));
        assert_eq!(status(&s.handle(&req(Method::Head, &path), T0, id(9))), 404);
    }

    #[test]
    fn concatenation() {
        let mut s = server();
        let partial = |_: u8| {
            req(Method::Post, "/files/")
                .header("Upload-Length", "2")
                .header("Upload-Concat", "partial")
        };
        assert_eq!(status(&s.handle(&partial(1), T0, id(1))), 201);
        assert_eq!(status(&s.handle(&partial(2), T0, id(2))), 201);
        let (a, b) = (format!("/files/{}", id(1)), format!("/files/{}", id(2)));
        let fin =
            req(Method::Post, "/files/").header("Upload-Concat", format!("final;{a} http://x{b}"));
        assert_eq!(status(&s.handle(&fin, T0, id(3))), 400, "parts unfinished");
        write(&mut s, &a, 0, b"ab", None);
        write(&mut s, &b, 0, b"cd", None);
        let Outcome::Concatenate { info, parts, .. } = s.handle(&fin, T0, id(3)) else {
            panic!()
        };
        assert_eq!((info.length, info.offset, parts.len()), (Some(4), 4, 2));
        let c = format!("/files/{}", id(3));
        let Outcome::Respond(h) = s.handle(&req(Method::Head, &c), T0, id(9)) else {
            panic!()
        };
        assert_eq!(
            h.headers.get("Upload-Concat"),
            Some(format!("final;{a} {b}").as_str())
        );
        assert_eq!(write(&mut s, &c, 4, b"", None).status, 403);
        let bad = req(Method::Post, "/files/").header("Upload-Concat", "final;/files/zz");
        assert_eq!(status(&s.handle(&bad, T0, id(4))), 400);
    }

    /// One step a test driver can take against the server and its (simulated) disk.
    #[derive(Debug, Clone)]
    enum Op {
        Patch {
            upload: usize,
            len: usize,
            at_offset: bool,
            arrive: usize,
            checksum: Option<bool>,
            /// The process dies once the bytes arrived, before `finish_body`.
            crash: bool,
        },
        Crash,
        Head {
            upload: usize,
        },
    }

    fn op() -> impl Strategy<Value = Op> {
        let patch = (
            0..3usize,
            0..40usize,
            prop::bool::weighted(0.8),
            0..50usize,
            prop::option::of(any::<bool>()),
            prop::bool::weighted(0.1),
        );
        prop_oneof![
            6 => patch.prop_map(|(upload, len, at_offset, arrive, checksum, crash)| {
                Op::Patch { upload, len, at_offset, arrive, checksum, crash }
            }),
            1 => Just(Op::Crash),
            2 => (0..3usize).prop_map(|upload| Op::Head { upload }),
        ]
    }

    /// The byte at position `i` of upload `u`: deterministic, so any stored byte can be checked.
    fn byte(u: usize, i: u64) -> u8 {
        (i as u8).wrapping_mul(31).wrapping_add(u as u8 * 7)
    }

    /// One upload on the simulated disk: its record, its bytes (possibly past the offset) and,
    /// once it has had a checksummed body, its acknowledged offset kept apart from the record.
    type Stored = (UploadInfo, Vec<u8>, Option<u64>);

    /// A restart: a new server that finds each upload's record with its acknowledged offset, or
    /// else its byte count, and bytes past it cut off (what `looplab serve` does).
    fn restart(disk: &mut [Stored]) -> Server {
        let mut s = server();
        for (record, data, acked) in disk {
            let offset = acked.map_or(data.len() as u64, |a| a.min(data.len() as u64));
            data.truncate(offset as usize);
            s.restore(UploadInfo {
                offset,
                ..record.clone()
            });
        }
        s
    }

    proptest! {
        /// Against a simulated disk that writes every body in place as it arrives (a checksummed
        /// one too, once the acknowledged offset is kept, and one whose bytes are damaged on the
        /// way), with crashes between and in the middle of requests: the offset a client is told
        /// never decreases, and every byte under an offset is there and correct.
        #[test]
        fn offsets_never_decrease_and_acked_bytes_survive(ops in prop::collection::vec(op(), 1..60)) {
            const LEN: u64 = 100;
            let mut s = server();
            let mut disk: Vec<Stored> = Vec::new();
            let mut acked = [0u64; 3];
            for u in 0..3 {
                create(&mut s, u as u8, LEN);
                disk.push((s.get(id(u as u8)).unwrap().clone(), Vec::new(), None));
            }
            for op in ops {
                match op {
                    Op::Patch { upload, len, at_offset, arrive, checksum, crash } => {
                        let cur = s.get(id(upload as u8)).unwrap().offset;
                        let offset = if at_offset { cur } else { cur + 1 };
                        let len = (len as u64).min(LEN - offset.min(LEN));
                        let body: Vec<u8> = (offset..offset + len).map(|i| byte(upload, i)).collect();
                        let mut r = patch(offset, &body);
                        r.path = format!("/files/{}", id(upload as u8));
                        if let Some(good) = checksum {
                            let mut sent = body.clone();
                            if !good { sent.push(0) }
                            r.headers.set("Upload-Checksum", Checksum::of(ChecksumAlgorithm::Sha1, &sent).header_value());
                        }
                        match s.handle(&r, T0, id(99)) {
                            Outcome::ReadBody(mut plan) => {
                                let got = (arrive as u64).min(len);
                                let mut arrived = body[..got as usize].to_vec();
                                if checksum == Some(false) {
                                    arrived.iter_mut().for_each(|b| *b = !*b);
                                }
                                let (record, data, acked_offset) = &mut disk[upload];
                                if plan.is_checksummed() {
                                    acked_offset.get_or_insert(plan.offset);
                                }
                                data.truncate(plan.offset as usize);
                                data.extend_from_slice(&arrived);
                                if crash {
                                    s = restart(&mut disk);
                                    continue;
                                }
                                plan.update(&arrived);
                                let end = if got == len { BodyEnd::Complete } else { BodyEnd::Interrupted };
                                let f = s.finish_body(plan, got, end, T0);
                                data.truncate((f.offset + f.keep) as usize);
                                if let (true, Some(a)) = (f.keep > 0, acked_offset.as_mut()) { *a = f.offset + f.keep; }
                                if let (true, Some(new)) = (f.record_changed, &f.info) { *record = new.clone(); }
                                let resp = s.commit(f, true);
                                let told: u64 = resp.headers.get("Upload-Offset").unwrap().parse().unwrap();
                                prop_assert!(told >= acked[upload]);
                                if resp.status == 204 { acked[upload] = told; }
                            }
                            Outcome::Respond(r) => prop_assert!(matches!(r.status, 409 | 413), "{}", r.status),
                            o => prop_assert!(false, "unexpected {:?}", o),
                        }
                    }
                    Op::Crash => s = restart(&mut disk),
                    Op::Head { upload } => {
                        let o = offset_of(&mut s, &format!("/files/{}", id(upload as u8)));
                        prop_assert!(o >= acked[upload]);
                        acked[upload] = o;
                    }
                }
                for (u, (_, data, _)) in disk.iter().enumerate() {
                    let offset = s.get(id(u as u8)).unwrap().offset;
                    prop_assert!(offset >= acked[u]);
                    prop_assert!(data.len() as u64 >= offset);
                    for i in 0..offset {
                        prop_assert_eq!(data[i as usize], byte(u, i));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod fuzz_tests {
    //! Property tests of tus request handling: arbitrary methods, paths, headers and body endings
    //! against one server. None may panic, every body read ends with the upload unlocked, no
    //! offset passes its length, and a HEAD or GET on the wire is only ever a read.
    use super::*;
    use crate::reason;
    use proptest::prelude::*;

    const T0: Instant = Instant(1_000_000);

    fn id(n: u8) -> UploadId {
        UploadId::from_bytes([n; 16])
    }

    /// Paths: the collection, uploads that may exist, and junk.
    fn path() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => Just("/files/".to_owned()),
            1 => Just("/files".to_owned()),
            6 => (0..4u8).prop_map(|n| format!("/files/{}", id(n))),
            1 => (0..4u8).prop_map(|n| format!("/files/{}?x=1", id(n))),
            1 => "/files/[a-z0-9./%]{0,40}",
            1 => ".{0,30}",
        ]
    }

    fn method() -> impl Strategy<Value = Method> {
        prop_oneof![
            Just(Method::Options),
            Just(Method::Head),
            Just(Method::Get),
            Just(Method::Post),
            Just(Method::Patch),
            Just(Method::Delete),
            "[A-Za-z]{0,8}".prop_map(|m| Method::parse(&m)),
        ]
    }

    /// A number as a client (or an attacker) might write one.
    fn number() -> impl Strategy<Value = String> {
        prop_oneof![
            (0..70u64).prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| n.to_string()),
            Just("18446744073709551616".to_owned()),
            Just("-1".to_owned()),
            Just("+5".to_owned()),
            Just(String::new()),
            ".{0,12}",
        ]
    }

    fn header() -> impl Strategy<Value = (String, String)> {
        let named = |name: &'static str, value: BoxedStrategy<String>| {
            value.prop_map(move |v| (name.to_owned(), v))
        };
        prop_oneof![
            3 => named("Upload-Length", number().boxed()),
            3 => named("Upload-Offset", number().boxed()),
            2 => named("Content-Length", number().boxed()),
            1 => named("Upload-Defer-Length", prop_oneof![Just("1".to_owned()), number()].boxed()),
            3 => named(
                "Content-Type",
                prop_oneof![Just(OFFSET_OCTET_STREAM.to_owned()), ".{0,20}"].boxed(),
            ),
            1 => named("Transfer-Encoding", Just("chunked".to_owned()).boxed()),
            2 => named(
                "Upload-Checksum",
                prop_oneof![
                    Just("sha1 qvTGHdzF6KLavt4PO0gs2a6pQ00=".to_owned()),
                    Just("crc32 NhCmhg==".to_owned()),
                    "(sha1|md5|crc32|sha256|x) [A-Za-z0-9+/=%]{0,30}",
                ]
                .boxed(),
            ),
            2 => named(
                "Upload-Concat",
                prop_oneof![
                    Just("partial".to_owned()),
                    (0..4u8, 0..4u8).prop_map(|(a, b)| format!(
                        "final;/files/{} http://h/files/{}",
                        id(a),
                        id(b)
                    )),
                    "final;.{0,40}",
                    ".{0,10}",
                ]
                .boxed(),
            ),
            1 => named("Upload-Metadata", ".{0,40}".boxed()),
            2 => named("X-HTTP-Method-Override", method().prop_map(|m| m.to_string()).boxed()),
            1 => named("Host", ".{0,20}".boxed()),
            1 => ("[A-Za-z-]{1,12}", ".{0,20}"),
        ]
    }

    #[derive(Debug, Clone)]
    struct Step {
        method: Method,
        path: String,
        headers: Vec<(String, String)>,
        /// Drop the Tus-Resumable header (most requests carry it, or little gets past 412).
        no_version: bool,
        /// How the body, if one is read, ends: bytes received, the ending, whether storage held.
        received: u64,
        end: BodyEnd,
        durable: bool,
        /// Milliseconds since the previous step (expiry is a day: some steps jump past it).
        later: u64,
    }

    /// A PATCH a tus client would send, at an offset that may be right, plus a few odd headers:
    /// arbitrary requests alone seldom get as far as a body.
    fn patch() -> impl Strategy<Value = (Method, String, Vec<(String, String)>)> {
        (
            0..4u8,
            prop_oneof![Just(0u64), Just(60), 0..70u64],
            prop::collection::vec(header(), 0..3),
        )
            .prop_map(|(n, offset, extra)| {
                let mut headers = vec![
                    ("Content-Type".to_owned(), OFFSET_OCTET_STREAM.to_owned()),
                    ("Upload-Offset".to_owned(), offset.to_string()),
                ];
                headers.extend(extra);
                (Method::Patch, format!("/files/{}", id(n)), headers)
            })
    }

    fn step() -> impl Strategy<Value = Step> {
        (
            prop_oneof![
                (method(), path(), prop::collection::vec(header(), 0..6)),
                patch(),
            ],
            prop::bool::weighted(0.1),
            0..60u64,
            prop_oneof![
                Just(BodyEnd::Complete),
                Just(BodyEnd::Interrupted),
                Just(BodyEnd::TooLarge),
                Just(BodyEnd::Malformed),
            ],
            prop::bool::weighted(0.9),
            prop_oneof![9 => 0..10_000u64, 1 => Just(25 * 3600 * 1000)],
        )
            .prop_map(
                |((method, path, headers), no_version, received, end, durable, later)| Step {
                    method,
                    path,
                    headers,
                    no_version,
                    received,
                    end,
                    durable,
                    later,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_requests_keep_the_table_sound(steps in prop::collection::vec(step(), 1..30)) {
            let mut s = Server::new(ServerConfig { max_size: 50, ..ServerConfig::default() });
            // Found in storage after a restart with a smaller --max-size: past the limit already.
            s.restore(UploadInfo {
                id: id(3),
                length: None,
                offset: 60,
                metadata: Metadata::default(),
                created_at: T0,
                expires_at: None,
                concat: Concat::None,
            });
            let mut now = T0;
            for (i, st) in steps.into_iter().enumerate() {
                now = now.saturating_add(core::time::Duration::from_millis(st.later));
                let mut req = Request::new(st.method.clone(), st.path.clone());
                if !st.no_version {
                    req.headers.0.push(("Tus-Resumable".into(), TUS_VERSION.into()));
                }
                req.headers.0.extend(st.headers.iter().cloned());
                let outcome = s.handle(&req, now, id((i % 4) as u8));
                if matches!(st.method, Method::Head | Method::Get) {
                    prop_assert!(
                        matches!(&outcome, Outcome::Respond(_))
                            || (st.method == Method::Get && matches!(&outcome, Outcome::Download { .. })),
                        "a {} became {:?}", st.method, outcome
                    );
                }
                let response = match outcome {
                    Outcome::ReadBody(mut plan) => {
                        prop_assert!(s.uploads[&plan.id].locked);
                        let bytes = vec![b'x'; st.received.min(plan.limit) as usize];
                        plan.update(&bytes);
                        let f = s.finish_body(plan, st.received, st.end, now);
                        s.commit(f, st.durable)
                    }
                    Outcome::Respond(r)
                    | Outcome::Create { response: r, .. }
                    | Outcome::Concatenate { response: r, .. }
                    | Outcome::Delete { response: r, .. }
                    | Outcome::Download { response: r, .. } => r,
                };
                prop_assert_ne!(reason(response.status), "Unknown", "{}", response.status);
                prop_assert_eq!(response.headers.get("Tus-Resumable"), Some(TUS_VERSION));
                for e in s.uploads.values() {
                    prop_assert!(!e.locked, "{} left locked", e.info.id);
                    if let Some(l) = e.info.length {
                        prop_assert!(e.info.offset <= l, "{:?}", e.info);
                        prop_assert!(l <= 50 || matches!(e.info.concat, Concat::Final(_)) || e.info.id == id(3));
                    }
                    if let Concat::Final(_) = e.info.concat {
                        prop_assert!(e.info.is_complete());
                    }
                }
            }
        }
    }
}
