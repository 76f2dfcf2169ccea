#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The exposition as a scraper reads it: encoded by `prometheus_client`, parsed back by a
//! Prometheus text parser (`prometheus-parse`), after a good edit and after a bad one.

use super::*;
use crate::live::ContentHash;
use config_core::{Field, HasSchema, Schema, SchemaRef, StructSchema};
use prometheus_client::encoding::text::encode;
use prometheus_parse::{Sample, Scrape, Value};

#[derive(serde::Deserialize)]
struct Marketing {
    #[allow(dead_code)]
    title: String,
}

static MARKETING: Schema = Schema::Struct(StructSchema {
    name: "Marketing",
    id: "metrics_tests::Marketing",
    doc: "",
    fields: &[Field {
        ident: "title",
        key: "title",
        aliases: &[],
        ty: <String as HasSchema>::SCHEMA,
        required: true,
        rules: &[],
        doc: "",
    }],
});

impl HasSchema for Marketing {
    const SCHEMA: SchemaRef = SchemaRef(&raw const MARKETING);
}

fn scrape(registry: &Registry) -> Scrape {
    let mut body = String::new();
    encode(&mut body, registry).unwrap();
    assert!(body.ends_with("# EOF\n"), "an OpenMetrics exposition ends with # EOF:\n{body}");
    Scrape::parse(body.lines().map(|l| Ok(l.to_owned()))).unwrap()
}

fn samples<'a>(scrape: &'a Scrape, metric: &str) -> Vec<&'a Sample> {
    scrape.samples.iter().filter(|s| s.metric == metric).collect()
}

/// The value of the one sample of `metric` whose labels include `labels`.
fn value(scrape: &Scrape, metric: &str, labels: &[(&str, &str)]) -> f64 {
    let found: Vec<_> = samples(scrape, metric)
        .into_iter()
        .filter(|s| labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
        .collect();
    assert_eq!(found.len(), 1, "one sample of {metric} {labels:?}, found {found:?}");
    match found[0].value {
        Value::Counter(v) | Value::Gauge(v) | Value::Untyped(v) => v,
        ref other => panic!("{metric}: not a single value: {other:?}"),
    }
}

fn reloads(scrape: &Scrape, outcome: &str) -> f64 {
    value(scrape, "config_reloads_total", &[("outcome", outcome)])
}

#[test]
fn good_then_bad_edit_as_a_scraper_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marketing.toml");
    std::fs::write(&path, "title = \"Spring sale\"\n").unwrap();
    let live = Live::<Marketing>::builder(&path).open().unwrap();
    let mut registry = Registry::default();
    live.register_metrics(&mut registry);
    let file = path.display().to_string();

    let boot = scrape(&registry);
    assert_eq!(reloads(&boot, "accepted"), 1.0, "the boot is a reload");
    assert_eq!(value(&boot, "config_last_reload_successful", &[("file", &file)]), 1.0);

    let good = "title = \"Summer sale\"\n";
    std::fs::write(&path, good).unwrap();
    assert!(live.reload_now().is_accepted());
    let after_good = scrape(&registry);
    assert_eq!(reloads(&after_good, "accepted"), 2.0);
    assert_eq!(reloads(&after_good, "rejected"), 0.0);
    assert_eq!(value(&after_good, "config_last_reload_successful", &[]), 1.0);
    let served = ContentHash::of(good.as_bytes()).to_string();
    assert_eq!(live.status().hash.as_deref(), Some(served.as_str()));
    let info = samples(&after_good, "config_version_info");
    assert_eq!(info.len(), 1, "one series: the served version");
    assert_eq!(info[0].labels.get("hash"), Some(served.as_str()));
    assert_eq!(info[0].labels.get("version"), Some("2"));
    assert_eq!(info[0].labels.get("source"), Some("file"));
    assert_eq!(info[0].labels.get("file"), Some(file.as_str()));
    assert_eq!(value(&after_good, "config_version_info", &[]), 1.0);
    assert_eq!(value(&after_good, "config_bytes", &[]), good.len() as f64);
    let published_at = value(&after_good, "config_last_reload_success_timestamp_seconds", &[]);
    let now = chrono::Utc::now().timestamp() as f64;
    assert!((now - published_at).abs() < 60.0, "{published_at} is about now ({now})");

    std::fs::write(&path, "title = 1\n").unwrap();
    assert!(!live.reload_now().is_accepted());
    let after_bad = scrape(&registry);
    assert_eq!(reloads(&after_bad, "accepted"), 2.0);
    assert_eq!(reloads(&after_bad, "rejected"), 1.0);
    assert_eq!(value(&after_bad, "config_last_reload_successful", &[("file", &file)]), 0.0);
    let info = samples(&after_bad, "config_version_info");
    assert_eq!(info.len(), 1);
    assert_eq!(info[0].labels.get("hash"), Some(served.as_str()), "the old version is still served");
    assert_eq!(value(&after_bad, "config_last_reload_success_timestamp_seconds", &[]), published_at);

    let histogram = samples(&after_bad, "config_reload_duration_seconds");
    assert_eq!(histogram.len(), 1);
    let Value::Histogram(buckets) = &histogram[0].value else { panic!("{:?}", histogram[0]) };
    let inf = buckets.iter().find(|b| b.less_than.is_infinite()).unwrap();
    assert_eq!(inf.count, 2.0, "two reloads after the boot");
    assert_eq!(value(&after_bad, "config_reload_duration_seconds_count", &[]), 2.0);
}

#[test]
fn baked_boot_has_an_empty_hash_and_no_success_time() {
    #[derive(serde::Deserialize)]
    struct Fallback {
        #[allow(dead_code)]
        title: String,
    }
    impl HasSchema for Fallback {
        const SCHEMA: SchemaRef = SchemaRef(&raw const MARKETING);
    }
    static BAKED: std::sync::LazyLock<Fallback> = std::sync::LazyLock::new(|| Fallback { title: "b".into() });
    impl config_core::Baked for Fallback {
        fn baked() -> &'static Self {
            &BAKED
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let live = Live::<Fallback>::builder(dir.path().join("missing.toml")).fallback_baked().open().unwrap();
    let mut registry = Registry::default();
    register(&mut registry, &live);
    let scraped = scrape(&registry);
    let info = samples(&scraped, "config_version_info");
    assert_eq!((info[0].labels.get("hash"), info[0].labels.get("source")), (Some(""), Some("baked")));
    assert_eq!(value(&scraped, "config_last_reload_success_timestamp_seconds", &[]), 0.0);
    assert_eq!(value(&scraped, "config_last_reload_successful", &[]), 0.0);
    assert_eq!(reloads(&scraped, "io_error"), 1.0);
}

#[test]
fn reload_durations_fall_in_their_buckets() {
    let mut durations = ReloadDurations::default();
    durations.observe(std::time::Duration::from_micros(100));
    durations.observe(std::time::Duration::from_millis(3));
    durations.observe(std::time::Duration::from_secs(10));
    let by_bound = durations.by_bound();
    assert_eq!(by_bound.first(), Some(&(0.0005, 1)));
    assert_eq!(by_bound.iter().find(|(b, _)| *b == 0.005), Some(&(0.005, 1)));
    assert_eq!(by_bound.last(), Some(&(f64::INFINITY, 1)));
    assert_eq!(durations.count, 3);
}
