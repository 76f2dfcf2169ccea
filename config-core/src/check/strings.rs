//! String checks: `len` (of strings, and of arrays and maps, read from the same record
//! lists), `url`, forbidden characters (`control_char`), and `one_of` / enum variants
//! over the distinct strings of a position. Part of the one checker source (see
//! `check/mod.rs`).

/// `check_len`, `check_url`, `check_control` and `check_distinct`, for `checker!`.
macro_rules! string_checks {
    ($($c:ident)?; $R:ty) => {
        /// `len`: characters of a string, entries of a map, items of an array.
        $($c)? fn check_len(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, pos: &Pos, min: Option<u64>, max: Option<u64>) {
            let (hi, lo, what) = match sch {
                Schema::Str => (RecordList::StrLenHi, RecordList::StrLenLo, " characters"),
                Schema::Map(_) => (RecordList::TabLenHi, RecordList::TabLenLo, " entries"),
                _ => (RecordList::ArrLenHi, RecordList::ArrLenLo, " items"),
            };
            if let Some(m) = max {
                if let Some(e) = first_over(s, pos, hi, Num::Int(m as i128)) {
                    if r.begin(RuleId::Len, e.loc, s.str(e.loc.path), "") {
                        r.push("has ");
                        r.push_val(e.v);
                        r.push(what);
                        r.push(", more than the maximum of ");
                        r.push_val(Val::Int(m as i128));
                        r.end();
                    }
                }
            }
            if let Some(m) = min {
                if let Some(e) = first_under(s, pos, lo, Num::Int(m as i128)) {
                    if r.begin(RuleId::Len, e.loc, s.str(e.loc.path), "") {
                        r.push("has ");
                        r.push_val(e.v);
                        r.push(what);
                        r.push(", fewer than the minimum of ");
                        r.push_val(Val::Int(m as i128));
                        r.end();
                    }
                }
            }
        }

        /// `url`: the first string at `pos` that is not a safe link, and what breaks the
        /// options: the first absolute link (`relative`), the first `http://` link
        /// (`https`), the first link to each host outside `hosts(...)`.
        $($c)? fn check_url(r: &mut $R, s: &Summary<'_>, pos: &Pos, opts: &UrlOptions) {
            if let Some(b) = pos.bad_url {
                url_finding(r, s, b, "\" is not a safe link: ", "use a path like `/sale` or a full `https://` URL");
            }
            if opts.relative {
                if let Some(b) = pos.url_absolute {
                    url_finding(r, s, b, "\" is not allowed: ", "use a path like `/sale`");
                }
            }
            if opts.https {
                if let Some(b) = pos.url_http {
                    url_finding(r, s, b, "\" is not allowed: ", "write the link with `https://`");
                }
            }
            if opts.hosts.is_empty() {
                return;
            }
            let mut i = 0;
            while i < pos.url_hosts.len {
                let d = s.url_hosts[pos.url_hosts.at(i)];
                let host = s.str(d.text);
                if !host_allowed(host, opts.hosts) && r.begin(RuleId::Url, d.loc, s.str(d.loc.path), "") {
                    r.push("links to host `");
                    r.push(s.str(d.shown));
                    r.push("`, which is not one of ");
                    push_list(r, opts.hosts);
                    r.end();
                }
                i += 1;
            }
            if pos.url_hosts_overflow && pos.url_hosts.len > 0 {
                let d = s.url_hosts[pos.url_hosts.at(0)];
                if r.begin(RuleId::Url, d.loc, s.str(d.loc.path), "") {
                    r.push("more distinct hosts here than the build-time check can compare");
                    r.end();
                }
            }
        }

        /// One `url` finding about the link `b`: `"<link><verdict><why>`, then `help`.
        $($c)? fn url_finding(r: &mut $R, s: &Summary<'_>, b: $crate::summary::Bad, verdict: &str, help: &str) {
            if r.begin(RuleId::Url, b.loc, s.str(b.loc.path), "") {
                r.push("\"");
                r.push(s.str(b.text));
                r.push(verdict);
                r.push(s.str(b.why));
                r.help(help);
                r.end();
            }
        }

        /// `control_char`: the first string at `pos` with a forbidden character.
        $($c)? fn check_control(r: &mut $R, s: &Summary<'_>, pos: &Pos) {
            if let Some(b) = pos.control {
                if r.begin(RuleId::ControlChar, b.loc, s.str(b.loc.path), "") {
                    r.push("string contains ");
                    r.push(s.str(b.why));
                    r.help("remove invisible characters: controls, zero-width and text-direction characters");
                    r.end();
                }
            }
        }

        /// `control_char` in keys: the first key naming `pos` with a forbidden character.
        $($c)? fn check_key_control(r: &mut $R, s: &Summary<'_>, pos: &Pos) {
            if let Some(b) = pos.key_control {
                if r.begin(RuleId::ControlChar, b.loc, s.str(b.loc.path), "") {
                    r.push("key \"");
                    r.push(s.str(b.text));
                    r.push("\" contains ");
                    r.push(s.str(b.why));
                    r.help("retype the key: an invisible character makes it differ from the key it looks like");
                    r.end();
                }
            }
        }

        $($c)? fn in_set(set: &[&str], v: &str) -> bool {
            let mut i = 0;
            while i < set.len() {
                if str_eq(set[i], v) {
                    return true;
                }
                i += 1;
            }
            false
        }

        $($c)? fn push_list(r: &mut $R, set: &[&str]) {
            let mut i = 0;
            while i < set.len() {
                if i > 0 {
                    r.push(", ");
                }
                if i == 12 {
                    r.push("...");
                    break;
                }
                r.push("`");
                r.push(set[i]);
                r.push("`");
                i += 1;
            }
        }

        $($c)? fn closest<'a>(set: &[&'a str], v: &str) -> Option<&'a str> {
            let mut i = 0;
            while i < set.len() {
                if is_close(v, set[i]) {
                    return Some(set[i]);
                }
                i += 1;
            }
            None
        }

        /// `one_of` and enum variants: each distinct string at `pos` not in `set`.
        $($c)? fn check_distinct(r: &mut $R, s: &Summary<'_>, pos: &Pos, set: &[&str], rule: RuleId) {
            if !has_kind(s, pos, Kind::Str) {
                return;
            }
            let mut i = 0;
            while i < pos.distinct.len {
                let d = s.distinct[pos.distinct.at(i)];
                let v = s.str(d.text);
                if !in_set(set, v) && r.begin(rule, d.loc, s.str(d.loc.path), "") {
                    r.push("\"");
                    r.push(s.str(d.shown));
                    r.push("\" is not one of ");
                    push_list(r, set);
                    if let Some(c) = closest(set, v) {
                        r.help("did you mean `");
                        r.push(c);
                        r.push("`?");
                    }
                    r.end();
                }
                i += 1;
            }
            if pos.distinct_overflow && set.len() >= DISTINCT_CAP && pos.distinct.len > 0 {
                let d = s.distinct[pos.distinct.at(0)];
                if r.begin(rule, d.loc, s.str(d.loc.path), "") {
                    r.push("more distinct values here than the build-time check can compare");
                    r.end();
                }
            }
        }
    };
}
pub(crate) use string_checks;
