//! HTTP handlers. None of them serializes or compresses the menu, parses a date from
//! config, or takes a lock: each reads the current version (one atomic load) and sends
//! bytes prepared when that version was accepted. `/menu/naive` is the exception on
//! purpose: it replays the incident (serialize + gzip level 9 per request) for the
//! serving benchmark, and is mounted only with `--bench-routes` ([`BenchRoutes::On`]).

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
use config_runtime::metrics::OPENMETRICS_CONTENT_TYPE;
use prometheus_client::encoding::text::encode;
use prometheus_client::registry::Registry;
use serde::Deserialize;
use std::io::Write as _;
use std::sync::Arc;

/// The shared state: the live config with its prepared view.
pub type Shop = Arc<Live<Marketing, ShopView>>;

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
    shop.register_metrics(&mut registry);
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

/// `GET /menu`: the prepared body for the negotiated encoding, with a strong ETag per
/// encoding, `304 Not Modified` on a matching `If-None-Match`.
async fn menu(State(shop): State<Shop>, headers: HeaderMap) -> Response {
    let snap = shop.load();
    let art = &snap.prepared.menu;
    let enc = Encoding::negotiate(header_str(&headers, header::ACCEPT_ENCODING));
    let etag = art.etag(enc);
    let mut h = HeaderMap::new();
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"));
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

/// `GET /menu/naive`: what the incident did, serialize and gzip-9 on every request.
/// Kept only so the benchmark can compare (mounted with `--bench-routes`); never link to it.
async fn menu_naive(State(shop): State<Shop>) -> Response {
    let snap = shop.load();
    let json = match serde_json::to_vec(&snap.config.menu) {
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

/// `GET /promotions/active?at=<RFC 3339>` (default: now).
async fn promotions_active(State(shop): State<Shop>, Query(q): Query<At>) -> Response {
    let t = match q.at.as_deref() {
        None => Utc::now(),
        Some(s) => match DateTime::parse_from_rfc3339(s) {
            Ok(t) => t.to_utc(),
            Err(e) => {
                let msg = format!("`at` must be an RFC 3339 datetime like 2026-11-28T12:00:00+01:00 ({e})");
                return (StatusCode::BAD_REQUEST, msg).into_response();
            }
        },
    };
    let snap = shop.load();
    let (body, _) = snap.prepared.promotions.at(t);
    (
        [(header::CONTENT_TYPE, JSON), (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))],
        body.clone(),
    )
        .into_response()
}

/// `GET /config/status`: version, hash, counters, and the last error with line:col.
async fn status(State(shop): State<Shop>) -> Response {
    match serde_json::to_vec_pretty(&shop.status()) {
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
