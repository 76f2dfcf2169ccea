//! The summary builder the derive runs, on arbitrary text: folded and unfolded, lines
//! resolved as the derive does, emitted as Rust (which must tokenize), and checked with
//! both instantiations of the checker against several schemas. Also:
//!
//! - every location the summary holds is inside the text, and `resolve_lines` agrees with
//!   the run-time `LineIndex`;
//! - build-time findings (the `const fn` checker over the folded summary, what `cargo
//!   build` prints) are a subset of the run-time findings (`check_str`), and one side finds
//!   something exactly when the other does (one engine, three moments);
//! - when the text is accepted, the baked blob decodes to the same value as `check_str`;
//! - decoding the raw bytes as a blob fails cleanly.
#![no_main]

use config_core::check::{ConstReport, RtReport, ct, rt};
use config_core::diag::LineIndex;
use config_core::summary::{Fold, Loc, SummaryBuf, build, emit::emit};
use config_core::{HasSchema, SchemaRef, blob};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::str::FromStr;

mod nav {
    config_tests::nav_types!();
}

fn locs(s: &SummaryBuf) -> Vec<Loc> {
    let mut v = Vec::new();
    for p in &s.pos {
        v.extend(p.first_table);
        v.extend(p.nan);
        v.extend(p.bad_dt.iter().flatten().map(|b| b.loc));
        v.extend(p.bad_url.map(|b| b.loc));
        v.extend(p.control.map(|b| b.loc));
        v.extend(p.key_control.map(|b| b.loc));
        v.extend([p.url_http, p.url_absolute].iter().flatten().map(|b| b.loc));
    }
    v.extend(s.kinds.iter().map(|k| k.loc));
    for k in &s.keys {
        v.push(k.loc);
        v.extend(k.missing_at);
    }
    v.extend(s.records.iter().map(|e| e.loc));
    v.extend(s.distinct.iter().map(|d| d.loc));
    v.extend(s.url_hosts.iter().map(|d| d.loc));
    v.extend(s.dups.iter().map(|d| d.loc));
    v.extend(s.pairs.iter().map(|p| p.loc));
    v
}

fn summary_consistent(text: &str, s: &SummaryBuf) {
    let li = LineIndex::new(text);
    for l in locs(s) {
        assert!((l.off as usize) <= text.len(), "offset {} past the text ({})", l.off, text.len());
        assert!(text.is_char_boundary(l.off as usize), "offset {} inside a char", l.off);
        assert_eq!((l.line, l.col), li.at(l.off as usize), "resolve_lines and LineIndex differ at {}", l.off);
        assert!(l.path.index() < s.strs.len(), "path index out of range");
    }
    let n = s.pos.len();
    for p in &s.pos {
        for sp in [p.kinds, p.keys, p.elems, p.distinct, p.dups, p.pairs].iter().chain(p.records.iter()) {
            assert!(sp.start.checked_add(sp.len).is_some());
        }
    }
    for k in &s.keys {
        assert!(k.pos.index() < n && k.key.index() < s.strs.len() && k.shown.index() < s.strs.len());
    }
    for d in s.distinct.iter().chain(&s.url_hosts) {
        assert!(d.text.index() < s.strs.len() && d.shown.index() < s.strs.len());
        // what messages quote is escaped and cut
        let shown = &s.strs[d.shown.index()];
        assert!(shown.chars().count() <= 80 * 10, "a quoted value of {} chars", shown.chars().count());
        assert!(!shown.chars().any(config_core::forbidden::must_escape), "{shown:?} quoted raw");
    }
    for e in &s.elems {
        assert!(e.index() < n);
    }
}

type Key = (String, String, u32, u32);

/// (rule, path, line, col) of the lines the build would print.
fn ct_findings(r: &ConstReport) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for line in r.text().lines() {
        let Some(rest) = line.strip_prefix("f.toml:") else { continue };
        let mut it = rest.splitn(3, ':');
        let (Some(l), Some(c), Some(tail)) = (it.next(), it.next(), it.next()) else { continue };
        let (Ok(l), Ok(c)) = (l.parse(), c.parse()) else { continue };
        let Some(tail) = tail.strip_prefix(" error[") else { continue };
        let Some((rule, tail)) = tail.split_once("]: ") else { continue };
        // paths are escaped (`"a: b"`), so the first `: ` after a path ends it
        let Some((path, _)) = split_path(tail) else { continue };
        out.insert((rule.to_owned(), path.to_owned(), l, c));
    }
    out
}

fn split_path(s: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    let mut esc = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if esc => esc = false,
            '\\' if quoted => esc = true,
            '"' => quoted = !quoted,
            ':' if !quoted && s[i + 1..].starts_with(' ') => return Some((&s[..i], &s[i + 2..])),
            _ => {}
        }
    }
    None
}

fn against<T: HasSchema + DeserializeOwned + blob::FromBlob + PartialEq + std::fmt::Debug>(
    text: &str,
    doc: &toml::Spanned<toml::de::DeTable<'_>>,
    folded: &SummaryBuf,
    unfolded: &SummaryBuf,
) {
    let schema: SchemaRef = T::SCHEMA;
    // the build: const checker over the folded summary with resolved lines
    let mut c = ConstReport::new("f.toml");
    folded.with_view(|s| ct::check(&mut c, s, schema));
    // run time, folded and unfolded
    let mut rf = RtReport::new();
    folded.with_view(|s| rt::check(&mut rf, s, schema));
    let mut ru = RtReport::new();
    unfolded.with_view(|s| rt::check(&mut ru, s, schema));
    assert_eq!(c.count, rf.findings.len(), "const and run-time checkers differ on one summary");
    assert_eq!(rf.findings.is_empty(), ru.findings.is_empty(), "folded and unfolded disagree");
    let d = config_core::check_str::check_parsed("f.toml", text, doc, schema);
    assert_eq!(d.is_empty(), rf.findings.is_empty());
    if c.count <= 60 && c.text().len() < 30 * 1024 {
        let run: BTreeSet<Key> =
            d.items.iter().map(|x| (x.rule.id().to_owned(), x.path.clone(), x.line, x.col)).collect();
        let build = ct_findings(&c);
        let missing: Vec<_> = build.difference(&run).collect();
        assert!(
            missing.is_empty(),
            "the build reports findings check_str does not: {missing:?}\nrun: {run:?}"
        );
    }
    if d.is_empty() {
        let checked = config_core::check_str::<T>("f.toml", text);
        let baked = blob::decode::<T>(&blob::encode(doc.get_ref()));
        match (checked, baked) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "baked value differs from check_str"),
            (Err(_), _) => {} // serde's own refusal after the rules (custom Deserialize)
            (Ok(a), Err(e)) => panic!("accepted by check_str ({a:?}) but the blob does not decode: {e}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = blob::decode::<shop::Marketing>(data);
    let text = String::from_utf8_lossy(data);
    let Ok(doc) = config_core::check_str::parse("f.toml", &text) else { return };
    let mut folded = build(&doc, Fold::Positions);
    folded.resolve_lines(&text);
    let mut unfolded = build(&doc, Fold::Unfolded);
    unfolded.resolve_lines(&text);
    summary_consistent(&text, &folded);
    summary_consistent(&text, &unfolded);
    let code = emit(&folded, "::config_runtime::__private::core");
    assert!(code.len() >= folded.pos.len() * 40, "emitted code too short");
    if code.len() < 64 * 1024
        && let Err(e) = proc_macro2::TokenStream::from_str(&code)
    {
        panic!("emitted summary does not tokenize: {e}\n{code}");
    }
    against::<shop::Marketing>(&text, &doc, &folded, &unfolded);
    against::<nav::Nav>(&text, &doc, &folded, &unfolded);
});
