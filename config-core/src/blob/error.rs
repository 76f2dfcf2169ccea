//! Why reading a blob failed. Every read of a [`Blob`](super::Blob) returns a [`BlobError`]
//! instead of panicking, whether the data is corrupt, truncated, or simply holds another
//! type than the one the target type asks for.

use super::format::tag_name;

/// Why a blob did not decode as the requested type.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum BlobError {
    /// The data ended in the middle of a value (or a count promised more than is there).
    #[error("baked config data is truncated")]
    Truncated,
    /// The value has another type than the one asked for (or, for datetimes, another form).
    #[error("expected {expected}, found {found}")]
    UnexpectedTag {
        /// What the reader asked for, e.g. `"an integer"`.
        expected: &'static str,
        /// What the data holds, e.g. `"a string"`.
        found: &'static str,
    },
    /// An integer does not fit the target type.
    #[error("integer {value} is out of range for `{target}`")]
    IntOutOfRange {
        /// The stored value.
        value: i128,
        /// The target type, e.g. `"u8"`.
        target: &'static str,
    },
    /// A required struct field has no key in the table.
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// A string names no variant of a unit enum.
    #[error("unknown variant `{0}`")]
    UnknownVariant(String),
    /// A string or key is not valid UTF-8.
    #[error("invalid UTF-8 in baked config data")]
    InvalidUtf8,
    /// Stored datetime fields do not make a valid value of the asked type.
    #[error("invalid datetime in baked config data: {0}")]
    BadDatetime(&'static str),
    /// [`decode`](super::decode) read the root value but bytes were left over.
    #[error("{0} unexpected bytes after the baked config value")]
    TrailingBytes(usize),
}

impl BlobError {
    /// `UnexpectedTag` for a tag the reader did not want.
    pub(super) fn unexpected(expected: &'static str, tag: u8) -> BlobError {
        BlobError::UnexpectedTag { expected, found: tag_name(tag) }
    }
}
