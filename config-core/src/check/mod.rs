//! The checker: walks a schema and a [`Summary`](crate::summary::Summary) together and
//! reports every rule violation.
//!
//! There is one checker source, written once in [`checker!`] as `const`-compatible code
//! (no iterators, no traits, `while` loops) and instantiated twice: in [`ct`] as `const
//! fn` writing into a fixed buffer (the build error), and in [`rt`] as plain functions
//! collecting findings (run time and the linter). Both write the same message text
//! through the same calls, so `cargo build`, `Live` and `config-lint` say the same thing.

mod ct_report;
mod num;
mod rt_report;
mod valid;

pub use ct_report::{ConstReport, check_or_fail};
pub use num::{push_u128_to, push_val_to};
pub use rt_report::{Finding, MAX_PER_RULE, RtReport};
pub use valid::validate_field_rules;

/// Generates the checker for one report type. `$c` is `const` or nothing.
macro_rules! checker {
    ($($c:ident)?; $R:ty) => {
        use $crate::rule_id::RuleId;
        use $crate::schema::{Field, Num, Rule, Schema, SchemaRef, unwrap_opt};
        use $crate::summary::{Ext, Extreme, Kind, KeyPos, NONE, Pos, Summary, Val, DISTINCT_CAP};
        use $crate::text::{is_close, str_eq};

        /// Checks a whole summary against the root schema.
        pub $($c)? fn check(r: &mut $R, s: &Summary<'_>, root: SchemaRef) {
            check_pos(r, s, root.get(), s.root, &[], true);
        }

        $($c)? fn accepts(sch: &Schema, k: Kind) -> bool {
            match (sch, k) {
                (Schema::Opt(inner), _) => accepts(inner.get(), k),
                (Schema::Bool, Kind::Bool)
                | (Schema::Int { .. }, Kind::Int)
                | (Schema::Float { .. }, Kind::Float | Kind::Int)
                | (Schema::Str, Kind::Str)
                | (Schema::Enum { .. }, Kind::Str)
                | (Schema::DateTime { .. }, Kind::Str | Kind::Dt(_))
                | (Schema::Seq(_), Kind::Arr)
                | (Schema::Map(_), Kind::Tab)
                | (Schema::Struct(_), Kind::Tab) => true,
                _ => false,
            }
        }

        $($c)? fn push_expected(r: &mut $R, sch: &'static Schema) {
            match unwrap_opt(sch) {
                Schema::Int { ty, .. } => {
                    r.push("an integer (");
                    r.push(ty);
                    r.push(")");
                }
                Schema::Float { ty } => {
                    r.push("a number (");
                    r.push(ty);
                    r.push(")");
                }
                Schema::Struct(st) => {
                    r.push("a table (");
                    r.push(st.name);
                    r.push(")");
                }
                Schema::Enum { name, .. } => {
                    r.push("a string naming a ");
                    r.push(name);
                }
                Schema::DateTime { kind, .. } => {
                    r.push(kind.name());
                    r.push(" like `");
                    r.push(kind.example());
                    r.push("`");
                }
                Schema::Bool => r.push("a boolean"),
                Schema::Str => r.push("a string"),
                Schema::Seq(_) => r.push("an array"),
                Schema::Map(_) => r.push("a table"),
                Schema::Opt(_) => r.push("a value"),
            }
        }

        $($c)? fn check_pos(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, p: u32, rules: &'static [Rule], outer: bool) {
            if p == NONE || (p as usize) >= s.pos.len() {
                return;
            }
            let pos = &s.pos[p as usize];
            let sch = unwrap_opt(sch);
            // kinds
            let mut i = 0;
            while i < pos.kinds.len {
                let ks = s.kinds[(pos.kinds.start + i) as usize];
                match (sch, ks.kind) {
                    (Schema::DateTime { kind, .. }, Kind::Dt(k)) => {
                        if k.index() != kind.index() && r.begin(RuleId::Datetime, ks.loc, s.str(ks.loc.path), "") {
                            r.push("expected ");
                            push_expected(r, sch);
                            r.push(", found ");
                            r.push(ks.kind.name());
                            r.end();
                        }
                    }
                    _ => {
                        if !accepts(sch, ks.kind) && r.begin(RuleId::Type, ks.loc, s.str(ks.loc.path), "") {
                            r.push("expected ");
                            push_expected(r, sch);
                            r.push(", found ");
                            r.push(ks.kind.name());
                            r.end();
                        }
                    }
                }
                i += 1;
            }
            if outer {
                check_outer_rules(r, s, sch, p, rules);
            }
            match sch {
                Schema::Int { ty, min, max } => {
                    let lo = if *min < i64::MIN as i128 { i64::MIN as i128 } else { *min };
                    let hi = if *max > i64::MAX as i128 { i64::MAX as i128 } else { *max };
                    // a declared bound inside the type's range reports the value itself
                    let (mut tighter_hi, mut tighter_lo) = (false, false);
                    let mut j = 0;
                    while j < rules.len() {
                        if let Rule::Range { min, max } = rules[j] {
                            if let Some(m) = max {
                                tighter_hi |= !Num::Int(hi).lt(m);
                            }
                            if let Some(m) = min {
                                tighter_lo |= !m.lt(Num::Int(lo));
                            }
                        }
                        j += 1;
                    }
                    if !tighter_hi {
                        if let Some(e) = first_over(s, pos, Ext::IntHi, Num::Int(hi)) {
                            type_range_error(r, s, e, ty, lo, hi);
                        }
                    }
                    if !tighter_lo {
                        if let Some(e) = first_under(s, pos, Ext::IntLo, Num::Int(lo)) {
                            type_range_error(r, s, e, ty, lo, hi);
                        }
                    }
                    check_ranges(r, s, pos, rules);
                }
                Schema::Float { .. } => check_ranges(r, s, pos, rules),
                Schema::Str => {
                    check_control(r, s, pos);
                    let mut i = 0;
                    while i < rules.len() {
                        match &rules[i] {
                            Rule::Url => {
                                if let Some(b) = pos.bad_url {
                                    if r.begin(RuleId::Url, b.loc, s.str(b.loc.path), "") {
                                        r.push("\"");
                                        r.push(s.str(b.text));
                                        r.push("\" is not a safe link: ");
                                        r.push(s.str(b.why));
                                        r.help("use a path like `/sale` or a full `https://` URL");
                                        r.end();
                                    }
                                }
                            }
                            Rule::OneOf(set) => check_distinct(r, s, pos, set, RuleId::OneOf),
                            _ => {}
                        }
                        i += 1;
                    }
                }
                Schema::Enum { variants, .. } => {
                    check_control(r, s, pos);
                    check_distinct(r, s, pos, variants, RuleId::OneOf);
                }
                Schema::DateTime { kind, .. } => {
                    check_control(r, s, pos);
                    if has_kind(s, pos, Kind::Str) {
                        if let Some(b) = pos.bad_dt[kind.index()] {
                            if r.begin(RuleId::Datetime, b.loc, s.str(b.loc.path), "") {
                                r.push("invalid datetime \"");
                                r.push(s.str(b.text));
                                r.push("\": ");
                                r.push(s.str(b.why));
                                r.help("write ");
                                r.push(kind.name());
                                r.push(" like `");
                                r.push(kind.example());
                                r.push("`");
                                r.end();
                            }
                        }
                    }
                }
                Schema::Seq(inner) => {
                    let mut i = 0;
                    while i < pos.elems.len {
                        check_pos(r, s, inner.get(), s.elems[(pos.elems.start + i) as usize], rules, false);
                        i += 1;
                    }
                }
                Schema::Map(inner) => {
                    let mut i = 0;
                    while i < pos.keys.len {
                        let kp = s.keys[(pos.keys.start + i) as usize];
                        check_pos(r, s, inner.get(), kp.pos, rules, false);
                        i += 1;
                    }
                }
                Schema::Struct(st) => check_struct(r, s, st.name, st.fields, pos),
                Schema::Bool | Schema::Opt(_) => {}
            }
        }

        $($c)? fn has_kind(s: &Summary<'_>, pos: &Pos, k: Kind) -> bool {
            let mut i = 0;
            while i < pos.kinds.len {
                let seen = s.kinds[(pos.kinds.start + i) as usize].kind;
                let same = match (seen, k) {
                    (Kind::Dt(a), Kind::Dt(b)) => a.index() == b.index(),
                    (Kind::Bool, Kind::Bool) | (Kind::Int, Kind::Int) | (Kind::Float, Kind::Float)
                    | (Kind::Str, Kind::Str) | (Kind::Arr, Kind::Arr) | (Kind::Tab, Kind::Tab) => true,
                    _ => false,
                };
                if same {
                    return true;
                }
                i += 1;
            }
            false
        }

        $($c)? fn type_range_error(r: &mut $R, s: &Summary<'_>, e: Extreme, ty: &str, lo: i128, hi: i128) {
            if r.begin(RuleId::Range, e.loc, s.str(e.loc.path), "") {
                r.push("integer ");
                r.push_val(e.v);
                r.push(" is out of range for ");
                r.push(ty);
                r.push(" (");
                r.push_val(Val::Int(lo));
                r.push("..=");
                r.push_val(Val::Int(hi));
                r.push(")");
                r.end();
            }
        }

        $($c)? fn val_lt(a: Val, b: Num) -> bool {
            match (a, b) {
                (Val::Int(x), Num::Int(y)) => x < y,
                (Val::Int(x), Num::Float(y)) => (x as f64) < y,
                (Val::Float(x), _) => x < b.as_f64(),
            }
        }

        $($c)? fn val_gt(a: Val, b: Num) -> bool {
            match (a, b) {
                (Val::Int(x), Num::Int(y)) => x > y,
                (Val::Int(x), Num::Float(y)) => (x as f64) > y,
                (Val::Float(x), _) => x > b.as_f64(),
            }
        }

        /// First entry of a record list above `bound`.
        $($c)? fn first_over(s: &Summary<'_>, pos: &Pos, which: Ext, bound: Num) -> Option<Extreme> {
            let sp = pos.ext[which as usize];
            let mut i = 0;
            while i < sp.len {
                let e = s.exts[(sp.start + i) as usize];
                if val_gt(e.v, bound) {
                    return Some(e);
                }
                i += 1;
            }
            None
        }

        /// First entry of a record list below `bound`.
        $($c)? fn first_under(s: &Summary<'_>, pos: &Pos, which: Ext, bound: Num) -> Option<Extreme> {
            let sp = pos.ext[which as usize];
            let mut i = 0;
            while i < sp.len {
                let e = s.exts[(sp.start + i) as usize];
                if val_lt(e.v, bound) {
                    return Some(e);
                }
                i += 1;
            }
            None
        }

        /// The earlier (in the document) of two findings.
        $($c)? fn earlier(a: Option<Extreme>, b: Option<Extreme>) -> Option<Extreme> {
            match (a, b) {
                (Some(x), Some(y)) => if y.loc.off < x.loc.off { Some(y) } else { Some(x) },
                (Some(x), None) => Some(x),
                (None, y) => y,
            }
        }

        $($c)? fn check_ranges(r: &mut $R, s: &Summary<'_>, pos: &Pos, rules: &'static [Rule]) {
            let mut i = 0;
            while i < rules.len() {
                if let Rule::Range { min, max } = rules[i] {
                    if let Some(m) = max {
                        let e = earlier(first_over(s, pos, Ext::IntHi, m), first_over(s, pos, Ext::FloatHi, m));
                        if let Some(e) = e {
                            if r.begin(RuleId::Range, e.loc, s.str(e.loc.path), "") {
                                r.push_val(e.v);
                                r.push(" is above the maximum of ");
                                r.push_num(m);
                                push_range_help(r, min, max);
                                r.end();
                            }
                        }
                    }
                    if let Some(m) = min {
                        let e = earlier(first_under(s, pos, Ext::IntLo, m), first_under(s, pos, Ext::FloatLo, m));
                        if let Some(e) = e {
                            if r.begin(RuleId::Range, e.loc, s.str(e.loc.path), "") {
                                r.push_val(e.v);
                                r.push(" is below the minimum of ");
                                r.push_num(m);
                                push_range_help(r, min, max);
                                r.end();
                            }
                        }
                    }
                    if let Some(l) = pos.nan {
                        if r.begin(RuleId::Range, l, s.str(l.path), "") {
                            r.push("NaN is not a number within the allowed range");
                            push_range_help(r, min, max);
                            r.end();
                        }
                    }
                }
                i += 1;
            }
        }

        $($c)? fn push_range_help(r: &mut $R, min: Option<Num>, max: Option<Num>) {
            r.help("allowed: ");
            match (min, max) {
                (Some(a), Some(b)) => {
                    r.push_num(a);
                    r.push("..=");
                    r.push_num(b);
                }
                (Some(a), None) => {
                    r.push(">= ");
                    r.push_num(a);
                }
                (None, Some(b)) => {
                    r.push("<= ");
                    r.push_num(b);
                }
                (None, None) => r.push("any number"),
            }
        }

        $($c)? fn check_control(r: &mut $R, s: &Summary<'_>, pos: &Pos) {
            if let Some(b) = pos.control {
                if r.begin(RuleId::ControlChar, b.loc, s.str(b.loc.path), "") {
                    r.push("string contains ");
                    r.push(s.str(b.why));
                    r.help("remove invisible control and text-direction characters");
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

        $($c)? fn check_distinct(r: &mut $R, s: &Summary<'_>, pos: &Pos, set: &[&str], rule: RuleId) {
            if !has_kind(s, pos, Kind::Str) {
                return;
            }
            let mut i = 0;
            while i < pos.distinct.len {
                let d = s.distinct[(pos.distinct.start + i) as usize];
                let v = s.str(d.text);
                if !in_set(set, v) && r.begin(rule, d.loc, s.str(d.loc.path), "") {
                    r.push("\"");
                    r.push(v);
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
                let d = s.distinct[pos.distinct.start as usize];
                if r.begin(rule, d.loc, s.str(d.loc.path), "") {
                    r.push("more distinct values here than the build-time check can compare");
                    r.end();
                }
            }
        }

        $($c)? fn check_outer_rules(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, p: u32, rules: &'static [Rule]) {
            let pos = &s.pos[p as usize];
            let mut i = 0;
            while i < rules.len() {
                match rules[i] {
                    Rule::Len { min, max } => {
                        let (hi, lo, what) = match sch {
                            Schema::Str => (Ext::StrLenHi, Ext::StrLenLo, " characters"),
                            Schema::Map(_) => (Ext::TabLenHi, Ext::TabLenLo, " entries"),
                            _ => (Ext::ArrLenHi, Ext::ArrLenLo, " items"),
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
                    Rule::MaxNodes(m) => {
                        if let Some(e) = first_over(s, pos, Ext::NodesHi, Num::Int(m as i128)) {
                            if r.begin(RuleId::MaxNodes, e.loc, s.str(e.loc.path), "") {
                                r.push("has ");
                                r.push_val(e.v);
                                r.push(" nodes (tables), over the budget of ");
                                r.push_val(Val::Int(m as i128));
                                r.help("every node adds to the payload served to each visitor; remove entries or raise `max_nodes`");
                                r.end();
                            }
                        }
                    }
                    Rule::MaxJsonBytes(m) => {
                        if let Some(e) = first_over(s, pos, Ext::JsonHi, Num::Int(m as i128)) {
                            if r.begin(RuleId::MaxJsonBytes, e.loc, s.str(e.loc.path), "") {
                                r.push("is ");
                                r.push_val(e.v);
                                r.push(" bytes as compact JSON, over the budget of ");
                                r.push_val(Val::Int(m as i128));
                                r.push(" bytes");
                                r.help("this value is sent to clients; shrink it or raise `max_json_bytes`");
                                r.end();
                            }
                        }
                    }
                    Rule::Unique(key) => check_unique(r, s, pos, key),
                    Rule::MaxDepth(m) => {
                        if let Some(node) = node_struct(sch, 0) {
                            depth_walk(r, s, sch, p, node, 0, m);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }

        $($c)? fn check_unique(r: &mut $R, s: &Summary<'_>, pos: &Pos, key: Option<&'static str>) {
            let mut i = 0;
            while i < pos.dups.len {
                let d = s.dups[(pos.dups.start + i) as usize];
                let hit = match key {
                    None => d.key == NONE,
                    Some(k) => d.key != NONE && str_eq(s.str(d.key), k),
                };
                if hit && r.begin(RuleId::Unique, d.loc, s.str(d.loc.path), "") {
                    match key {
                        Some(k) => {
                            r.push("duplicate `");
                            r.push(k);
                            r.push("`: an earlier item has the same value");
                            r.help("each item needs its own `");
                            r.push(k);
                            r.push("`");
                        }
                        None => r.push("duplicate item: the same value appears earlier in this list"),
                    }
                    r.end();
                }
                i += 1;
            }
        }

        /// The struct a (possibly wrapped) type leads to.
        $($c)? fn node_struct(sch: &'static Schema, depth: u32) -> Option<&'static str> {
            if depth > 8 {
                return None;
            }
            match sch {
                Schema::Opt(i) | Schema::Seq(i) | Schema::Map(i) => node_struct(i.get(), depth + 1),
                Schema::Struct(st) => Some(st.id),
                _ => None,
            }
        }

        /// Walks the positions under a `max_depth` field, counting levels of the node
        /// type; reports the first node one level too deep at each position.
        $($c)? fn depth_walk(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, p: u32, node: &str, level: u32, max: u32) {
            if p == NONE || (p as usize) >= s.pos.len() {
                return;
            }
            let pos = &s.pos[p as usize];
            match unwrap_opt(sch) {
                Schema::Seq(inner) => {
                    let mut i = 0;
                    while i < pos.elems.len {
                        depth_walk(r, s, inner.get(), s.elems[(pos.elems.start + i) as usize], node, level, max);
                        i += 1;
                    }
                }
                Schema::Map(inner) => {
                    let mut i = 0;
                    while i < pos.keys.len {
                        depth_walk(r, s, inner.get(), s.keys[(pos.keys.start + i) as usize].pos, node, level, max);
                        i += 1;
                    }
                }
                Schema::Struct(st) => {
                    let Some(t) = pos.first_table else { return };
                    let lvl = if str_eq(st.id, node) { level + 1 } else { level };
                    if lvl > max {
                        if r.begin(RuleId::MaxDepth, t, s.str(t.path), "") {
                            r.push("nested ");
                            r.push_val(Val::Int(lvl as i128));
                            r.push(" levels deep; at most ");
                            r.push_val(Val::Int(max as i128));
                            r.push(" are allowed");
                            r.help("each level multiplies the payload; move this entry up or remove it");
                            r.end();
                        }
                        return;
                    }
                    let mut f = 0;
                    while f < st.fields.len() {
                        let field = &st.fields[f];
                        if let Some(kp) = find_key(s, pos, field) {
                            depth_walk(r, s, field.ty.get(), kp.pos, node, lvl, max);
                        }
                        f += 1;
                    }
                }
                _ => {}
            }
        }

        $($c)? fn find_key(s: &Summary<'_>, pos: &Pos, field: &Field) -> Option<KeyPos> {
            let mut i = 0;
            while i < pos.keys.len {
                let kp = s.keys[(pos.keys.start + i) as usize];
                if field.matches(s.str(kp.key)) {
                    return Some(kp);
                }
                i += 1;
            }
            None
        }

        $($c)? fn field_keys_list(r: &mut $R, fields: &'static [Field]) {
            let mut i = 0;
            while i < fields.len() {
                if i > 0 {
                    r.push(", ");
                }
                if i == 16 {
                    r.push("...");
                    break;
                }
                r.push("`");
                r.push(fields[i].key);
                r.push("`");
                i += 1;
            }
        }

        $($c)? fn check_struct(r: &mut $R, s: &Summary<'_>, name: &str, fields: &'static [Field], pos: &Pos) {
            // unknown keys
            let mut i = 0;
            while i < pos.keys.len {
                let kp = s.keys[(pos.keys.start + i) as usize];
                let key = s.str(kp.key);
                let mut known = false;
                let mut f = 0;
                while f < fields.len() {
                    if fields[f].matches(key) {
                        known = true;
                        break;
                    }
                    f += 1;
                }
                if !known && r.begin(RuleId::UnknownKey, kp.loc, s.str(kp.loc.path), "") {
                    r.push("unknown key `");
                    r.push(key);
                    r.push("` in ");
                    r.push(name);
                    let mut hint: Option<&str> = None;
                    let mut f = 0;
                    while f < fields.len() {
                        if is_close(key, fields[f].key) {
                            hint = Some(fields[f].key);
                            break;
                        }
                        f += 1;
                    }
                    match hint {
                        Some(h) => {
                            r.help("did you mean `");
                            r.push(h);
                            r.push("`?");
                        }
                        None => {
                            r.help("expected one of ");
                            field_keys_list(r, fields);
                        }
                    }
                    r.end();
                }
                i += 1;
            }
            // missing fields, `before`, and the fields' own values
            let mut f = 0;
            while f < fields.len() {
                let field = &fields[f];
                let kp = find_key(s, pos, field);
                let missing = match kp {
                    Some(k) => k.missing_at,
                    None => pos.first_table,
                };
                if field.required {
                    if let Some(l) = missing {
                        if r.begin(RuleId::MissingField, l, s.str(l.path), field.key) {
                            r.push("missing required field `");
                            r.push(field.key);
                            r.push("` in ");
                            r.push(name);
                            r.end();
                        }
                    }
                }
                check_before(r, s, pos, field, fields);
                if let Some(k) = kp {
                    check_pos(r, s, field.ty.get(), k.pos, field.rules, true);
                }
                f += 1;
            }
        }

        $($c)? fn sibling_key(fields: &'static [Field], name: &str) -> &'static str {
            let mut i = 0;
            while i < fields.len() {
                if str_eq(fields[i].ident, name) || str_eq(fields[i].key, name) {
                    return fields[i].key;
                }
                i += 1;
            }
            ""
        }

        $($c)? fn check_before(r: &mut $R, s: &Summary<'_>, pos: &Pos, field: &Field, fields: &'static [Field]) {
            let mut i = 0;
            while i < field.rules.len() {
                if let Rule::Before(other) = field.rules[i] {
                    let other_key = sibling_key(fields, other);
                    let mut j = 0;
                    while j < pos.pairs.len {
                        let pr = s.pairs[(pos.pairs.start + j) as usize];
                        if field.matches(s.str(pr.a)) && str_eq(s.str(pr.b), other_key)
                            && r.begin(RuleId::Before, pr.loc, s.str(pr.loc.path), "")
                        {
                            r.push("`");
                            r.push(field.key);
                            r.push("` must be before `");
                            r.push(other_key);
                            r.push("`, but it is not");
                            r.help("check the order of the two values (and their UTC offsets)");
                            r.end();
                        }
                        j += 1;
                    }
                }
                i += 1;
            }
        }
    };
}

/// The checker as `const fn`, for build-time evaluation.
pub mod ct {
    checker!(const; super::ConstReport);
}

/// The checker as plain functions, for run time and the linter.
pub mod rt {
    checker!(; super::RtReport);
}
