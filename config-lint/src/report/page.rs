//! The report as one self-contained HTML page, written with `maud` (compile-time
//! templates that HTML-escape every spliced value). Everything the page needs is inside
//! it: the style sheet (`page.css`), inline SVG for the verdict mark and the budget
//! gauges, CSS bars for sizes, and a few lines of plain JavaScript (`page.js`: expand /
//! collapse all). A strict Content-Security-Policy meta tag forbids every fetch
//! (`default-src 'none'`), so the page cannot load anything even by mistake; the preview
//! adds `connect-src 'self'` and `live.js`, which polls the server's `/version`.
//!
//! The page reads the same without JavaScript: sections are plain HTML, menu branches
//! are `<details>` (the first level open, deeper levels closed).
//!
//! Every string that comes from the checked file (names, paths, messages, frames) goes
//! through `shown` first (no raw control or invisible character, long text cut); the
//! template then escapes it. Test hooks are attributes a reader never sees:
//! `#verdict[data-verdict]`, `.finding[data-rule][data-severity]`, `li.branch[data-level]`,
//! `section.menu[data-items]`, and the timeline's (`timeline.rs`).

use super::model::{Budget, Changes, Finding, LISTED_BRANCHES, Menu, Report};
use super::shown::{FRAME_LINE_CHARS, NAME_CHARS, TEXT_CHARS, shown, shown_lines};
use super::timeline;
use crate::breakdown::Node;
use crate::diff::{DiffReport, display_path, factor_text, pair_text};
use crate::measure::{GZIP_LEVEL, human_bytes};
use crate::warnings::NEAR_PERCENT;
use config_core::{RuleId, Severity};
use maud::{DOCTYPE, Markup, PreEscaped, html};

const CSS: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
const LIVE_SCRIPT: &str = include_str!("live.js");

/// The policy of the written page: nothing may be fetched; inline style and script run.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; \
                              img-src data:; base-uri 'none'; form-action 'none'";

/// The policy of the served page (`preview`): the same, and `/version` may be fetched.
pub(crate) fn preview_csp() -> String {
    format!("{CSP}; connect-src 'self'")
}

/// Where the page will be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A file (`report`).
    File,
    /// Served by `preview`, at this version of the file.
    Preview { version: u64 },
}

/// The whole page.
pub(crate) fn render(r: &Report, mode: Mode) -> String {
    let (csp, version) = match mode {
        Mode::File => (CSP.to_owned(), None),
        Mode::Preview { version } => (preview_csp(), Some(version)),
    };
    let file = shown(&r.file, TEXT_CHARS);
    let title = format!("{file}: {}", verdict_words(r));
    html! {
        (DOCTYPE)
        html lang="en" data-version=[version] {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(csp);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    (verdict(r, &file, version.is_some()))
                    nav.sections aria-label="Sections" {
                        a href="#findings" { "Findings" }
                        @for (i, m) in r.menus.iter().enumerate() {
                            a href={ "#menu-" (i) } { "Menu " code { (shown(&m.field, NAME_CHARS)) } }
                        }
                        @if r.document.is_some() { a href="#payload" { "Payload" } }
                        @if timeline::shown_for(r.timeline.as_ref()) { a href="#timeline" { "Timeline" } }
                        @if r.changes.is_some() { a href="#changes" { "What changed" } }
                    }
                    (findings(r))
                    @for (i, m) in r.menus.iter().enumerate() { (menu(r, i, m)) }
                    (payload(r))
                    // the windows on a time axis (`timeline.rs`); no section without any
                    (timeline::section(r.timeline.as_ref()))
                    @if let Some(c) = &r.changes { (changes(c)) }
                }
                footer {
                    "Written by " code { (r.linter) } " report · findings judged at " (r.judged_at)
                    " · gzip sizes at level " (GZIP_LEVEL) " · this page loads nothing from the network"
                }
                script { (PreEscaped(SCRIPT)) }
                @if version.is_some() { script { (PreEscaped(LIVE_SCRIPT)) } }
            }
        }
    }
    .into_string()
}

/// The preview's page for a file it cannot read (deleted, renamed away, unreadable).
pub(crate) fn unreadable_page(file: &str, message: &str, version: u64) -> String {
    let file = shown(file, TEXT_CHARS);
    html! {
        (DOCTYPE)
        html lang="en" data-version=(version) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(preview_csp());
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (file) ": cannot be read" }
                style { (PreEscaped(CSS)) }
            }
            body { main {
                section #verdict .verdict.fail data-verdict="unreadable" {
                    div.what {
                        h1 { code { (file) } " " span.word { "cannot be read" } }
                        p { (shown(message, TEXT_CHARS)) }
                        p.live #live-status { "This page refreshes when the file is back." }
                    }
                }
            } script { (PreEscaped(LIVE_SCRIPT)) } }
        }
    }
    .into_string()
}

fn plural(n: usize, what: &str) -> String {
    format!("{} {what}{}", grouped(n as u64), if n == 1 { "" } else { "s" })
}

/// `38,550`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `passes` / `fails: 3 errors, 1 warning`.
pub(crate) fn verdict_words(r: &Report) -> String {
    let t = &r.totals;
    let counts = format!("{}, {}", plural(t.errors, "error"), plural(t.warnings, "warning"));
    let denied = if t.deny_warnings && t.errors == 0 && t.warnings > 0 { " (warnings denied)" } else { "" };
    format!("{}: {counts}{denied}", if r.passed() { "passes" } else { "fails" })
}

fn verdict(r: &Report, file: &str, live: bool) -> Markup {
    let pass = r.passed();
    let first_of = |rule: RuleId, sev: Severity| {
        r.listed.iter().position(|f| f.item.rule == rule && f.item.severity == sev)
    };
    html! {
        section #verdict .verdict.pass[pass].fail[!pass] data-verdict=(if pass { "pass" } else { "fail" })
            data-errors=(r.totals.errors) data-warnings=(r.totals.warnings) {
            @if pass {
                svg.mark viewBox="0 0 48 48" aria-hidden="true" {
                    circle cx="24" cy="24" r="22" fill="#1a7f37" {}
                    path d="M14 25l7 7 13-15" fill="none" stroke="#fff" stroke-width="5"
                        stroke-linecap="round" stroke-linejoin="round" {}
                }
            } @else {
                svg.mark viewBox="0 0 48 48" aria-hidden="true" {
                    circle cx="24" cy="24" r="22" fill="#cf222e" {}
                    path d="M16 16l16 16M32 16L16 32" stroke="#fff" stroke-width="5" stroke-linecap="round" {}
                }
            }
            div.what {
                h1 { code { (file) } " " span.word { (if pass { "passes" } else { "fails" }) } }
                p {
                    (plural(r.totals.errors, "error")) ", " (plural(r.totals.warnings, "warning"))
                    @if r.totals.deny_warnings { " (warnings count as failures)" }
                    " · " (human_bytes(r.toml_bytes as u64)) " of TOML"
                    @if pass { " · the build, the running shop and CI accept this file." }
                    @else if r.totals.errors > 0 { " · the build, the running shop and CI refuse this file until the errors are fixed." }
                    @else { " · CI refuses this file while warnings are denied." }
                }
                @if live {
                    p.live #live-status { "Live preview: this page refreshes when the file is saved (with JavaScript on)." }
                }
                @if !r.by_rule.is_empty() {
                    div.scroll { table.by-rule {
                        thead { tr { th { "Rule" } th { "Level" } th.n { "Findings" } } }
                        tbody {
                            @for (rule, sev, n) in &r.by_rule {
                                tr data-rule=(rule.id()) {
                                    td {
                                        @if let Some(i) = first_of(*rule, *sev) {
                                            a href={ "#finding-" (i) } { code { (rule.id()) } }
                                        } @else { code { (rule.id()) } }
                                    }
                                    td { (sev.as_str()) }
                                    td.n { (n) }
                                }
                            }
                        }
                    } }
                }
            }
        }
    }
}

fn findings(r: &Report) -> Markup {
    let more = r.findings.len() - r.listed.len();
    html! {
        section #findings {
            h2 { "Findings " span.muted { "(" (r.findings.len()) ")" } }
            @if r.findings.is_empty() { p { "No findings: every rule passes." } }
            @for (i, f) in r.listed.iter().enumerate() { (finding(i, f)) }
            @if more > 0 {
                p.muted { "… and " (plural(more, "more finding")) " not listed here; "
                    code { (r.linter) " check" } " lists them all." }
            }
        }
    }
}

fn finding(i: usize, f: &Finding) -> Markup {
    let d = &f.item;
    let sev = d.severity.as_str();
    let rule = d.rule.descriptor();
    html! {
        article.finding.(sev) #{ "finding-" (i) } data-rule=(d.rule.id()) data-severity=(sev) {
            h3 {
                span.sev.(sev) { (sev) }
                code { (d.rule.id()) }
                span { "line " (d.line) ", column " (d.col) }
                span.muted { (shown(&d.path, TEXT_CHARS)) }
            }
            p.msg { (shown(&d.message, TEXT_CHARS)) }
            pre.frame { (shown_lines(&f.frame, FRAME_LINE_CHARS)) }
            @if let Some(doc) = &f.doc {
                p.field-doc { (shown(doc, TEXT_CHARS)) }
            }
            details.rule-doc {
                summary { "What " code { (d.rule.id()) } " checks, and why" }
                p { (rule.what) }
                p { strong { "Why: " } (rule.why) }
                @if let Some(e) = &rule.example {
                    p { "Flagged:" } pre { (e.bad.trim_end()) }
                    p { "Fixed:" } pre { (e.good.trim_end()) }
                }
            }
        }
    }
}

/// `width:37.21%` of `part / whole`.
fn width(part: u64, whole: u64) -> String {
    let pct = if whole == 0 { 0.0 } else { part as f64 * 100.0 / whole as f64 };
    format!("width:{:.2}%", pct.min(100.0))
}

fn menu(r: &Report, i: usize, m: &Menu) -> Markup {
    let b = &m.branches;
    let listed_all = b.unlisted == 0 && !has_hidden(&b.nodes);
    html! {
        section.menu #{ "menu-" (i) } data-field=(shown(&m.field, NAME_CHARS)) data-items=(b.items) {
            h2 { "Menu " code { (shown(&m.field, NAME_CHARS)) } }
            p {
                (plural(b.items, "item")) " on " (plural(b.levels, "level")) " · "
                (human_bytes(m.size.json)) " as JSON · " (human_bytes(m.size.gzip)) " gzipped"
            }
            @let budgets: Vec<&Budget> = r.budgets.iter().filter(|x| x.field == m.field).collect();
            @if !budgets.is_empty() {
                h3 { "Budgets" }
                div.budgets { @for x in budgets { (gauge(x)) } }
            }
            h3 { "Branches" }
            p.legend {
                span { span.swatch.json {} "JSON" } span { span.swatch.gzip {} "gzip" }
                span.muted { "bars: share of the branch above (first level: of the whole menu); a branch counts everything below it" }
            }
            @if !listed_all {
                p.muted { "The report draws " (grouped(LISTED_BRANCHES as u64)) " items at most, level by level: the others are counted, not drawn." }
            }
            div.tools data-for={ "tree-" (i) } {}
            div.row.head aria-hidden="true" {
                span.name { "Branch" } span.num { "JSON" } span.num { "gzip" } span.num.nodes { "nodes" } span.bars {}
            }
            ul.tree #{ "tree-" (i) } {
                @for n in &b.nodes { (branch(n, 1, m.size.json)) }
                @if b.unlisted > 0 { li.more { "… " (plural(b.unlisted, "more item")) " at this level, not drawn" } }
            }
        }
    }
}

fn has_hidden(nodes: &[Node]) -> bool {
    nodes.iter().any(|n| n.hidden > 0 || has_hidden(&n.children))
}

/// One branch, its bars as shares of `whole` (the JSON of the branch above it).
fn branch(n: &Node, level: usize, whole: u64) -> Markup {
    let cells = html! {
        @let name = shown(&n.name, NAME_CHARS);
        @let cut = n.name.chars().count() > NAME_CHARS;
        span.name title=[cut.then(|| shown(&n.name, TEXT_CHARS))] { (name) }
        span.num { (human_bytes(n.size.json)) }
        span.num { (human_bytes(n.size.gzip)) }
        span.num.nodes { (grouped(n.size.nodes)) }
        span.bars { i.json style=(width(n.size.json, whole)) {} i.gzip style=(width(n.size.gzip, whole)) {} }
    };
    let path = shown(&n.path, TEXT_CHARS);
    html! {
        @if n.children.is_empty() && n.hidden == 0 {
            li.branch.leaf data-level=(level) data-path=(path) { div.row { (cells) } }
        } @else {
            li.branch data-level=(level) data-path=(path) {
                details open[level == 1] {
                    summary.row { (cells) }
                    ul {
                        @for c in &n.children { (branch(c, level + 1, n.size.json)) }
                        @if n.hidden > 0 { li.more { "… " (plural(n.hidden, "more item")) " below, not drawn" } }
                    }
                }
            }
        }
    }
}

fn gauge(b: &Budget) -> Markup {
    let over = b.used > b.allowed;
    let near = !over && b.used.saturating_mul(100) >= b.allowed.saturating_mul(NEAR_PERCENT);
    let pct = if b.allowed == 0 { 100.0 } else { b.used as f64 * 100.0 / b.allowed as f64 };
    let fill = (pct.min(100.0) * 2.0).round();
    let amount = |n: u64| if b.rule == RuleId::MaxJsonBytes { human_bytes(n) } else { grouped(n) };
    html! {
        div.budget.over[over].near[near] data-rule=(b.rule.id()) {
            div { code { (b.attribute()) } " of " code { (shown(&b.field, NAME_CHARS)) } }
            svg viewBox="0 0 200 12" preserveAspectRatio="none" role="img"
                aria-label={ (format!("{pct:.0}")) "% of the budget used" } {
                rect.track x="0.5" y="0.5" width="199" height="11" rx="3" {}
                rect.used width=(fill) height="12" rx="3" {}
            }
            div.num { (amount(b.used)) " used of " (amount(b.allowed)) " allowed (" (format!("{pct:.0}")) "%)" }
        }
    }
}

fn payload(r: &Report) -> Markup {
    let Some(doc) = &r.document else {
        return html! {
            section #payload { h2 { "Payload" } p { "The file does not parse, so its size cannot be measured yet: fix the syntax error first." } }
        };
    };
    let whole = doc.size.json;
    let other: Vec<&Budget> =
        r.budgets.iter().filter(|b| !r.menus.iter().any(|m| m.field == b.field)).collect();
    html! {
        section #payload {
            h2 { "Payload" }
            p { "Served as JSON: " (human_bytes(doc.size.json)) ", " (human_bytes(doc.size.gzip)) " gzipped. Where it goes:" }
            div.scroll { table {
                thead { tr { th { "Field" } th.n { "JSON" } th.n { "gzip" } th.n { "nodes" } th { "share" } } }
                tbody { @for n in &doc.children {
                    tr {
                        td { code { (shown(&n.name, NAME_CHARS)) } }
                        td.n { (human_bytes(n.size.json)) } td.n { (human_bytes(n.size.gzip)) } td.n { (grouped(n.size.nodes)) }
                        td style="min-width:6rem" { span.bars style="display:block" { i.json style=(width(n.size.json, whole)) {} i.gzip style=(width(n.size.gzip, whole)) {} } }
                    }
                } }
            } }
            @if !other.is_empty() { h3 { "Other budgets" } div.budgets { @for b in other { (gauge(b)) } } }
        }
    }
}

fn changes(c: &Changes) -> Markup {
    html! {
        section #changes {
            h2 { "What changed" }
            @match c {
                Changes::Unparsed(d) => {
                    p { "The two versions cannot be compared: " code { (shown(&d.file, TEXT_CHARS)) } " does not parse." }
                    @for x in &d.items { pre { (shown_lines(&d.line_of(x), FRAME_LINE_CHARS)) } }
                }
                Changes::Compared(diff) => (compared(diff)),
            }
        }
    }
}

fn compared(d: &DiffReport) -> Markup {
    html! {
        p { "Compared with " code { (shown(&d.old, TEXT_CHARS)) } " (sizes old → new)." }
        div.scroll { table.rows {
            thead { tr { th { "Field or branch" } th.n { "JSON" } th { "change" } th.n { "gzip" } th.n { "nodes" } } }
            tbody { @for row in &d.rows {
                @let grew = d.growth.iter().any(|(path, _)| *path == display_path(row));
                tr data-level=(row.level) {
                    td style={ "padding-left:" (0.5 + f64::from(row.level) * 1.25) "rem" } {
                        @if row.level == 0 { "(whole document)" } @else { (shown(&row.name, NAME_CHARS)) }
                    }
                    td.n { (pair_text(row.old.map(|s| human_bytes(s.json)), row.new.map(|s| human_bytes(s.json)))) }
                    td class=[grew.then_some("grew")] { (factor_text(row)) }
                    td.n { (pair_text(row.old.map(|s| human_bytes(s.gzip)), row.new.map(|s| human_bytes(s.gzip)))) }
                    td.n { (pair_text(row.old.map(|s| s.nodes), row.new.map(|s| s.nodes))) }
                }
            } }
        } }
        @for (path, f) in &d.growth {
            p.grew { (shown(path, TEXT_CHARS)) " grew ×" (format!("{f:.2}")) ", more than ×" (format!("{:.2}", d.max_growth)) "." }
        }
        @for l in &d.lists {
            h3 data-list=(shown(&l.field, NAME_CHARS)) {
                code { (shown(&l.field, NAME_CHARS)) } " by " code { (shown(&l.key, NAME_CHARS)) } ": "
                (l.added.len()) " added, " (l.removed.len()) " removed, " (l.changed.len()) " changed"
            }
            @if !(l.added.is_empty() && l.removed.is_empty() && l.changed.is_empty()) {
                ul.items {
                    @for a in &l.added { li.added data-change="added" { "+ " (shown(a, NAME_CHARS)) } }
                    @for a in &l.removed { li.removed data-change="removed" { "− " (shown(a, NAME_CHARS)) } }
                    @for (a, fields) in &l.changed {
                        li data-change="changed" { "~ " (shown(a, NAME_CHARS)) ": " (shown(&fields.join(", "), TEXT_CHARS)) }
                    }
                }
            }
        }
        @if let Some((crossed, old_n)) = &d.budgets {
            p {
                @if crossed.is_empty() { "Budgets: all kept" } @else { "Budgets crossed: " (plural(crossed.len(), "finding")) }
                " (the old version had " (old_n) " over)."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        let shown: Vec<String> = [0, 7, 999, 1000, 38_550, 1_000_000].into_iter().map(grouped).collect();
        assert_eq!(shown, ["0", "7", "999", "1,000", "38,550", "1,000,000"]);
        assert_eq!(plural(1, "item"), "1 item");
        assert_eq!(plural(5000, "item"), "5,000 items");
    }
}
