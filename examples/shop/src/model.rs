//! The shop's config types: what marketing may write in `marketing.toml`, and the
//! rules `cargo build`, the running shop and `shop-lint` all enforce. The `///` docs are
//! written for the people who edit the file: they are part of the schema, so editors
//! show them and `shop-lint docs` / `shop-lint template` print them.

use chrono::{DateTime, FixedOffset, Utc};
use config_runtime::Config;
use serde::{Deserialize, Serialize};

/// The storefront's marketing config: free shipping, promotions and the navigation menu.
/// Every date and time in it is the shop's local time, in Kyiv: write `2026-11-27T00:00:00`
/// for midnight there, and the shop works out whether that is summer or winter time.
/// A bad edit fails `cargo build` and `shop-lint check`; the running shop keeps serving
/// its last good version until the file is fixed.
#[derive(Config, Deserialize, Serialize, Debug, Clone, PartialEq)]
#[config(file = "marketing.toml", tz = "Europe/Kyiv")]
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
    /// The promotion's first second, as the shop's local time in Kyiv: for midnight,
    /// `2026-11-27T00:00:00`. (An offset may be added, `…+02:00`, but it must be Kyiv's on
    /// that date.) It must be before `ends`.
    #[config(before = "ends")]
    pub starts: DateTime<FixedOffset>,
    /// The moment the promotion is over (it runs up to, not including, this instant),
    /// written like `starts`: `2026-11-30T23:59:59`.
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
    /// The moment the entry appears in the menu, as the shop's local time in Kyiv: for
    /// midnight, `2026-11-27T00:00:00`. The shop switches its menu
    /// at that moment by itself, no edit or restart needed; its submenu appears with it.
    /// Leave it out for an entry shown from now on. It must be before `visible_until`.
    // Not sent to the storefront: the shop serves each moment's menu already filtered.
    #[config(before = "visible_until")]
    #[serde(default, skip_serializing)]
    pub visible_from: Option<DateTime<FixedOffset>>,
    /// The moment the entry is taken out of the menu (it is shown up to, not including,
    /// this instant), written like `visible_from`: `2026-12-01T00:00:00`. Leave it
    /// out for an entry that stays. Its submenu goes with it.
    #[serde(default, skip_serializing)]
    pub visible_until: Option<DateTime<FixedOffset>>,
    /// The entries of this entry's submenu, in order. The menu is at most 3 levels deep.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<MenuItem>,
}

impl MenuItem {
    /// The entry's window as instants, `[from, until)`, `None` for an open end. The one
    /// place that reads `visible_from` / `visible_until`, so the slicing does not depend on
    /// how they are written in the file.
    pub fn window(&self) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        (self.visible_from.map(|t| t.to_utc()), self.visible_until.map(|t| t.to_utc()))
    }

    /// Is the entry shown at `at` (`visible_from <= at < visible_until`)? Its parent's
    /// window is not looked at.
    pub fn visible_at(&self, at: DateTime<Utc>) -> bool {
        let (from, until) = self.window();
        from.is_none_or(|f| f <= at) && until.is_none_or(|u| at < u)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    fn menu(entries: &str) -> String {
        format!("free_shipping_over_cents = 4900\n\n{entries}")
    }

    #[test]
    fn visible_from_must_be_before_visible_until_at_every_level() {
        let top = menu(
            "[[menu]]\ntitle = \"Black Friday\"\nurl = \"/bf\"\n\
             visible_from = 2026-12-01T00:00:00+02:00\nvisible_until = 2026-11-27T00:00:00+02:00\n",
        );
        let err = config_runtime::check_str::<Marketing>("m.toml", &top).unwrap_err();
        let d = &err.items[0];
        assert_eq!((d.rule.id(), d.path.as_str(), d.line), ("before", "menu[0].visible_from", 6), "{err}");
        // the same instant is not before it either, whatever the offsets say
        let equal = top.replace("2026-11-27T00:00:00+02:00", "2026-11-30T23:00:00+01:00");
        assert!(config_runtime::check_str::<Marketing>("m.toml", &equal).is_err());
        let nested = menu(
            "[[menu]]\ntitle = \"Women\"\nurl = \"/women\"\n\n  [[menu.children]]\n  title = \"Deals\"\n  \
             url = \"/deals\"\n  visible_from = 2026-11-28T00:00:00\n  visible_until = 2026-11-27T00:00:00\n",
        );
        let err = config_runtime::check_str::<Marketing>("m.toml", &nested).unwrap_err();
        assert_eq!(err.items[0].path, "menu[0].children[0].visible_from", "{err}");
    }

    #[test]
    fn either_end_may_be_left_out() {
        for window in
            ["visible_from = 2026-11-27T00:00:00+02:00\n", "visible_until = 2026-12-01T00:00:00+02:00\n", ""]
        {
            let text = menu(&format!("[[menu]]\ntitle = \"Black Friday\"\nurl = \"/bf\"\n{window}"));
            let m = config_runtime::check_str::<Marketing>("m.toml", &text).unwrap_or_else(|e| panic!("{e}"));
            let (from, until) = m.menu[0].window();
            assert_eq!(from.is_some(), window.starts_with("visible_from"));
            assert_eq!(until.is_some(), window.starts_with("visible_until"));
        }
        let m = Marketing::baked();
        let bf = m.menu.iter().find(|e| e.title == "Black Friday").unwrap();
        let friday: DateTime<Utc> = "2026-11-26T22:00:00Z".parse().unwrap();
        assert_eq!(bf.window(), (Some(friday), Some(friday + chrono::TimeDelta::days(4))));
        assert!(!bf.visible_at(friday - chrono::TimeDelta::nanoseconds(1)) && bf.visible_at(friday));
    }
}
