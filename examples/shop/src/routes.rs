//! HTTP handlers. None of them serializes or compresses the menu, parses a date from
//! config, or takes a lock: each reads the current version (one atomic load), asks the
//! shop's clock for now, picks what is in force then by a binary search (the menu's time
//! slice, the running promotions) and sends bytes prepared when that version was accepted.
//! `/menu/naive` is the exception on purpose: it replays the incident (filter, serialize
//! and gzip level 9 per request) for the serving benchmark, and is mounted only with
//! `--bench-routes` ([`BenchRoutes::On`]).

use crate::menu;
use crate::model::Marketing;
use crate::view::ShopView;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use config_runtime::Live;
use config_runtime::artifact::Encoding;
use config_runtime::clock::Clock;
use config_runtime::metrics::OPENMETRICS_CONTENT_TYPE;
use prometheus_client::encoding::text::encode;
use prometheus_client::registry::Registry;
use serde::Deserialize;
use std::fmt;
use std::io::Write as _;
use std::sync::Arc;

/// The shared state: the live config with its prepared view, and the clock that says what
/// is in force (the system clock in the binary, a manual one in tests). Cloning shares both.
#[derive(Clone)]
pub struct Shop {
    live: Arc<Live<Marketing, ShopView>>,
    clock: Arc<dyn Clock>,
}

impl Shop {
    /// A shop serving `live`, reading now from `clock`.
    pub fn new(live: Live<Marketing, ShopView>, clock: Arc<dyn Clock>) -> Shop {
        Shop { live: Arc::new(live), clock }
    }

    /// The live config and its prepared view.
    pub fn live(&self) -> &Live<Marketing, ShopView> {
        &self.live
    }

    /// Now, by the shop's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

impl fmt::Debug for Shop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shop").field("live", &self.live).finish_non_exhaustive()
    }
}

/// Whether the benchmark-only routes (`/menu/naive`) are mounted: off unless asked for
/// (`--bench-routes`), so a production shop cannot be made to gzip its menu per request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BenchRoutes {
    #[default]
    Off,
    On,
}

/// The shop's routes, and the benchmark's with [`BenchRoutes::On`].
pub fn router(shop: Shop, bench_routes: BenchRoutes) -> Router {
    let mut registry = Registry::default();
    shop.live.register_metrics(&mut registry);
    let registry = Arc::new(registry);
    let routes = Router::new()
        .route("/menu", get(menu))
        .route("/promotions/active", get(promotions_active))
        .route("/config/status", get(status))
        .route("/metrics", get(move || metrics(Arc::clone(&registry))))
        .route("/healthz", get(healthz));
    let routes = match bench_routes {
        BenchRoutes::On => routes.route("/menu/naive", get(menu_naive)),
        BenchRoutes::Off => routes,
    };
    routes.with_state(shop)
}

const JSON: HeaderValue = HeaderValue::from_static("application/json");

fn header_str(h: &HeaderMap, name: header::HeaderName) -> &str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

/// How long a `/menu` response may be cached: a minute, or less when the menu changes
/// sooner (a time-boxed entry appears or goes), so no cache serves a slice past its end.
const MAX_AGE_SECS: i64 = 60;

fn cache_control(now: DateTime<Utc>, next_change: Option<DateTime<Utc>>) -> HeaderValue {
    let secs = next_change.map_or(MAX_AGE_SECS, |next| (next - now).num_seconds().clamp(0, MAX_AGE_SECS));
    if secs == MAX_AGE_SECS {
        return HeaderValue::from_static("public, max-age=60");
    }
    // only in the last minute before a change
    HeaderValue::from_str(&format!("public, max-age={secs}"))
        .unwrap_or_else(|_| HeaderValue::from_static("no-cache"))
}

/// `GET /menu`: the time slice in force now, as its prepared body for the negotiated
/// encoding, with a strong ETag per slice and encoding, `304 Not Modified` on a matching
/// `If-None-Match`.
async fn menu(State(shop): State<Shop>, headers: HeaderMap) -> Response {
    let now = shop.now();
    let snap = shop.live.load();
    let sliced = &snap.prepared.menu;
    let art = sliced.current(now);
    let enc = Encoding::negotiate(header_str(&headers, header::ACCEPT_ENCODING));
    let etag = art.etag(enc);
    let mut h = HeaderMap::new();
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    h.insert(header::CACHE_CONTROL, cache_control(now, sliced.next_change(now)));
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    if art.not_modified(enc, header_str(&headers, header::IF_NONE_MATCH)) {
        return (StatusCode::NOT_MODIFIED, h).into_response();
    }
    h.insert(header::CONTENT_TYPE, JSON);
    if let Some(ce) = enc.content_encoding() {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(ce));
    }
    (h, art.body(enc).clone()).into_response()
}

/// `GET /menu/naive`: what the incident did, on every request: the menu in force now
/// filtered, serialized and gzipped at level 9. Kept only so the benchmark can compare
/// (mounted with `--bench-routes`); never link to it.
async fn menu_naive(State(shop): State<Shop>) -> Response {
    let snap = shop.live.load();
    let json = match serde_json::to_vec(&menu::visible_at(&snap.config.menu, shop.now())) {
        Ok(j) => j,
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    let body = match gz.write_all(&json).and_then(|()| gz.finish()) {
        Ok(b) => b,
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, JSON);
    h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    (h, Bytes::from(body)).into_response()
}

#[derive(Deserialize)]
struct At {
    at: Option<String>,
}

/// `GET /promotions/active?at=<RFC 3339>` (default: now, by the shop's clock).
async fn promotions_active(State(shop): State<Shop>, Query(q): Query<At>) -> Response {
    let t = match q.at.as_deref() {
        None => shop.now(),
        Some(s) => match DateTime::parse_from_rfc3339(s) {
            Ok(t) => t.to_utc(),
            Err(e) => {
                let msg = format!("`at` must be an RFC 3339 datetime like 2026-11-28T12:00:00+01:00 ({e})");
                return (StatusCode::BAD_REQUEST, msg).into_response();
            }
        },
    };
    let snap = shop.live.load();
    let (body, _) = snap.prepared.promotions.at(t);
    (
        [(header::CONTENT_TYPE, JSON), (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))],
        body.clone(),
    )
        .into_response()
}

/// `GET /config/status`: version, hash, counters, and the last error with line:col.
async fn status(State(shop): State<Shop>) -> Response {
    match serde_json::to_vec_pretty(&shop.live.status()) {
        Ok(b) => ([(header::CONTENT_TYPE, JSON)], b).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// `GET /metrics`: the config's metrics (`config_reloads_total`,
/// `config_last_reload_successful`, `config_version_info`, …) in the OpenMetrics text format.
async fn metrics(registry: Arc<Registry>) -> Response {
    let mut body = String::new();
    match encode(&mut body, &registry) {
        Ok(()) => ([(header::CONTENT_TYPE, HeaderValue::from_static(OPENMETRICS_CONTENT_TYPE))], body)
            .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// `GET /healthz`: the process serves a config (baked or loaded), so it is healthy; a
/// rejected edit is visible in `/config/status`, not a reason to be taken out.
async fn healthz() -> &'static str {
    "ok\n"
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn a_menu_response_is_not_cached_past_the_next_change() {
        let now: DateTime<Utc> = "2026-11-26T21:58:30Z".parse().unwrap();
        let header = |next: Option<DateTime<Utc>>| cache_control(now, next).to_str().unwrap().to_owned();
        assert_eq!(header(None), "public, max-age=60");
        assert_eq!(header(Some(now + TimeDelta::days(3))), "public, max-age=60");
        assert_eq!(header(Some(now + TimeDelta::seconds(90))), "public, max-age=60");
        assert_eq!(header(Some(now + TimeDelta::seconds(59))), "public, max-age=59");
        assert_eq!(header(Some(now + TimeDelta::milliseconds(1500))), "public, max-age=1");
        assert_eq!(header(Some(now + TimeDelta::nanoseconds(1))), "public, max-age=0");
    }
}
