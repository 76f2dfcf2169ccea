//! Number checks: integers within their Rust type's bounds, and `range` over integers
//! and floats (NaN included), read from the position's record lists. Part of the one
//! checker source (see `check/mod.rs`).

/// `check_int_bounds`, `check_ranges` and the record-list helpers (`first_over`,
/// `first_under`), for `checker!`.
macro_rules! range_checks {
    ($($c:ident)?; $R:ty) => {
        /// Integers outside the bounds of the Rust type `ty` (`type_min..=type_max`, as far as
        /// TOML's `i64` reaches). A declared `range` bound inside the type's range reports
        /// the value itself instead (see `check_ranges`).
        $($c)? fn check_int_bounds(r: &mut $R, s: &Summary<'_>, pos: &Pos, ty: &str, type_min: i128, type_max: i128, rules: &'static [Rule]) {
            let lo = if type_min < i64::MIN as i128 { i64::MIN as i128 } else { type_min };
            let hi = if type_max > i64::MAX as i128 { i64::MAX as i128 } else { type_max };
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
                if let Some(e) = first_over(s, pos, RecordList::IntHi, Num::Int(hi)) {
                    type_range_error(r, s, e, ty, lo, hi);
                }
            }
            if !tighter_lo {
                if let Some(e) = first_under(s, pos, RecordList::IntLo, Num::Int(lo)) {
                    type_range_error(r, s, e, ty, lo, hi);
                }
            }
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

        /// Finite numbers outside `f32`'s range in an `f32` field (they would become
        /// infinities when deserialized). A declared `range` bound inside `f32`'s range
        /// reports the value itself instead (see `check_ranges`). `inf` is an `f32` and
        /// passes; a finite value after an infinity at the same position is found at run
        /// time (one position per index) but not by the folded build-time summary, whose
        /// record list the infinity tops.
        $($c)? fn check_f32_bounds(r: &mut $R, s: &Summary<'_>, pos: &Pos, rules: &'static [Rule]) {
            let limit = f32::MAX as f64;
            let (mut tighter_hi, mut tighter_lo) = (false, false);
            let mut j = 0;
            while j < rules.len() {
                if let Rule::Range { min, max } = rules[j] {
                    if let Some(m) = max {
                        tighter_hi |= !Num::Float(limit).lt(m);
                    }
                    if let Some(m) = min {
                        tighter_lo |= !m.lt(Num::Float(-limit));
                    }
                }
                j += 1;
            }
            let hi = if tighter_hi { None } else { first_past(s, pos, RecordList::FloatHi, Num::Float(limit), true, true) };
            let lo = if tighter_lo { None } else { first_past(s, pos, RecordList::FloatLo, Num::Float(-limit), false, true) };
            if let Some(e) = earlier(hi, lo) {
                if r.begin(RuleId::Range, e.loc, s.str(e.loc.path), "") {
                    r.push("number ");
                    r.push_val(e.v);
                    r.push(" is out of range for f32");
                    r.help("an f32 holds finite values up to \u{b1}3.4028235e38; use f64 for larger numbers");
                    r.end();
                }
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
        $($c)? fn first_over(s: &Summary<'_>, pos: &Pos, which: RecordList, bound: Num) -> Option<Extreme> {
            first_past(s, pos, which, bound, true, false)
        }

        /// First entry of a record list below `bound`.
        $($c)? fn first_under(s: &Summary<'_>, pos: &Pos, which: RecordList, bound: Num) -> Option<Extreme> {
            first_past(s, pos, which, bound, false, false)
        }

        /// First entry of a record list above (`above`) or below `bound`; with
        /// `finite_only`, infinities are passed over.
        $($c)? fn first_past(s: &Summary<'_>, pos: &Pos, which: RecordList, bound: Num, above: bool, finite_only: bool) -> Option<Extreme> {
            let sp = pos.records[which.index()];
            let mut i = 0;
            while i < sp.len {
                let e = s.records[sp.at(i)];
                let past = if above { val_gt(e.v, bound) } else { val_lt(e.v, bound) };
                let finite = match e.v {
                    Val::Float(x) => x.is_finite(),
                    Val::Int(_) => true,
                };
                if past && (finite || !finite_only) {
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

        /// `range` over the integers and floats at `pos`, and NaN under any `range`.
        $($c)? fn check_ranges(r: &mut $R, s: &Summary<'_>, pos: &Pos, rules: &'static [Rule]) {
            let mut i = 0;
            while i < rules.len() {
                if let Rule::Range { min, max } = rules[i] {
                    if let Some(m) = max {
                        let e = earlier(first_over(s, pos, RecordList::IntHi, m), first_over(s, pos, RecordList::FloatHi, m));
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
                        let e = earlier(first_under(s, pos, RecordList::IntLo, m), first_under(s, pos, RecordList::FloatLo, m));
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
    };
}
pub(crate) use range_checks;
