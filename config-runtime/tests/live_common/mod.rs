//! Shared by the `live_*` tests: a small config type with a hand-written schema, file
//! helpers, a wait-for-status helper (no fixed sleeps where a condition can be awaited), a
//! recorder of tracing events and a prepared value that records where it is dropped.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub use config_runtime::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

#[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
pub struct Cfg {
    pub title: String,
    pub n: u32,
    #[serde(default)]
    pub tags: Vec<String>,
}

static CFG: Schema = Schema::Struct(StructSchema {
    name: "Cfg",
    id: "live_tests::Cfg",
    doc: "",
    fields: &[
        Field {
            ident: "title",
            key: "title",
            aliases: &[],
            ty: <String as HasSchema>::SCHEMA,
            required: true,
            rules: &[Rule::Len { min: Some(1), max: None }],
            doc: "",
        },
        Field {
            ident: "n",
            key: "n",
            aliases: &[],
            ty: <u32 as HasSchema>::SCHEMA,
            required: true,
            rules: &[],
            doc: "",
        },
        Field {
            ident: "tags",
            key: "tags",
            aliases: &[],
            ty: <Vec<String> as HasSchema>::SCHEMA,
            required: false,
            rules: &[],
            doc: "",
        },
    ],
});

impl HasSchema for Cfg {
    const SCHEMA: SchemaRef = SchemaRef(&raw const CFG);
}

static BAKED: LazyLock<Cfg> = LazyLock::new(|| Cfg { title: "baked".into(), n: 0, tags: vec![] });

impl Baked for Cfg {
    fn baked() -> &'static Self {
        &BAKED
    }
}

/// A good file with `tags` tags.
pub fn good(title: &str, n: u32, tags: usize) -> String {
    let mut s = format!("title = \"{title}\"\nn = {n}\ntags = [\n");
    for i in 0..tags {
        s.push_str(&format!("  \"tag-{i}\",\n"));
    }
    s.push_str("]\n");
    s
}

/// A temp dir holding `marketing.toml` with `initial` bytes.
pub fn setup(initial: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marketing.toml");
    std::fs::write(&path, initial).unwrap();
    (dir, path)
}

/// Writes through a temp file and a rename, so no reader ever sees a partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) {
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// The usual test `Live`: watching, short debounce, shrink guard at 50%, and a `prepared`
/// string derived from the config.
pub fn watch(path: &Path) -> Live<Cfg, String> {
    install_panic_counter();
    Live::<Cfg>::builder(path)
        .debounce(DEBOUNCE)
        .max_shrink(0.5)
        .prepare(|c: &Cfg| format!("{}#{}", c.title, c.n))
        .watch()
        .unwrap()
}

/// Polls `status()` until `cond` holds; fails after 10 s with the last status.
pub fn wait_until<P: Send + Sync + 'static>(
    live: &Live<Cfg, P>,
    what: &str,
    cond: impl Fn(&Status) -> bool,
) -> Status {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let s = live.status();
        if cond(&s) {
            return s;
        }
        if Instant::now() > deadline {
            panic!("timed out waiting for {what}; status: {s:#?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Lets stray events run their course (a few debounce periods).
pub fn settle() {
    std::thread::sleep(DEBOUNCE * 4);
}

/// Counts (parses, accepted, rejected, io_errors).
pub fn counts(s: &Status) -> (u64, u64, u64, u64) {
    (s.parses, s.accepted, s.rejected, s.io_errors)
}

/// The first finding of the current error: (line, col, rule).
pub fn first_error(s: &Status) -> (u32, u32, String) {
    let e = s.last_error.as_ref().expect("an error is reported");
    let i = &e.items[0];
    assert!(
        e.to_string().contains(&format!("marketing.toml:{}:{}: error[{}]", i.line, i.col, i.rule)),
        "{e}"
    );
    (i.line, i.col, i.rule.id().to_owned())
}

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts every panic in the process (the default hook still prints it).
pub fn install_panic_counter() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            prev(info);
        }));
    });
}

pub fn panics() -> usize {
    PANICS.load(Ordering::SeqCst)
}

/// Records which thread drops each version's prepared data.
pub struct DropSpy {
    pub n: u32,
    pub log: Arc<Mutex<Vec<(u32, String)>>>,
}

impl Drop for DropSpy {
    fn drop(&mut self) {
        let me = std::thread::current().name().unwrap_or("?").to_owned();
        self.log.lock().unwrap().push((self.n, me));
    }
}

/// The events recorded on each thread while it runs [`capture_events`].
///
/// One global subscriber for the whole test binary, recording per thread: a scoped
/// (`with_default`) subscriber races with tests on other threads that hit the same
/// callsite with no subscriber, and tracing may then cache the callsite as disabled, so
/// the event is silently lost (seen once in CI).
struct Capture;

thread_local! {
    static CAPTURED: std::cell::RefCell<Option<Vec<(tracing::Level, String)>>> =
        const { std::cell::RefCell::new(None) };
}

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        CAPTURED.with(|c| {
            if let Some(events) = c.borrow_mut().as_mut() {
                let mut f = Fields(String::new());
                event.record(&mut f);
                events.push((*event.metadata().level(), f.0));
            }
        });
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// Runs `f` on this thread with every tracing event it emits recorded as
/// `(level, message + fields)`.
pub fn capture_events(f: impl FnOnce()) -> Vec<(tracing::Level, String)> {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        tracing::subscriber::set_global_default(Capture).expect("no other global subscriber in tests");
    });
    CAPTURED.with(|c| *c.borrow_mut() = Some(Vec::new()));
    f();
    CAPTURED.with(|c| c.borrow_mut().take().unwrap_or_default())
}
