//! Shared types for the workspace tests: the shop schema used by the UI tests, the
//! parity test and the taxonomy test.

/// Defines the shop-like test schema. The root struct takes the given attributes, so a
/// UI test can point it at a fixture (`#[config(file = "...")]`) while run-time tests
/// use the same types without a file.
#[macro_export]
macro_rules! shop_types {
    ($(#[$attr:meta])*) => {
        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        $(#[$attr])*
        pub struct Marketing {
            #[config(range(min = 0, max = 100000))]
            pub free_shipping_over_cents: u32,
            #[config(unique = "id", len(max = 50))]
            #[serde(default)]
            pub promotions: Vec<Promotion>,
            #[config(max_depth = 3, max_nodes = 2000, max_json_bytes = "256 KiB")]
            #[serde(default)]
            pub menu: Vec<MenuItem>,
        }

        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        pub struct Promotion {
            pub id: String,
            #[config(len(min = 1, max = 80))]
            pub title: String,
            #[config(before = "ends")]
            pub starts: ::chrono::DateTime<::chrono::FixedOffset>,
            pub ends: ::chrono::DateTime<::chrono::FixedOffset>,
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

        #[derive($crate::__Config, ::serde::Deserialize, Debug, PartialEq)]
        pub struct MenuItem {
            #[config(len(min = 1, max = 60))]
            pub title: String,
            #[config(url)]
            pub url: String,
            #[serde(default)]
            pub children: Vec<MenuItem>,
        }
    };
}

#[doc(hidden)]
pub use config_runtime::Config as __Config;
