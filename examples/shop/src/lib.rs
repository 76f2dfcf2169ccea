//! An example storefront on the config toolchain: the menu and the running promotions,
//! served from a hot-reloaded config with every payload prepared once per version.
//!
//! - `model`: the config types and their rules (checked by `cargo build`);
//! - `menu`: the menu as shown at an instant (time-boxed entries) and where that changes;
//! - `view`: what is prepared per version (the menu's time slices, each JSON + gzip +
//!   brotli + ETags; the promotion index);
//! - `promotions`: the interval index behind `/promotions/active`;
//! - `routes`: the HTTP handlers; `serve`: boot and run.

pub mod menu;
pub mod model;
pub mod promotions;
pub mod routes;
pub mod serve;
pub mod view;

pub use model::{Marketing, MenuItem, Promotion};
pub use routes::Shop;
pub use view::ShopView;
