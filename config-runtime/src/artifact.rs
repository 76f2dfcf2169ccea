//! Precomputed JSON payloads: compact JSON plus gzip and brotli bodies and a strong ETag per
//! encoding, computed once per config version on the reload thread, never per request.
//!
//! The incidents this answers: a 3 MB menu compressed at gzip-9 on every request, and a
//! payload whose size nobody saw before it shipped. Byte budgets make size a check: a body
//! over its budget is an error that `Live::try_prepare` turns into a rejected version, with
//! the rule id `max-json-bytes`, `max-gzip-bytes` or `max-br-bytes`.
//!
//! ```
//! use config_runtime::JsonArtifact;
//! use config_runtime::artifact::{Encoding, Level};
//! let menu = serde_json::json!({ "menu": [{ "title": "Shoes", "url": "/shoes" }] });
//! let a = JsonArtifact::new(&menu, Level::DEFAULT)?;
//! let enc = Encoding::negotiate("gzip, deflate, br;q=0.9");
//! assert_eq!(enc, Encoding::Gzip);
//! assert_eq!(a.body(enc), a.gzip());
//! assert!(a.etag(enc).ends_with("-gz\""));
//! # Ok::<(), config_runtime::artifact::ArtifactError>(())
//! ```

use crate::compress;
use crate::live::{ContentHash, hex};
use bytes::Bytes;
use serde::Serialize;
use std::io;

/// A content coding the artifact is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// The compact JSON itself.
    Identity,
    Gzip,
    /// Brotli (`br`).
    Br,
}

impl Encoding {
    /// Every encoding, identity first.
    pub const ALL: [Encoding; 3] = [Encoding::Identity, Encoding::Gzip, Encoding::Br];

    /// The `Content-Encoding` header value (`None` for identity).
    ///
    /// ```
    /// # use config_runtime::artifact::Encoding;
    /// assert_eq!(Encoding::Br.content_encoding(), Some("br"));
    /// assert_eq!(Encoding::Identity.content_encoding(), None);
    /// ```
    pub const fn content_encoding(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Br => Some("br"),
        }
    }

    /// Picks the encoding to send for an `Accept-Encoding` header: the acceptable compressed
    /// coding with the highest q-value (brotli on a tie), identity when neither is acceptable.
    ///
    /// ```
    /// # use config_runtime::artifact::Encoding;
    /// assert_eq!(Encoding::negotiate("gzip, br"), Encoding::Br);
    /// assert_eq!(Encoding::negotiate("br;q=0.5, gzip"), Encoding::Gzip);
    /// assert_eq!(Encoding::negotiate("*"), Encoding::Br);
    /// assert_eq!(Encoding::negotiate("br;q=0, *;q=0.1"), Encoding::Gzip);
    /// assert_eq!(Encoding::negotiate(""), Encoding::Identity);
    /// ```
    pub fn negotiate(accept_encoding: &str) -> Encoding {
        let (mut br, mut gzip, mut star) = (None, None, None);
        for part in accept_encoding.split(',') {
            let mut fields = part.split(';');
            let name = fields.next().unwrap_or("").trim();
            let q = fields
                .filter_map(|f| {
                    let (k, v) = f.split_once('=')?;
                    k.trim().eq_ignore_ascii_case("q").then(|| v.trim().parse::<f32>().unwrap_or(0.0))
                })
                .next_back()
                .unwrap_or(1.0);
            let slot = if name.eq_ignore_ascii_case("br") {
                &mut br
            } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                &mut gzip
            } else if name == "*" {
                &mut star
            } else {
                continue;
            };
            *slot = Some(q);
        }
        let br = br.or(star).unwrap_or(0.0);
        let gzip = gzip.or(star).unwrap_or(0.0);
        match (br > 0.0, gzip > 0.0) {
            (true, true) if gzip > br => Encoding::Gzip,
            (true, _) => Encoding::Br,
            (false, true) => Encoding::Gzip,
            (false, false) => Encoding::Identity,
        }
    }

    const fn index(self) -> usize {
        match self {
            Encoding::Identity => 0,
            Encoding::Gzip => 1,
            Encoding::Br => 2,
        }
    }

    const fn noun(self) -> &'static str {
        match self {
            Encoding::Identity => "JSON",
            Encoding::Gzip => "gzip body",
            Encoding::Br => "brotli body",
        }
    }

    const fn setting(self) -> &'static str {
        match self {
            Encoding::Identity => "max_json_bytes",
            Encoding::Gzip => "max_gzip_bytes",
            Encoding::Br => "max_br_bytes",
        }
    }
}

/// Compression effort: gzip level (0..=9) and brotli quality (0..=11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Level {
    pub gzip: u32,
    pub brotli: u32,
}

impl Level {
    /// Cheapest: gzip 1, brotli 1.
    pub const FAST: Level = Level { gzip: 1, brotli: 1 };
    /// gzip 6, brotli 5: a few tens of ms for a 3 MB menu.
    pub const DEFAULT: Level = Level { gzip: 6, brotli: 5 };
    /// gzip 9, brotli 11: smallest bodies; seconds of CPU for multi-MB payloads.
    pub const BEST: Level = Level { gzip: 9, brotli: 11 };

    /// A level, each part clamped into its range.
    ///
    /// ```
    /// # use config_runtime::artifact::Level;
    /// assert_eq!(Level::new(12, 40), Level { gzip: 9, brotli: 11 });
    /// ```
    pub const fn new(gzip: u32, brotli: u32) -> Level {
        Level { gzip: if gzip > 9 { 9 } else { gzip }, brotli: if brotli > 11 { 11 } else { brotli } }
    }
}

impl Default for Level {
    fn default() -> Self {
        Level::DEFAULT
    }
}

/// Why an artifact could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArtifactError {
    #[error("cannot serialize the value as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot compress the JSON ({encoding:?}): {source}")]
    Compress { encoding: Encoding, source: io::Error },
    /// A body is over its budget.
    #[error("the {} is {bytes} bytes, over the budget of {max} bytes ({})", .encoding.noun(), .encoding.setting())]
    Budget { encoding: Encoding, bytes: usize, max: usize },
}

impl ArtifactError {
    /// The rule id this failure is reported under when it rejects a version.
    ///
    /// ```
    /// # use config_runtime::artifact::ArtifactError;
    /// # use config_runtime::JsonArtifact;
    /// let err = JsonArtifact::builder().max_gzip_bytes(4).build(&vec![1, 2, 3]).unwrap_err();
    /// assert_eq!(err.rule(), config_runtime::RuleId::MaxGzipBytes);
    /// assert_eq!(err.rule().id(), "max-gzip-bytes");
    /// ```
    pub fn rule(&self) -> config_core::RuleId {
        use config_core::RuleId;
        match self {
            ArtifactError::Budget { encoding: Encoding::Identity, .. } => RuleId::MaxJsonBytes,
            ArtifactError::Budget { encoding: Encoding::Gzip, .. } => RuleId::MaxGzipBytes,
            ArtifactError::Budget { encoding: Encoding::Br, .. } => RuleId::MaxBrBytes,
            ArtifactError::Json(_) | ArtifactError::Compress { .. } => RuleId::Artifact,
        }
    }
}

/// The sizes of an artifact's bodies, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ArtifactSizes {
    pub json: usize,
    pub gzip: usize,
    pub br: usize,
}

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
        let json = serde_json::to_vec(value)?;
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
