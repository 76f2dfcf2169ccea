//! Reading the file with a size cap, without ever blocking on something that is not a file.
//!
//! The size is checked before reading and the read stops at `cap + 1` bytes, so a runaway
//! file costs at most the cap in memory. The path is resolved through symlinks (a Kubernetes
//! ConfigMap mounts `file -> ..data/file`); a directory or a FIFO at the path is refused
//! before opening it, since opening a FIFO would block the reload thread.

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
