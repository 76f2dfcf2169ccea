//! Watching the file's parent directory and turning events into one "maybe changed" signal.
//!
//! The directory is watched, not the file: a rename-over save (vim, VS Code, atomic
//! writers) replaces the file's inode and a Kubernetes ConfigMap swaps a `..data` symlink,
//! and a watch on the file itself misses both. Every event counts as "maybe changed",
//! `Rescan` and watcher errors included, except access notifications (open, read, close
//! without writing): the reload thread's own reads produce those, and counting them would
//! make it wake itself forever. At most one signal waits in the channel at a time, so a
//! flood of events costs nothing while the reload thread is busy.
//!
//! [`DirWatch`] is the same watch for other tools that follow one file (the linter's
//! `preview`): the parent directory, the same events counted, a callback per event.

use super::worker::Msg;
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// The directory to watch: the path's parent, `.` for a bare file name.
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Starts a non-recursive watch on `dir` that signals `tx`; `queued` is set while a signal
/// waits in the channel (the reload thread clears it on receipt).
pub(crate) fn watch_dir(
    dir: &Path,
    tx: Sender<Msg>,
    queued: Arc<AtomicBool>,
) -> notify::Result<RecommendedWatcher> {
    on_change(dir, move || {
        if !queued.swap(true, Ordering::AcqRel) {
            // The receiver is gone only when the Live is being dropped.
            let _ = tx.send(Msg::Changed);
        }
    })
}

/// A non-recursive watch on `dir` calling `f` for every event that may mean new bytes.
fn on_change(dir: &Path, f: impl Fn() + Send + 'static) -> notify::Result<RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<Event>| {
        if maybe_changed(&res) {
            f();
        }
    })?;
    watcher.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// A watch on the directory of one file, as `Live` watches it (see the module header):
/// `on_change` runs on the watcher's thread for every event that may have changed the
/// file, and for events about its neighbours too (the caller compares the bytes). The
/// watch stops when this is dropped.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
/// let (tx, rx) = std::sync::mpsc::channel();
/// let _watch = config_runtime::live::DirWatch::parent_of(&path, move || {
///     let _ = tx.send(());
/// })?;
/// std::fs::write(&path, "title = \"Summer sale\"\n")?;
/// rx.recv_timeout(std::time::Duration::from_secs(10))?;
/// # Ok(()) }
/// ```
pub struct DirWatch {
    dir: PathBuf,
    _watcher: RecommendedWatcher,
}

impl DirWatch {
    /// Watches the directory holding `file` (`.` for a bare file name).
    pub fn parent_of(file: &Path, on_change: impl Fn() + Send + 'static) -> std::io::Result<DirWatch> {
        let dir = parent_dir(file);
        let watcher = self::on_change(&dir, on_change).map_err(|e| {
            std::io::Error::other(format!("cannot watch the directory {}: {e}", dir.display()))
        })?;
        Ok(DirWatch { dir, _watcher: watcher })
    }

    /// The watched directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl std::fmt::Debug for DirWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DirWatch").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// Everything but an access notification may mean new bytes.
fn maybe_changed(res: &notify::Result<Event>) -> bool {
    match res {
        Ok(ev) => match ev.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            _ => true,
        },
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, Flag};

    #[test]
    fn access_is_not_a_change() {
        let open = Event::new(EventKind::Access(AccessKind::Open(AccessMode::Any)));
        let read_close = Event::new(EventKind::Access(AccessKind::Close(AccessMode::Read)));
        let write_close = Event::new(EventKind::Access(AccessKind::Close(AccessMode::Write)));
        let rescan = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(!maybe_changed(&Ok(open)));
        assert!(!maybe_changed(&Ok(read_close)));
        assert!(maybe_changed(&Ok(write_close)));
        assert!(maybe_changed(&Ok(rescan)));
        assert!(maybe_changed(&Ok(Event::new(EventKind::Create(CreateKind::File)))));
        assert!(maybe_changed(&Err(notify::Error::generic("queue overflow"))));
    }

    #[test]
    fn parents() {
        assert_eq!(parent_dir(Path::new("marketing.toml")), PathBuf::from("."));
        assert_eq!(parent_dir(Path::new("config/marketing.toml")), PathBuf::from("config"));
        assert_eq!(parent_dir(Path::new("/marketing.toml")), PathBuf::from("/"));
    }
}
