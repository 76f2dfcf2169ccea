//! Prometheus metrics for [`Live`] (feature `metrics`): the reload machinery's state in the
//! names and shape operators already alert on (`prometheus_config_last_reload_successful`,
//! Envoy's `update_rejected`), registered into a `prometheus_client` [`Registry`].
//!
//! Everything is read from [`Live::status`] and [`Live::reload_durations`] at scrape time by
//! one [`Collector`]; the reload thread pushes nothing. Every series has a `file` label:
//!
//! | metric | type | value |
//! | --- | --- | --- |
//! | `config_reloads_total{outcome}` | counter | reloads by outcome: `accepted`, `rejected`, `unchanged`, `rolled_back`, `io_error` |
//! | `config_last_reload_successful` | gauge | 1 when the file on disk is the served version, 0 while it is rejected or unreadable |
//! | `config_last_reload_success_timestamp_seconds` | gauge | when a version from the file was last published (0: never, baked) |
//! | `config_version_info{version,hash,source}` | gauge | 1, one series: the served version (`hash` empty for the baked fallback) |
//! | `config_bytes` | gauge | size of the served version's file |
//! | `config_reload_duration_seconds` | histogram | how long each reload after the boot took |
//!
//! ```
//! # use config_runtime::*;
//! # #[derive(serde::Deserialize)] struct Marketing { title: String }
//! # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
//! # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
//! # std::fs::write(&path, "title = \"Spring sale\"\n")?;
//! use prometheus_client::{encoding::text::encode, registry::Registry};
//! let live = Live::<Marketing>::builder(&path).open()?;
//! let mut registry = Registry::default();
//! live.register_metrics(&mut registry);
//! let mut body = String::new(); // serve with `content-type: OPENMETRICS_CONTENT_TYPE`
//! encode(&mut body, &registry)?;
//! assert!(body.contains("config_last_reload_successful{file="));
//! assert!(body.ends_with("# EOF\n"));
//! # Ok(()) }
//! ```
//!
//! Several files in one registry: one [`LiveCollector`] with every `Live` in it
//! ([`LiveCollector::with`]), so each metric family is described once.

use crate::live::shared::Shared;
use crate::live::{Live, ReloadDurations, Source, Status};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric, NoLabelSet};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::registry::Registry;
use std::fmt;
use std::sync::Arc;

/// The content type of the OpenMetrics text exposition that
/// `prometheus_client::encoding::text::encode` writes.
pub const OPENMETRICS_CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// What a scrape reads from one `Live`.
trait Readings: Send + Sync + 'static {
    fn status(&self) -> Status;
    fn durations(&self) -> ReloadDurations;
}

impl<T: Send + Sync + 'static, P: Send + Sync + 'static> Readings for Shared<T, P> {
    fn status(&self) -> Status {
        Shared::status(self)
    }
    fn durations(&self) -> ReloadDurations {
        Shared::durations(self)
    }
}

/// A [`Collector`] of the metrics of one or more `Live`s, read at scrape time. It holds the
/// state the handles share, not a handle: it does not keep a reload thread running.
#[derive(Default)]
pub struct LiveCollector {
    sources: Vec<Arc<dyn Readings>>,
}

impl fmt::Debug for LiveCollector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LiveCollector").field("sources", &self.sources.len()).finish()
    }
}

impl LiveCollector {
    /// A collector of no `Live` yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `live`'s series (told apart by their `file` label).
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?;
    /// # let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    /// # std::fs::write(&a, "title = \"A\"\n")?; std::fs::write(&b, "title = \"B\"\n")?;
    /// use config_runtime::metrics::LiveCollector;
    /// let (first, second) = (Live::<Marketing>::builder(&a).open()?, Live::<Marketing>::builder(&b).open()?);
    /// let mut registry = prometheus_client::registry::Registry::default();
    /// registry.register_collector(Box::new(LiveCollector::new().with(&first).with(&second)));
    /// let mut body = String::new();
    /// prometheus_client::encoding::text::encode(&mut body, &registry)?;
    /// assert_eq!(body.matches("# TYPE config_bytes gauge").count(), 1);
    /// assert_eq!(body.matches("config_bytes{file=").count(), 2);
    /// # Ok(()) }
    /// ```
    pub fn with<T: Send + Sync + 'static, P: Send + Sync + 'static>(mut self, live: &Live<T, P>) -> Self {
        self.sources.push(live.shared_state());
        self
    }
}

/// Registers `live`'s metrics into `registry` (one [`LiveCollector`]). Register each `Live`
/// once; for several files in one registry, use one [`LiveCollector`] with all of them.
pub fn register<T: Send + Sync + 'static, P: Send + Sync + 'static>(
    registry: &mut Registry,
    live: &Live<T, P>,
) {
    registry.register_collector(Box::new(LiveCollector::new().with(live)));
}

impl<T: Send + Sync + 'static, P: Send + Sync + 'static> Live<T, P> {
    /// Registers this `Live`'s metrics into `registry`: see [`crate::metrics`] (and
    /// [`register`]).
    pub fn register_metrics(&self, registry: &mut Registry) {
        register(registry, self);
    }

    fn shared_state(&self) -> Arc<dyn Readings> {
        let shared: Arc<Shared<T, P>> = Arc::clone(&self.shared);
        shared
    }
}

/// The `source` label: where the served version came from.
fn source_label(source: Source) -> &'static str {
    match source {
        Source::File => "file",
        Source::Baked => "baked",
    }
}

impl Collector for LiveCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), fmt::Error> {
        let readings: Vec<(Status, ReloadDurations)> =
            self.sources.iter().map(|s| (s.status(), s.durations())).collect();

        let mut family = encoder.encode_descriptor(
            "config_reloads",
            "Reloads of the config file by outcome (accepted, rejected, unchanged, rolled_back, io_error).",
            None,
            MetricType::Counter,
        )?;
        for (status, _) in &readings {
            for (outcome, n) in status.reloads.by_label() {
                let labels = [("file", status.file.as_str()), ("outcome", outcome)];
                ConstCounter::new(n).encode(family.encode_family(&labels)?)?;
            }
        }

        let mut family = encoder.encode_descriptor(
            "config_last_reload_successful",
            "1 when the config file on disk is the served version, 0 while it is rejected or unreadable.",
            None,
            MetricType::Gauge,
        )?;
        for (status, _) in &readings {
            let labels = [("file", status.file.as_str())];
            ConstGauge::new(i64::from(status.is_ok())).encode(family.encode_family(&labels)?)?;
        }

        let mut family = encoder.encode_descriptor(
            "config_last_reload_success_timestamp_seconds",
            "When a version from the config file was last published, in Unix seconds (0: never).",
            None,
            MetricType::Gauge,
        )?;
        for (status, _) in &readings {
            let labels = [("file", status.file.as_str())];
            let at = status.last_success_at.map_or(0.0, |t| t.timestamp_millis() as f64 / 1000.0);
            ConstGauge::new(at).encode(family.encode_family(&labels)?)?;
        }

        let mut family = encoder.encode_descriptor(
            "config_version_info",
            "The served config version: its number, content hash and source (value 1).",
            None,
            MetricType::Gauge,
        )?;
        for (status, _) in &readings {
            let version = status.version.to_string();
            let labels = [
                ("file", status.file.as_str()),
                ("version", version.as_str()),
                ("hash", status.hash.as_deref().unwrap_or("")),
                ("source", source_label(status.source)),
            ];
            ConstGauge::new(1i64).encode(family.encode_family(&labels)?)?;
        }

        let mut family = encoder.encode_descriptor(
            "config_bytes",
            "Size of the served config version's file, in bytes.",
            None,
            MetricType::Gauge,
        )?;
        for (status, _) in &readings {
            let labels = [("file", status.file.as_str())];
            let bytes = u64::try_from(status.bytes).unwrap_or(u64::MAX);
            ConstGauge::new(bytes).encode(family.encode_family(&labels)?)?;
        }

        let mut family = encoder.encode_descriptor(
            "config_reload_duration_seconds",
            "How long each reload of the config file took (after the boot), whatever its outcome.",
            None,
            MetricType::Histogram,
        )?;
        for (status, durations) in &readings {
            let labels = [("file", status.file.as_str())];
            family.encode_family(&labels)?.encode_histogram::<NoLabelSet>(
                durations.sum_seconds,
                durations.count,
                &durations.by_bound(),
                None,
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
