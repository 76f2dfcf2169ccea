//! Boot: open the live config (falling back to the baked one when the file is missing or
//! bad), watch it, and serve until Ctrl-C.

use crate::model::Marketing;
use crate::routes::{Shop, router};
use crate::view::ShopView;
use config_runtime::{Live, LiveError};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Opens and watches `config`, booting on the baked config if it is missing or bad.
pub fn live(config: &Path) -> Result<Shop, LiveError> {
    let live = Live::<Marketing>::builder(config)
        .fallback_baked()
        .debounce(Duration::from_millis(50))
        .max_file_bytes(16 << 20)
        .max_shrink(0.5)
        .poll_every(Duration::from_secs(30))
        .try_prepare(ShopView::new)
        .watch()?;
    Ok(Arc::new(live))
}

/// Binds `addr` and serves `shop` until `shutdown` resolves. Returns the bound address
/// through `bound` (useful with port 0).
pub async fn run(
    shop: Shop,
    addr: SocketAddr,
    bound: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    bound(listener.local_addr()?);
    axum::serve(listener, router(shop)).with_graceful_shutdown(shutdown).await
}
