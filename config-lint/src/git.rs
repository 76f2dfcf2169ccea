//! `diff --against <rev> FILE`: the old version comes from git (`git show REV:./FILE`,
//! run in the file's directory so the path is the one the user typed).

use super::error::LintError;
use super::input::{self, InputFile};
use std::path::Path;
use std::process::Command;

/// The file as it is at `rev`.
pub(crate) fn show(rev: &str, path: &Path) -> Result<InputFile, LintError> {
    let fail = |message: String| LintError::Git { rev: rev.to_owned(), path: path.to_owned(), message };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(file) = path.file_name() else { return Err(fail("not a file path".into())) };
    let spec = format!("{rev}:./{}", file.to_string_lossy());
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["show", "--no-textconv", &spec])
        .output()
        .map_err(|e| fail(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("git failed").trim();
        return Err(fail(first.trim_start_matches("fatal: ").to_owned()));
    }
    // a `.gz` file that does not inflate: a reason about this revision of it
    input::from_file_bytes(path, format!("{}@{rev}", path.display()), out.stdout).map_err(|e| match e {
        LintError::Read { source, .. } => fail(source.to_string()),
        e => e,
    })
}
