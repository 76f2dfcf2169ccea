//! `SlicedArtifact`: one prepared body per slice of time, the switch exactly at the
//! boundary (half-open slices), the `max-slices` budget as a registered rule (also through
//! `Live`), and proof that picking the slice in force serializes and compresses nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod live_common;
use chrono::{DateTime, TimeDelta, Utc};
use config_runtime::artifact::{ArtifactError, DEFAULT_MAX_SLICES, Encoding, Level, SlicedArtifact};
use config_runtime::clock::{Clock, ManualClock, SystemClock};
use config_runtime::{JsonArtifact, RuleId};
use live_common::*;
use serde::{Serialize, Serializer};
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

const NS: TimeDelta = TimeDelta::nanoseconds(1);

/// A menu with a Black Friday entry from Friday 00:00 to Monday 00:00 (Kyiv, +02:00).
fn friday() -> DateTime<Utc> {
    at("2026-11-26T22:00:00Z")
}
fn monday() -> DateTime<Utc> {
    at("2026-11-29T22:00:00Z")
}

fn menu_at(t: DateTime<Utc>) -> Vec<&'static str> {
    let mut menu = vec!["Shoes"];
    if friday() <= t && t < monday() {
        menu.push("Black Friday");
    }
    if t >= monday() {
        menu.push("Cyber Monday");
    }
    menu
}

fn three_slices() -> SlicedArtifact {
    SlicedArtifact::new([monday(), friday()], Level::FAST, menu_at).unwrap()
}

fn decoded(a: &JsonArtifact) -> [Vec<u8>; 3] {
    let mut gz = Vec::new();
    flate2::read::GzDecoder::new(&a.gzip()[..]).read_to_end(&mut gz).unwrap();
    let mut br = Vec::new();
    brotli::Decompressor::new(&a.br()[..], 4096).read_to_end(&mut br).unwrap();
    [a.json().to_vec(), gz, br]
}

#[test]
fn three_slices_three_bodies_and_etags() {
    let a = three_slices();
    assert_eq!(a.slice_count(), 3);
    let [before, during, after] = [friday() - NS, friday(), monday()].map(|t| a.current(t));
    let want: [&[u8]; 3] = [br#"["Shoes"]"#, br#"["Shoes","Black Friday"]"#, br#"["Shoes","Cyber Monday"]"#];
    for (artifact, want) in [before, during, after].into_iter().zip(want) {
        for body in decoded(artifact) {
            assert_eq!(body, want);
        }
    }
    for e in Encoding::ALL {
        let tags = [before.etag(e), during.etag(e), after.etag(e)];
        assert!(tags[0] != tags[1] && tags[1] != tags[2] && tags[0] != tags[2], "{tags:?}");
        assert!(tags.iter().all(|t| t.starts_with("\"sha256-")));
    }
    // a slice's artifact is the one a plain JsonArtifact of its value would be
    assert_eq!(
        during.etag(Encoding::Br),
        JsonArtifact::new(&menu_at(friday()), Level::FAST).unwrap().etag(Encoding::Br)
    );
}

#[test]
fn the_switch_is_exactly_at_the_boundary() {
    let a = three_slices();
    let json = |t: DateTime<Utc>| a.current(t).json().clone();
    assert_eq!(json(friday() - NS), json(DateTime::<Utc>::MIN_UTC));
    assert_ne!(json(friday() - NS), json(friday()));
    assert_eq!(json(friday()), json(monday() - NS));
    assert_ne!(json(monday() - NS), json(monday()));
    assert_eq!(json(monday()), json(DateTime::<Utc>::MAX_UTC));
    assert_eq!(a.next_change(DateTime::<Utc>::MIN_UTC), Some(friday()));
    assert_eq!(a.next_change(friday() - NS), Some(friday()));
    assert_eq!(a.next_change(friday()), Some(monday()));
    assert_eq!(a.next_change(monday()), None);
    let spans: Vec<_> = a.slices().map(|s| (s.start, s.end)).collect();
    assert_eq!(spans, [(None, Some(friday())), (Some(friday()), Some(monday())), (Some(monday()), None)]);
}

#[test]
fn before_the_first_and_after_the_last_boundary() {
    let a = three_slices();
    assert_eq!(a.current(at("1970-01-01T00:00:00Z")).json().as_ref(), br#"["Shoes"]"#);
    assert_eq!(a.current(at("2100-01-01T00:00:00Z")).json().as_ref(), br#"["Shoes","Cyber Monday"]"#);
    // no boundary at all: one slice, always in force
    let one = SlicedArtifact::new([], Level::FAST, |_| "always").unwrap();
    assert_eq!((one.slice_count(), one.next_change(friday())), (1, None));
    assert_eq!(one.current(DateTime::<Utc>::MIN_UTC).json(), one.current(DateTime::<Utc>::MAX_UTC).json());
}

#[test]
fn the_first_slice_is_built_for_the_earliest_instant() {
    let mut seen = Vec::new();
    SlicedArtifact::new([monday(), friday(), friday()], Level::FAST, |t| {
        seen.push(t);
        menu_at(t)
    })
    .unwrap();
    assert_eq!(seen, [DateTime::<Utc>::MIN_UTC, friday(), monday()]);
}

#[test]
fn over_max_slices_is_the_registered_rule() {
    let hours = |n: i64| (1..=n).map(|h| friday() + TimeDelta::hours(h));
    // n boundaries make n + 1 slices; the default budget is 64
    let ok = SlicedArtifact::builder().level(Level::FAST).build(hours(63), |t| t).unwrap();
    assert_eq!(ok.slice_count(), DEFAULT_MAX_SLICES);
    let built = AtomicUsize::new(0);
    let err = SlicedArtifact::builder()
        .build(hours(64), |t| {
            built.fetch_add(1, Ordering::Relaxed);
            t
        })
        .unwrap_err();
    assert!(matches!(err, ArtifactError::TooManySlices { slices: 65, max: 64 }), "{err:?}");
    assert_eq!(built.load(Ordering::Relaxed), 0, "refused before building any slice");
    assert_eq!(err.rule(), RuleId::MaxSlices);
    assert_eq!(err.rule().id(), "max-slices");
    assert_eq!(err.rule().descriptor().moments, config_runtime::__private::core::rules::Moments::RELOAD);
    assert_eq!(
        err.to_string(),
        "the content changes 64 times, which needs 65 time slices, over the budget of 64 (max_slices)"
    );
    let err = SlicedArtifact::builder().max_slices(0).build([friday()], |_| 1).unwrap_err();
    assert!(matches!(err, ArtifactError::TooManySlices { slices: 2, max: 1 }), "{err:?}");
}

#[test]
fn past_boundaries_can_be_dropped() {
    let hours = (1..=100).map(|h| friday() + TimeDelta::hours(h));
    let now = friday() + TimeDelta::hours(98);
    let a = SlicedArtifact::builder().max_slices(3).not_before(now).build(hours, |t| t).unwrap();
    assert_eq!(a.slice_count(), 3);
    assert_eq!(a.current(now).json().as_ref(), serde_json::to_vec(&now).unwrap());
    // a boundary equal to `not_before` is dropped: its slice is the first one
    assert_eq!(a.slices().next().map(|s| s.end), Some(Some(friday() + TimeDelta::hours(99))));
}

#[test]
fn equal_neighbours_are_merged_without_compressing() {
    // boundaries that change nothing (e.g. an entry hidden in both slices)
    let noise =
        [friday() + TimeDelta::hours(1), friday() + TimeDelta::hours(2), monday() + TimeDelta::days(1)];
    let a = SlicedArtifact::new(noise.into_iter().chain([friday(), monday()]), Level::FAST, menu_at).unwrap();
    assert_eq!((a.slice_count(), a.serializations(), a.builds()), (3, 6, 3));
    assert_eq!(a.next_change(friday()), Some(monday()));
    assert_eq!(
        a.current(friday() + TimeDelta::hours(1)).etag(Encoding::Gzip),
        a.current(friday()).etag(Encoding::Gzip)
    );
}

#[test]
fn a_slice_over_its_byte_budget_keeps_the_budget_rule_and_names_the_slice() {
    let err = SlicedArtifact::builder()
        .artifact(JsonArtifact::builder().level(Level::FAST).max_json_bytes(20))
        .build([friday(), monday()], menu_at)
        .unwrap_err();
    assert_eq!(err.rule().id(), "max-json-bytes");
    assert_eq!(
        err.to_string(),
        "in the time slice from 2026-11-26T22:00:00+00:00: the JSON is 24 bytes, over the budget of 20 bytes \
         (max_json_bytes)"
    );
    let mut m = std::collections::HashMap::new();
    m.insert(vec![1u8], 1);
    let err = SlicedArtifact::new([], Level::FAST, |_| &m).unwrap_err();
    assert_eq!(err.rule().id(), "artifact");
    assert!(err.to_string().starts_with("in the time slice from the beginning: cannot serialize"), "{err}");
}

/// A value that counts its serializations.
struct Counted {
    menu: Vec<&'static str>,
    serialized: Arc<AtomicUsize>,
}

impl Serialize for Counted {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialized.fetch_add(1, Ordering::SeqCst);
        self.menu.serialize(s)
    }
}

#[test]
fn picking_the_slice_serializes_and_compresses_nothing() {
    let serialized = Arc::new(AtomicUsize::new(0));
    let values = AtomicUsize::new(0);
    let a = SlicedArtifact::new([friday(), monday()], Level::FAST, |t| {
        values.fetch_add(1, Ordering::SeqCst);
        Counted { menu: menu_at(t), serialized: serialized.clone() }
    })
    .unwrap();
    let after_build = (values.load(Ordering::SeqCst), serialized.load(Ordering::SeqCst), a.builds());
    assert_eq!(after_build, (3, 3, 3));
    let clock = ManualClock::new(friday() - TimeDelta::hours(1));
    let mut bytes = 0;
    for _ in 0..10_000 {
        bytes += a.current_by(&clock).body(Encoding::Br).len();
        clock.advance(TimeDelta::seconds(97));
    }
    assert!(bytes > 0);
    assert_eq!((values.load(Ordering::SeqCst), serialized.load(Ordering::SeqCst), a.builds()), after_build);
    assert_eq!(a.serializations(), 3);
    // the bodies handed out are the prepared ones, not copies
    assert_eq!(a.current(friday()).json().as_ptr(), a.current(monday() - NS).json().as_ptr());
}

#[test]
fn clocks() {
    let clock = ManualClock::new(friday());
    let shared: Arc<dyn Clock> = Arc::new(clock.clone());
    clock.set(monday());
    assert_eq!(shared.now(), monday());
    clock.advance(-TimeDelta::days(3));
    assert_eq!(shared.now(), monday() - TimeDelta::days(3));
    clock.advance(TimeDelta::MIN);
    assert_eq!(clock.now(), DateTime::<Utc>::MIN_UTC);
    let a = three_slices();
    let system: &dyn Clock = &SystemClock;
    assert_eq!(a.current_by(system).json(), a.current(Utc::now()).json());
    assert_eq!(a.current_by(&shared).json().as_ref(), br#"["Shoes"]"#);
}

#[test]
fn live_rejects_a_version_over_max_slices_with_the_rule() {
    // `n` boundaries an hour apart, from Friday: n + 1 slices against a budget of 4
    let (_d, path) = setup(good("menu", 2, 0).as_bytes());
    let live = Live::<Cfg>::builder(&path)
        .try_prepare(|c: &Cfg| {
            let boundaries = (1..=i64::from(c.n)).map(|h| friday() + TimeDelta::hours(h));
            SlicedArtifact::builder().level(Level::FAST).max_slices(4).build(boundaries, |t| (c.n, t))
        })
        .open()
        .unwrap();
    assert_eq!(live.load().prepared.slice_count(), 3);
    std::fs::write(&path, good("menu", 4, 0)).unwrap();
    let report = live.reload_now().error().cloned().unwrap();
    assert_eq!(report.items[0].rule, RuleId::MaxSlices);
    assert!(
        report.items[0].message.contains("over the budget of 4 (max_slices)"),
        "{}",
        report.items[0].message
    );
    assert_eq!(live.load().prepared.slice_count(), 3, "the last good version stays");
}
