#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! End to end, the time-sliced menu: the real server on an ephemeral loopback port with a
//! manual clock injected, a menu whose time-boxed entries make it change at three instants,
//! and `GET /menu` before, exactly at and after them, in every encoding. What proves that a
//! request does no work: the process-wide count of artifacts built
//! (`config_runtime::artifact::builds_total`) does not move across the requests.
//!
//! One test only, on purpose: that count is process-wide, and another test of this binary
//! starting a shop would build artifacts while this one counts.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::{GOOD, decode, get};
use config_runtime::artifact::builds_total;
use config_runtime::clock::ManualClock;
use std::collections::HashSet;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

/// The shipped file's Black Friday entry: Friday 00:00 to Tuesday 00:00, Kyiv time.
const BLACK_FRIDAY_FROM: &str = "2026-11-27T00:00:00+02:00";
const BLACK_FRIDAY_UNTIL: &str = "2026-12-01T00:00:00+02:00";
/// An entry of the fixture taken down on Sunday 00:00, inside Black Friday's window.
const AUTUMN_UNTIL: &str = "2026-11-29T00:00:00+02:00";

/// The shipped config and one more entry, shown until [`AUTUMN_UNTIL`].
fn fixture() -> String {
    // written as local times in the shop's zone (Kyiv, +02:00 in November)
    let local = |s: &str| s.trim_end_matches("+02:00").to_owned();
    assert!(
        GOOD.contains(&format!("visible_from = {}", local(BLACK_FRIDAY_FROM))),
        "the shipped Black Friday entry"
    );
    assert!(
        GOOD.contains(&format!("visible_until = {}", local(BLACK_FRIDAY_UNTIL))),
        "the shipped Black Friday entry"
    );
    format!(
        "{GOOD}\n[[menu]]\ntitle = \"Autumn collection\"\nurl = \"/autumn\"\nvisible_until = {AUTUMN_UNTIL}\n\n  \
         [[menu.children]]\n  title = \"Scarves\"\n  url = \"/autumn/scarves\"\n"
    )
}

/// The top-level titles of a served menu.
fn titles(menu: &serde_json::Value) -> Vec<String> {
    menu.as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap().to_owned()).collect()
}

/// One `GET /menu` per encoding at the clock's instant: the decoded JSON (the same in all
/// three), the ETag of each body, and the `Cache-Control` header.
async fn menu_now(s: &common::Server) -> (serde_json::Value, [String; 3], String) {
    let mut json = Vec::new();
    let mut etags = Vec::new();
    let mut cache = String::new();
    for (accept, want) in [("identity", None), ("gzip", Some("gzip")), ("br", Some("br"))] {
        let r = get(s, "/menu", &[("accept-encoding", accept)]).await;
        assert_eq!(r.status(), 200);
        let h = r.headers().clone();
        assert_eq!(h.get("content-encoding").map(|v| v.to_str().unwrap()), want, "{accept}");
        assert_eq!(h["vary"], "Accept-Encoding");
        etags.push(h["etag"].to_str().unwrap().to_owned());
        cache = h["cache-control"].to_str().unwrap().to_owned();
        let body: serde_json::Value =
            serde_json::from_slice(&decode(want, &r.bytes().await.unwrap())).unwrap();
        json.push(body);
    }
    assert!(json.iter().all(|j| *j == json[0]), "every encoding decodes to the same menu: {json:?}");
    (json.swap_remove(0), etags.try_into().unwrap(), cache)
}

#[tokio::test]
async fn the_menu_switches_exactly_at_its_boundaries_and_requests_build_nothing() {
    let (from, sunday, until) = (at(BLACK_FRIDAY_FROM), at(AUTUMN_UNTIL), at(BLACK_FRIDAY_UNTIL));
    let clock = ManualClock::new(at("2026-11-01T00:00:00Z"));
    let s = common::start(Some(&fixture()), clock.clone()).await;
    {
        let snap = s.shop.live().load();
        assert_eq!(snap.config.menu.len(), 6, "the fixture was loaded, not the baked file");
        // before / Black Friday with autumn / Black Friday alone / after: four slices
        assert_eq!(snap.prepared.menu.slice_count(), 4);
    }
    let builds = builds_total();
    let second = TimeDelta::seconds(1);

    clock.set(from - TimeDelta::seconds(10));
    let (before, before_tags, cache) = menu_now(&s).await;
    assert_eq!(titles(&before), ["Women", "Men", "Kids", "Sale", "Autumn collection"]);
    assert_eq!(cache, "public, max-age=10", "not cached past the switch");

    clock.set(from);
    let (during, during_tags, cache) = menu_now(&s).await;
    assert_eq!(titles(&during), ["Women", "Men", "Kids", "Black Friday", "Sale", "Autumn collection"]);
    let black_friday = &during.as_array().unwrap()[3];
    assert_eq!(black_friday["url"], "/black-friday");
    let children: Vec<_> = black_friday["children"].as_array().unwrap().iter().map(|c| &c["title"]).collect();
    assert_eq!(children, ["Coats & jackets -30%", "Boots & sneakers -30%"], "shown with its children");
    assert!(black_friday.get("visible_from").is_none() && black_friday.get("visible_until").is_none());
    assert_eq!(cache, "public, max-age=60");

    // the entry taken down on Sunday goes with its children; Black Friday stays
    clock.set(sunday - TimeDelta::nanoseconds(1));
    assert_eq!(menu_now(&s).await.0, during);
    clock.set(sunday);
    let (sunday_menu, _, _) = menu_now(&s).await;
    assert_eq!(titles(&sunday_menu), ["Women", "Men", "Kids", "Black Friday", "Sale"]);

    clock.set(until + TimeDelta::hours(1));
    let (after, after_tags, cache) = menu_now(&s).await;
    assert_eq!(titles(&after), ["Women", "Men", "Kids", "Sale"]);
    assert!(!after.to_string().contains("black-friday") && !after.to_string().contains("Scarves"));
    assert_eq!(cache, "public, max-age=60", "no change ahead");

    // three bodies, and nine ETags: one per slice and encoding
    assert!(before != during && during != after && before != after);
    let all: HashSet<&String> = before_tags.iter().chain(&during_tags).chain(&after_tags).collect();
    assert_eq!(all.len(), 9, "{before_tags:?} {during_tags:?} {after_tags:?}");

    // If-None-Match per slice: the ETag of the slice in force gives 304, an earlier slice's 200
    let r = get(&s, "/menu", &[("accept-encoding", "br"), ("if-none-match", &after_tags[2])]).await;
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"].to_str().unwrap(), after_tags[2]);
    let r = get(&s, "/menu", &[("accept-encoding", "br"), ("if-none-match", &during_tags[2])]).await;
    assert_eq!(r.status(), 200);
    // back inside Black Friday (a clock set back): that slice again, its ETag matches
    clock.set(from + second);
    let r = get(&s, "/menu", &[("accept-encoding", "gzip"), ("if-none-match", &during_tags[1])]).await;
    assert_eq!(r.status(), 304);

    // a burst across every slice and encoding
    let instants = [from - second, from, sunday, until - second, until, until + TimeDelta::days(30)];
    let mut seen = HashSet::new();
    for _ in 0..10 {
        for t in instants {
            clock.set(t);
            for accept in ["identity", "gzip", "br", "gzip, br"] {
                let r = get(&s, "/menu", &[("accept-encoding", accept)]).await;
                assert_eq!(r.status(), 200);
                seen.insert(r.headers()["etag"].to_str().unwrap().to_owned());
            }
        }
    }
    assert_eq!(seen.len(), 4 * 3, "four slices, three encodings");
    // the promotions follow the same clock when no `at` is given
    clock.set(at("2026-11-28T12:00:00+01:00"));
    let running: serde_json::Value = get(&s, "/promotions/active", &[]).await.json().await.unwrap();
    assert_eq!(running[0]["id"], "black-friday", "{running}");

    assert_eq!(builds_total(), builds, "no artifact was built (nothing compressed) while serving");
    assert_eq!(s.shop.live().status().version, 1, "and no version was reloaded meanwhile");
}
