#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! End to end: the real server on an ephemeral port, a real HTTP client, a real file
//! being edited underneath it. The shop's clock is a manual one, stopped at [`now`], so
//! what is in force does not depend on the day the tests run (the time-sliced menu itself:
//! `menu_slices.rs`).

mod common;

use chrono::{DateTime, Utc};
use common::{GOOD, Server, decode, get};
use config_runtime::clock::ManualClock;
use std::path::Path;
use std::time::{Duration, Instant};

/// The instant the shop's clock shows: before the shipped file's Black Friday entry.
fn now() -> DateTime<Utc> {
    "2026-11-01T00:00:00Z".parse().unwrap()
}

/// Starts the shop with its clock stopped at [`now`].
async fn start(initial: Option<&str>) -> Server {
    common::start(initial, ManualClock::new(now())).await
}

async fn menu_json(s: &Server) -> serde_json::Value {
    let r = get(s, "/menu", &[]).await;
    assert_eq!(r.status(), 200);
    serde_json::from_slice(&r.bytes().await.unwrap()).unwrap()
}

/// Replaces the file the way editors do: write a sibling, rename it over.
fn rename_over(path: &Path, text: &str) {
    let tmp = path.with_extension("toml.swp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

async fn wait_for<F: Fn(&serde_json::Value) -> bool>(s: &Server, what: &str, f: F) -> Duration {
    let t = Instant::now();
    loop {
        let status: serde_json::Value = get(s, "/config/status", &[]).await.json().await.unwrap();
        if f(&status) {
            return t.elapsed();
        }
        assert!(t.elapsed() < Duration::from_secs(10), "timed out waiting for {what}: {status}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn every_encoding_decodes_to_the_same_json() {
    let s = start(Some(GOOD)).await;
    let mut seen = Vec::new();
    for (accept, want) in [("identity", None), ("gzip", Some("gzip")), ("br;q=1, gzip;q=0.5", Some("br"))] {
        let r = get(&s, "/menu", &[("accept-encoding", accept)]).await;
        assert_eq!(r.status(), 200);
        let h = r.headers().clone();
        assert_eq!(h.get("content-encoding").map(|v| v.to_str().unwrap()), want, "{accept}");
        assert_eq!(h["vary"], "Accept-Encoding");
        assert_eq!(h["content-type"], "application/json");
        assert!(h["cache-control"].to_str().unwrap().contains("max-age"));
        let etag = h["etag"].to_str().unwrap().to_owned();
        assert!(etag.starts_with('"') && etag.ends_with('"'), "strong etag: {etag}");
        let json: serde_json::Value =
            serde_json::from_slice(&decode(want, &r.bytes().await.unwrap())).unwrap();
        seen.push((etag, json));
    }
    assert_eq!(seen[0].1, seen[1].1);
    assert_eq!(seen[0].1, seen[2].1);
    assert_eq!(seen[0].1[0]["title"], "Women");
    // one ETag per encoding
    assert_ne!(seen[0].0, seen[1].0);
    assert_ne!(seen[1].0, seen[2].0);
}

#[tokio::test]
async fn etag_gives_304() {
    let s = start(Some(GOOD)).await;
    let r = get(&s, "/menu", &[("accept-encoding", "gzip")]).await;
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    let r = get(&s, "/menu", &[("accept-encoding", "gzip"), ("if-none-match", &etag)]).await;
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"].to_str().unwrap(), etag);
    assert!(r.bytes().await.unwrap().is_empty());
    // the gzip ETag does not match the identity body
    let r = get(&s, "/menu", &[("if-none-match", &etag)]).await;
    assert_eq!(r.status(), 200);
    // a list with the right one matches
    let list = format!("\"nope\", {etag}");
    let r = get(&s, "/menu", &[("accept-encoding", "gzip"), ("if-none-match", &list)]).await;
    assert_eq!(r.status(), 304);
}

#[tokio::test]
async fn a_rename_over_edit_is_served_within_a_second() {
    let s = start(Some(GOOD)).await;
    assert_eq!(menu_json(&s).await[0]["title"], "Women");
    let edited = GOOD.replacen("title = \"Women\"", "title = \"Ladies\"", 1);
    let t = Instant::now();
    rename_over(&s.path, &edited);
    loop {
        if menu_json(&s).await[0]["title"] == "Ladies" {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(1), "edit not served after {:?}", t.elapsed());
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test]
async fn a_bad_edit_keeps_the_old_menu_and_reports_line_and_column() {
    let s = start(Some(GOOD)).await;
    let before = menu_json(&s).await;
    let bad = GOOD.replacen("percent_off = 30", "percent_off = 300", 1);
    rename_over(&s.path, &bad);
    wait_for(&s, "the rejection", |st| st["rejected"] == 1).await;
    assert_eq!(menu_json(&s).await, before);
    let st: serde_json::Value = get(&s, "/config/status", &[]).await.json().await.unwrap();
    let text = st["last_error"].to_string();
    let line = bad.lines().position(|l| l == "percent_off = 300").unwrap() + 1;
    assert!(text.contains("range"), "{text}");
    assert!(text.contains(&format!("{line}")), "line {line} in {text}");
    assert!(text.contains("promotions[0].percent_off"), "{text}");
    assert_eq!(get(&s, "/healthz", &[]).await.status(), 200);
}

#[tokio::test]
async fn a_missing_file_at_boot_serves_the_baked_config() {
    let s = start(None).await;
    let baked = serde_json::to_value(shop::menu::visible_at(&shop::Marketing::baked().menu, now())).unwrap();
    assert_eq!(menu_json(&s).await, baked);
    let st: serde_json::Value = get(&s, "/config/status", &[]).await.json().await.unwrap();
    assert_eq!(st["source"], "baked", "{st}");
    // the bundled time-zone database every local time is resolved with
    assert_eq!(st["tzdb"], config_runtime::tzdb_version(), "{st}");
    // when the file appears, it is picked up
    std::fs::write(&s.path, GOOD.replacen("title = \"Men\"", "title = \"Gentlemen\"", 1)).unwrap();
    wait_for(&s, "the new file", |st| st["source"] == "file").await;
    assert_eq!(menu_json(&s).await[1]["title"], "Gentlemen");
}

#[tokio::test]
async fn active_promotions_by_time() {
    let s = start(Some(GOOD)).await;
    let at = |t: &'static str| {
        let s = &s;
        async move {
            let r = get(s, &format!("/promotions/active?at={}", t.replace('+', "%2B")), &[]).await;
            assert_eq!(r.status(), 200);
            let v: serde_json::Value = r.json().await.unwrap();
            v.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
        }
    };
    assert_eq!(at("2026-11-28T12:00:00+01:00").await, ["black-friday"]);
    assert_eq!(at("2026-11-30T12:00:00+01:00").await, ["black-friday", "cyber-monday-shoes"]);
    assert!(at("2026-06-01T00:00:00Z").await.is_empty());
    let r = get(&s, "/promotions/active?at=28.11.2026", &[]).await;
    assert_eq!(r.status(), 400);
    // without `at`: now by the shop's clock (1 November: none running)
    assert_eq!(at("2026-11-01T00:00:00Z").await, Vec::<String>::new());
    let r = get(&s, "/promotions/active", &[]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap(), serde_json::json!([]));
}

/// `GET /metrics`, parsed as a scraper parses it.
async fn scrape(s: &Server) -> prometheus_parse::Scrape {
    let r = get(s, "/metrics", &[]).await;
    assert_eq!(r.status(), 200);
    let content_type = r.headers()["content-type"].to_str().unwrap().to_owned();
    assert_eq!(content_type, "application/openmetrics-text; version=1.0.0; charset=utf-8");
    let body = r.text().await.unwrap();
    assert!(body.ends_with("# EOF\n"), "{body}");
    prometheus_parse::Scrape::parse(body.lines().map(|l| Ok(l.to_owned()))).unwrap()
}

fn metric(scrape: &prometheus_parse::Scrape, name: &str, label: Option<(&str, &str)>) -> f64 {
    let found: Vec<_> = scrape
        .samples
        .iter()
        .filter(|s| s.metric == name && label.is_none_or(|(k, v)| s.labels.get(k) == Some(v)))
        .collect();
    assert_eq!(found.len(), 1, "{name} {label:?}: {found:?}");
    match found[0].value {
        prometheus_parse::Value::Counter(v)
        | prometheus_parse::Value::Gauge(v)
        | prometheus_parse::Value::Untyped(v) => v,
        ref other => panic!("{name}: {other:?}"),
    }
}

fn served_hash(scrape: &prometheus_parse::Scrape) -> String {
    let info: Vec<_> = scrape.samples.iter().filter(|s| s.metric == "config_version_info").collect();
    assert_eq!(info.len(), 1, "{info:?}");
    info[0].labels.get("hash").unwrap().to_owned()
}

#[tokio::test]
async fn metrics_follow_a_good_then_a_bad_edit() {
    let s = start(Some(GOOD)).await;
    let boot = scrape(&s).await;
    assert_eq!(metric(&boot, "config_last_reload_successful", None), 1.0);
    let accepted_at_boot = metric(&boot, "config_reloads_total", Some(("outcome", "accepted")));

    let edited = GOOD.replacen("title = \"Women\"", "title = \"Ladies\"", 1);
    rename_over(&s.path, &edited);
    wait_for(&s, "the good edit", |st| st["version"] == 2).await;
    let good = scrape(&s).await;
    assert_eq!(metric(&good, "config_reloads_total", Some(("outcome", "accepted"))), accepted_at_boot + 1.0);
    assert_eq!(metric(&good, "config_last_reload_successful", None), 1.0);
    let st: serde_json::Value = get(&s, "/config/status", &[]).await.json().await.unwrap();
    assert_eq!(served_hash(&good), st["hash"].as_str().unwrap());
    assert_eq!(metric(&good, "config_bytes", None), edited.len() as f64);

    rename_over(&s.path, &GOOD.replacen("percent_off = 30", "percent_off = 300", 1));
    wait_for(&s, "the rejection", |st| st["rejected"] == 1).await;
    let bad = scrape(&s).await;
    assert!(metric(&bad, "config_reloads_total", Some(("outcome", "rejected"))) >= 1.0);
    assert_eq!(metric(&bad, "config_last_reload_successful", None), 0.0);
    assert_eq!(served_hash(&bad), served_hash(&good), "the old version is still served");
    assert_eq!(menu_json(&s).await[0]["title"], "Ladies");
}

#[tokio::test]
async fn a_file_needing_more_menu_slices_than_the_budget_is_refused_with_the_rule() {
    // the file holds local times in the shop's zone (Kyiv); these hours are never in a DST
    // gap or fold there, and which exact instants they name does not matter here
    let local = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M:%S").to_string();
    let s = start(Some(GOOD)).await;
    let before = menu_json(&s).await;
    // 40 entries, each shown for one hour on its own day: 80 instants where the menu
    // changes, and Black Friday's two: 83 slices against the budget of 64
    let mut text = GOOD.to_owned();
    for day in 0..40 {
        let from = now() + chrono::TimeDelta::days(day + 1) + chrono::TimeDelta::hours(12);
        let until = from + chrono::TimeDelta::hours(1);
        text.push_str(&format!(
            "\n[[menu]]\ntitle = \"Flash sale {day}\"\nurl = \"/flash/{day}\"\nvisible_from = {}\nvisible_until = {}\n",
            local(from),
            local(until)
        ));
    }
    rename_over(&s.path, &text);
    wait_for(&s, "the rejection", |st| st["rejected"] == 1).await;
    let st: serde_json::Value = get(&s, "/config/status", &[]).await.json().await.unwrap();
    let error = st["last_error"].to_string();
    assert!(error.contains("max-slices") && error.contains("83 time slices"), "{error}");
    assert_eq!(menu_json(&s).await, before, "the last good version stays");
    // with the old entries gone by the shop's clock, the same count of entries fits: the
    // boundaries already past are dropped
    let mut fits = GOOD.to_owned();
    for day in 0..40 {
        let from = now() - chrono::TimeDelta::days(day + 1);
        fits.push_str(&format!(
            "\n[[menu]]\ntitle = \"Past sale {day}\"\nurl = \"/past/{day}\"\nvisible_from = {}\nvisible_until = {}\n",
            local(from),
            local(from + chrono::TimeDelta::hours(1))
        ));
    }
    rename_over(&s.path, &fits);
    wait_for(&s, "the version with past entries", |st| st["version"] == 2).await;
    assert_eq!(s.shop.live().load().prepared.menu.slice_count(), 3, "Black Friday's two instants only");
}
