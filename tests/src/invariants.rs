//! Invariants every answer of the engine must satisfy, whatever the input: shared by the
//! property tests (`tests/prop_*.rs`), the hostile-input tests and the fuzz targets
//! (`fuzz/`). Each returns a description of the first violation instead of panicking, so
//! callers choose how to fail.

use config_runtime::__private::core::url::{UrlOptions, host_allowed};
use config_runtime::{Diagnostics, ErrorReport};

/// 1-based (line, column in chars) of byte offset `off`, computed naively and
/// independently of `LineIndex`: a leading byte-order mark is not a column.
pub fn naive_line_col(text: &str, off: usize) -> (u32, u32) {
    let mut off = off.min(text.len());
    while off > 0 && !text.is_char_boundary(off) {
        off -= 1;
    }
    let before = &text[..off];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col = before[start..].chars().count() + 1;
    if line == 1 && off > 0 && text.starts_with('\u{feff}') {
        col -= 1;
    }
    (line as u32, col as u32)
}

/// Number of lines a location may name: the count of `\n` plus one.
pub fn line_count(text: &str) -> u32 {
    text.bytes().filter(|&b| b == b'\n').count() as u32 + 1
}

/// Length in chars of 1-based line `line` (without its `\r\n` / `\n`).
pub fn line_chars(text: &str, line: u32) -> Option<usize> {
    let l = text.split('\n').nth(line.checked_sub(1)? as usize)?;
    Some(l.strip_suffix('\r').unwrap_or(l).chars().count())
}

/// A located position lies inside the text: an existing line, a column at most one past
/// the line's last character (the end-of-line position).
pub fn location_inside(text: &str, line: u32, col: u32) -> Result<(), String> {
    if line == 0 || col == 0 {
        return Err(format!("location {line}:{col} is not 1-based"));
    }
    // the line as it is, a `\r` before its `\n` included: an offset may point at it
    let Some(n) = text.split('\n').nth(line as usize - 1).map(|l| l.chars().count()) else {
        return Err(format!("line {line} is past the last line ({})", line_count(text)));
    };
    if col as usize > n + 1 {
        return Err(format!("column {col} is past the end of line {line} ({n} chars)"));
    }
    Ok(())
}

/// Every diagnostic of `d` is inside `text`: span within the bytes and on char boundaries,
/// line and column equal to the naive computation from the span's start, and inside the text.
pub fn diagnostics_inside(text: &str, d: &Diagnostics) -> Result<(), String> {
    if &*d.source != text {
        return Err("diagnostics carry a different source text".to_owned());
    }
    for x in &d.items {
        let what = || {
            format!(
                "{}:{}: {}[{}] {}: {}",
                x.line,
                x.col,
                x.severity.as_str(),
                x.rule.id(),
                x.path,
                x.message
            )
        };
        if x.span.start > x.span.end || x.span.end > text.len() {
            return Err(format!(
                "span {:?} outside the {} bytes of the text: {}",
                x.span,
                text.len(),
                what()
            ));
        }
        if !text.is_char_boundary(x.span.start) || !text.is_char_boundary(x.span.end) {
            return Err(format!("span {:?} is not on char boundaries: {}", x.span, what()));
        }
        let (line, col) = naive_line_col(text, x.span.start);
        if (line, col) != (x.line, x.col) {
            return Err(format!("span starts at {line}:{col}, the diagnostic says {}: {}", x.line, what()));
        }
        location_inside(text, x.line, x.col).map_err(|e| format!("{e}: {}", what()))?;
        if x.path.is_empty() {
            return Err(format!("empty key path: {}", what()));
        }
    }
    Ok(())
}

/// Every item of a `Live` error report is located inside `text` (the bytes as read, when
/// they were UTF-8).
pub fn report_inside(text: &str, r: &ErrorReport) -> Result<(), String> {
    if r.items.is_empty() {
        return Err("an error report without items".to_owned());
    }
    for x in &r.items {
        location_inside(text, x.line, x.col)
            .map_err(|e| format!("{e}: [{}] {}: {}", x.rule, x.path, x.message))?;
    }
    Ok(())
}

/// The code frames of `d` (`Diagnostics::render`) agree with the diagnostics: one frame per
/// item, each naming `file:line:col` of its item, and no frame longer than a bound that
/// does not grow with the length of the source line (a 10 MB line is not printed whole).
pub fn frames_consistent(d: &Diagnostics, rendered: &str) -> Result<(), String> {
    let mut rest = rendered;
    for x in &d.items {
        let head = format!("--> {}:{}:{}", d.file, x.line, x.col);
        let Some(i) = rest.find(&head) else {
            return Err(format!("no frame header `{head}` (in order) in the rendering"));
        };
        rest = &rest[i + head.len()..];
    }
    let budget = d
        .items
        .iter()
        .map(|x| {
            2048 + 4 * (x.message.len() + x.path.len() + d.file.len())
                + x.help.as_ref().map_or(0, |h| 4 * h.len())
        })
        .sum::<usize>();
    if rendered.len() > budget {
        return Err(format!(
            "rendering is {} bytes for {} findings (budget {budget})",
            rendered.len(),
            d.items.len()
        ));
    }
    Ok(())
}

/// (rule, key path, line, col) of a finding.
pub type Located = (String, String, u32, u32);

/// The findings `cargo build` printed, from its output (a trybuild `.stderr`): lines like
/// `<file>:<line>:<col>: error[<rule>]: <path>: <message>`, in the order printed.
pub fn printed_build_findings(stderr: &str) -> Vec<Located> {
    let mut out = Vec::new();
    for line in stderr.lines() {
        let l = line.trim_start();
        let Some(i) = l.find(".toml:") else { continue };
        let mut it = l[i + ".toml:".len()..].splitn(3, ':');
        let (Some(ln), Some(col), Some(tail)) = (it.next(), it.next(), it.next()) else { continue };
        let (Ok(ln), Ok(col)) = (ln.parse(), col.parse()) else { continue };
        let Some((rule, tail)) = tail.strip_prefix(" error[").and_then(|t| t.split_once("]: ")) else {
            continue;
        };
        let Some((path, _msg)) = tail.split_once(": ") else { continue };
        out.push((rule.to_owned(), path.to_owned(), ln, col));
    }
    out
}

/// The build's findings (the `const fn` checker over the folded summary, exactly what
/// `cargo build` prints) for `text` against `schema`, and `check_str`'s. The build lists
/// the first occurrence per position; `check_str` every occurrence.
pub fn build_and_run_findings(
    text: &str,
    schema: config_runtime::SchemaRef,
) -> Option<(Vec<Located>, Vec<Located>, usize)> {
    use config_runtime::__private::core::{check, check_str, summary};
    let doc = check_str::parse("f.toml", text).ok()?;
    let mut folded = summary::build(&doc, summary::Fold::Positions);
    folded.resolve_lines(text);
    let mut c = check::ConstReport::new("f.toml");
    folded.with_view(|s| check::ct::check(&mut c, s, schema));
    let build = c.text().lines().filter_map(parse_build_line).collect();
    let d = check_str::check_parsed("f.toml", text, &doc, schema);
    let run = d.items.iter().map(|x| (x.rule.id().to_owned(), x.path.clone(), x.line, x.col)).collect();
    Some((build, run, c.count))
}

/// `f.toml:<line>:<col>: error[<rule>]: <path>: <message>` (paths quote odd keys).
fn parse_build_line(line: &str) -> Option<Located> {
    let rest = line.strip_prefix("f.toml:")?;
    let mut it = rest.splitn(3, ':');
    let (l, c, tail) = (it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?);
    let (rule, tail) = tail.strip_prefix(" error[")?.split_once("]: ")?;
    let (mut quoted, mut esc) = (false, false);
    for (i, ch) in tail.char_indices() {
        match ch {
            _ if esc => esc = false,
            '\\' if quoted => esc = true,
            '"' => quoted = !quoted,
            ':' if !quoted && tail[i + 1..].starts_with(' ') => {
                return Some((rule.to_owned(), tail[..i].to_owned(), l, c));
            }
            _ => {}
        }
    }
    None
}

/// One engine, two moments: the build finds something exactly when `check_str` does, and
/// every finding the build prints is one of `check_str`'s (same rule, path, line, col).
pub fn build_agrees_with_run(text: &str, schema: config_runtime::SchemaRef) -> Result<(), String> {
    let Some((build, run, count)) = build_and_run_findings(text, schema) else { return Ok(()) };
    if (count == 0) != run.is_empty() {
        return Err(format!("the build found {count}, check_str {}: {build:?} / {run:?}", run.len()));
    }
    // the build shows its first 60 findings in a 32 KiB buffer
    if count <= 60 {
        let missing: Vec<_> = build.iter().filter(|b| !run.contains(b)).collect();
        if !missing.is_empty() {
            return Err(format!(
                "the build reports what check_str does not: {missing:?}\ncheck_str: {run:?}"
            ));
        }
    }
    Ok(())
}

/// The `url` rule's oracle (the `url` fuzz target, the fuzz regressions): what the WHATWG
/// parser (the `url` crate, as browsers parse) makes of a link the rule accepted under
/// `opts`. Relative links are resolved against `https://shop.example/`.
pub fn link_is_what_a_browser_reads(link: &str, opts: &UrlOptions) -> Result<(), String> {
    let base = url::Url::parse("https://shop.example/").map_err(|e| e.to_string())?;
    let u = base.join(link).map_err(|e| format!("{link:?} accepted but does not parse: {e}"))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(format!("{link:?} accepted with scheme {:?}", u.scheme()));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(format!("{link:?} accepted with userinfo {:?}:{:?}", u.username(), u.password()));
    }
    let relative = link.starts_with('/');
    if relative {
        if u.host_str() != Some("shop.example") || u.scheme() != "https" {
            return Err(format!("relative {link:?} leaves the site: {u}"));
        }
        return Ok(());
    }
    if opts.relative {
        return Err(format!("{link:?} accepted under `relative`"));
    }
    if opts.https && u.scheme() != "https" {
        return Err(format!("{link:?} accepted under `https` as {}", u.scheme()));
    }
    let host = u.host_str().unwrap_or("");
    if host.is_empty() {
        return Err(format!("{link:?} accepted without a host"));
    }
    if !opts.hosts.is_empty() && !host_allowed(host, opts.hosts) {
        return Err(format!("{link:?} accepted, but a browser visits {host:?}"));
    }
    Ok(())
}
