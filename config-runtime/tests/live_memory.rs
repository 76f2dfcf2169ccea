//! What `Live` remembers: each distinct content is parsed once while it is remembered. The
//! last `keep_versions` accepted versions come back as instant rollbacks (same config, same
//! prepared data, a new number), the last `REMEMBERED_REJECTIONS` rejected contents come back
//! with their findings, both bounded; shrink verdicts hold only against the version they were
//! judged against, and a rollback is not shrink-checked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod live_common;
use config_runtime::artifact::Level;
use config_runtime::live::REMEMBERED_REJECTIONS;
use live_common::*;
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A file the checker refuses: an unknown key named after `i`, on line 3.
fn bad(i: usize) -> String {
    format!("title = \"bad\"\nn = 1\noops_{i} = true\n")
}

/// Five good and five bad contents, alternating.
fn ten_contents() -> Vec<String> {
    (0..10usize)
        .map(|i| if i.is_multiple_of(2) { good(&format!("good {i}"), i as u32, 2) } else { bad(i) })
        .collect()
}

/// A `Live` with `keep` kept versions whose `prepare` counts its calls.
fn counting(path: &Path, keep: usize) -> (Live<Cfg, String>, Arc<AtomicUsize>) {
    let prepares = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&prepares);
    let live = Live::<Cfg>::builder(path)
        .keep_versions(keep)
        .prepare(move |c: &Cfg| {
            counter.fetch_add(1, Ordering::SeqCst);
            format!("{}#{}", c.title, c.n)
        })
        .open()
        .unwrap();
    (live, prepares)
}

#[test]
fn a_thousand_writes_through_ten_contents_parse_ten_times() {
    let contents = ten_contents();
    let (_d, path) = setup(contents[0].as_bytes());
    let (live, prepares) = counting(&path, 5);
    for k in 1..=1000 {
        let i = k % contents.len();
        fs::write(&path, &contents[i]).unwrap();
        let out = live.reload_now();
        let first_time = k < contents.len();
        match (&out, i.is_multiple_of(2), first_time) {
            (Outcome::Accepted { .. }, true, true)
            | (Outcome::RolledBack { .. }, true, false)
            | (Outcome::Rejected(_), false, true)
            | (Outcome::StillRejected(_), false, false) => {}
            _ => panic!("write {k} (content {i}): {out:?}"),
        }
        assert_eq!(live.load().version, live.status().version);
    }
    let s = live.status();
    assert_eq!(s.parses, 10, "{s:#?}");
    assert_eq!((s.accepted, s.rejected, s.rolled_back), (5, 5, 496));
    assert_eq!(prepares.load(Ordering::SeqCst), 5);
    // versions only move forward: the boot, 4 more accepted, then one per rollback
    assert_eq!(s.version, 5 + 496);
    let r = s.reloads;
    assert_eq!((r.accepted, r.rejected, r.unchanged, r.rolled_back, r.io_error), (5, 500, 0, 496, 0));
    assert_eq!(r.by_label().iter().map(|(_, n)| n).sum::<u64>(), 1001);
    // the file ends on content 0 (1000 % 10): good, served
    assert_eq!((live.load().config.title.as_str(), s.last_error.is_none()), ("good 0", true));
}

#[test]
fn the_watcher_parses_each_of_ten_contents_once() {
    let contents = ten_contents();
    let (_d, path) = setup(contents[0].as_bytes());
    let live = Live::<Cfg>::builder(&path).debounce(DEBOUNCE).keep_versions(5).watch().unwrap();
    for k in 1..=30 {
        let i = k % contents.len();
        write_atomic(&path, contents[i].as_bytes());
        if i.is_multiple_of(2) {
            let hash = ContentHash::of(contents[i].as_bytes()).to_hex();
            wait_until(&live, "the good content", |s| s.hash.as_deref() == Some(hash.as_str()));
        } else {
            let key = format!("oops_{i}");
            wait_until(&live, "the bad content", |s| {
                s.last_error.as_ref().is_some_and(|e| e.items[0].path == key)
            });
        }
    }
    settle();
    let s = live.status();
    assert_eq!((s.parses, s.accepted, s.rejected), (10, 5, 5), "{s:#?}");
    assert_eq!(s.rolled_back, 11);
}

#[test]
fn a_rollback_is_a_new_version_reported_as_rolled_back() {
    let (a, b) = (good("a", 1, 2), good("b", 2, 2));
    let (_d, path) = setup(a.as_bytes());
    let live = Live::<Cfg>::builder(&path).open().unwrap();
    let versions = live.subscribe();
    fs::write(&path, &b).unwrap();
    assert!(live.reload_now().is_accepted());
    fs::write(&path, &a).unwrap();
    let events = capture_events(|| {
        let out = live.reload_now();
        let Outcome::RolledBack { version, restores, hash, timings } = out else { panic!("{out:?}") };
        assert_eq!((version, restores, hash), (3, 1, ContentHash::of(a.as_bytes())));
        assert_eq!((timings.parse_us, timings.prepare_us), (0, 0));
        assert_eq!(
            (out.published(), out.label(), out.is_accepted(), out.error()),
            (Some(3), "rolled_back", false, None)
        );
    });
    let event = events.iter().find(|(_, e)| e.contains("rolled back")).expect("a rollback event");
    assert_eq!(event.0, tracing::Level::INFO);
    for field in ["version=3", "restores=1", "replaces=2", "hash="] {
        assert!(event.1.contains(field), "{event:?}");
    }
    let snap = live.load();
    assert_eq!(
        (snap.version, snap.config.title.as_str(), snap.hash),
        (3, "a", Some(ContentHash::of(a.as_bytes())))
    );
    let s = live.status();
    assert_eq!((s.version, s.parses, s.accepted, s.rolled_back, s.reloads.rolled_back), (3, 2, 2, 1, 1));
    assert_eq!(s.hash, Some(ContentHash::of(a.as_bytes()).to_hex()));
    assert_eq!(versions.try_iter().collect::<Vec<_>>(), [2, 3]);
    // and forward again: b is kept too
    fs::write(&path, &b).unwrap();
    assert!(matches!(live.reload_now(), Outcome::RolledBack { version: 4, restores: 2, .. }));
    let json = serde_json::to_value(live.status()).unwrap();
    assert_eq!((json["rolled_back"].as_u64(), json["reloads"]["rolled_back"].as_u64()), (Some(2), Some(2)));
}

#[test]
fn a_rollback_publishes_the_same_prepared_artifacts() {
    let (a, b) = (good("a", 1, 40), good("b", 2, 40));
    let (_d, path) = setup(a.as_bytes());
    let prepares = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&prepares);
    let live = Live::<Cfg>::builder(&path)
        .try_prepare(move |c: &Cfg| {
            counter.fetch_add(1, Ordering::SeqCst);
            JsonArtifact::new(c, Level::FAST).map(Arc::new)
        })
        .open()
        .unwrap();
    let v1 = live.load_full();
    fs::write(&path, &b).unwrap();
    assert!(live.reload_now().is_accepted());
    fs::write(&path, &a).unwrap();
    assert!(matches!(live.reload_now(), Outcome::RolledBack { version: 3, .. }));
    let v3 = live.load_full();
    assert_eq!(prepares.load(Ordering::SeqCst), 2, "no prepare for the rollback");
    assert!(Arc::ptr_eq(&v1.prepared, &v3.prepared), "the very same artifacts");
    assert!(Arc::ptr_eq(v1.built(), v3.built()));
    assert!(std::ptr::eq(&*v1.config, &*v3.config), "the very same config");
    assert_eq!((v1.version, v3.version), (1, 3));
    assert_eq!(
        v3.prepared.etag(config_runtime::artifact::Encoding::Gzip),
        v1.prepared.etag(config_runtime::artifact::Encoding::Gzip)
    );
}

#[test]
fn keeping_one_version_parses_a_returning_content_again() {
    let (a, b) = (good("a", 1, 2), good("b", 2, 2));
    let (_d, path) = setup(a.as_bytes());
    let (live, prepares) = counting(&path, 1);
    fs::write(&path, &b).unwrap();
    assert!(live.reload_now().is_accepted());
    fs::write(&path, &a).unwrap();
    assert!(matches!(live.reload_now(), Outcome::Accepted { version: 3, .. }));
    let s = live.status();
    assert_eq!((s.parses, s.accepted, s.rolled_back), (3, 3, 0));
    assert_eq!(prepares.load(Ordering::SeqCst), 3);
    assert!(matches!(Live::<Cfg>::builder(&path).keep_versions(0).open(), Err(LiveError::Setting { .. })));
}

#[test]
fn the_default_keeps_three_versions() {
    assert_eq!(config_runtime::live::DEFAULT_KEEP_VERSIONS, 3);
    let contents: Vec<String> = (0..4).map(|i| good(&format!("v{i}"), i, 2)).collect();
    let (_d, path) = setup(contents[0].as_bytes());
    let (live, prepares) = counting(&path, 3);
    let default = Live::<Cfg>::builder(&path).open().unwrap();
    for c in &contents[1..] {
        fs::write(&path, c).unwrap();
        assert!(live.reload_now().is_accepted());
        assert!(default.reload_now().is_accepted());
    }
    // kept: 1, 2, 3 (content 0 was the least recently served)
    fs::write(&path, &contents[1]).unwrap();
    assert!(matches!(live.reload_now(), Outcome::RolledBack { .. }));
    assert!(matches!(default.reload_now(), Outcome::RolledBack { .. }));
    fs::write(&path, &contents[0]).unwrap();
    assert!(live.reload_now().is_accepted());
    assert!(default.reload_now().is_accepted());
    assert_eq!(prepares.load(Ordering::SeqCst), 5);
}

#[test]
fn the_rejected_memory_is_bounded() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let (live, _) = counting(&path, 3);
    let n = REMEMBERED_REJECTIONS + 1;
    assert!(n > 64);
    for i in 0..n {
        fs::write(&path, bad(i)).unwrap();
        assert!(matches!(live.reload_now(), Outcome::Rejected(_)));
    }
    assert_eq!(live.status().parses, 1 + n as u64);
    // the oldest was forgotten: parsed again (and remembered again, pushing out bad(1))
    fs::write(&path, bad(0)).unwrap();
    assert!(matches!(live.reload_now(), Outcome::Rejected(_)));
    let parses = live.status().parses;
    assert_eq!(parses, 2 + n as u64);
    // the recent ones are not, newest first or oldest first
    for i in (2..n).rev().chain(2..n) {
        fs::write(&path, bad(i)).unwrap();
        let out = live.reload_now();
        assert!(matches!(out, Outcome::StillRejected(_)), "bad({i}): {out:?}");
    }
    assert_eq!(live.status().parses, parses);
    fs::write(&path, bad(1)).unwrap();
    assert!(matches!(live.reload_now(), Outcome::Rejected(_)));
    // an accepted version in between forgets nothing
    fs::write(&path, good("b", 2, 2)).unwrap();
    assert!(live.reload_now().is_accepted());
    fs::write(&path, bad(40)).unwrap();
    assert!(matches!(live.reload_now(), Outcome::StillRejected(_)));
    let s = live.status();
    assert_eq!(s.parses, parses + 2);
    assert_eq!(s.reloads.rejected, s.rejected + s.skipped_identical);
}

#[test]
fn the_status_shows_the_remembered_findings() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let (live, _) = counting(&path, 3);
    let unknown = bad(7);
    let typed = "title = \"a\"\nn = \"seven\"\n";
    fs::write(&path, &unknown).unwrap();
    let Outcome::Rejected(first) = live.reload_now() else { panic!() };
    fs::write(&path, typed).unwrap();
    let Outcome::Rejected(second) = live.reload_now() else { panic!() };
    assert_eq!(first_error(&live.status()), (2, 5, "type".to_owned()));
    fs::write(&path, good("b", 2, 2)).unwrap();
    assert!(live.reload_now().is_accepted());
    assert!(live.status().is_ok());

    fs::write(&path, &unknown).unwrap();
    assert_eq!(live.reload_now(), Outcome::StillRejected(first.clone()));
    let s = live.status();
    assert_eq!(first_error(&s), (3, 1, "unknown-key".to_owned()));
    let shown = s.last_error.unwrap();
    assert_eq!(shown, first);
    assert!(shown.render().contains("oops_7 = true"), "code frames come back: {}", shown.render());
    fs::write(&path, typed).unwrap();
    assert_eq!(live.reload_now(), Outcome::StillRejected(second));
    let json = serde_json::to_value(live.status()).unwrap();
    assert_eq!(json["last_error"]["items"][0]["rule"], "type");
    assert_eq!(live.status().parses, 4);
    assert_eq!(live.load().config.title, "b");
}

#[test]
fn shrink_verdicts_are_remembered_against_their_version_and_rollbacks_skip_the_guard() {
    let (big, mid, small) = (good("a", 1, 20), good("a", 2, 12), good("a", 3, 4));
    let (_d, path) = setup(big.as_bytes());
    let live = Live::<Cfg>::builder(&path).max_shrink(0.5).open().unwrap();
    fs::write(&path, &small).unwrap(); // 22 -> 6 values
    assert_eq!(live.reload_now().error().map(|e| e.items[0].rule.id()), Some("shrink"));
    assert!(matches!(live.reload_now(), Outcome::StillRejected(_)));
    assert_eq!(live.status().parses, 2);
    fs::write(&path, &mid).unwrap(); // 22 -> 14: allowed
    assert!(live.reload_now().is_accepted());
    fs::write(&path, &small).unwrap(); // judged again, against mid: 14 -> 6, still too much
    assert!(matches!(live.reload_now(), Outcome::Rejected(_)));
    assert_eq!(live.status().parses, 4);
    // back to big and down to mid again: rollbacks, not shrink-checked
    fs::write(&path, &big).unwrap();
    assert!(matches!(live.reload_now(), Outcome::RolledBack { version: 3, restores: 1, .. }));
    fs::write(&path, &small).unwrap(); // against big again: the first verdict holds
    assert!(matches!(live.reload_now(), Outcome::StillRejected(_)));
    // an intended cut: unguarded, judged again and accepted
    assert!(matches!(live.reload_now_unguarded(), Outcome::Accepted { version: 4, .. }));
    fs::write(&path, &big).unwrap(); // 6 -> 22
    assert!(matches!(live.reload_now(), Outcome::RolledBack { version: 5, restores: 3, .. }));
    fs::write(&path, &small).unwrap(); // 22 -> 6, but a kept version: allowed
    assert!(matches!(live.reload_now(), Outcome::RolledBack { version: 6, restores: 4, .. }));
    let s = live.status();
    assert_eq!((s.parses, s.accepted, s.rejected, s.rolled_back), (5, 3, 2, 3));
    assert_eq!(live.load().config.tags.len(), 4);
}

#[test]
fn evicted_versions_are_dropped_on_the_reload_thread() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let log = Arc::new(Mutex::new(Vec::new()));
    let spy_log = Arc::clone(&log);
    let live = Live::<Cfg>::builder(&path)
        .debounce(DEBOUNCE)
        .prepare(move |c: &Cfg| DropSpy { n: c.n, log: Arc::clone(&spy_log) })
        .watch()
        .unwrap();
    for n in 2..=5 {
        write_atomic(&path, good("a", n, 2).as_bytes());
        wait_until(&live, "the next version", |s| s.version == u64::from(n));
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while log.lock().unwrap().len() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    settle();
    let mut log = log.lock().unwrap().clone();
    log.sort();
    assert_eq!(log, [(1, "config-live".to_owned()), (2, "config-live".to_owned())], "3, 4 and 5 are kept");
}
