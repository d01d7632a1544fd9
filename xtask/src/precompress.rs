//! The brotli and gzip copies of the page's files (`x.wasm.br`, `x.wasm.gz`), made once at
//! build time at the best quality, so a server only picks one (`looplab serve` does; so do
//! nginx's `gzip_static`/`brotli_static` and Caddy's `precompressed`).
use std::io::Write;

use anyhow::Result;
use flate2::Compression;
use flate2::write::GzEncoder;

/// Files worth compressing: text and wasm. Images and fonts are compressed already.
pub fn is_compressible(name: &str) -> bool {
    [
        ".html", ".js", ".mjs", ".css", ".wasm", ".json", ".map", ".svg", ".txt",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

/// Brotli at quality 11 with a 16 MiB window (lgwin 24, the most a browser's decoder takes).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// gzip at level 9, for clients without brotli.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut enc = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn both_copies_decode_to_the_original() {
        let text: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("line {} of the page\n", i % 97).into_bytes())
            .collect();
        let br = brotli(&text).unwrap();
        let gz = gzip(&text).unwrap();
        assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 5);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text);
        back.clear();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn only_text_and_wasm_are_compressed() {
        assert!(is_compressible("a-0123.wasm") && is_compressible("index.html"));
        assert!(!is_compressible("logo.png") && !is_compressible("a.wasm.br"));
    }
}
