//! Boot: open the live config (falling back to the baked one when the file is missing or
//! bad), watch it, and serve until Ctrl-C or SIGTERM (what `docker stop` and Kubernetes
//! send), finishing the requests in flight.

use crate::model::Marketing;
use crate::routes::{BenchRoutes, Shop, router};
use crate::view::{ShopView, ViewError};
use config_runtime::clock::{Clock, SystemClock};
use config_runtime::{Live, LiveError};
use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Opens and watches `config`, booting on the baked config if it is missing or bad; what is
/// in force is decided by the system clock.
pub fn live(config: &Path) -> Result<Shop, LiveError> {
    live_with_clock(config, Arc::new(SystemClock))
}

/// [`live`] with the clock given: the one each version's menu slices are prepared from
/// (boundaries already past by it are dropped) and the one every request reads.
pub fn live_with_clock(config: &Path, clock: Arc<dyn Clock>) -> Result<Shop, LiveError> {
    let prepare_clock = Arc::clone(&clock);
    let live = Live::<Marketing>::builder(config)
        .fallback_baked()
        .debounce(Duration::from_millis(50))
        .max_file_bytes(16 << 20)
        .max_shrink(0.5)
        .poll_every(Duration::from_secs(30))
        .try_prepare(move |m: &Marketing| ShopView::new(m, prepare_clock.now()).map_err(ViewError::boxed))
        .watch()?;
    Ok(Shop::new(live, clock))
}

/// Binds `addr` and serves `shop` (with the benchmark routes if `bench_routes` says so)
/// until `shutdown` resolves, then lets the requests in flight finish. Returns the bound
/// address through `bound` (useful with port 0).
pub async fn run(
    shop: Shop,
    addr: SocketAddr,
    bench_routes: BenchRoutes,
    bound: impl FnOnce(SocketAddr),
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    bound(listener.local_addr()?);
    axum::serve(listener, router(shop, bench_routes)).with_graceful_shutdown(shutdown).await
}

/// A future that resolves on the first Ctrl-C (SIGINT) or SIGTERM, naming it. The SIGTERM
/// handler is installed by this call (inside a Tokio runtime), so a SIGTERM that arrives
/// before the future is first polled is not lost.
#[cfg(unix)]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = &'static str> + Send + 'static> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            () = interrupt() => "Ctrl-C",
            _ = terminate.recv() => "SIGTERM",
        }
    })
}

/// A future that resolves on the first Ctrl-C.
#[cfg(not(unix))]
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = &'static str> + Send + 'static> {
    Ok(async {
        interrupt().await;
        "Ctrl-C"
    })
}

/// Ctrl-C; never, if it cannot be listened for (rather than shutting down at once).
async fn interrupt() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
