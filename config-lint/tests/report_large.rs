#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `report` on the 3 MB benchmark menu (`config_tests::taxonomy::shop_config`, the serving
//! benchmark's input): the page stays under 5 MB, sizes every item it can within its limit
//! and counts the rest. The time it takes is printed, never asserted (this machine is
//! shared); measure it in release:
//! `cargo test --release -p config-lint --test report_large -- --nocapture`.

use config_lint::{Linter, run};
use std::path::Path;
use std::time::Instant;

mod wide {
    config_tests::shop_like_types!();
}

/// The page's size limit for this input.
const MAX_PAGE_BYTES: usize = 5_000_000;

#[test]
fn the_3_mb_menu_makes_a_page_under_5_mb() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report_large");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let toml = config_tests::taxonomy::shop_config(config_tests::taxonomy::corpus(), 3_000_000);
    assert!(toml.len() > 2_900_000, "{} bytes", toml.len());
    let input = dir.join("marketing.toml");
    std::fs::write(&input, &toml).unwrap();
    let page = dir.join("report.html");
    let linter = Linter::app::<wide::Marketing>("shop-lint");
    let args = [
        "shop-lint",
        "report",
        input.to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
        "--now",
        "2026-01-01T00:00:00Z",
    ];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let started = Instant::now();
    let code = run(args, &linter, &mut out, &mut err);
    let took = started.elapsed();
    assert_eq!(code, 0, "{}{}", String::from_utf8_lossy(&out), String::from_utf8_lossy(&err));
    let html = std::fs::read_to_string(&page).unwrap();
    eprintln!(
        "report on {} bytes of TOML: {:.3} s, page {} bytes ({} branches drawn)",
        toml.len(),
        took.as_secs_f64(),
        html.len(),
        html.matches("<li class=\"branch").count()
    );
    assert!(html.len() < MAX_PAGE_BYTES, "the page has {} bytes", html.len());
    // every top-level item is drawn, and the items not drawn are counted, not dropped
    let top = toml.matches("\n[[menu]]\n").count();
    assert_eq!(html.matches("data-level=\"1\"").count(), top);
    let items = toml.matches("[[menu").count();
    assert!(html.contains(&format!("data-items=\"{items}\"")), "{items} items");
    assert!(
        html.contains("more items below, not drawn") || html.matches("<li class=\"branch").count() == items
    );
}
