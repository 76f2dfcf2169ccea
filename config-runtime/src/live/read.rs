//! Reading the file with a size cap, without ever blocking on something that is not a file.
//!
//! The size is checked before reading and the read stops at `cap + 1` bytes, so a runaway
//! file costs at most the cap in memory. The path is resolved through symlinks (a Kubernetes
//! ConfigMap mounts `file -> ..data/file`); a directory or a FIFO at the path is refused
//! before opening it, since opening a FIFO would block the reload thread.
//!
//! A file whose name ends in `.gz` (`marketing.toml.gz`, as a ConfigMap's `binaryData`
//! carries a config too large for a plain value) is inflated after the read, with the same
//! cap on the inflated size: a gzip bomb stops at `cap + 1` bytes. The name decides, not
//! the content: a file named `.toml` is TOML to every tool that opens it (editor, linter,
//! build), so it is never inflated behind their back, and a `.gz` file that is not gzip is
//! refused rather than parsed. The bytes handed on are the inflated ones, so the content
//! hash, the findings' lines and columns and the status' byte count are those of the TOML
//! text: the same text gzipped again (another level, another header) is the same version.

use super::hash::ContentHash;
use crate::compress::{self, GunzipError};
use config_core::RuleId;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// Why the bytes could not be had.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Missing, unreadable, or failed mid-read: worth retrying.
    Io(io::Error),
    /// The path resolves to a directory or another non-file.
    NotAFile(&'static str),
    /// Larger than the cap; `len` is the size seen (at least `cap + 1`).
    TooBig { len: u64, modified: Option<SystemTime> },
    /// A `.gz` file that was read but cannot be inflated within the cap: a finding of
    /// `rule`, known by the hash of the compressed bytes (the inflated ones were never had).
    Refused { compressed: ContentHash, rule: RuleId, message: String, help: Option<String> },
}

/// Reads the config at `path` with [`read_capped`], inflating it when its name ends in
/// `.gz`; `cap` bounds the bytes on disk and the inflated bytes alike.
pub(crate) fn read_source(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let bytes = read_capped(path, cap)?;
    if !compress::is_gzip_path(path) {
        return Ok(bytes);
    }
    compress::gunzip(&bytes, cap).map_err(|e| {
        let compressed = ContentHash::of(&bytes);
        match e {
            GunzipError::TooBig { .. } => ReadError::Refused {
                compressed,
                rule: RuleId::MaxFileBytes,
                message: format!("the file {e}, over the {cap}-byte cap (max_file_bytes); it was not parsed"),
                help: None,
            },
            GunzipError::Corrupt(_) => ReadError::Refused {
                compressed,
                rule: RuleId::Gzip,
                message: format!("the file {e}; it was not parsed"),
                help: Some(
                    "a `.gz` name means gzip: compress the TOML file with `gzip -c FILE.toml`".to_owned(),
                ),
            },
        }
    })
}

/// Reads the whole file at `path` if it holds at most `cap` bytes.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::NotAFile("a directory"));
    }
    if !meta.is_file() {
        return Err(ReadError::NotAFile("not a regular file"));
    }
    if meta.len() > cap {
        return Err(ReadError::TooBig { len: meta.len(), modified: meta.modified().ok() });
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    let limit = cap.saturating_add(1);
    let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(limit).read_to_end(&mut buf).map_err(ReadError::Io)?;
    if buf.len() as u64 > cap {
        let modified = fs::metadata(path).ok().and_then(|m| m.modified().ok());
        return Err(ReadError::TooBig { len: buf.len() as u64, modified });
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn caps_and_refuses_directories() {
        let dir = std::env::temp_dir().join(format!("live-read-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.toml");
        fs::write(&f, b"12345").unwrap();
        assert_eq!(read_capped(&f, 5).unwrap(), b"12345");
        assert!(matches!(read_capped(&f, 4), Err(ReadError::TooBig { len: 5, .. })));
        assert!(matches!(read_capped(&dir, 10), Err(ReadError::NotAFile("a directory"))));
        assert!(matches!(read_capped(&dir.join("missing"), 10), Err(ReadError::Io(_))));
        fs::remove_dir_all(&dir).unwrap();
    }
}
