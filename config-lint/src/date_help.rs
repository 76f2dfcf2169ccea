//! Date help, for humans only: when a datetime finding's value is written in another
//! common form (`16.11.2020`, `11/16/2020`, `16 Nov 2020`, unix seconds, RFC 2822, a date
//! without time or offset), the help line shows its RFC 3339 reading; an ambiguous one
//! (`05/06/2020`) lists each reading.
//!
//! This is a suggestion printed by the linter, never applied: the runtime and the build
//! accept RFC 3339 only and never guess. When no offset was written, none is picked
//! silently: the help shows `+HH:MM` to be replaced, or names the one offset every other
//! datetime in the file uses and asks to check it.
//!
//! For example `16.11.2020 10:30 +01:00` is read as `2020-11-16T10:30:00+01:00`, and
//! `05/06/2020` lists `2020-05-06` (month/day/year) and `2020-06-05` (day/month/year).

use super::keypath;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use config_core::datetime::{self, DtKind};
use config_core::{Diagnostic, RuleId, Schema};
use std::collections::BTreeSet;
use toml::de::{DeTable, DeValue};

/// A written offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WrittenOffset {
    /// `Z`, `UTC`, `GMT`, or unix time.
    Utc,
    Fixed(FixedOffset),
}

impl WrittenOffset {
    fn rfc3339(self) -> String {
        match self {
            WrittenOffset::Utc => "Z".to_owned(),
            WrittenOffset::Fixed(o) => fmt_offset(o.local_minus_utc()),
        }
    }
}

fn fmt_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// One way to read the written text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Reading {
    date: Option<NaiveDate>,
    time: Option<NaiveTime>,
    offset: Option<WrittenOffset>,
    /// How it was read: `day.month.year`, `unix seconds`, …
    form: &'static str,
}

impl Reading {
    /// The RFC 3339 text for `kind`; `None` when this reading lacks a needed part.
    /// A missing offset is written as `fill`.
    fn rfc3339(&self, kind: DtKind, fill: &str) -> Option<String> {
        let t = self.time.unwrap_or(NaiveTime::MIN).format("%H:%M:%S%.f");
        Some(match kind {
            DtKind::Offset => {
                let off = self.offset.map_or_else(|| fill.to_owned(), WrittenOffset::rfc3339);
                format!("{}T{t}{off}", self.date?.format("%Y-%m-%d"))
            }
            DtKind::Local => format!("{}T{t}", self.date?.format("%Y-%m-%d")),
            DtKind::Date => self.date?.format("%Y-%m-%d").to_string(),
            DtKind::Time => {
                self.time?;
                t.to_string()
            }
        })
    }

    /// `16 November 2020, 10:30`.
    fn describe(&self) -> String {
        let mut s = self.date.map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_default();
        if let Some(t) = self.time {
            if !s.is_empty() {
                s.push_str(", ");
            }
            s.push_str(&t.format("%H:%M").to_string());
        } else if !s.is_empty() {
            s.push_str(", midnight");
        }
        if self.offset == Some(WrittenOffset::Utc) {
            s.push_str(" UTC");
        }
        s
    }
}

/// The help line for `raw` written where `kind` is expected, if it can be read in a
/// known form. `file_offset` is the one offset every other datetime of the file uses.
pub(crate) fn suggest(raw: &str, kind: DtKind, file_offset: Option<&str>) -> Option<String> {
    let raw = raw.trim();
    let mut rs = readings(raw);
    rs.retain(|r| r.rfc3339(kind, "").is_some());
    let placeholder = "+HH:MM";
    let fill = file_offset.unwrap_or(placeholder);
    let mut seen = BTreeSet::new();
    rs.retain(|r| seen.insert(r.rfc3339(kind, fill)));
    let needs_offset = kind == DtKind::Offset && rs.iter().any(|r| r.offset.is_none());
    let offset_note = match (needs_offset, file_offset) {
        (false, _) => String::new(),
        (true, Some(o)) => format!(
            "; no offset was written: `{o}` is the one the other datetimes in this file use, check that it applies on that date"
        ),
        (true, None) => format!(
            "; write the UTC offset that applies in place of `{placeholder}` (`Z` for UTC): an offset is never guessed"
        ),
    };
    match rs.as_slice() {
        [] => None,
        [r] => {
            let x = r.rfc3339(kind, fill)?;
            if x == raw {
                return None;
            }
            Some(format!("did you mean `{x}`? (read as {}: {}){offset_note}", r.form, r.describe()))
        }
        many => {
            let list: Vec<String> = many
                .iter()
                .filter_map(|r| {
                    Some(format!("`{}` if {} ({})", r.rfc3339(kind, fill)?, r.form, r.describe()))
                })
                .collect();
            Some(format!(
                "`{raw}` is ambiguous: {}; write the one you mean in RFC 3339{offset_note}",
                list.join(", ")
            ))
        }
    }
}

/// Every reading of `raw` in the known forms.
fn readings(raw: &str) -> Vec<Reading> {
    if raw.is_empty() || raw.len() > 64 {
        return Vec::new();
    }
    // unix time: 9-11 digits are seconds, 12-13 milliseconds
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    if digits.bytes().all(|b| b.is_ascii_digit()) && (9..=13).contains(&digits.len()) {
        let Ok(n) = raw.parse::<i64>() else { return Vec::new() };
        let (dt, form) = if digits.len() <= 11 {
            (DateTime::from_timestamp(n, 0), "unix seconds")
        } else {
            (DateTime::from_timestamp_millis(n), "unix milliseconds")
        };
        return dt
            .map(|d| {
                let n = d.naive_utc();
                vec![Reading {
                    date: Some(n.date()),
                    time: Some(n.time()),
                    offset: Some(WrittenOffset::Utc),
                    form,
                }]
            })
            .unwrap_or_default();
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(raw) {
        let n = d.naive_local();
        return vec![Reading {
            date: Some(n.date()),
            time: Some(n.time()),
            offset: Some(WrittenOffset::Fixed(*d.offset())),
            form: "RFC 2822",
        }];
    }
    let (date_part, rest) = split_date_time(raw);
    let (time, offset) = if rest.is_empty() {
        (None, None)
    } else {
        let Some((t, o)) = time_and_offset(rest) else { return Vec::new() };
        (Some(t), o)
    };
    if date_part.is_empty() {
        return match time {
            Some(t) => vec![Reading { date: None, time: Some(t), offset, form: "hours:minutes" }],
            None => Vec::new(),
        };
    }
    dates(date_part)
        .into_iter()
        .map(|(date, form)| Reading { date: Some(date), time, offset, form })
        .collect()
}

/// Splits `2020-11-16T10:00`, `16.11.2020 10:00`, `16 Nov 2020 10:00 UTC` into the date
/// and what follows it (time and offset).
fn split_date_time(s: &str) -> (&str, &str) {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if (c == b'T' || c == b't')
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            return (&s[..i], &s[i + 1..]);
        }
    }
    // the first whitespace-separated token holding `:` starts the time
    let mut at = 0;
    for tok in s.split_whitespace() {
        let start = s[at..].find(tok).map_or(at, |p| at + p);
        if tok.contains(':') {
            return (s[..start].trim_end().trim_end_matches(','), &s[start..]);
        }
        at = start + tok.len();
    }
    // a date alone, or a time alone (`9:00` has no whitespace)
    if s.contains(':') { ("", s) } else { (s, "") }
}

/// `10:30`, `10:30:15.5`, then an optional offset (`Z`, `UTC`, `GMT`, `+01:00`, `+0100`, `+01`).
fn time_and_offset(s: &str) -> Option<(NaiveTime, Option<WrittenOffset>)> {
    let end = s.find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.')).unwrap_or(s.len());
    let (t, rest) = s.split_at(end);
    let time = NaiveTime::parse_from_str(t, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
        .ok()?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Some((time, None));
    }
    if ["z", "utc", "gmt"].contains(&rest.to_ascii_lowercase().as_str()) {
        return Some((time, Some(WrittenOffset::Utc)));
    }
    let (sign, num) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let num: String = num.chars().filter(|c| *c != ':').collect();
    if !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match num.len() {
        2 => (num.parse::<i32>().ok()?, 0),
        4 => (num[..2].parse::<i32>().ok()?, num[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    let off = FixedOffset::east_opt(sign * (h * 3600 + m * 60))?;
    Some((time, Some(WrittenOffset::Fixed(off))))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| *m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept")))?;
    Some(i as u32 + 1)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    if y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// Every reading of a date written with numbers and `.`, `/` or `-`, or with a month name.
fn dates(s: &str) -> Vec<(NaiveDate, &'static str)> {
    let s = s.trim().trim_end_matches(',');
    for sep in ['.', '/', '-'] {
        let parts: Vec<&str> = s.split(sep).collect();
        if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            continue;
        }
        let (a, b, c) = (parts[0], parts[1], parts[2]);
        let year_first = match sep {
            '.' => "year.month.day",
            '/' => "year/month/day",
            _ => "year-month-day",
        };
        if a.len() == 4 {
            return b
                .parse()
                .ok()
                .and_then(|m| ymd(a, m, c))
                .map(|d| vec![(d, year_first)])
                .unwrap_or_default();
        }
        if sep == '.' {
            // day.month.year is the only dotted order in use
            return b
                .parse()
                .ok()
                .and_then(|m| ymd(c, m, a))
                .map(|d| vec![(d, "day.month.year")])
                .unwrap_or_default();
        }
        let (dm, md) = if sep == '/' {
            ("day/month/year", "month/day/year")
        } else {
            ("day-month-year", "month-day-year")
        };
        let mut out = Vec::new();
        if let Some(d) = a.parse().ok().and_then(|m| ymd(c, m, b)) {
            out.push((d, md));
        }
        if let Some(d) = b.parse().ok().and_then(|m| ymd(c, m, a)) {
            out.push((d, dm));
        }
        return out;
    }
    // `16 Nov 2020`, `Nov 16, 2020`, `Monday, 16th November 2020`
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let mut month = None;
    let mut nums = Vec::new();
    for w in &words {
        if let Some(m) = month_of(w) {
            if month.replace(m).is_some() {
                return Vec::new();
            }
            continue;
        }
        let n = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
            nums.push(n);
        } else if !is_weekday(w) {
            return Vec::new();
        }
    }
    match (month, nums.as_slice()) {
        (Some(m), [d, y]) | (Some(m), [y, d]) if y.len() == 4 && d.len() <= 2 => {
            ymd(y, m, d).map(|x| vec![(x, "day month year")]).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

fn is_weekday(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        .iter()
        .any(|d| *d == w || (w.len() == 3 && d.starts_with(&w)))
}

/// Replaces the help line of `datetime` findings (and of `type` findings where a
/// datetime is expected, e.g. unix seconds written as an integer) with the RFC 3339
/// reading of the written value, when one exists.
pub(crate) fn apply(items: &mut [Diagnostic], text: &str, root: &'static Schema, doc: Option<&DeTable<'_>>) {
    let mut file_offset: Option<Option<String>> = None;
    for d in items.iter_mut() {
        if !matches!(d.rule, RuleId::Datetime | RuleId::Type) {
            continue;
        }
        let Some(Schema::DateTime { kind, .. }) =
            keypath::parse(&d.path).and_then(|p| keypath::schema_at(root, &p))
        else {
            continue;
        };
        let Some(raw) = literal_at(text, d.span.start) else { continue };
        let fo = file_offset.get_or_insert_with(|| doc.and_then(common_offset));
        if let Some(h) = suggest(raw, *kind, fo.as_deref()) {
            d.help = Some(h);
        }
    }
}

/// The text of the value written at `off`: a string's content, or a bare value.
fn literal_at(text: &str, off: usize) -> Option<&str> {
    let rest = text.get(off..)?;
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    if let Some(q) = line.strip_prefix('"').or_else(|| line.strip_prefix('\'')) {
        let quote = line.as_bytes()[0] as char;
        let end = q.find(quote)?;
        let s = &q[..end];
        return (!s.contains('\\')).then_some(s);
    }
    let end = line.find([',', ']', '}', '#']).unwrap_or(line.len());
    Some(line[..end].trim())
}

/// The offset all offset datetimes of the document share, if there is exactly one.
fn common_offset(doc: &DeTable<'_>) -> Option<String> {
    let mut seen = BTreeSet::new();
    collect_offsets(doc, &mut seen);
    if seen.len() == 1 { seen.pop_first() } else { None }
}

fn collect_offsets(t: &DeTable<'_>, seen: &mut BTreeSet<String>) {
    for (_, v) in t.iter() {
        collect_value_offsets(v.get_ref(), seen);
    }
}

fn collect_value_offsets(v: &DeValue<'_>, seen: &mut BTreeSet<String>) {
    match v {
        DeValue::Datetime(d) => match d.offset {
            Some(toml::value::Offset::Z) => {
                seen.insert("Z".to_owned());
            }
            Some(toml::value::Offset::Custom { minutes }) => {
                seen.insert(fmt_offset(i32::from(minutes) * 60));
            }
            None => {}
        },
        DeValue::String(s) => {
            if let Ok(p) = datetime::parse(DtKind::Offset, s) {
                let z = s.ends_with(['Z', 'z']);
                seen.insert(if z { "Z".to_owned() } else { fmt_offset(p.offset_secs) });
            }
        }
        DeValue::Array(a) => a.iter().for_each(|x| collect_value_offsets(x.get_ref(), seen)),
        DeValue::Table(t) => collect_offsets(t, seen),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
