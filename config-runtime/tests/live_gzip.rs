//! `Live` on compressed config files (`marketing.toml.gz`, as a ConfigMap's `binaryData`
//! carries one): a good file is served, findings point into the inflated text under the
//! `.gz` name, and a gzip bomb, an oversized file and a damaged stream are refused with
//! registered rules while the last good version stays. A counting allocator shows the bomb
//! is refused in bounded memory, not by inflating it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod live_common;
use flate2::Compression;
use flate2::write::GzEncoder;
use live_common::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes and their high-water mark, for every thread of this test binary.
struct CountingAlloc;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static PEAK_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the counters are
// only statistics.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on as is.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK_BYTES.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const GZ_NAME: &str = "marketing.toml.gz";

fn gz(text: &[u8], level: u32) -> Vec<u8> {
    compress::gzip(text, level).unwrap()
}

/// A temp dir holding `marketing.toml.gz` with `bytes` (already compressed, or not).
fn setup_gz(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(GZ_NAME);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn open(path: &Path, max_file_bytes: u64) -> Result<Live<Cfg>, LiveError> {
    install_panic_counter();
    Live::<Cfg>::builder(path).max_file_bytes(max_file_bytes).open()
}

fn rejected(r: Result<Live<Cfg>, LiveError>) -> ErrorReport {
    match r {
        Err(LiveError::Rejected(report)) => *report,
        Err(e) => panic!("expected a rejection, got {e:?}"),
        Ok(live) => panic!("expected a rejection, got version {}", live.load().version),
    }
}

/// The one finding of `report`: (line, col, rule, message), checking the `.gz` name.
fn only_finding(report: &ErrorReport) -> (u32, u32, String, String) {
    assert_eq!(report.items.len(), 1, "{report}");
    let i = &report.items[0];
    let line = report.to_string();
    assert!(line.contains(&format!("{GZ_NAME}:{}:{}: error[{}]", i.line, i.col, i.rule)), "{line}");
    (i.line, i.col, i.rule.id().to_owned(), i.message.clone())
}

#[test]
fn a_good_gz_file_is_served_and_its_hash_is_of_the_toml_text() {
    let text = good("Spring sale", 1, 50);
    let (_d, path) = setup_gz(&gz(text.as_bytes(), 9));
    let live = open(&path, 16 << 20).unwrap();
    let snap = live.load();
    assert_eq!((snap.version, snap.config.title.as_str(), snap.config.tags.len()), (1, "Spring sale", 50));
    let s = live.status();
    assert_eq!(s.hash, Some(ContentHash::of(text.as_bytes()).to_hex()));
    assert_eq!(s.bytes, text.len());
    assert_eq!(counts(&s), (1, 1, 0, 0));

    // the same text compressed at another level: other bytes on disk, the same version
    write_atomic_gz(&path, &gz(text.as_bytes(), 1));
    assert!(matches!(live.reload_now(), Outcome::Unchanged { version: 1 }));
    assert_eq!(live.status().skipped_identical, 1);

    // a new text is a new version
    let next = good("Summer sale", 2, 50);
    write_atomic_gz(&path, &gz(next.as_bytes(), 6));
    assert!(live.reload_now().is_accepted());
    assert_eq!((live.load().version, live.load().config.title.as_str()), (2, "Summer sale"));
    assert_eq!(panics(), 0);
}

#[test]
fn the_watcher_reloads_a_gz_file() {
    let (_d, path) = setup_gz(&gz(good("Spring sale", 1, 2).as_bytes(), 6));
    install_panic_counter();
    let live = Live::<Cfg>::builder(&path).debounce(DEBOUNCE).watch().unwrap();
    let versions = live.subscribe();
    write_atomic_gz(&path, &gz(good("Summer sale", 2, 2).as_bytes(), 6));
    assert_eq!(versions.recv_timeout(Duration::from_secs(10)).unwrap(), 2);
    assert_eq!(live.load().config.title, "Summer sale");
}

#[test]
fn findings_point_into_the_inflated_text_under_the_gz_name() {
    let (_d, path) = setup_gz(&gz(good("Spring sale", 1, 2).as_bytes(), 6));
    let live = open(&path, 16 << 20).unwrap();

    // line 3 of the TOML text; the compressed bytes have no lines
    let bad = "title = \"Summer sale\"\nn = 2\nbanner = \"oops\"\n";
    write_atomic_gz(&path, &gz(bad.as_bytes(), 6));
    let report = live.reload_now().error().cloned().expect("rejected");
    let (line, col, rule, _) = only_finding(&report);
    assert_eq!((line, col, rule.as_str()), (3, 1, "unknown-key"));
    assert_eq!(report.file, path.display().to_string());
    // the code frame quotes the inflated line
    assert!(report.render().contains("3 | banner = \"oops\""), "{}", report.render());
    assert_eq!(live.load().config.title, "Spring sale");

    // not UTF-8 after inflating: located in the inflated text too
    write_atomic_gz(&path, &gz(b"title = \"Caf\xe9\"\nn = 1\n", 6));
    let report = live.reload_now().error().cloned().expect("rejected");
    let (line, col, rule, _) = only_finding(&report);
    assert_eq!((line, col, rule.as_str()), (1, 13, "encoding"));
    assert_eq!(live.load().version, 1);
}

#[test]
fn a_gzip_bomb_is_refused_quickly_in_bounded_memory() {
    // 1 GiB of zeros in about 1 MiB: 1024 gzip members of 1 MiB of zeros each (a valid
    // gzip file, as `cat a.gz b.gz` makes, and `gzip -d` inflates it whole). One member is
    // compressed and written 1024 times: compressing 1 GiB in a debug build takes 30 s.
    let member = {
        let mut enc = GzEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&vec![0u8; 1 << 20]).unwrap();
        enc.finish().unwrap()
    };
    let (_d, path) = setup_gz(b"");
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for _ in 0..1024 {
            file.write_all(&member).unwrap();
        }
        file.flush().unwrap();
    }
    let on_disk = std::fs::metadata(&path).unwrap().len();
    assert!(on_disk < 2 << 20, "the bomb is {on_disk} bytes");

    let cap: u64 = 16 << 20;
    let before = LIVE_BYTES.load(Ordering::Relaxed);
    PEAK_BYTES.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let report = rejected(open(&path, cap));
    let took = started.elapsed();
    let peak = PEAK_BYTES.load(Ordering::Relaxed).saturating_sub(before);

    let (line, col, rule, message) = only_finding(&report);
    assert_eq!((line, col, rule.as_str()), (1, 1, "max-file-bytes"));
    assert!(message.contains(&format!("decompresses to more than {cap} bytes")), "{message}");
    assert!(took < Duration::from_secs(5), "took {took:?}");
    // the compressed bytes and one buffer growing to the cap (about 40 MiB); inflating it all is 1 GiB
    assert!(peak < 96 << 20, "peak heap {peak} bytes");
    assert_eq!(panics(), 0);
}

#[test]
fn the_cap_bounds_the_bytes_on_disk_and_the_inflated_bytes() {
    let text = good("Spring sale", 1, 100);
    let len = text.len() as u64;
    let packed = gz(text.as_bytes(), 9);
    assert!((packed.len() as u64) < len / 2);

    // exactly at the cap once inflated: served
    let (_d, path) = setup_gz(&packed);
    assert_eq!(open(&path, len).unwrap().load().config.tags.len(), 100);

    // one byte over once inflated, though small on disk
    let (line, col, rule, message) = only_finding(&rejected(open(&path, len - 1)));
    assert_eq!((line, col, rule.as_str()), (1, 1, "max-file-bytes"));
    assert!(message.contains(&format!("decompresses to more than {} bytes", len - 1)), "{message}");

    // over the cap on disk: refused after a stat, as a plain file is
    let cap = packed.len() as u64 - 1;
    let (_, _, rule, message) = only_finding(&rejected(open(&path, cap)));
    assert_eq!(rule, "max-file-bytes");
    assert!(message.contains(&format!("the file has {} bytes or more", packed.len())), "{message}");
}

#[test]
fn a_corrupt_stream_is_a_gzip_finding_and_is_judged_once() {
    let text = good("Spring sale", 1, 20);
    let packed = gz(text.as_bytes(), 6);
    let (_d, path) = setup_gz(&packed);
    let live = open(&path, 16 << 20).unwrap();

    let mut flipped = packed.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0xff;
    let truncated = &packed[..packed.len() - 6];
    let mut bad_crc = packed.clone();
    let crc_at = bad_crc.len() - 8;
    bad_crc[crc_at] ^= 0x01;
    let with_garbage = [&packed[..], b"trailing"].concat();
    let cases: [(&str, &[u8]); 6] = [
        ("a damaged deflate stream", &flipped),
        ("a truncated stream", truncated),
        ("a checksum mismatch", &bad_crc),
        ("garbage after the member", &with_garbage),
        ("plain TOML under a .gz name", text.as_bytes()),
        ("an empty file", b""),
    ];
    for (n, (what, bytes)) in cases.into_iter().enumerate() {
        write_atomic_gz(&path, bytes);
        let report = live.reload_now().error().cloned().unwrap_or_else(|| panic!("{what}: not rejected"));
        let (line, col, rule, message) = only_finding(&report);
        assert_eq!((line, col, rule.as_str()), (1, 1, "gzip"), "{what}: {report}");
        assert!(message.contains("is not a valid gzip stream"), "{what}: {message}");
        assert_eq!(live.status().rejected, n as u64 + 1, "{what}");
        // the same bytes again are not inflated again
        assert!(matches!(live.reload_now(), Outcome::StillRejected(_)), "{what}");
    }
    let s = live.status();
    assert_eq!((s.version, s.parses, s.skipped_identical), (1, 1, 6));
    assert_eq!(live.load().config.title, "Spring sale");
    assert_eq!(panics(), 0);
}

#[test]
fn the_name_decides_a_plain_toml_name_is_never_inflated() {
    let packed = gz(good("Spring sale", 1, 2).as_bytes(), 6);
    let (_d, path) = setup(&packed); // marketing.toml holding gzip bytes
    let report = rejected(open(&path, 16 << 20));
    assert_eq!(report.items[0].rule.id(), "encoding", "{report}");
}

fn write_atomic_gz(path: &Path, bytes: &[u8]) {
    let tmp = path.with_extension("gz.tmp");
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}
