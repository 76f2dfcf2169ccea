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

        $($c)? fn check_before(r: &mut $R, s: &Summary<'_>, pos: &Pos, field: &Field, fields: &'static [Field]) {
            let mut i = 0;
            while i < field.rules.len() {
                if let Rule::Before(other) = field.rules[i] {
                    let other_key = sibling_key(fields, other);
                    let mut j = 0;
                    while j < pos.pairs.len {
                        let pr = s.pairs[pos.pairs.at(j)];
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
pub(crate) use before_checks;
