//! The fault matrix: one test per way a config file goes wrong on disk. Each asserts that
//! the last good version keeps being served, that the counters are exact (every distinct
//! content is parsed once), that the problem is reported with file:line:col, and that
//! nothing panicked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod live_common;
use live_common::*;
use std::fs;
use std::io::Write;
use std::os::unix::fs::symlink;

fn assert_serving(live: &Live<Cfg, String>, version: u64, title: &str) {
    let snap = live.load();
    assert_eq!(snap.version, version);
    assert_eq!(snap.config.title, title);
    assert_eq!(snap.prepared, format!("{}#{}", snap.config.title, snap.config.n));
}

#[test]
fn truncated_at_a_line_boundary() {
    let full = good("Spring sale", 1, 20);
    let (_d, path) = setup(full.as_bytes());
    let live = watch(&path);

    // Cut after `n = 1`: still valid TOML with every required field, but 20 of 22 values
    // are gone. The shrink guard catches it.
    let cut: String = full.lines().take(2).map(|l| format!("{l}\n")).collect();
    write_atomic(&path, cut.as_bytes());
    let s = wait_until(&live, "the cut file rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (2, 1, 1, 0));
    assert_eq!(first_error(&s), (1, 1, "shrink".into()));
    assert_serving(&live, 1, "Spring sale");

    // Cut inside the array: a syntax error, located.
    let cut: String = full.lines().take(10).map(|l| format!("{l}\n")).collect();
    write_atomic(&path, cut.as_bytes());
    let s = wait_until(&live, "the second cut rejected", |s| s.rejected == 2);
    assert_eq!(counts(&s), (3, 1, 2, 0));
    let (line, _, rule) = first_error(&s);
    assert_eq!((line, rule.as_str()), (10, "syntax"));
    assert_serving(&live, 1, "Spring sale");
    assert_eq!(panics(), 0);
}

#[test]
fn empty_file() {
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);
    write_atomic(&path, b"");
    let s = wait_until(&live, "the empty file rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (2, 1, 1, 0));
    assert_eq!(first_error(&s), (1, 1, "missing-field".into()));
    assert_serving(&live, 1, "Spring sale");
    assert_eq!(panics(), 0);
}

#[test]
fn invalid_utf8() {
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);
    write_atomic(&path, b"n = 2\ntitle = \"caf\xe9\"\n");
    let s = wait_until(&live, "invalid UTF-8 rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (2, 1, 1, 0));
    // `title = "caf` is 12 characters: the bad byte is at 2:13.
    assert_eq!(first_error(&s), (2, 13, "encoding".into()));
    assert_serving(&live, 1, "Spring sale");
    assert_eq!(panics(), 0);
}

/// A leading UTF-8 byte order mark is tolerated, as the TOML parser does at build time and
/// in the linter (one engine, one verdict); the hash covers the bytes as read.
#[test]
fn byte_order_mark() {
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);

    write_atomic(&path, b"\xef\xbb\xbftitle = \"Summer sale\"\nn = x\n");
    let s = wait_until(&live, "BOM + bad value rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (2, 1, 1, 0));
    assert_eq!(first_error(&s), (2, 5, "syntax".into()));
    assert_serving(&live, 1, "Spring sale");

    write_atomic(&path, b"\xef\xbb\xbftitle = \"Summer sale\"\nn = 2\ntags = [\"a\", \"b\"]\n");
    let s = wait_until(&live, "BOM + good accepted", |s| s.accepted == 2);
    assert_eq!(counts(&s), (3, 2, 1, 0));
    assert!(s.last_error.is_none());
    assert_serving(&live, 2, "Summer sale");
    assert_eq!(panics(), 0);
}

#[test]
fn over_the_size_cap() {
    install_panic_counter();
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = Live::<Cfg>::builder(&path)
        .debounce(DEBOUNCE)
        .max_file_bytes(256)
        .prepare(|c: &Cfg| format!("{}#{}", c.title, c.n))
        .watch()
        .unwrap();
    write_atomic(&path, good("Huge", 2, 50).as_bytes());
    let s = wait_until(&live, "the big file rejected", |s| s.rejected == 1);
    // Refused after a stat: never read whole, never parsed.
    assert_eq!(counts(&s), (1, 1, 1, 0));
    assert_eq!(first_error(&s), (1, 1, "max-file-bytes".into()));
    assert_serving(&live, 1, "Spring sale");

    // The same oversize file again is not judged again.
    live.reload_now();
    assert_eq!(counts(&live.status()), (1, 1, 1, 0));

    write_atomic(&path, good("Small", 3, 2).as_bytes());
    let s = wait_until(&live, "the small file accepted", |s| s.accepted == 2);
    assert_eq!(counts(&s), (2, 2, 1, 0));
    assert_serving(&live, 2, "Small");
    assert_eq!(panics(), 0);
}

#[test]
fn nesting_100k_deep() {
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);
    let deep = format!("title = \"x\"\nn = 1\nx = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    write_atomic(&path, deep.as_bytes());
    let s = wait_until(&live, "deep nesting rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (2, 1, 1, 0));
    let (line, _, rule) = first_error(&s);
    assert_eq!((line, rule.as_str()), (3, "syntax"));
    assert_serving(&live, 1, "Spring sale");
    assert_eq!(panics(), 0);
}

#[test]
fn deleted_then_recreated() {
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);
    fs::remove_file(&path).unwrap();
    let s = wait_until(&live, "the read failure", |s| s.io_errors == 1);
    assert_eq!(counts(&s), (1, 1, 0, 1));
    assert_eq!(first_error(&s), (1, 1, "io".into()));
    assert_serving(&live, 1, "Spring sale");

    write_atomic(&path, good("Summer sale", 2, 2).as_bytes());
    let s = wait_until(&live, "the new file accepted", |s| s.accepted == 2);
    assert_eq!(counts(&s), (2, 2, 0, 1));
    assert!(s.last_error.is_none());
    assert_serving(&live, 2, "Summer sale");
    assert_eq!(panics(), 0);
}

#[test]
fn replaced_by_a_directory() {
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    let s = wait_until(&live, "the directory reported", |s| {
        s.last_error.as_ref().is_some_and(|e| e.items[0].rule.id() == "not-a-file")
    });
    // Missing and then a directory is one episode of failed reads.
    assert_eq!(counts(&s), (1, 1, 0, 1));
    assert_eq!(first_error(&s), (1, 1, "not-a-file".into()));
    assert_serving(&live, 1, "Spring sale");

    fs::remove_dir(&path).unwrap();
    write_atomic(&path, good("Summer sale", 2, 2).as_bytes());
    let s = wait_until(&live, "the file back", |s| s.accepted == 2);
    assert_eq!(counts(&s), (2, 2, 0, 1));
    assert_serving(&live, 2, "Summer sale");
    assert_eq!(panics(), 0);
}

#[test]
fn rename_over_save() {
    let (d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);

    // vim (`backupcopy=auto` on a plain file): probe writability with `4913`, move the
    // original to a backup, write a new file, remove the backup.
    let probe = d.path().join("4913");
    fs::write(&probe, b"").unwrap();
    fs::remove_file(&probe).unwrap();
    let backup = d.path().join("marketing.toml~");
    fs::rename(&path, &backup).unwrap();
    fs::write(&path, good("Summer sale", 2, 2)).unwrap();
    fs::remove_file(&backup).unwrap();
    let s = wait_until(&live, "the vim save", |s| s.accepted == 2);
    assert_eq!(counts(&s), (2, 2, 0, 0));
    assert_serving(&live, 2, "Summer sale");

    // VS Code / atomic writers: write a temp file beside it, rename it over the original.
    let tmp = d.path().join(".marketing.toml.tmp-1234");
    fs::write(&tmp, good("Autumn sale", 3, 2)).unwrap();
    fs::rename(&tmp, &path).unwrap();
    let s = wait_until(&live, "the rename-over save", |s| s.accepted == 3);
    assert_eq!(counts(&s), (3, 3, 0, 0));
    assert_serving(&live, 3, "Autumn sale");

    // A bad rename-over save is rejected like any other.
    fs::write(&tmp, b"title = \"\"\nn = 4\n").unwrap();
    fs::rename(&tmp, &path).unwrap();
    let s = wait_until(&live, "the bad save rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (4, 3, 1, 0));
    assert_eq!(first_error(&s), (1, 9, "len".into()));
    assert_serving(&live, 3, "Autumn sale");
    assert_eq!(panics(), 0);
}

#[test]
fn in_place_write_in_two_parts() {
    let (_d, path) = setup(good("Spring sale", 1, 2).as_bytes());
    let live = watch(&path);
    let next = good("Summer sale", 2, 2);
    let (first, second) = next.split_at(next.find("n = 2").unwrap() + 2);

    let mut f = fs::OpenOptions::new().write(true).truncate(true).open(&path).unwrap();
    f.write_all(first.as_bytes()).unwrap();
    f.flush().unwrap();
    // The half-written file (`n =` with no value) is seen and rejected; the old version stays.
    let s = wait_until(&live, "the half file rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (2, 1, 1, 0));
    let (line, _, rule) = first_error(&s);
    assert_eq!((line, rule.as_str()), (2, "syntax"));
    assert_serving(&live, 1, "Spring sale");

    f.write_all(second.as_bytes()).unwrap();
    drop(f);
    let s = wait_until(&live, "the whole file accepted", |s| s.accepted == 2);
    assert_eq!(counts(&s), (3, 2, 1, 0));
    assert!(s.last_error.is_none());
    assert_serving(&live, 2, "Summer sale");
    assert_eq!(panics(), 0);
}

/// Exactly what the kubelet's atomic writer does: data in a timestamped directory,
/// `..data` pointing at it, the file a symlink through `..data`; an update writes a new
/// timestamped directory, points `..data_tmp` at it, renames `..data_tmp` over `..data`,
/// and removes the old directory.
#[test]
fn kubernetes_configmap_update() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let publish = |stamp: &str, body: &str, old: Option<&str>| {
        let ts = root.join(stamp);
        fs::create_dir(&ts).unwrap();
        fs::write(ts.join("marketing.toml"), body).unwrap();
        symlink(stamp, root.join("..data_tmp")).unwrap();
        fs::rename(root.join("..data_tmp"), root.join("..data")).unwrap();
        if let Some(old) = old {
            fs::remove_dir_all(root.join(old)).unwrap();
        }
    };
    publish("..2024_05_01_10_00_00.000000001", &good("Spring sale", 1, 2), None);
    symlink("..data/marketing.toml", root.join("marketing.toml")).unwrap();
    let live = watch(&root.join("marketing.toml"));
    assert_serving(&live, 1, "Spring sale");

    publish(
        "..2024_05_01_10_01_00.000000002",
        &good("Summer sale", 2, 2),
        Some("..2024_05_01_10_00_00.000000001"),
    );
    let s = wait_until(&live, "the ConfigMap update", |s| s.accepted == 2);
    assert_eq!(counts(&s), (2, 2, 0, 0));
    assert_serving(&live, 2, "Summer sale");

    publish("..2024_05_01_10_02_00.000000003", "title = \"Bad\"\n", Some("..2024_05_01_10_01_00.000000002"));
    let s = wait_until(&live, "the bad update rejected", |s| s.rejected == 1);
    assert_eq!(counts(&s), (3, 2, 1, 0));
    assert_eq!(first_error(&s), (1, 1, "missing-field".into()));
    assert_serving(&live, 2, "Summer sale");

    publish(
        "..2024_05_01_10_03_00.000000004",
        &good("Autumn sale", 4, 2),
        Some("..2024_05_01_10_02_00.000000003"),
    );
    let s = wait_until(&live, "the fixed update", |s| s.accepted == 3);
    assert_eq!(counts(&s), (4, 3, 1, 0));
    assert_serving(&live, 3, "Autumn sale");
    assert_eq!(panics(), 0);
}

#[test]
fn identical_bytes_rewritten() {
    let body = good("Spring sale", 1, 2);
    let (_d, path) = setup(body.as_bytes());
    let live = watch(&path);
    fs::write(&path, &body).unwrap(); // in place
    let s = wait_until(&live, "the in-place rewrite", |s| s.skipped_identical >= 1);
    assert_eq!(counts(&s), (1, 1, 0, 0));
    let before = s.skipped_identical;
    write_atomic(&path, body.as_bytes()); // new inode, same bytes
    let s = wait_until(&live, "the atomic rewrite", |s| s.skipped_identical > before);
    assert_eq!(counts(&s), (1, 1, 0, 0));
    assert_serving(&live, 1, "Spring sale");

    // A rejected content rewritten is not parsed again either.
    write_atomic(&path, b"title = 1\nn = 1\n");
    let s = wait_until(&live, "the bad file", |s| s.rejected == 1);
    let skipped = s.skipped_identical;
    write_atomic(&path, b"title = 1\nn = 1\n");
    let s = wait_until(&live, "the bad rewrite", |s| s.skipped_identical > skipped);
    assert_eq!(counts(&s), (2, 1, 1, 0));
    assert_eq!(first_error(&s), (1, 9, "type".into()));
    assert_eq!(panics(), 0);
}

#[test]
fn bad_good_bad_good() {
    let (_d, path) = setup(good("v1", 1, 2).as_bytes());
    let live = watch(&path);
    let mut flips = Vec::new();
    let steps: [(&[u8], u64, u64); 4] = [
        (b"title = \"v2\"\nn = -1\ntags = [\"a\", \"b\"]\n", 1, 1),
        (b"title = \"v3\"\nn = 3\ntags = [\"a\", \"b\"]\n", 2, 1),
        (b"title = \"v4\"\nn = 4\ntags = [\"a\", \"b\"]\nextra = 1\n", 2, 2),
        (b"title = \"v5\"\nn = 5\ntags = [\"a\", \"b\"]\n", 3, 2),
    ];
    for (i, (body, accepted, rejected)) in steps.into_iter().enumerate() {
        write_atomic(&path, body);
        let s = wait_until(&live, "the step", |s| s.accepted == accepted && s.rejected == rejected);
        assert_eq!(s.parses, i as u64 + 2);
        flips.push(u8::from(!s.is_ok()));
        if let Some(e) = &s.last_error {
            let item = &e.items[0];
            assert!(item.line > 1 && item.col >= 1, "{e}");
        }
    }
    assert_eq!(flips, [1, 0, 1, 0]);
    assert_serving(&live, 3, "v5");
    assert_eq!(panics(), 0);
}
