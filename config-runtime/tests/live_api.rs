//! The `Live` API beyond the fault matrix: fallback, builder errors, outcomes, subscribers,
//! fallible and panicking user code, the shrink guard, polling, where old versions are
//! dropped, and shutting down.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod live_common;
use live_common::*;
use std::fs;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[test]
fn live_is_shareable() {
    fn shareable<X: Send + Sync + Clone + 'static>() {}
    shareable::<Live<Cfg, String>>();
    shareable::<LiveHandle<Cfg, String>>();
    fn sendable<X: Send + 'static>() {}
    sendable::<Status>();
    sendable::<Outcome>();
}

#[test]
fn fallback_baked_when_missing_then_the_file_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marketing.toml");
    let live = Live::<Cfg>::builder(&path).debounce(DEBOUNCE).fallback_baked().watch().unwrap();
    let snap = live.load();
    assert!(snap.config.is_baked());
    assert_eq!((snap.version, snap.hash, snap.config.title.as_str()), (0, None, "baked"));
    let s = live.status();
    assert_eq!((s.version, s.source, counts(&s)), (0, status_source("baked"), (0, 0, 0, 1)));
    assert_eq!(first_error(&s), (1, 1, "io".into()));

    write_atomic(&path, good("from file", 1, 2).as_bytes());
    let s = wait_until(&live, "the first file version", |s| s.version == 1);
    assert_eq!((s.source, counts(&s)), (status_source("file"), (1, 1, 0, 1)));
    assert!(!live.load().config.is_baked());
}

fn status_source(name: &str) -> config_runtime::live::Source {
    match name {
        "baked" => config_runtime::live::Source::Baked,
        _ => config_runtime::live::Source::File,
    }
}

#[test]
fn fallback_baked_when_bad_at_start() {
    let (_d, path) = setup(b"title = \"\"\nn = 1\n");
    let live = Live::<Cfg>::builder(&path).fallback_baked().open().unwrap();
    assert_eq!(live.load().version, 0);
    let s = live.status();
    assert_eq!(counts(&s), (1, 0, 1, 0));
    assert_eq!(first_error(&s), (1, 9, "len".into()));
    // The same bad bytes are not parsed again.
    assert!(matches!(live.reload_now(), Outcome::StillRejected(_)));
    assert_eq!(live.status().parses, 1);
}

#[test]
fn without_fallback_boot_errors_are_located() {
    let (d, path) = setup(b"title = \"x\"\nn = \"two\"\n");
    let err = Live::<Cfg>::builder(&path).open().unwrap_err();
    assert!(matches!(err, LiveError::Rejected(_)));
    assert!(err.to_string().starts_with(&format!("{}:2:5: error[type]: n:", path.display())), "{err}");

    let missing = d.path().join("missing.toml");
    let err = Live::<Cfg>::builder(&missing).open().unwrap_err();
    assert!(matches!(err, LiveError::Io(_)));
    assert!(err.to_string().contains("missing.toml:1:1: error[io]"), "{err}");

    let err = Live::<Cfg>::builder(d.path().join("no/such/dir/x.toml")).fallback_baked().watch().unwrap_err();
    assert!(matches!(err, LiveError::Watch { .. }), "{err}");
}

#[test]
fn settings_are_checked() {
    let (_d, path) = setup(good("a", 1, 0).as_bytes());
    for bad in [Live::<Cfg>::builder(&path).max_shrink(1.5), Live::<Cfg>::builder(&path).max_shrink(f64::NAN)]
    {
        assert!(matches!(bad.open(), Err(LiveError::Setting { .. })));
    }
    assert!(matches!(Live::<Cfg>::builder(&path).max_file_bytes(0).open(), Err(LiveError::Setting { .. })));
    let zero = Live::<Cfg>::builder(&path).poll_every(Duration::ZERO).watch();
    assert!(matches!(zero, Err(LiveError::Setting { .. })));
}

#[test]
fn reload_now_reports_each_outcome() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path).open().unwrap();
    assert_eq!(live.reload_now(), Outcome::Unchanged { version: 1 });
    fs::write(&path, b"title = \"b\"\n").unwrap();
    let Outcome::Rejected(report) = live.reload_now() else { panic!() };
    assert_eq!(report.items[0].rule.id(), "missing-field");
    assert_eq!(live.reload_now(), Outcome::StillRejected(report));
    fs::write(&path, good("b", 2, 2)).unwrap();
    let Outcome::Accepted { version, hash, timings } = live.reload_now() else { panic!() };
    assert_eq!((version, hash), (2, ContentHash::of(good("b", 2, 2).as_bytes())));
    assert!(timings.total_us >= timings.parse_us);
    fs::remove_file(&path).unwrap();
    assert!(matches!(live.reload_now(), Outcome::Io(_)));
    let s = live.status();
    assert_eq!((counts(&s), s.skipped_identical), ((3, 2, 1, 1), 2));
}

#[test]
fn subscribers_hear_every_accepted_version() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path).debounce(DEBOUNCE).watch().unwrap();
    let rx = live.subscribe();
    let dropped = live.subscribe();
    drop(dropped);
    for n in 2..=4 {
        write_atomic(&path, good("a", n, 2).as_bytes());
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)).unwrap(), u64::from(n));
    }
    write_atomic(&path, b"bad");
    wait_until(&live, "the rejection", |s| s.rejected == 1);
    assert_eq!(rx.try_recv().ok(), None);
}

#[test]
fn try_prepare_errors_reject_the_version() {
    let (_d, path) = setup(good("short", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path)
        .try_prepare(|c: &Cfg| {
            if c.n == 3 {
                return Err(Box::<dyn std::error::Error + Send + Sync>::from("n = 3 is reserved"));
            }
            if c.n == 4 {
                let mut d = Diagnostics::new("marketing.toml", "n = 4\n");
                d.items.push(Diagnostic {
                    rule: RuleId::Range,
                    severity: Severity::Error,
                    line: 1,
                    col: 5,
                    span: 4..5,
                    path: "n".into(),
                    message: "too big".into(),
                    help: None,
                });
                return Err(d.into());
            }
            Ok(JsonArtifact::builder().max_json_bytes(60).build(c)?)
        })
        .open()
        .unwrap();
    assert!(live.load().prepared.json().len() <= 60);

    fs::write(&path, good("a much longer title that blows the JSON budget", 2, 2)).unwrap();
    let report = live.reload_now().error().cloned().unwrap();
    assert_eq!(
        (report.items[0].line, report.items[0].col, report.items[0].rule.id()),
        (1, 1, "max-json-bytes")
    );
    assert!(report.items[0].message.contains("over the budget of 60 bytes"));

    fs::write(&path, good("t", 3, 2)).unwrap();
    let report = live.reload_now().error().cloned().unwrap();
    assert_eq!(
        (report.items[0].rule.id(), report.items[0].message.as_str()),
        ("prepare", "n = 3 is reserved")
    );

    fs::write(&path, good("t", 4, 2)).unwrap();
    let report = live.reload_now().error().cloned().unwrap();
    assert_eq!((report.items[0].line, report.items[0].col, report.items[0].rule.id()), (1, 5, "range"));

    let s = live.status();
    assert_eq!(counts(&s), (4, 1, 3, 0));
    assert_eq!(live.load().config.title, "short");
}

#[test]
fn panics_in_user_code_reject_the_version() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path)
        .debounce(DEBOUNCE)
        .loader(|name: &str, text: &str| {
            if text.contains("boom") {
                panic!("loader exploded");
            }
            check_str::<Cfg>(name, text)
        })
        .prepare(|c: &Cfg| {
            assert!(c.n != 7, "prepare exploded");
            c.n
        })
        .watch()
        .unwrap();
    write_atomic(&path, b"boom");
    let s = wait_until(&live, "the loader panic", |s| s.rejected == 1);
    assert_eq!(first_error(&s), (1, 1, "panic".into()));
    assert!(s.last_error.unwrap().items[0].message.contains("loader exploded"));
    write_atomic(&path, good("a", 7, 2).as_bytes());
    let s = wait_until(&live, "the prepare panic", |s| s.rejected == 2);
    assert!(s.last_error.unwrap().items[0].message.contains("prepare exploded"));
    // The reload thread lives on.
    write_atomic(&path, good("a", 8, 2).as_bytes());
    wait_until(&live, "recovery", |s| s.accepted == 2);
    assert_eq!(live.load().prepared, 8);
}

#[test]
fn shrink_guard_and_the_unguarded_reload() {
    let (_d, path) = setup(good("a", 1, 20).as_bytes());
    let live = Live::<Cfg>::builder(&path).max_shrink(0.5).open().unwrap();
    fs::write(&path, good("a", 2, 12).as_bytes()).unwrap(); // 22 -> 14 values: 36% lost
    assert!(live.reload_now().is_accepted());
    fs::write(&path, good("a", 3, 4).as_bytes()).unwrap(); // 14 -> 6: 57% lost
    let report = live.reload_now().error().cloned().unwrap();
    assert_eq!((report.items[0].rule.id(), report.items[0].line), ("shrink", 1));
    assert!(report.items[0].message.contains("6 values"), "{report}");
    assert!(matches!(live.reload_now(), Outcome::StillRejected(_)));
    let Outcome::Accepted { version, .. } = live.reload_now_unguarded() else { panic!() };
    assert_eq!(version, 3);
    assert_eq!(live.load().config.tags.len(), 4);
    assert_eq!(counts(&live.status()), (4, 3, 1, 0));
}

/// A change inotify cannot see (the file is a symlink into another directory, edited in
/// place) is picked up by `poll_every`.
#[test]
fn poll_every_catches_what_events_miss() {
    let watched = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("real.toml");
    fs::write(&real, good("a", 1, 2)).unwrap();
    let path = watched.path().join("marketing.toml");
    std::os::unix::fs::symlink(&real, &path).unwrap();
    let live =
        Live::<Cfg>::builder(&path).debounce(DEBOUNCE).poll_every(Duration::from_millis(50)).watch().unwrap();
    fs::write(&real, good("b", 2, 2)).unwrap();
    wait_until(&live, "the polled change", |s| s.version == 2);
    assert_eq!(live.load().config.title, "b");
}

#[test]
fn replaced_versions_are_dropped_on_the_reload_thread() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let log = Arc::new(Mutex::new(Vec::new()));
    let spy_log = Arc::clone(&log);
    // Only the served version is kept, so a replaced one is gone once no reader holds it
    // (evicting kept versions is covered in live_memory.rs).
    let live = Live::<Cfg>::builder(&path)
        .debounce(DEBOUNCE)
        .keep_versions(1)
        .prepare(move |c: &Cfg| DropSpy { n: c.n, log: Arc::clone(&spy_log) })
        .watch()
        .unwrap();
    let held = live.load_full(); // a reader keeps version 1 past its replacement
    let mut handle = live.handle();
    assert_eq!(handle.load().prepared.n, 1);
    write_atomic(&path, good("a", 2, 2).as_bytes());
    wait_until(&live, "version 2", |s| s.version == 2);
    write_atomic(&path, good("a", 3, 2).as_bytes());
    wait_until(&live, "version 3", |s| s.version == 3);
    drop(held); // the reader lets go: not the last reference
    assert_eq!(handle.load().prepared.n, 3);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while log.lock().unwrap().len() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let log = log.lock().unwrap().clone();
    assert_eq!(log.len(), 2, "{log:?}");
    for (n, thread) in log {
        assert!(n < 3);
        assert_eq!(thread, "config-live", "version {n} dropped by a reader");
    }
}

#[test]
fn dropping_the_last_handle_stops_the_thread() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path).debounce(DEBOUNCE).watch().unwrap();
    let rx = live.subscribe();
    let handle = live.handle();
    let clone = live.clone();
    drop(live);
    drop(clone);
    // The handle keeps it running.
    write_atomic(&path, good("a", 2, 2).as_bytes());
    assert_eq!(rx.recv_timeout(Duration::from_secs(10)).unwrap(), 2);
    drop(handle);
    // Everything shared is gone once the reload thread has exited: the sender side of
    // the subscription with it.
    assert_eq!(rx.recv_timeout(Duration::from_secs(1)), Err(RecvTimeoutError::Disconnected));
}

#[test]
fn status_serializes_for_a_status_endpoint() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path).open().unwrap();
    fs::write(&path, b"title = \"a\"\nn = 1\ncolour = \"red\"\n").unwrap();
    live.reload_now();
    let json: serde_json::Value = serde_json::to_value(live.status()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["source"], "file");
    assert_eq!(json["rejected"], 1);
    assert_eq!(json["hash"].as_str().unwrap().len(), 64);
    let item = &json["last_error"]["items"][0];
    assert_eq!((item["line"].as_u64(), item["col"].as_u64()), (Some(3), Some(1)));
    assert_eq!((item["rule"].as_str(), item["path"].as_str()), (Some("unknown-key"), Some("colour")));
    assert_eq!(json["last_error"]["kind"], "rejected");
    assert!(json["last_success_at"].is_string());
}

/// Where inotify cannot watch (here: the directory does not exist yet), `poll_every`
/// keeps the service going: baked at start, the file picked up by polling once it appears.
#[test]
fn watch_falls_back_to_polling() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("later/marketing.toml");
    let live =
        Live::<Cfg>::builder(&path).fallback_baked().poll_every(Duration::from_millis(30)).watch().unwrap();
    assert_eq!(live.load().version, 0);
    fs::create_dir(root.path().join("later")).unwrap();
    fs::write(&path, good("polled", 1, 2)).unwrap();
    let s = wait_until(&live, "the polled file", |s| s.version == 1);
    assert!(s.watching);
    assert_eq!(live.load().config.title, "polled");
}

#[test]
fn tracing_events_for_accepted_rejected_and_io() {
    let (_d, path) = setup(good("a", 1, 2).as_bytes());
    let events = capture_events(|| {
        let live = Live::<Cfg>::builder(&path).open().unwrap();
        fs::write(&path, b"title = \"a\"\n").unwrap();
        live.reload_now();
        fs::remove_file(&path).unwrap();
        live.reload_now();
    });
    let find = |level: tracing::Level, needle: &str| {
        events.iter().find(|(l, s)| *l == level && s.contains(needle)).map(|(_, s)| s.clone())
    };
    let accepted = find(tracing::Level::INFO, "config version accepted").expect("accepted event");
    for field in ["version=1", "hash=", "bytes=", "parse_us=", "prepare_us=", "total_us="] {
        assert!(accepted.contains(field), "{accepted}");
    }
    let rejected = find(tracing::Level::WARN, "rejected").expect("rejected event");
    assert!(rejected.contains("marketing.toml:1:1: error[missing-field]"), "{rejected}");
    let io = find(tracing::Level::WARN, "unreadable").expect("I/O event");
    assert!(io.contains("error[io]"), "{io}");
}
