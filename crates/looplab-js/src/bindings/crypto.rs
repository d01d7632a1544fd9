//! `crypto`: real digests, HMAC, PBKDF2 and scrypt (RustCrypto), and seeded random bytes so a run
//! is repeatable.
use boa_engine::{Context, JsNativeError, JsResult, JsValue};
use hmac::{Hmac, Mac};
use rand_core::RngCore;
use sha2::Digest;

use super::{Native, arg_bytes, arg_f64, arg_string, bytes_value, host};

pub(super) const FNS: &[(&str, Native)] = &[
    ("hash", hash),
    ("hmac", hmac),
    ("randomBytes", random_bytes),
    ("pbkdf2", pbkdf2),
    ("scrypt", scrypt),
];

fn unknown_digest(alg: &str) -> boa_engine::JsError {
    JsNativeError::error()
        .with_message(format!("Digest method not supported: {alg}"))
        .into()
}

/// The digest of `data` under a Node algorithm name, or None for an unknown one.
pub(crate) fn digest(alg: &str, data: &[u8]) -> Option<Vec<u8>> {
    Some(match alg.to_ascii_lowercase().as_str() {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

fn hash(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let alg = arg_string(args, 0, context)?;
    let data = arg_bytes(args, 1, context)?;
    let out = digest(&alg, &data).ok_or_else(|| unknown_digest(&alg))?;
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.hash(data.len() as u64));
    bytes_value(out, context)
}

fn mac_with<M: Mac + hmac::digest::KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut m =
        <M as hmac::digest::KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(data);
    m.finalize().into_bytes().to_vec()
}

fn hmac_of(alg: &str, key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    Some(match alg.to_ascii_lowercase().as_str() {
        "md5" => mac_with::<Hmac<md5::Md5>>(key, data),
        "sha1" => mac_with::<Hmac<sha1::Sha1>>(key, data),
        "sha224" => mac_with::<Hmac<sha2::Sha224>>(key, data),
        "sha256" => mac_with::<Hmac<sha2::Sha256>>(key, data),
        "sha384" => mac_with::<Hmac<sha2::Sha384>>(key, data),
        "sha512" => mac_with::<Hmac<sha2::Sha512>>(key, data),
        _ => return None,
    })
}

fn hmac(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let alg = arg_string(args, 0, context)?;
    let key = arg_bytes(args, 1, context)?;
    let data = arg_bytes(args, 2, context)?;
    let out = hmac_of(&alg, &key, &data).ok_or_else(|| unknown_digest(&alg))?;
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.hash(data.len() as u64));
    bytes_value(out, context)
}

fn random_bytes(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let n = arg_f64(args, 0, context)?.max(0.0) as usize;
    let mut out = vec![0u8; n];
    let host = host(context);
    let mut host = host.borrow_mut();
    host.rng.fill_bytes(&mut out);
    host.charge_builtin(|c| c.hash(n as u64));
    drop(host);
    bytes_value(out, context)
}

/// PBKDF2-HMAC under a Node digest name; `None` for an unknown digest.
pub(crate) fn pbkdf2_key(
    password: &[u8],
    salt: &[u8],
    rounds: u32,
    keylen: usize,
    alg: &str,
) -> Option<Vec<u8>> {
    let mut out = vec![0u8; keylen];
    match alg.to_ascii_lowercase().as_str() {
        "md5" => pbkdf2::pbkdf2_hmac::<md5::Md5>(password, salt, rounds, &mut out),
        "sha1" => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(password, salt, rounds, &mut out),
        "sha224" => pbkdf2::pbkdf2_hmac::<sha2::Sha224>(password, salt, rounds, &mut out),
        "sha256" => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt, rounds, &mut out),
        "sha384" => pbkdf2::pbkdf2_hmac::<sha2::Sha384>(password, salt, rounds, &mut out),
        "sha512" => pbkdf2::pbkdf2_hmac::<sha2::Sha512>(password, salt, rounds, &mut out),
        _ => return None,
    }
    Some(out)
}

fn pbkdf2(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let password = arg_bytes(args, 0, context)?;
    let salt = arg_bytes(args, 1, context)?;
    let rounds = arg_f64(args, 2, context)? as u32;
    let keylen = arg_f64(args, 3, context)? as usize;
    let alg = arg_string(args, 4, context)?;
    let out =
        pbkdf2_key(&password, &salt, rounds, keylen, &alg).ok_or_else(|| unknown_digest(&alg))?;
    // pbkdf2Sync: the main thread does the pool's work itself.
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.pbkdf2_with(u64::from(rounds), &alg));
    bytes_value(out, context)
}

/// scrypt with N, r, p; the error says why the parameters are invalid.
pub(crate) fn scrypt_key(
    password: &[u8],
    salt: &[u8],
    keylen: usize,
    n: u64,
    r: u32,
    p: u32,
) -> Result<Vec<u8>, String> {
    let log_n = if n.is_power_of_two() && n > 1 {
        n.trailing_zeros() as u8
    } else {
        0
    };
    let params = scrypt::Params::new(log_n, r, p, keylen.max(10))
        .map_err(|e| format!("Invalid scrypt params: {e}"))?;
    let mut out = vec![0u8; keylen];
    scrypt::scrypt(password, salt, &params, &mut out)
        .map_err(|e| format!("Invalid scrypt params: {e}"))?;
    Ok(out)
}

fn scrypt(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let password = arg_bytes(args, 0, context)?;
    let salt = arg_bytes(args, 1, context)?;
    let keylen = arg_f64(args, 2, context)? as usize;
    let n = arg_f64(args, 3, context)? as u64;
    let r = arg_f64(args, 4, context)? as u32;
    let p = arg_f64(args, 5, context)? as u32;
    let out = scrypt_key(&password, &salt, keylen, n, r, p)
        .map_err(|e| JsNativeError::range().with_message(e))?;
    host(context)
        .borrow_mut()
        .charge_builtin(|c| c.scrypt(n, u64::from(r)));
    bytes_value(out, context)
}
