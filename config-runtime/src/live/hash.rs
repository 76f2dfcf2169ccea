//! Content hashes: the identity of one version of the file's bytes.
//!
//! One hash does three jobs: skipping bytes already accepted or rejected, naming the served
//! version in snapshots and status, and strong ETags for artifacts. SHA-256 is strong enough
//! for ETags and for checking a manifest's digest, and hashing a 3 MB file takes a few
//! milliseconds, small next to parsing it.

use serde::{Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;

/// The SHA-256 of a file's bytes, exactly as read (a byte order mark included; for a `*.gz`
/// file, the inflated bytes, so the same text compressed again is the same version).
///
/// ```
/// use config_runtime::ContentHash;
/// let h = ContentHash::of(b"title = \"Spring sale\"\n");
/// assert_eq!(h.to_hex().len(), 64);
/// assert_eq!(h.short(), &h.to_hex()[..16]);
/// assert_eq!(h, ContentHash::of(b"title = \"Spring sale\"\n"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash([u8; 32]);

impl ContentHash {
    /// Hashes `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        ContentHash(Sha256::digest(bytes).into())
    }

    /// The 32 raw bytes.
    ///
    /// ```
    /// # use config_runtime::ContentHash;
    /// assert_eq!(ContentHash::of(b"").as_bytes()[0], 0xe3);
    /// ```
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Lowercase hex, 64 digits.
    ///
    /// ```
    /// # use config_runtime::ContentHash;
    /// assert!(ContentHash::of(b"").to_hex().starts_with("e3b0c442"));
    /// ```
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }

    /// The first 16 hex digits (64 bits): enough to tell versions apart in logs and ETags.
    ///
    /// ```
    /// # use config_runtime::ContentHash;
    /// assert_eq!(ContentHash::of(b"").short(), "e3b0c44298fc1c14");
    /// ```
    pub fn short(&self) -> String {
        hex(&self.0[..8])
    }
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentHash({})", self.short())
    }
}

impl Serialize for ContentHash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}
