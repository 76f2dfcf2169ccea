//! Readers against continuous reloads: versions never go backwards, and `prepared` always
//! belongs to the `config` it is published with, whether read through `load`, `load_full`
//! or a cached handle.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod live_common;
use live_common::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

const VERSIONS: u32 = 200;

#[test]
fn readers_never_see_a_mix_or_go_backwards() {
    let (_d, path) = setup(good("v1", 1, 4).as_bytes());
    let live = watch(&path);
    let done = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicU64::new(0));

    let check = |version: u64, n: u32, title: &str, prepared: &str, last: &mut (u64, u32)| {
        assert!(version >= last.0, "version went back from {} to {version}", last.0);
        assert!(n >= last.1, "config went back from n={} to n={n}", last.1);
        assert_eq!(prepared, format!("{title}#{n}"), "prepared from another version");
        // Each content has n = its version (every write is distinct and good).
        assert_eq!(u64::from(n), version);
        *last = (version, n);
    };

    let mut readers = Vec::new();
    for kind in 0..3 {
        let live = live.clone();
        let (done, reads) = (Arc::clone(&done), Arc::clone(&reads));
        readers.push(thread::spawn(move || {
            let mut handle = live.handle();
            let mut last = (0, 0);
            let mut local = 0u64;
            while !done.load(Ordering::Relaxed) {
                match kind {
                    0 => {
                        let s = live.load();
                        check(s.version, s.config.n, &s.config.title, &s.prepared, &mut last);
                    }
                    1 => {
                        let s = handle.load();
                        check(s.version, s.config.n, &s.config.title, &s.prepared, &mut last);
                    }
                    _ => {
                        let s = live.load_full();
                        check(s.version, s.config.n, &s.config.title, &s.prepared, &mut last);
                    }
                }
                local += 1;
            }
            reads.fetch_add(local, Ordering::Relaxed);
            last
        }));
    }

    let mut last = 1;
    for n in 2..=VERSIONS {
        write_atomic(&path, good(&format!("v{n}"), n, 4).as_bytes());
        // The watcher and this call race to load it; either way it is parsed once.
        live.reload_now();
        let v = live.load().version;
        assert!(v >= last);
        last = v;
    }
    done.store(true, Ordering::Relaxed);
    for r in readers {
        let (version, _) = r.join().unwrap();
        assert!(version <= u64::from(VERSIONS));
    }
    let s = wait_until(&live, "the last version", |s| s.version == u64::from(VERSIONS));
    assert_eq!(counts(&s), (u64::from(VERSIONS), u64::from(VERSIONS), 0, 0));
    assert!(reads.load(Ordering::Relaxed) > u64::from(VERSIONS));
    assert_eq!(panics(), 0);
}
