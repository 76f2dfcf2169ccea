//! Reading the files to lint. A file that is not UTF-8 is not an I/O error: it is a
//! located `syntax` finding (TOML files must be UTF-8), so CI shows where the bad byte is.

use super::error::LintError;
use config_core::diag::LineIndex;
use config_core::{Diagnostic, RuleId, Severity};
use std::io::Read;
use std::path::Path;

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
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(read_err)?;
        ("<stdin>".to_owned(), b)
    } else {
        (path.display().to_string(), std::fs::read(path).map_err(read_err)?)
    };
    Ok(from_bytes(name, bytes))
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
