//! Checks of a field's value as a whole, for lists and trees: `unique` (duplicates among
//! array elements), `max_depth` (levels of a recursive node type), `max_nodes` and
//! `max_json_bytes` (size budgets). Part of the one checker source (see `check/mod.rs`).

/// `check_unique`, `check_max_nodes`, `check_max_json_bytes`, `node_struct` and
/// `depth_walk`, for `checker!`.
macro_rules! array_checks {
    ($($c:ident)?; $R:ty) => {
        /// `unique` (`key`: of the value under that key in table elements; `None`: of whole
        /// scalar elements).
        $($c)? fn check_unique(r: &mut $R, s: &Summary<'_>, pos: &Pos, key: Option<&'static str>) {
            let mut i = 0;
            while i < pos.dups.len {
                let d = s.dups[pos.dups.at(i)];
                let hit = match key {
                    None => d.key.is_none(),
                    Some(k) => !d.key.is_none() && str_eq(s.str(d.key), k),
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

        /// `max_nodes`: tables in the value's subtree.
        $($c)? fn check_max_nodes(r: &mut $R, s: &Summary<'_>, pos: &Pos, m: u64) {
            if let Some(e) = first_over(s, pos, RecordList::NodesHi, Num::Int(m as i128)) {
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

        /// `max_json_bytes`: the value's size as compact JSON.
        $($c)? fn check_max_json_bytes(r: &mut $R, s: &Summary<'_>, pos: &Pos, m: u64) {
            if let Some(e) = first_over(s, pos, RecordList::JsonHi, Num::Int(m as i128)) {
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
        $($c)? fn depth_walk(r: &mut $R, s: &Summary<'_>, sch: &'static Schema, p: PositionId, node: &str, level: u32, max: u32) {
            if p.is_none() || p.index() >= s.pos.len() {
                return;
            }
            let pos = &s.pos[p.index()];
            match unwrap_opt(sch) {
                Schema::Seq(inner) => {
                    let mut i = 0;
                    while i < pos.elems.len {
                        depth_walk(r, s, inner.get(), s.elems[pos.elems.at(i)], node, level, max);
                        i += 1;
                    }
                }
                Schema::Map(inner) => {
                    let mut i = 0;
                    while i < pos.keys.len {
                        depth_walk(r, s, inner.get(), s.keys[pos.keys.at(i)].pos, node, level, max);
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
    };
}
pub(crate) use array_checks;
