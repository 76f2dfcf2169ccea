//! `no_overlap` checks: in one list, the half-open windows `[start, end)` of two items (of
//! equal `by`, when given) must not overlap. Read from the list position's items (the
//! tables holding windows, `summary/items.rs`); each item's instants are resolved with the
//! zone in force at its start and end fields (`check/zones.rs`). The later item is
//! reported, at its start value, naming the earlier one by the list's `unique` key (else
//! its index) and the overlapping interval in the zone in force. Pairs are compared
//! directly, so a list is compared on its first [`OVERLAP_CAP`](crate::check::OVERLAP_CAP)
//! windows; a longer one is itself a finding. Part of the one checker source (see
//! `check/mod.rs`).

/// `check_overlap` and its helpers, for `checker!`.
macro_rules! overlap_checks {
    ($($c:ident)?; $R:ty) => {
        /// The field of `fields` whose key is `key`.
        $($c)? fn field_named(fields: &'static [Field], key: &str) -> Option<&'static Field> {
            let mut i = 0;
            while i < fields.len() {
                if fields[i].matches(key) || str_eq(fields[i].ident, key) {
                    return Some(&fields[i]);
                }
                i += 1;
            }
            None
        }

        /// The entry `key` of `it`.
        $($c)? fn item_field(s: &Summary<'_>, it: &Item, key: &str) -> Option<ItemField> {
            let mut i = 0;
            while i < it.fields.len {
                let f = s.item_fields[it.fields.at(i)];
                if str_eq(s.str(f.key), key) {
                    return Some(f);
                }
                i += 1;
            }
            None
        }

        /// `[start, end)` of an item, in nanoseconds since 1970.
        $($c)? fn window_of(s: &Summary<'_>, it: &Item, start: &'static Field, end: &'static Field, zone: Option<&'static ZoneRules>) -> Option<(i128, i128, ItemField)> {
            let (Some(a), Some(b)) = (item_field(s, it, start.key), item_field(s, it, end.key)) else { return None };
            if !a.is_dt || !b.is_dt {
                return None;
            }
            let (Some(ta), Some(tb)) = (
                instant_nanos((a.wall, a.nano, a.offset, a.has_offset), zone_in(start.rules, zone)),
                instant_nanos((b.wall, b.nano, b.offset, b.has_offset), zone_in(end.rules, zone)),
            ) else {
                return None;
            };
            Some((ta, tb, a))
        }

        /// An instant (nanoseconds) as the zone's clock reads it (UTC without a zone).
        $($c)? fn push_instant(r: &mut $R, t: i128, zone: Option<&'static ZoneRules>) {
            let secs = t.div_euclid(1_000_000_000) as i64;
            let nano = t.rem_euclid(1_000_000_000) as u32;
            let offset = match zone {
                Some(z) if z.covers(secs) => z.at(secs).offset,
                _ => 0,
            };
            r.push(DtText::with_offset(&parts_of_wall(secs + offset as i64, nano, offset)).as_str());
        }

        /// `no_overlap` on the list at `pos`, of struct `elem`; `unique` is the list's
        /// `unique` key, `zone` the zone in force at the list.
        #[allow(clippy::too_many_arguments)]
        $($c)? fn check_overlap(
            r: &mut $R, s: &Summary<'_>, pos: &Pos, elem: &'static [Field], start: &'static str,
            end: &'static str, by: Option<&'static str>, unique: Option<&'static str>,
            zone: Option<&'static ZoneRules>,
        ) {
            let (Some(fs), Some(fe)) = (field_named(elem, start), field_named(elem, end)) else { return };
            let n = if pos.items.len as usize > OVERLAP_CAP { OVERLAP_CAP } else { pos.items.len as usize };
            let mut j = 1;
            while j < n {
                let later = s.items[pos.items.at(j as u32)];
                if let Some((sj, ej, at)) = window_of(s, &later, fs, fe, zone) {
                    let mut i = 0;
                    while i < j {
                        let earlier = s.items[pos.items.at(i as u32)];
                        if earlier.list == later.list && same_group(s, &earlier, &later, by) {
                            if let Some((si, ei, _)) = window_of(s, &earlier, fs, fe, zone) {
                                if si < ej && sj < ei {
                                    report_overlap(r, s, &earlier, at, (if si > sj { si } else { sj }, if ei < ej { ei } else { ej }), unique, by, zone_in(fs.rules, zone));
                                    break;
                                }
                            }
                        }
                        i += 1;
                    }
                }
                j += 1;
            }
            if pos.items.len as usize > OVERLAP_CAP {
                let past = s.items[pos.items.at(OVERLAP_CAP as u32)];
                if let Some(f) = item_field(s, &past, fs.key) {
                    if r.begin(RuleId::Overlap, f.loc, s.str(f.loc.path), "") {
                        r.push("this list holds more than ");
                        r.push_val(Val::Int(OVERLAP_CAP as i128));
                        r.push(" windows; `no_overlap` compares the first ");
                        r.push_val(Val::Int(OVERLAP_CAP as i128));
                        r.help("split the list, or keep fewer entries in it");
                        r.end();
                    }
                }
            }
        }

        /// Do two items share the `by` value (always, without `by`)?
        $($c)? fn same_group(s: &Summary<'_>, a: &Item, b: &Item, by: Option<&'static str>) -> bool {
            let Some(key) = by else { return true };
            match (item_field(s, a, key), item_field(s, b, key)) {
                (Some(x), Some(y)) => !x.is_dt && !y.is_dt && x.text.0 == y.text.0,
                (None, None) => true,
                _ => false,
            }
        }

        #[allow(clippy::too_many_arguments)]
        $($c)? fn report_overlap(
            r: &mut $R, s: &Summary<'_>, earlier: &Item, at: ItemField, both: (i128, i128),
            unique: Option<&'static str>, by: Option<&'static str>, zone: Option<&'static ZoneRules>,
        ) {
            if !r.begin(RuleId::Overlap, at.loc, s.str(at.loc.path), "") {
                return;
            }
            r.push("this window overlaps the one of ");
            let named = match unique {
                Some(k) => match item_field(s, earlier, k) {
                    Some(f) if !f.is_dt => {
                        r.push("`");
                        r.push(s.str(f.text));
                        r.push("`");
                        true
                    }
                    _ => false,
                },
                None => false,
            };
            if !named {
                r.push("item ");
                r.push_val(Val::Int(earlier.index as i128));
            }
            r.push(" from ");
            push_instant(r, both.0, zone);
            r.push(" to ");
            push_instant(r, both.1, zone);
            if let Some(z) = zone {
                r.push(" (");
                r.push(z.name);
                r.push(")");
            }
            match by {
                Some(k) => {
                    r.help("move one of the two windows, or give them different `");
                    r.push(k);
                    r.push("` values (an end equal to the next start does not overlap)");
                }
                None => r.help("move one of the two windows (an end equal to the next start does not overlap)"),
            }
            r.end();
        }
    };
}
pub(crate) use overlap_checks;
