//! Shared types for the workspace tests: the shop schema used by the UI tests, the
//! parity test and the taxonomy test; the invariants every answer must satisfy, the
//! generated input shapes, and the snapshot helpers of the CLI tests.

/// Defines the shop-like test schema. The root struct takes the given attributes, so a
/// UI test can point it at a fixture (`#[config(file = "...")]`) while run-time tests
/// use the same types without a file.
#[macro_export]
macro_rules! shop_types {
    ($(#[$attr:meta])*) => {
        $crate::__shop_schema!(2000, "256 KiB", 60; $(#[$attr])*);
    };
}

/// The shop's schema with budgets wide enough for multi-MB menus (benchmarks).
#[macro_export]
macro_rules! shop_like_types {
    ($(#[$attr:meta])*) => {
        $crate::__shop_schema!(1_000_000, "64 MiB", 120; $(#[$attr])*);
    };
}

/// The shop schema with the menu's `max_nodes`, `max_json_bytes` and title length as
/// parameters (see `shop_types!` and `shop_like_types!`).
#[doc(hidden)]
#[macro_export]
macro_rules! __shop_schema {
    ($nodes:literal, $json:literal, $title:literal; $(#[$attr:meta])*) => {
        /// The shop's marketing config.
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        $(#[$attr])*
        pub struct Marketing {
            /// Orders at or above this amount, in cents, ship free.
            #[config(range(min = 0, max = 100000))]
            pub free_shipping_over_cents: u32,
            /// The promotions, running or planned.
            #[config(unique = "id", len(max = 50))]
            #[serde(default)]
            pub promotions: Vec<Promotion>,
            /// The navigation menu, top level first.
            ///
            /// Each entry may hold more entries under `children`.
            #[config(max_depth = 3, max_nodes = $nodes, max_json_bytes = $json)]
            #[serde(default)]
            pub menu: Vec<MenuItem>,
        }

        /// A time-limited discount.
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        pub struct Promotion {
            /// Names the promotion in links and reports; never shown to shoppers.
            pub id: String,
            #[config(len(min = 1, max = 80))]
            pub title: String,
            #[config(before = "ends")]
            pub starts: ::chrono::DateTime<::chrono::FixedOffset>,
            pub ends: ::chrono::DateTime<::chrono::FixedOffset>,
            /// How much is taken off, in percent.
            #[config(range(min = 1, max = 90))]
            pub percent_off: u8,
            #[config(url)]
            pub banner_url: Option<String>,
            #[config(one_of("all", "members", "new"))]
            #[serde(default = "default_audience")]
            pub audience: String,
        }

        fn default_audience() -> String {
            "all".to_owned()
        }

        /// One entry of the menu.
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        pub struct MenuItem {
            #[config(len(min = 1, max = $title))]
            pub title: String,
            #[config(url)]
            pub url: String,
            /// Shown from this instant (the shop's time-boxed entries).
            #[config(before = "visible_until")]
            pub visible_from: Option<::chrono::DateTime<::chrono::FixedOffset>>,
            /// Shown up to, not including, this instant.
            pub visible_until: Option<::chrono::DateTime<::chrono::FixedOffset>>,
            #[serde(default)]
            pub children: Vec<MenuItem>,
        }
    };
}

#[doc(hidden)]
pub use config_runtime::Config as __Config;

/// A schema of links with each `url` option: bare, `hosts(...)` with `*.`, `https`
/// (combined with `len`) and `relative`.
#[macro_export]
macro_rules! links_types {
    ($(#[$attr:meta])*) => {
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        $(#[$attr])*
        pub struct Links {
            #[config(url)]
            #[serde(default)]
            pub home: Option<String>,
            #[config(url(hosts("cdn.shop.example", "*.shop.example")))]
            #[serde(default)]
            pub images: Vec<String>,
            #[config(len(max = 80), url(https))]
            #[serde(default)]
            pub checkout: Option<String>,
            #[config(url(relative))]
            #[serde(default)]
            pub help: Option<String>,
            /// Mirror links by region: a map of links under an allowlist.
            #[config(url(hosts("*.shop.example")))]
            #[serde(default)]
            pub mirrors: ::std::collections::BTreeMap<String, String>,
        }
    };
}

/// A navigation schema with tight budgets, so small fixtures can cross them; also holds
/// an enum, a map and a `unique` list of scalars.
#[macro_export]
macro_rules! nav_types {
    ($(#[$attr:meta])*) => {
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        $(#[$attr])*
        pub struct Nav {
            #[config(max_depth = 2, max_nodes = 6, max_json_bytes = 300)]
            pub menu: Vec<Node>,
            #[config(unique, len(max = 4))]
            #[serde(default)]
            pub tags: Vec<String>,
            #[serde(default)]
            pub labels: ::std::collections::BTreeMap<String, Label>,
            #[config(range(min = 0.0, max = 1.0))]
            #[serde(default)]
            pub ratio: f64,
        }

        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        pub struct Node {
            pub label: String,
            #[serde(default)]
            pub kind: Kind,
            #[serde(default)]
            pub children: Vec<Node>,
        }

        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        pub struct Label {
            #[config(len(max = 12))]
            pub text: String,
            pub color: Option<String>,
        }

        /// How a node is shown.
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq, Default)]
        #[serde(rename_all = "kebab-case")]
        pub enum Kind {
            /// A plain link.
            #[default]
            Link,
            /// A coloured banner.
            SaleBanner,
        }
    };
}

/// A schedule in local time, for `tz`: the root's zone is Europe/Berlin; `ny_launch`
/// has its own (America/New_York, the field wins); `UsSale` has a container zone
/// (America/New_York, over the root's) and one field in Europe/Kyiv (over its container's).
/// Both lists are `no_overlap`, the US one `by = "audience"`.
#[macro_export]
macro_rules! zones_types {
    ($(#[$attr:meta])*) => {
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        $(#[$attr])*
        #[config(tz = "Europe/Berlin")]
        pub struct Schedule {
            /// In the root's zone.
            pub launch: Option<::chrono::DateTime<::chrono::FixedOffset>>,
            #[config(tz = "America/New_York")]
            pub ny_launch: Option<::chrono::DateTime<::chrono::FixedOffset>>,
            /// An instant in UTC, written in the root's zone.
            pub cutoff: Option<::chrono::DateTime<::chrono::Utc>>,
            /// No two sales run at once.
            #[config(unique = "id", no_overlap(start = "starts", end = "ends"))]
            #[serde(default)]
            pub sales: Vec<Sale>,
            /// Two US sales for one audience never run at once.
            #[config(no_overlap(start = "starts", end = "ends", by = "audience"))]
            #[serde(default)]
            pub us_sales: Vec<UsSale>,
        }

        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        pub struct Sale {
            pub id: String,
            #[config(before = "ends")]
            pub starts: ::chrono::DateTime<::chrono::FixedOffset>,
            pub ends: ::chrono::DateTime<::chrono::FixedOffset>,
        }

        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        #[config(tz = "America/New_York")]
        pub struct UsSale {
            pub id: String,
            pub starts: ::chrono::DateTime<::chrono::FixedOffset>,
            pub ends: Option<::chrono::DateTime<::chrono::FixedOffset>>,
            pub audience: Option<String>,
            #[config(tz = "Europe/Kyiv")]
            pub kyiv_mirror: Option<::chrono::DateTime<::chrono::FixedOffset>>,
        }
    };
}

/// A bare category tree for the product taxonomy (`max_depth = 3`).
#[macro_export]
macro_rules! taxonomy_types {
    ($(#[$attr:meta])*) => {
        #[derive($crate::__Config, ::serde::Deserialize, Debug)]
        $(#[$attr])*
        pub struct Catalog {
            #[config(max_depth = 3)]
            pub menu: Vec<Category>,
        }

        #[derive($crate::__Config, ::serde::Deserialize, Debug)]
        pub struct Category {
            pub title: String,
            #[config(url)]
            pub url: String,
            #[serde(default)]
            pub children: Vec<Category>,
        }
    };
}

pub mod git;
pub mod invariants;
pub mod shapes;
pub mod snapshot;
pub mod taxonomy;

/// Writes `fixtures/generated/taxonomy_{3,7}.toml` from the taxonomy fixture (deterministic),
/// for the UI tests. Returns the line of the first node deeper than 3 levels in the 7-level file.
pub fn generate_taxonomy_fixtures() -> usize {
    let corpus = taxonomy::corpus();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/generated");
    let _ = std::fs::create_dir_all(&dir);
    let (three, none) = taxonomy::menu_toml(corpus, 3, 3);
    assert_eq!(none, None);
    let (seven, deep) = taxonomy::menu_toml(corpus, 7, 3);
    write_if_changed(&dir.join("taxonomy_3.toml"), &three);
    write_if_changed(&dir.join("taxonomy_7.toml"), &seven);
    deep.unwrap_or(0)
}

/// Rewrites a file only when its content changes (keeps cargo from rebuilding).
fn write_if_changed(path: &std::path::Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        let _ = std::fs::write(path, text);
    }
}
