//! The checker's entry point and its walk over positions: for each position, the kinds
//! seen, the field's own rules, then the checks of its schema type, recursing into
//! elements, map values and struct fields. Part of the one checker source (see
//! `check/mod.rs`).

/// `check`, `check_pos` and `check_outer_rules`, for `checker!`.
macro_rules! walk_checks {
    ($($c:ident)?; $R:ty) => {
        /// Checks a whole summary against the root schema.
        pub $($c)? fn check(r: &mut $R, s: &Summary<'_>, root: SchemaRef) {
            check_pos(r, s, root.get(), s.root, &[], true, None);
        }

        /// Checks position `p` against `sch`; `rules` are the field's, `outer` says `p` is
        /// the field itself (not an element or map value inside it); `zone` is the zone in
        /// force from the enclosing fields (the field's own `tz` overrides it).
        $($c)? fn check_pos(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, p: PositionId, rules: &'static [Rule], outer: bool, zone: Option<&'static ZoneRules>) {
            if p.is_none() || p.index() >= s.pos.len() {
                return;
            }
            let pos = &s.pos[p.index()];
            let sch = unwrap_opt(sch);
            let zone = zone_in(rules, zone);
            // the zone reads instants only; local dates and times stay as they are
            let zoned = match (sch, zone) {
                (Schema::DateTime { kind: DtKind::Offset, .. }, Some(z)) => Some(z),
                _ => None,
            };
            check_kinds(r, s, sch, pos, zoned.is_some());
            check_key_control(r, s, pos);
            if outer {
                check_outer_rules(r, s, sch, p, rules, zone);
            }
            match sch {
                Schema::Int { ty, min, max } => {
                    check_int_bounds(r, s, pos, ty, *min, *max, rules);
                    check_ranges(r, s, pos, rules);
                }
                Schema::Float { ty } => {
                    if str_eq(ty, "f32") {
                        check_f32_bounds(r, s, pos, rules);
                    }
                    check_ranges(r, s, pos, rules);
                }
                Schema::Str => {
                    check_control(r, s, pos);
                    let mut i = 0;
                    while i < rules.len() {
                        match &rules[i] {
                            Rule::Url(opts) => check_url(r, s, pos, opts),
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
                Schema::DateTime { kind, ty } => {
                    check_control(r, s, pos);
                    match zoned {
                        Some(z) => check_zoned(r, s, pos, z),
                        // `jiff::ZonedDateTime`: the value names its zone
                        None if str_eq(ty, "ZonedDateTime") => check_zone_named(r, s, pos),
                        None => check_datetime_strings(r, s, pos, *kind),
                    }
                }
                Schema::Seq(inner) => {
                    let mut i = 0;
                    while i < pos.elems.len {
                        check_pos(r, s, inner.get(), s.elems[pos.elems.at(i)], rules, false, zone);
                        i += 1;
                    }
                }
                Schema::Map(inner) => {
                    let mut i = 0;
                    while i < pos.keys.len {
                        let kp = s.keys[pos.keys.at(i)];
                        check_pos(r, s, inner.get(), kp.pos, rules, false, zone);
                        i += 1;
                    }
                }
                Schema::Struct(st) => check_struct(r, s, st.name, st.fields, pos, zone),
                Schema::Bool | Schema::Opt(_) => {}
            }
        }

        /// The key of a `unique = "key"` rule among `rules`.
        $($c)? fn unique_key(rules: &'static [Rule]) -> Option<&'static str> {
            let mut i = 0;
            while i < rules.len() {
                if let Rule::Unique(Some(k)) = rules[i] {
                    return Some(k);
                }
                i += 1;
            }
            None
        }

        /// The rules that apply to a field as a whole (its length, size and shape), not to
        /// each element inside it.
        $($c)? fn check_outer_rules(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, p: PositionId, rules: &'static [Rule], zone: Option<&'static ZoneRules>) {
            let pos = &s.pos[p.index()];
            let mut i = 0;
            while i < rules.len() {
                match rules[i] {
                    Rule::Len { min, max } => check_len(r, s, sch, pos, min, max),
                    Rule::MaxNodes(m) => check_max_nodes(r, s, pos, m),
                    Rule::MaxJsonBytes(m) => check_max_json_bytes(r, s, pos, m),
                    Rule::Unique(key) => check_unique(r, s, pos, key),
                    Rule::NoOverlap { start, end, by } => {
                        if let Schema::Seq(elem) = sch {
                            if let Schema::Struct(st) = unwrap_opt(elem.get()) {
                                check_overlap(r, s, pos, st.fields, start, end, by, unique_key(rules), zone);
                            }
                        }
                    }
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
    };
}
pub(crate) use walk_checks;
