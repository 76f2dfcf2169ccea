//! The shop's config types: what marketing may write in `marketing.toml`, and the
//! rules `cargo build`, the running shop and `shop-lint` all enforce. The `///` docs are
//! written for the people who edit the file: they are part of the schema, so editors
//! show them and `shop-lint docs` / `shop-lint template` print them.

use chrono::{DateTime, FixedOffset};
use config_runtime::Config;
use serde::{Deserialize, Serialize};

/// The storefront's marketing config: free shipping, promotions and the navigation menu.
/// A bad edit fails `cargo build` and `shop-lint check`; the running shop keeps serving
/// its last good version until the file is fixed.
#[derive(Config, Deserialize, Serialize, Debug, Clone, PartialEq)]
#[config(file = "marketing.toml")]
pub struct Marketing {
    /// The order total, in cents, from which shipping is free: `4900` means 49.00.
    #[config(range(max = 1_000_000))]
    pub free_shipping_over_cents: u32,
    /// The promotions, running or planned. While one runs, `/promotions/active` lists it
    /// for the storefront; one that is over may stay in the file (`shop-lint check` warns
    /// about it) or be deleted.
    #[config(unique = "id", len(max = 100))]
    #[serde(default)]
    pub promotions: Vec<Promotion>,
    /// The navigation menu, served to the storefront by `/menu`: the top-level entries in
    /// order, each with its submenu under `children`.
    // The budgets are generous on purpose (the serving benchmark replays the incident's
    // 3 MB menu); a real storefront would keep it near 256 KiB.
    #[config(max_depth = 3, max_nodes = 50_000, max_json_bytes = "4 MiB")]
    #[serde(default)]
    pub menu: Vec<MenuItem>,
}

/// A discount that runs for a while: from `starts` up to `ends`.
#[derive(Config, Deserialize, Serialize, Debug, Clone, PartialEq)]
pub struct Promotion {
    /// A short name for the promotion, like `black-friday`; no two promotions may share
    /// one. The storefront receives it with the promotion.
    pub id: String,
    /// The text shoppers see, like `Black Friday: 30% off everything`.
    #[config(len(min = 1, max = 80))]
    pub title: String,
    /// The promotion's first second, with the UTC offset it is meant in: for midnight in
    /// Berlin in winter, `2026-11-27T00:00:00+01:00`. It must be before `ends`.
    #[config(before = "ends")]
    pub starts: DateTime<FixedOffset>,
    /// The moment the promotion is over (it runs up to, not including, this instant),
    /// written like `starts`: `2026-11-30T23:59:59+01:00`.
    pub ends: DateTime<FixedOffset>,
    /// How much is taken off, in percent: `30` is 30% off.
    #[config(range(min = 1, max = 90))]
    pub percent_off: u8,
    /// The banner's address, handed to the storefront as written: a path on the shop
    /// (`/campaigns/black-friday`) or an `http://` or `https://` address. Leave it out
    /// for a promotion without a banner.
    #[config(url)]
    pub banner_url: Option<String>,
}

/// One entry of the navigation menu; entries nest under `children`.
#[derive(Config, Deserialize, Serialize, Debug, Clone, PartialEq)]
pub struct MenuItem {
    /// The entry's text, like `Dresses`.
    #[config(len(min = 1, max = 80))]
    pub title: String,
    /// Where the entry leads: a path on the shop (`/women/dresses`) or an `http://` or
    /// `https://` address.
    #[config(url)]
    pub url: String,
    /// The entries of this entry's submenu, in order. The menu is at most 3 levels deep.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<MenuItem>,
}
