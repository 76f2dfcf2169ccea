//! A throwaway git repository for the tests of `--against REV` (`diff`, `report`): one
//! way to run git there, with an identity and no signing, whatever the machine's config.

#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

/// Runs `git -C <dir> <args>` and panics with git's stderr when it fails.
pub fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=ci", "-c", "user.email=ci@example.invalid", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("git is needed: apt-get install git");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}
