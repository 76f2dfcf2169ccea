//! Per-version derived data: everything a request needs, computed once when a config
//! version is accepted (on the reload thread), never per request.

use crate::menu;
use crate::model::Marketing;
use crate::promotions::PromotionIndex;
use chrono::{DateTime, Utc};
use config_runtime::artifact::{ArtifactError, Level, SlicedArtifact};

/// What the handlers serve for one config version.
#[derive(Debug)]
pub struct ShopView {
    /// The menu as compact JSON, gzip and brotli, with an ETag per encoding, once per
    /// slice of time between the instants where a time-boxed entry appears or goes: a
    /// request picks the slice in force (`menu.current(now)`).
    pub menu: SlicedArtifact,
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

impl ViewError {
    /// The error as `Live::try_prepare` reports it: a menu failure as the
    /// [`ArtifactError`] itself, so the rejection keeps its rule (`max-slices`, …).
    pub fn boxed(self) -> Box<dyn std::error::Error + Send + Sync> {
        match self {
            ViewError::Menu(e) => Box::new(e),
            other => Box::new(other),
        }
    }
}

impl ShopView {
    /// Filters, serializes and compresses every slice of the menu once, off the request
    /// path: gzip 9 (smallest) and brotli 6 (brotli's top levels cost seconds on a
    /// multi-MB menu for a few % more). `now` is the reload's instant: boundaries at or
    /// before it are over and are dropped (the first slice is the menu at `now`), so old
    /// entries left in the file do not use up the `max-slices` budget.
    pub fn new(m: &Marketing, now: DateTime<Utc>) -> Result<ShopView, ViewError> {
        let menu = SlicedArtifact::builder()
            .level(Level::new(9, 6))
            .not_before(now)
            .build(menu::boundaries(&m.menu), |at| menu::visible_at(&m.menu, at))?;
        Ok(ShopView {
            menu,
            promotions: PromotionIndex::new(&m.promotions)?,
            free_shipping_over_cents: m.free_shipping_over_cents,
        })
    }
}
