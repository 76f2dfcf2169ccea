//! Kind checks: each kind of value seen at a position against the schema's type (`type`,
//! and `datetime` for a native datetime of the wrong form). Part of the one checker
//! source (see `check/mod.rs`).

/// `check_kinds`, `accepts`, `push_expected` and `has_kind`, for `checker!`.
macro_rules! kind_checks {
    ($($c:ident)?; $R:ty) => {
        /// Reports each kind seen at `pos` that `sch` does not accept; `zoned`: a zone is in
        /// force, so an instant field also takes a local datetime.
        $($c)? fn check_kinds(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, pos: &Pos, zoned: bool) {
            let mut i = 0;
            while i < pos.kinds.len {
                let ks = s.kinds[pos.kinds.at(i)];
                match (sch, ks.kind) {
                    (Schema::DateTime { kind, .. }, Kind::Dt(k)) => {
                        let local_in_zone = zoned && matches!(k, DtKind::Local);
                        if k.index() != kind.index() && !local_in_zone && r.begin(RuleId::Datetime, ks.loc, s.str(ks.loc.path), "") {
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

        /// Was a value of kind `k` seen at `pos`?
        $($c)? fn has_kind(s: &Summary<'_>, pos: &Pos, k: Kind) -> bool {
            let mut i = 0;
            while i < pos.kinds.len {
                let seen = s.kinds[pos.kinds.at(i)].kind;
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
    };
}
pub(crate) use kind_checks;
