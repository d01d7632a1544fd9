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
                None => return respond(404, "no such upload"),
            }
        };
        match (method, target) {
            (Method::Post, None) => self.create(req, now, new_id),
            (Method::Head, Some(id)) => self.head(id, now),
            (Method::Patch, Some(id)) => self.patch(req, id, now),
            (Method::Delete, Some(id)) => self.delete(id, now),
            (Method::Get, Some(id)) => self.download(id, now),
            (_, None) => respond_allow(405, "OPTIONS, POST"),
            (_, Some(_)) => respond_allow(405, "OPTIONS, HEAD, GET, PATCH, DELETE"),
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
            None => Err(Response::new(404).text("no such upload")),
            Some(e) if e.info.is_expired(now) => Err(Response::new(410).text("upload expired")),
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
            return respond(404, "upload is not complete");
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
            Ok(e) if e.locked => return respond(423, "upload is being written"),
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
            Err(e) => return respond(400, &e.to_string()),
        };
        let concat = match h.get("Upload-Concat") {
            None => Concat::None,
            Some("partial") => Concat::Partial,
            Some(v) if v.starts_with("final;") => {
                return self.concatenate(req, &v[6..], metadata, now, id);
            }
            Some(_) => return respond(400, "Upload-Concat must be `partial` or `final;<urls>`"),
        };
        let length = match (h.get("Upload-Length"), h.get("Upload-Defer-Length")) {
            (Some(l), None) => match parse_u64(l) {
                Some(l) if l > self.config.max_size => {
                    return respond(413, "Upload-Length exceeds Tus-Max-Size");
                }
                Some(l) => Some(l),
                None => return respond(400, "Upload-Length must be a non-negative integer"),
            },
            (None, Some("1")) if concat == Concat::None => None,
            (None, Some(_)) => {
                return respond(
                    400,
                    "Upload-Defer-Length must be 1 (and not on a partial upload)",
                );
            }
            (None, None) => {
                return respond(400, "Upload-Length or Upload-Defer-Length is required");
            }
            (Some(_), Some(_)) => {
                return respond(
                    400,
                    "Upload-Length and Upload-Defer-Length exclude each other",
                );
            }
        };
        if self.uploads.contains_key(&id) {
            return respond(500, "upload id collision");
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
            return respond(400, "a final upload has no Upload-Length");
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
                Some(_) => return respond(400, "every part must be a finished partial upload"),
                None => return respond(400, "unknown part in Upload-Concat"),
            }
        }
        if parts.is_empty() {
            return respond(400, "Upload-Concat final lists no parts");
        }
        let length = parts
            .iter()
            .map(|p| p.offset)
            .fold(0u64, u64::saturating_add);
        if length > self.config.max_size {
            return respond(413, "concatenation exceeds Tus-Max-Size");
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
            return respond(403, "a final upload cannot be patched");
        }
        let h = &req.headers;
        if h.get("Content-Type") != Some(OFFSET_OCTET_STREAM) {
            return respond(415, "Content-Type must be application/offset+octet-stream");
        }
        let Some(offset) = h.get("Upload-Offset").and_then(parse_u64) else {
            return respond(400, "Upload-Offset must be a non-negative integer");
        };
        if e.locked {
            return respond(423, "another request is writing this upload");
        }
        if offset != e.info.offset {
            let mut r =
                Response::new(409).text(format!("offset is {}, not {offset}", e.info.offset));
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
            (Some(_), Some(_)) => return Err(reply(400, "Upload-Length cannot change")),
            (None, None) => self.config.max_size,
            (None, Some(v)) => match parse_u64(v) {
                Some(l) if l > self.config.max_size => {
                    return Err(reply(413, "Upload-Length exceeds Tus-Max-Size"));
                }
                Some(l) if l >= info.offset => {
                    new_length = Some(l);
                    l
                }
                _ => return Err(reply(400, "bad Upload-Length")),
            },
        };
        // An upload restored after a restart with a smaller --max-size may already be past it.
        let Some(room) = length.checked_sub(info.offset) else {
            return Err(reply(413, "upload is already past Tus-Max-Size"));
        };
        let limit = match h.get("Content-Length") {
            Some(v) => match parse_u64(v) {
                Some(n) if n > room => return Err(reply(413, "body would pass Upload-Length")),
                Some(n) => n,
                None => return Err(reply(400, "bad Content-Length")),
            },
            None => room,
        };
        let checksum = match h.get("Upload-Checksum").map(Checksum::parse).transpose() {
            Ok(c) => c.map(|c| {
                let hasher = Hasher::new(c.algorithm);
                (c, hasher)
            }),
            Err(e) => return Err(reply(400, &e.to_string())),
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
            (BodyEnd::TooLarge, _) => (0, Response::new(413).text("body is larger than declared")),
            (BodyEnd::Malformed, _) => (0, Response::new(400).text("malformed chunked body")),
            // A checksum covers the whole body: a part of it cannot be verified (protocol#143).
            (BodyEnd::Interrupted, Some(_)) => (
                0,
                Response::new(400).text("body interrupted; checksum not verifiable"),
            ),
            (BodyEnd::Complete, Some(false)) => (
                0,
                Response::new(460).text("checksum mismatch; chunk discarded"),
            ),
            // Without a checksum, store what arrived: the client resumes from there.
            (BodyEnd::Interrupted, None) => (received, Response::new(400).text("body interrupted")),
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
            let mut r = Response::new(404).text("upload was removed");
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
            Response::new(500).text("could not store the data")
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

fn respond(status: u16, why: &str) -> Outcome {
    Outcome::Respond(reply(status, why))
}

fn reply(status: u16, why: &str) -> Response {
    Response::new(status).text(why)
}

fn respond_allow(status: u16, allow: &str) -> Outcome {
    Outcome::Respond(
        Response::new(status)
            .header("Allow", allow)
            .text("method not allowed here"),
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
            let mut r = Response::new(412)
                .header("Tus-Version", TUS_VERSION)
                .text("Tus-Resumable: 1.0.0 is required");
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
            let mut r = Response::new(400).text(format!("{n} appears more than once"));
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
#[path = "server_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "server_fuzz_tests.rs"]
mod fuzz_tests;
