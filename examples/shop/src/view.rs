//! Per-version derived data: everything a request needs, computed once when a config
//! version is accepted (on the reload thread), never per request.

use crate::model::Marketing;
use crate::promotions::PromotionIndex;
use config_runtime::JsonArtifact;
use config_runtime::artifact::{ArtifactError, Level};

/// What the handlers serve for one config version.
#[derive(Debug)]
pub struct ShopView {
    /// The menu as compact JSON, gzip and brotli, with an ETag per encoding.
    pub menu: JsonArtifact,
    pub promotions: PromotionIndex,
    pub free_shipping_over_cents: u32,
}

/// Why a version could not be prepared (it is then rejected like a rule failure).
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    #[error(transparent)]
    Menu(#[from] ArtifactError),
    #[error("promotions do not serialize: {0}")]
    Promotions(#[from] serde_json::Error),
}

impl ShopView {
    /// Serializes and compresses once, off the request path: gzip 9 (smallest) and
    /// brotli 6 (brotli's top levels cost seconds on a multi-MB menu for a few % more).
    pub fn new(m: &Marketing) -> Result<ShopView, ViewError> {
        Ok(ShopView {
            menu: JsonArtifact::builder().level(Level::new(9, 6)).build(&m.menu)?,
            promotions: PromotionIndex::new(&m.promotions)?,
            free_shipping_over_cents: m.free_shipping_over_cents,
        })
    }
}
