//! Datetime checks: strings at a datetime position that are not a datetime of the form
//! the schema wants (native TOML datetimes of the wrong form are a kind check, in
//! `check/kinds.rs`). Part of the one checker source (see `check/mod.rs`).

/// `check_datetime_strings` and `push_invalid_datetime`, for `checker!`.
macro_rules! datetime_checks {
    ($($c:ident)?; $R:ty) => {
        /// `invalid datetime "27.11.2026": <why>`, the message of every `datetime` finding
        /// about a string.
        $($c)? fn push_invalid_datetime(r: &mut $R, s: &Summary<'_>, text: StrId, why: StrId) {
            r.push("invalid datetime \"");
            r.push(s.str(text));
            r.push("\": ");
            r.push(s.str(why));
        }

        /// The first string at `pos` that does not parse as a datetime of form `kind`.
        $($c)? fn check_datetime_strings(r: &mut $R, s: &Summary<'_>, pos: &Pos, kind: DtKind) {
            if has_kind(s, pos, Kind::Str) {
                if let Some(b) = pos.bad_dt[kind.index()] {
                    if r.begin(RuleId::Datetime, b.loc, s.str(b.loc.path), "") {
                        push_invalid_datetime(r, s, b.text, b.why);
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
