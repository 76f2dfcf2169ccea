//! `Live` loading arbitrary bytes from a file, with the baked fallback: never a panic,
//! always a `Live`; status counters consistent; every reported location inside the text;
//! the same bytes are not parsed twice; a good file replaces a bad one and vice versa.
#![no_main]

use config_runtime::{Live, Outcome};
use config_tests::invariants::report_inside;
use libfuzzer_sys::fuzz_target;
use shop::Marketing;
use std::path::PathBuf;
use std::sync::LazyLock;

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("temp dir"));
static GOOD: &str = include_str!("../../examples/shop/marketing.toml");

fn path() -> PathBuf {
    DIR.path().join("marketing.toml")
}

fn located(data: &[u8], r: &config_runtime::ErrorReport) {
    match std::str::from_utf8(data) {
        Ok(text) => config_fuzz::ok(report_inside(text, r)),
        Err(_) => assert!(r.items.iter().all(|i| i.line >= 1 && i.col >= 1)),
    }
}

fuzz_target!(|data: &[u8]| {
    let p = path();
    std::fs::write(&p, data).expect("write");
    let live = match Live::<Marketing>::builder(&p).fallback_baked().max_shrink(0.5).open() {
        Ok(l) => l,
        Err(e) => panic!("open with a fallback failed: {e}"),
    };
    let s = live.status();
    assert_eq!(s.parses, s.accepted + s.rejected, "{s:?}");
    assert_eq!(s.parses, 1);
    let accepted = s.accepted == 1;
    if accepted {
        assert_eq!((s.version, s.last_error.is_none()), (1, true));
        config_fuzz::ok(config_fuzz::marketing_is_safe(&live.load().config));
    } else {
        assert_eq!(s.version, 0);
        assert_eq!(&*live.load().config, Marketing::baked());
        let e = s.last_error.as_ref().expect("a rejected file has a last error");
        located(data, e);
    }
    // the same bytes again: not parsed again
    match live.reload_now() {
        Outcome::Unchanged { version: 1 } if accepted => {}
        Outcome::StillRejected(_) if !accepted => {}
        other => panic!("same bytes, accepted={accepted}: {other:?}"),
    }
    let s2 = live.status();
    assert_eq!((s2.parses, s2.skipped_identical), (1, 1), "{s2:?}");
    // the shipped file is accepted after anything (unless it equals the fuzz input)
    std::fs::write(&p, GOOD).expect("write");
    let out = live.reload_now();
    if data != GOOD.as_bytes() {
        assert!(
            out.is_accepted() || matches!(out, Outcome::Rejected(ref r) if r.items[0].rule.id() == "shrink"),
            "{out:?}"
        );
    }
    // and the fuzz input after the good file: rejected, or accepted again
    std::fs::write(&p, data).expect("write");
    let out = live.reload_now();
    if let Some(r) = out.error() {
        located(data, r);
    }
    let s3 = live.status();
    assert_eq!(s3.accepted + s3.rejected, s3.parses, "{s3:?}");
});
