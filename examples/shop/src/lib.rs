//! An example storefront on the config toolchain: the menu and the running promotions,
//! served from a hot-reloaded config with every payload prepared once per version.
//!
//! - `model`: the config types and their rules (checked by `cargo build`);
//! - `view`: what is prepared per version (menu JSON + gzip + brotli + ETags, promotion index);
//! - `promotions`: the interval index behind `/promotions/active`;
//! - `routes`: the HTTP handlers; `serve`: boot and run.

pub mod model;
pub mod promotions;
pub mod routes;
pub mod serve;
pub mod view;

pub use model::{Marketing, MenuItem, Promotion};
pub use view::ShopView;
