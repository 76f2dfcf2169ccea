//! Reading the files to lint. A file that is not UTF-8 is not an I/O error: it is a
//! located `syntax` finding (TOML files must be UTF-8), so CI shows where the bad byte is.
//!
//! A file whose name ends in `.gz` (`marketing.toml.gz`, the form a large config travels
//! in to `Live`) is inflated first, as `Live` does and through the same function
//! (`config_runtime::compress::gunzip`): findings then point at lines and columns of the
//! inflated text under the `.gz` name, and `check`, `diff` and `stats` all see the text.
//! A `.gz` file that gives no text is not a finding but a file the linter cannot read
//! (exit 2), as a missing one: a damaged stream (what `Live` refuses under the `gzip`
//! rule, with the same reason), or one over [`MAX_GZ_BYTES`] on disk or inflated. The
//! linter does not know a service's `max_file_bytes`, so that cap only bounds its own
//! memory. Standard input is never inflated (it has no name to decide by).

use super::error::LintError;
use config_core::diag::LineIndex;
use config_core::{Diagnostic, RuleId, Severity};
use config_runtime::compress::{self, GunzipError};
use std::io::Read;
use std::path::Path;

/// The cap on a `.gz` input, on disk and inflated: 64 MiB, four times `Live`'s default
/// `max_file_bytes`, so a file a service could accept is never refused here while a gzip
/// bomb costs at most that much memory.
pub(crate) const MAX_GZ_BYTES: u64 = 64 << 20;

/// One file's text, as named by the user.
#[derive(Debug)]
pub(crate) struct InputFile {
    /// The name shown in findings: the path as given (`-` is `<stdin>`).
    pub name: String,
    /// The text; lossily decoded when the bytes are not UTF-8 (then `not_utf8` is set).
    pub text: String,
    /// The finding for bytes that are not UTF-8, if any.
    pub not_utf8: Option<Diagnostic>,
}

/// Reads `path` (`-`: standard input).
pub(crate) fn read(path: &Path) -> Result<InputFile, LintError> {
    let read_err = |source| LintError::Read { path: path.to_owned(), source };
    if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(read_err)?;
        return Ok(from_bytes("<stdin>".to_owned(), b));
    }
    let bytes = if compress::is_gzip_path(path) {
        let mut b = Vec::new();
        let file = std::fs::File::open(path).map_err(read_err)?;
        file.take(MAX_GZ_BYTES + 1).read_to_end(&mut b).map_err(read_err)?;
        if b.len() as u64 > MAX_GZ_BYTES {
            let e = format!("the file has more than {MAX_GZ_BYTES} bytes, the linter's cap for `.gz` files");
            return Err(read_err(std::io::Error::other(e)));
        }
        b
    } else {
        std::fs::read(path).map_err(read_err)?
    };
    from_file_bytes(path, path.display().to_string(), bytes)
}

/// Decodes the bytes of the file at `path`, shown as `name`: inflated first when the path
/// names a gzip file.
pub(crate) fn from_file_bytes(path: &Path, name: String, bytes: Vec<u8>) -> Result<InputFile, LintError> {
    if !compress::is_gzip_path(path) {
        return Ok(from_bytes(name, bytes));
    }
    match compress::gunzip(&bytes, MAX_GZ_BYTES) {
        Ok(text) => Ok(from_bytes(name, text)),
        Err(e) => {
            let reason = match e {
                GunzipError::TooBig { .. } => format!("the file {e}, the linter's cap for `.gz` files"),
                GunzipError::Corrupt(_) => format!("the file {e}"),
            };
            Err(LintError::Read { path: path.to_owned(), source: std::io::Error::other(reason) })
        }
    }
}

/// Decodes `bytes`; invalid UTF-8 becomes a `syntax` finding at the first bad byte.
pub(crate) fn from_bytes(name: String, bytes: Vec<u8>) -> InputFile {
    match String::from_utf8(bytes) {
        Ok(text) => InputFile { name, text, not_utf8: None },
        Err(e) => {
            let off = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // the text before `off` is unchanged by the lossy decoding
            let (line, col) = LineIndex::new(&text).at(off);
            let d = Diagnostic {
                rule: RuleId::Syntax,
                severity: Severity::Error,
                line,
                col,
                span: off..(off + '\u{FFFD}'.len_utf8()).min(text.len()),
                path: "(document)".to_owned(),
                message: format!("invalid UTF-8 at byte {off}: TOML files must be UTF-8"),
                help: Some("save the file as UTF-8 (without a byte order mark in the middle)".to_owned()),
            };
            InputFile { name, text, not_utf8: Some(d) }
        }
    }
}
