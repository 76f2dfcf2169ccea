//! Compression in one place: gzip at a level and brotli at a quality, for the artifacts'
//! bodies (`artifact`) and the linter's gzip sizes (`config-lint stats` / `diff`), so a
//! size the linter reports is the size a service will serve at the same level.
//!
//! Output is deterministic: the gzip header's mtime stays 0, so the same bytes always
//! compress to the same body (and the same ETag).
//!
//! ```
//! use config_runtime::compress;
//! let json = br#"{"menu":[{"title":"Shoes","url":"/shoes"}]}"#;
//! let gz = compress::gzip(json, 6)?;
//! assert_eq!(gz, compress::gzip(json, 6)?);
//! assert_eq!(compress::gzip_len(json, 6), gz.len() as u64);
//! assert!(!compress::brotli(json, 5)?.is_empty());
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{self, Write};

/// gzip of `bytes` at `level` (0..=9).
pub fn gzip(bytes: &[u8], level: u32) -> io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4 + 64),
        flate2::Compression::new(level),
    );
    enc.write_all(bytes)?;
    enc.finish()
}

/// The length of [`gzip`]'s output; 0 if compression failed (it cannot, into memory).
pub fn gzip_len(bytes: &[u8], level: u32) -> u64 {
    gzip(bytes, level).map_or(0, |v| v.len() as u64)
}

/// brotli of `bytes` at `quality` (0..=11), tuned for text (JSON) with a 4 MiB window.
pub fn brotli(bytes: &[u8], quality: u32) -> io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: i32::try_from(quality).unwrap_or(11),
        lgwin: 22,
        size_hint: bytes.len(),
        mode: brotli::enc::backward_references::BrotliEncoderMode::BROTLI_MODE_TEXT,
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 5 + 64);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}
