//! The smallest app on the toolchain: `marketing.toml` is checked during `cargo build`
//! and baked into the binary; reading it costs nothing at run time.

use chrono::{DateTime, FixedOffset};
use quickstart::Marketing;

/// Root-level scalars are plain consts: usable in const contexts, free to read.
const FREE_SHIPPING: u32 = Marketing::FREE_SHIPPING_OVER_CENTS;
const SALE_ENDS: DateTime<FixedOffset> = Marketing::SALE_ENDS;

fn main() {
    let m = Marketing::baked();
    println!("free shipping over {:.2} EUR", f64::from(FREE_SHIPPING) / 100.0);
    println!("sale ends {SALE_ENDS}");
    for p in &m.promotions {
        println!("promotion {}: {}% off, {} .. {}", p.id, p.percent_off, p.starts, p.ends);
    }
    println!("menu: {} top-level entries", m.menu.len());

    // The same rules run at run time, e.g. on an edit that has not been built yet:
    let edit = "free_shipping_over_cents = 4900\nsale_ends = \"30.11.2026\"\npromotions = []\nmenu = []\n";
    if let Err(d) = config_runtime::check_str::<Marketing>("marketing.toml", edit) {
        println!("\nan edit with a date in the wrong format would be refused:\n{d:#}");
    }
}
