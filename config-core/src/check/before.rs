//! `before` checks: in each table, a field's value must be strictly less than the named
//! sibling's (numbers, or datetimes of one kind), read from the position's pairs. Part of
//! the one checker source (see `check/mod.rs`).

/// `check_before` and `sibling_key`, for `checker!`.
macro_rules! before_checks {
    ($($c:ident)?; $R:ty) => {
        /// The key of the sibling field named `name` (by Rust name or key).
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

        /// The one `before` finding, at `loc`.
        $($c)? fn report_before(r: &mut $R, s: &Summary<'_>, loc: Loc, key: &str, other_key: &str) {
            if r.begin(RuleId::Before, loc, s.str(loc.path), "") {
                r.push("`");
                r.push(key);
                r.push("` must be before `");
                r.push(other_key);
                r.push("`, but it is not");
                r.help("check the order of the two values (and their UTC offsets)");
                r.end();
            }
        }

        $($c)? fn check_before(r: &mut $R, s: &Summary<'_>, pos: &Pos, field: &'static Field, fields: &'static [Field], zone: Option<&'static ZoneRules>) {
            let mut i = 0;
            while i < field.rules.len() {
                if let Rule::Before(other) = field.rules[i] {
                    let other_key = sibling_key(fields, other);
                    check_mixed_before(r, s, pos, field, other_key, fields, zone);
                    let mut j = 0;
                    while j < pos.pairs.len {
                        let pr = s.pairs[pos.pairs.at(j)];
                        if field.matches(s.str(pr.a)) && str_eq(s.str(pr.b), other_key) {
                            report_before(r, s, pr.loc, field.key, other_key);
                        }
                        j += 1;
                    }
                }
                i += 1;
            }
        }
    };
}
pub(crate) use before_checks;

/// `check_mixed_before`, for `checker!`: a local datetime against an offset one, ordered by
/// the zone in force at each field (no zone: the `datetime` kind finding covers it).
macro_rules! mixed_before_checks {
    ($($c:ident)?; $R:ty) => {
        $($c)? fn check_mixed_before(
            r: &mut $R, s: &Summary<'_>, pos: &Pos, field: &'static Field, other_key: &'static str,
            fields: &'static [Field], zone: Option<&'static ZoneRules>,
        ) {
            let Some(other) = field_named(fields, other_key) else { return };
            let (za, zb) = (zone_in(field.rules, zone), zone_in(other.rules, zone));
            let mut j = 0;
            while j < pos.mixed_pairs.len {
                let m = s.mixed_pairs[pos.mixed_pairs.at(j)];
                j += 1;
                if !field.matches(s.str(m.a)) || !str_eq(s.str(m.b), other_key) {
                    continue;
                }
                let (Some(ta), Some(tb)) = (instant_nanos(m.a_at, za), instant_nanos(m.b_at, zb)) else { continue };
                if ta >= tb {
                    report_before(r, s, m.loc, field.key, other_key);
                }
            }
        }
    };
}
pub(crate) use mixed_before_checks;
