//! Load and idleness: a burst of 1000 writes in one second costs a handful of parses, and
//! a file that stays bad costs nothing at all. CPU time is measured for the whole process
//! (this binary), so the tests here take turns.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod live_common;
use live_common::*;
use std::sync::Mutex;
use std::time::{Duration, Instant};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// User + system CPU time of this process so far.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    // Fields after the parenthesised command name: state is first, utime 12th, stime 13th.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap();
    // USER_HZ is 100 on Linux.
    Duration::from_millis(ticks * 10)
}

#[test]
fn thousand_writes_within_one_second() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (_d, path) = setup(good("w0", 0, 2).as_bytes());
    install_panic_counter();
    let live = Live::<Cfg>::builder(&path)
        .debounce(Duration::from_millis(100))
        .prepare(|c: &Cfg| format!("{}#{}", c.title, c.n))
        .watch()
        .unwrap();
    let cpu0 = cpu_time();
    let start = Instant::now();
    for i in 1..=1000u32 {
        // In place, as an editor or a script would; spread over about one second.
        std::fs::write(&path, good(&format!("w{i}"), i, 2)).unwrap();
        if i % 10 == 0 {
            let due = start + Duration::from_millis(u64::from(i));
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
        }
    }
    let writing = start.elapsed();
    wait_until(&live, "the final content", |s| {
        s.version >= 1
            && s.last_error.is_none()
            && s.hash.as_deref() == Some(&ContentHash::of(good("w1000", 1000, 2).as_bytes()).to_hex())
    });
    let snap = live.load();
    assert_eq!((snap.config.title.as_str(), snap.config.n), ("w1000", 1000));
    assert_eq!(snap.prepared, "w1000#1000");
    settle();
    let s = live.status();
    let cpu = cpu_time() - cpu0;
    eprintln!("1000 writes in {writing:?}: {s:?}; process CPU {cpu:?}");
    // Every parse (boot included) ends in a verdict; far fewer parses than writes.
    assert_eq!(s.parses, s.accepted + s.rejected);
    assert!(s.parses <= 1000);
    assert!(s.parses <= 30, "coalescing failed: {} parses", s.parses);
    // Writing 1000 files plus a few reloads: well under the 1 s a spinning reader would burn.
    assert!(cpu < Duration::from_millis(800), "process CPU {cpu:?}");
    assert_eq!(panics(), 0);
}

#[test]
fn a_file_that_stays_bad_costs_nothing() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (_d, path) = setup(good("ok", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path)
        .debounce(Duration::from_millis(10))
        .prepare(|c: &Cfg| format!("{}#{}", c.title, c.n))
        .watch()
        .unwrap();
    write_atomic(&path, b"title = \"bad\"\n");
    wait_until(&live, "the rejection", |s| s.rejected == 1);
    std::thread::sleep(Duration::from_millis(100));
    let before = live.status();
    assert_eq!(counts(&before), (2, 1, 1, 0));
    let cpu0 = cpu_time();
    std::thread::sleep(Duration::from_millis(1500));
    let after = live.status();
    let cpu = cpu_time() - cpu0;
    // Not one more read: the reload thread's own reads do not wake it.
    assert_eq!(counts(&after), counts(&before));
    assert_eq!(after.skipped_identical, before.skipped_identical);
    assert!(cpu <= Duration::from_millis(30), "idle CPU {cpu:?}");

    // A missing file: bounded retries, then silence.
    std::fs::remove_file(&path).unwrap();
    wait_until(&live, "the read failure", |s| s.io_errors == 1);
    std::thread::sleep(Duration::from_millis(3500)); // retries end after 3.15 s
    let cpu0 = cpu_time();
    let before = live.status();
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(live.status(), before);
    assert!(cpu_time() - cpu0 <= Duration::from_millis(30));
    assert_eq!(live.load().config.title, "ok");
    assert_eq!(panics(), 0);
}
