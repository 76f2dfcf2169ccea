//! Compression in one place: gzip at a level and brotli at a quality, for the artifacts'
//! bodies (`artifact`) and the linter's gzip sizes (`config-lint stats` / `diff`), so a
//! size the linter reports is the size a service will serve at the same level; and the
//! one decompression, [`gunzip`] with a cap, for config files shipped as `*.toml.gz`
//! (read by `Live` and by the linter alike).
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
//! assert_eq!(compress::gunzip(&gz, 1 << 20).ok(), Some(json.to_vec()));
//! # Ok::<(), std::io::Error>(())
//! ```

use std::fmt;
use std::io::{self, Read, Write};
use std::path::Path;

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

/// Whether `path` names a gzip file (`marketing.toml.gz`): its last extension is `gz`, in
/// any case. The name decides, for `Live` and the linter alike, never the content: a file
/// named `.toml` is TOML to every tool that opens it.
///
/// ```
/// use config_runtime::compress::is_gzip_path;
/// assert!(is_gzip_path("config/marketing.toml.gz".as_ref()));
/// assert!(!is_gzip_path("config/marketing.toml".as_ref()));
/// ```
pub fn is_gzip_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The two bytes every gzip member starts with (RFC 1952).
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Why [`gunzip`] gave no bytes.
#[derive(Debug)]
pub enum GunzipError {
    /// The stream inflates to more than `cap` bytes; inflating stopped at `cap + 1`.
    TooBig { cap: u64 },
    /// Not a gzip stream, or a damaged one (bad header, bad deflate data, a checksum or
    /// length mismatch, a truncated end, garbage after a member).
    Corrupt(io::Error),
}

impl fmt::Display for GunzipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GunzipError::TooBig { cap } => write!(f, "decompresses to more than {cap} bytes"),
            GunzipError::Corrupt(e) => write!(f, "is not a valid gzip stream: {e}"),
        }
    }
}

impl std::error::Error for GunzipError {}

/// Inflates the gzip stream `gz` (one member or several, as `cat a.gz b.gz` makes), giving
/// at most `cap` bytes: inflating stops at `cap + 1` bytes and refuses, so a small stream
/// that would inflate to gigabytes (a gzip bomb) costs memory and time in proportion to
/// `cap` (one buffer growing to `cap + 1` bytes), not to what it would inflate to.
///
/// ```
/// use config_runtime::compress::{self, GunzipError};
/// let gz = compress::gzip(&[b'x'; 1000], 9)?;
/// assert_eq!(compress::gunzip(&gz, 1000).map(|v| v.len()).ok(), Some(1000));
/// assert!(matches!(compress::gunzip(&gz, 999), Err(GunzipError::TooBig { cap: 999 })));
/// assert!(matches!(compress::gunzip(b"title = 1", 1000), Err(GunzipError::Corrupt(_))));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gunzip(gz: &[u8], cap: u64) -> Result<Vec<u8>, GunzipError> {
    // An empty or plain file is no gzip stream (the decoder would read it as zero members).
    if !gz.starts_with(&GZIP_MAGIC) {
        let e =
            io::Error::new(io::ErrorKind::InvalidData, "it does not start with the gzip magic bytes 1f 8b");
        return Err(GunzipError::Corrupt(e));
    }
    let limit = cap.saturating_add(1);
    // A first guess for text (gzip shrinks TOML about 4-6×), grown as needed, never past the cap.
    let guess = u64::try_from(gz.len()).unwrap_or(u64::MAX).saturating_mul(6).min(limit);
    let mut out = Vec::with_capacity(usize::try_from(guess).unwrap_or(0));
    flate2::read::MultiGzDecoder::new(gz).take(limit).read_to_end(&mut out).map_err(GunzipError::Corrupt)?;
    if out.len() as u64 > cap {
        return Err(GunzipError::TooBig { cap });
    }
    Ok(out)
}
