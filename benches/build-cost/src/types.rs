// The benchmark's config types; the root's attributes come from the generated lib.rs.
#[macro_export]
macro_rules! bench_types {
    ($(#[$attr:meta])*) => {
        #[derive(config_runtime::Config, serde::Deserialize, Debug)]
        $(#[$attr])*
        pub struct Marketing {
            #[config(range(min = 0, max = 100000))]
            pub free_shipping_over_cents: u32,
            #[config(unique = "id")]
            pub promotions: Vec<Promotion>,
            #[config(max_depth = 3)]
            pub menu: Vec<MenuItem>,
        }

        #[derive(config_runtime::Config, serde::Deserialize, Debug)]
        pub struct Promotion {
            pub id: String,
            #[config(len(min = 1, max = 80))]
            pub title: String,
            #[config(before = "ends")]
            pub starts: chrono::DateTime<chrono::FixedOffset>,
            pub ends: chrono::DateTime<chrono::FixedOffset>,
            #[config(range(min = 1, max = 90))]
            pub percent_off: u8,
            #[config(url)]
            pub banner_url: Option<String>,
        }

        #[derive(config_runtime::Config, serde::Deserialize, Debug)]
        pub struct MenuItem {
            #[config(len(min = 1, max = 120))]
            pub title: String,
            #[config(url)]
            pub url: String,
            #[serde(default)]
            pub children: Vec<MenuItem>,
        }
    };
}
