//! Datetime checks: strings at a datetime position that are not a datetime of the form
//! the schema wants (native TOML datetimes of the wrong form are a kind check, in
//! `check/kinds.rs`). Part of the one checker source (see `check/mod.rs`).

/// `check_datetime_strings`, for `checker!`.
macro_rules! datetime_checks {
    ($($c:ident)?; $R:ty) => {
        /// The first string at `pos` that does not parse as a datetime of form `kind`.
        $($c)? fn check_datetime_strings(r: &mut $R, s: &Summary<'_>, pos: &Pos, kind: DtKind) {
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
    };
}
pub(crate) use datetime_checks;
