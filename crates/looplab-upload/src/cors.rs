//! CORS, so the playground page and other origins can drive the endpoint and read its headers.
use crate::Headers;

/// Response headers a browser script must be able to read.
pub const EXPOSE: &str = "Location, Upload-Offset, Upload-Length, Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm, Upload-Metadata, Upload-Defer-Length, Upload-Concat, Upload-Expires";

/// Request headers tus clients send. `X-HTTP-Method-Override` is safe to allow from any origin:
/// the server honours it on a POST only (see `Server::handle`), where it can ask for nothing
/// that a preflighted PATCH or DELETE, allowed from any origin too, could not, and a HEAD's
/// answer never carries a body whatever the request says.
pub const ALLOW_HEADERS: &str = "Authorization, Origin, X-Requested-With, X-Request-ID, X-HTTP-Method-Override, Content-Type, Upload-Length, Upload-Offset, Tus-Resumable, Upload-Metadata, Upload-Defer-Length, Upload-Concat, Upload-Checksum";

pub const ALLOW_METHODS: &str = "POST, GET, HEAD, PATCH, DELETE, OPTIONS";

/// On every response.
pub fn simple(h: &mut Headers) {
    h.set("Access-Control-Allow-Origin", "*");
    h.set("Access-Control-Expose-Headers", EXPOSE);
}

/// On the answer to a preflight `OPTIONS`.
pub fn preflight(h: &mut Headers) {
    h.set("Access-Control-Allow-Methods", ALLOW_METHODS);
    h.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
    h.set("Access-Control-Max-Age", "86400");
}
