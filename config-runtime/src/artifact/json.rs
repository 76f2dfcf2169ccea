//! [`JsonArtifact`]: one value serialized once as compact JSON, compressed once per
//! encoding, each body with its strong ETag; and its builder with the byte budgets.

use super::{ArtifactError, ArtifactSizes, Encoding, Level};
use crate::compress;
use crate::live::{ContentHash, hex};
use bytes::Bytes;
use serde::Serialize;

/// Settings for [`JsonArtifact`]: compression level and byte budgets.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonArtifactBuilder {
    level: Level,
    max: [Option<usize>; 3],
}

impl JsonArtifactBuilder {
    /// Compression level (default [`Level::DEFAULT`]).
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// let a = JsonArtifact::builder().level(Level::FAST).build(&"hello")?;
    /// assert_eq!(a.level(), Level::FAST);
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    /// Budget for the compact JSON, checked before compressing.
    ///
    /// ```
    /// # use config_runtime::JsonArtifact;
    /// let err = JsonArtifact::builder().max_json_bytes(3).build(&"hello").unwrap_err();
    /// assert_eq!(err.to_string(), "the JSON is 7 bytes, over the budget of 3 bytes (max_json_bytes)");
    /// ```
    pub fn max_json_bytes(mut self, max: usize) -> Self {
        self.max[Encoding::Identity.index()] = Some(max);
        self
    }

    /// Budget for the gzip body.
    ///
    /// ```
    /// # use config_runtime::JsonArtifact;
    /// assert!(JsonArtifact::builder().max_gzip_bytes(1 << 20).build(&"hello").is_ok());
    /// ```
    pub fn max_gzip_bytes(mut self, max: usize) -> Self {
        self.max[Encoding::Gzip.index()] = Some(max);
        self
    }

    /// Budget for the brotli body.
    ///
    /// ```
    /// # use config_runtime::JsonArtifact;
    /// let err = JsonArtifact::builder().max_br_bytes(1).build(&"hello").unwrap_err();
    /// assert_eq!(err.rule().id(), "max-br-bytes");
    /// ```
    pub fn max_br_bytes(mut self, max: usize) -> Self {
        self.max[Encoding::Br.index()] = Some(max);
        self
    }

    /// Serializes `value` and builds every body, checking each budget as soon as it is known.
    ///
    /// ```
    /// # use config_runtime::JsonArtifact;
    /// let a = JsonArtifact::builder().max_json_bytes(1024).build(&serde_json::json!({ "a": [1, 2] }))?;
    /// assert_eq!(a.json().as_ref(), br#"{"a":[1,2]}"#);
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn build(self, value: &impl Serialize) -> Result<JsonArtifact, ArtifactError> {
        self.build_json(serde_json::to_vec(value)?)
    }

    /// Builds every body from JSON already serialized (by [`build`](Self::build), or by a
    /// time-sliced artifact that compares a slice's JSON with its neighbour's first).
    pub(super) fn build_json(self, json: Vec<u8>) -> Result<JsonArtifact, ArtifactError> {
        super::count_build();
        self.check(Encoding::Identity, json.len())?;
        let gzip = compress::gzip(&json, self.level.gzip)
            .map_err(|source| ArtifactError::Compress { encoding: Encoding::Gzip, source })?;
        self.check(Encoding::Gzip, gzip.len())?;
        let br = compress::brotli(&json, self.level.brotli)
            .map_err(|source| ArtifactError::Compress { encoding: Encoding::Br, source })?;
        self.check(Encoding::Br, br.len())?;
        let hash = ContentHash::of(&json);
        let etags = [etag(&json, ""), etag(&gzip, "-gz"), etag(&br, "-br")];
        Ok(JsonArtifact {
            json: json.into(),
            gzip: gzip.into(),
            br: br.into(),
            etags,
            hash,
            level: self.level,
        })
    }

    fn check(&self, encoding: Encoding, bytes: usize) -> Result<(), ArtifactError> {
        match self.max[encoding.index()] {
            Some(max) if bytes > max => Err(ArtifactError::Budget { encoding, bytes, max }),
            _ => Ok(()),
        }
    }
}

/// A value serialized once as compact JSON and compressed once per encoding, with a strong
/// ETag per body. Bodies are [`Bytes`]: cloning one for a response copies nothing.
#[derive(Clone, Debug)]
pub struct JsonArtifact {
    json: Bytes,
    gzip: Bytes,
    br: Bytes,
    etags: [String; 3],
    hash: ContentHash,
    level: Level,
}

impl JsonArtifact {
    /// Serializes and compresses `value` at `level`, without budgets.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// let a = JsonArtifact::new(&vec!["Shoes"; 100], Level::DEFAULT)?;
    /// assert!(a.gzip().len() < a.json().len());
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn new(value: &impl Serialize, level: Level) -> Result<JsonArtifact, ArtifactError> {
        JsonArtifact::builder().level(level).build(value)
    }

    /// Settings with budgets.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// let a = JsonArtifact::builder().level(Level::BEST).max_gzip_bytes(1024).build(&"x")?;
    /// assert_eq!(a.json().as_ref(), b"\"x\"");
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn builder() -> JsonArtifactBuilder {
        JsonArtifactBuilder::default()
    }

    /// The body for `encoding`.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::{Encoding, Level}};
    /// let a = JsonArtifact::new(&"x", Level::FAST)?;
    /// assert_eq!(a.body(Encoding::Identity), a.json());
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn body(&self, encoding: Encoding) -> &Bytes {
        match encoding {
            Encoding::Identity => &self.json,
            Encoding::Gzip => &self.gzip,
            Encoding::Br => &self.br,
        }
    }

    /// The compact JSON.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// assert_eq!(JsonArtifact::new(&[1, 2], Level::FAST)?.json().as_ref(), b"[1,2]");
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn json(&self) -> &Bytes {
        &self.json
    }

    /// The gzip body (`Content-Encoding: gzip`).
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// use std::io::Read;
    /// let a = JsonArtifact::new(&[1, 2], Level::FAST)?;
    /// let mut back = String::new();
    /// flate2::read::GzDecoder::new(&a.gzip()[..]).read_to_string(&mut back).unwrap();
    /// assert_eq!(back, "[1,2]");
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn gzip(&self) -> &Bytes {
        &self.gzip
    }

    /// The brotli body (`Content-Encoding: br`).
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// use std::io::Read;
    /// let a = JsonArtifact::new(&[1, 2], Level::FAST)?;
    /// let mut back = String::new();
    /// brotli::Decompressor::new(&a.br()[..], 4096).read_to_string(&mut back).unwrap();
    /// assert_eq!(back, "[1,2]");
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn br(&self) -> &Bytes {
        &self.br
    }

    /// The strong ETag of the body for `encoding`, quoted: `"sha256-<16 hex>"` for the JSON,
    /// with `-gz` / `-br` appended for the compressed bodies. Each hashes its own bytes.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::{Encoding, Level}};
    /// let a = JsonArtifact::new(&"x", Level::FAST)?;
    /// assert!(a.etag(Encoding::Identity).starts_with("\"sha256-"));
    /// assert!(a.etag(Encoding::Br).ends_with("-br\""));
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn etag(&self, encoding: Encoding) -> &str {
        &self.etags[encoding.index()]
    }

    /// Does an `If-None-Match` header match the ETag of the body for `encoding` (so the
    /// answer is 304 Not Modified)?
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::{Encoding, Level}};
    /// let a = JsonArtifact::new(&"x", Level::FAST)?;
    /// let header = format!("\"other\", {}", a.etag(Encoding::Gzip));
    /// assert!(a.not_modified(Encoding::Gzip, &header));
    /// assert!(!a.not_modified(Encoding::Br, &header));
    /// assert!(a.not_modified(Encoding::Br, "*"));
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn not_modified(&self, encoding: Encoding, if_none_match: &str) -> bool {
        let ours = self.etag(encoding);
        if_none_match
            .split(',')
            .map(str::trim)
            .any(|t| t == "*" || t == ours || t.strip_prefix("W/") == Some(ours))
    }

    /// Hash of the compact JSON.
    ///
    /// ```
    /// # use config_runtime::{ContentHash, JsonArtifact, artifact::Level};
    /// assert_eq!(JsonArtifact::new(&1, Level::FAST)?.hash(), ContentHash::of(b"1"));
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn hash(&self) -> ContentHash {
        self.hash
    }

    /// Sizes of the three bodies: the payload cost per version.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// let s = JsonArtifact::new(&"x", Level::FAST)?.sizes();
    /// assert_eq!(s.json, 3);
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn sizes(&self) -> ArtifactSizes {
        ArtifactSizes { json: self.json.len(), gzip: self.gzip.len(), br: self.br.len() }
    }

    /// The level the bodies were compressed at.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// assert_eq!(JsonArtifact::new(&1, Level::BEST)?.level(), Level::BEST);
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn level(&self) -> Level {
        self.level
    }

    /// `application/json`.
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::Level};
    /// assert_eq!(JsonArtifact::new(&1, Level::FAST)?.content_type(), "application/json");
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn content_type(&self) -> &'static str {
        "application/json"
    }
}

fn etag(body: &[u8], suffix: &str) -> String {
    let h = ContentHash::of(body);
    format!("\"sha256-{}{suffix}\"", hex(&h.as_bytes()[..8]))
}
