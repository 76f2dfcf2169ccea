//! The per-position summary: the facts rules need, folded over a whole TOML document.
//!
//! A *position* is a key path with array indices erased (`menu[].children[].title`).
//! Every element of a `Vec<T>` has the same schema, so checking one folded node per
//! position finds the same kinds of errors as walking every value, while the cost of
//! checking grows with the schema, not with the data. Each fact keeps the location of
//! its first occurrence (paths keep real indices: `menu[3].children[0].title`).
//!
//! The summary is flat and index based ([`PositionId`], [`StrId`] and [`Span32`] into
//! slices) so that the same type is emitted as `'static` data by the derive and borrowed
//! from `Vec`s at run time, and the one checker (`crate::check`) reads both. [`build()`]
//! makes it (the walk in `walk`, guided by `guide`, with `records`, `duplicates` and
//! `pairs` recording what needs more than one value); `emit` prints it as Rust; a
//! [`SummaryBuf`] owns it. Unfolded mode (one position per value) is used at run time to
//! report every occurrence.
//!
//! Guided by a schema (run time, the linter), the builder also folds the entries of a map
//! into one position, as it folds array elements (every value of a map has one schema),
//! and sends every value no rule reads (under an unknown key, inside a value of the wrong
//! kind) to one sink position that records nothing of its subtree: the summary of a map
//! of 1.5 M keys is a handful of positions, and `check_str` costs what parsing does on
//! every input shape (`benches/src/bin/shapes.rs`, PERFORMANCE.md).

mod buffer;
pub mod build;
mod by_position;
mod duplicates;
pub mod emit;
mod facts;
mod guide;
mod ids;
mod items;
mod pairs;
mod records;
mod walk;
mod zoned;

pub use buffer::SummaryBuf;
pub use build::{Fold, MAX_UNFOLDED_POSITIONS, build, build_for};
pub use facts::{float_json_len, int_json_len, json_string_len, url_problem};
pub use ids::{PositionId, StrId};

pub use crate::forbidden::control_problem;

use crate::datetime::DtKind;

/// Where a fact was first seen: 1-based line and column (in chars), byte offset, and
/// the key path (in [`Summary::strs`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub off: u32,
    pub path: StrId,
}

/// A `start..start+len` range into one of the summary's slices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span32 {
    pub start: u32,
    pub len: u32,
}

impl Span32 {
    /// The slice index of the `i`-th entry of the range.
    pub const fn at(self, i: u32) -> usize {
        self.start as usize + i as usize
    }
}

/// The kind of a TOML value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Int,
    Float,
    Str,
    Dt(DtKind),
    Arr,
    Tab,
}

impl Kind {
    /// Name for messages.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Bool => "a boolean",
            Kind::Int => "an integer",
            Kind::Float => "a float",
            Kind::Str => "a string",
            Kind::Dt(DtKind::Offset) => "an offset datetime",
            Kind::Dt(DtKind::Local) => "a local datetime (no offset)",
            Kind::Dt(DtKind::Date) => "a local date",
            Kind::Dt(DtKind::Time) => "a local time",
            Kind::Arr => "an array",
            Kind::Tab => "a table",
        }
    }
}

/// One kind seen at a position, with its first location.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindSeen {
    pub kind: Kind,
    pub loc: Loc,
}

/// A number fact: integers exactly, floats as `f64`, lengths and counts as integers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val {
    Int(i128),
    Float(f64),
}

/// One entry of a record list (see [`RecordList`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extreme {
    pub v: Val,
    pub loc: Loc,
}

/// Which record list of a position: each keeps the values that beat every earlier one
/// ("record highs" / "record lows") in document order, so the first value over any
/// bound is in the list. Lists are capped; past the cap the last entry tracks the
/// overall extreme (a real offender, maybe not the first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordList {
    IntHi = 0,
    IntLo,
    FloatHi,
    FloatLo,
    /// String length in chars (`len`).
    StrLenHi,
    StrLenLo,
    /// Array length, located at the key.
    ArrLenHi,
    ArrLenLo,
    /// Table entry count, located at the key.
    TabLenHi,
    TabLenLo,
    /// Tables in the value's subtree, located at the key (`max_nodes`).
    NodesHi,
    /// Compact JSON size of the value as written, located at the key (`max_json_bytes`).
    JsonHi,
}

impl RecordList {
    /// The list's index in [`Pos::records`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Number of [`RecordList`]s per position.
pub const RECORD_LISTS: usize = RecordList::JsonHi as usize + 1;
/// Cap of each record list.
pub const RECORD_LIST_CAP: usize = 8;

/// A located bad value: the text and a short reason (indices into `strs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bad {
    pub loc: Loc,
    pub text: StrId,
    pub why: StrId,
}

/// A key seen in the tables of a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPos {
    pub key: StrId,
    /// The key as messages quote it ([`crate::diag::shown`]; `key` itself when the same).
    pub shown: StrId,
    /// First occurrence of the key itself.
    pub loc: Loc,
    /// First table at the parent position that lacks this key.
    pub missing_at: Option<Loc>,
    pub pos: PositionId,
}

/// A distinct string value seen at a position (first occurrence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Distinct {
    pub text: StrId,
    /// The text as messages quote it ([`crate::diag::shown`]; `text` itself when the same).
    pub shown: StrId,
    pub loc: Loc,
}

/// A duplicate in an array: of a scalar element (`key` is [`StrId::NONE`]) or of the
/// value under `key` in a table element. Located at the later duplicate's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dup {
    pub key: StrId,
    pub loc: Loc,
}

/// A datetime written at a position that a zone in force reads (`tz`): a local time, an
/// offset datetime or an RFC 9557 one (`…+02:00[Europe/Kyiv]`), native or in a string.
/// One entry per distinct text, at its first occurrence, in document order; plus, marked by
/// `why`, the first string that is none of those forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DtVal {
    /// The value's first character.
    pub loc: Loc,
    /// The datetime as written (a native one as TOML prints it).
    pub text: StrId,
    /// Wall-clock seconds as written (see [`crate::zone::rules`]).
    pub wall: i64,
    pub nano: u32,
    /// The written offset, when there is one.
    pub offset: i32,
    pub has_offset: bool,
    /// The bracketed zone as written, [`StrId::NONE`] without one.
    pub zone_written: StrId,
    /// The database's preferred name of the bracketed zone; [`StrId::NONE`] without a
    /// bracket or when the database does not know the zone.
    pub zone: StrId,
    /// For a string that is no such datetime: why (the other fields are zero); else
    /// [`StrId::NONE`].
    pub why: StrId,
    /// For a known bracketed zone: its offset at the written instant and its abbreviation
    /// there (read from the database when the summary is built, for a `jiff::ZonedDateTime` field
    /// without a `tz`, whose zone is the bracket's); else 0 and [`StrId::NONE`].
    pub zone_offset: i32,
    pub zone_abbrev: StrId,
}

/// In a table, a local datetime and an offset one under `a` and `b` (either way round):
/// whether `a` is before `b` depends on the zone in force, so both readings are kept
/// (`(wall seconds, nanoseconds, offset, has offset)`). Located at `a`'s value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MixedPair {
    pub a: StrId,
    pub b: StrId,
    pub loc: Loc,
    pub a_at: (i64, u32, i32, bool),
    pub b_at: (i64, u32, i32, bool),
}

/// A table in an array that holds two datetimes or more: a window `no_overlap` may read.
/// Its datetime and string entries are in [`Summary::item_fields`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// The array it is in (a serial number: sibling items share it; items of other arrays
    /// folded into one position do not).
    pub list: u32,
    /// Its index in the array.
    pub index: u32,
    pub fields: Span32,
}

/// One entry of an [`Item`]: a datetime (as in [`DtVal`], located at the value) or a
/// string (its text in `strs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemField {
    pub key: StrId,
    pub loc: Loc,
    /// A datetime: wall seconds, nanoseconds, offset. A string: `text`, with `is_dt` false.
    pub is_dt: bool,
    pub wall: i64,
    pub nano: u32,
    pub offset: i32,
    pub has_offset: bool,
    pub text: StrId,
}

/// In a table, the value of `a` was not strictly less than the value of `b`
/// (numbers, or datetimes of one kind). Located at `a`'s value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub a: StrId,
    pub b: StrId,
    pub loc: Loc,
}

/// The facts of one position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pos {
    pub kinds: Span32,
    pub keys: Span32,
    /// Element positions of arrays here (one when folded, one per index when not).
    pub elems: Span32,
    pub first_table: Option<Loc>,
    /// One range of [`Summary::records`] per [`RecordList`].
    pub records: [Span32; RECORD_LISTS],
    /// First NaN float.
    pub nan: Option<Loc>,
    /// First string here that is not of each datetime form (by `DtKind::index`).
    pub bad_dt: [Option<Bad>; 4],
    /// The datetimes a zone in force reads (entries of [`Summary::dts`]).
    pub dts: Span32,
    /// At an array position: the items of its arrays that hold windows (entries of
    /// [`Summary::items`]).
    pub items: Span32,
    /// The local/offset pairs of its tables (entries of [`Summary::mixed_pairs`]).
    pub mixed_pairs: Span32,
    /// First string here that is not a safe link (bare `url`).
    pub bad_url: Option<Bad>,
    /// First safe absolute link here using `http://` (for `url(https)`).
    pub url_http: Option<Bad>,
    /// First safe absolute link here (for `url(relative)`).
    pub url_absolute: Option<Bad>,
    /// The first safe absolute link to each distinct host here (for `url(hosts(...))`):
    /// entries of [`Summary::url_hosts`], `text` the host, lowercased.
    pub url_hosts: Span32,
    /// More distinct hosts were seen than [`DISTINCT_CAP`].
    pub url_hosts_overflow: bool,
    pub control: Option<Bad>,
    /// First key naming this position that holds a character of [`crate::forbidden`] (tab
    /// and newlines included), located at the key (quoted, in a dotted key or a table
    /// header). The checker reads it for the positions it visits: map entries and struct
    /// fields (whose keys, plain identifiers, never hold one).
    pub key_control: Option<Bad>,
    pub distinct: Span32,
    /// More distinct strings were seen than [`DISTINCT_CAP`].
    pub distinct_overflow: bool,
    pub dups: Span32,
    pub pairs: Span32,
}

/// Distinct strings kept per position (for `one_of` and enums).
pub const DISTINCT_CAP: usize = 64;

/// A whole summary, borrowed. `pos[root]` is the document's root table.
#[derive(Clone, Copy, Debug)]
pub struct Summary<'a> {
    pub root: PositionId,
    pub pos: &'a [Pos],
    pub kinds: &'a [KindSeen],
    pub keys: &'a [KeyPos],
    pub elems: &'a [PositionId],
    /// The entries of every position's record lists.
    pub records: &'a [Extreme],
    pub distinct: &'a [Distinct],
    pub url_hosts: &'a [Distinct],
    pub dups: &'a [Dup],
    pub pairs: &'a [Pair],
    pub dts: &'a [DtVal],
    pub items: &'a [Item],
    pub item_fields: &'a [ItemField],
    pub mixed_pairs: &'a [MixedPair],
    pub strs: &'a [&'a str],
}

impl<'a> Summary<'a> {
    /// The string at `i`.
    pub const fn str(&self, i: StrId) -> &'a str {
        if i.index() < self.strs.len() { self.strs[i.index()] } else { "" }
    }
}
