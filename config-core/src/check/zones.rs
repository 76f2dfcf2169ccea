//! `tz` checks: under a zone in force, each datetime a field holds must name one instant of
//! that zone. A local time in a DST gap or fold, an offset that is not the zone's at that
//! instant, an RFC 9557 bracket naming another zone: each is a finding at the value's first
//! character. The zone's rules are the `const` table the derive emitted
//! ([`crate::zone::rules`]), so this runs in const evaluation too. The wording is the
//! host's ([`crate::zone`]'s error types), which `zone/tests.rs` holds it to. Part of the
//! one checker source (see `check/mod.rs`).

/// `zone_in`, `check_zoned` and the message writers, for `checker!`.
macro_rules! zone_checks {
    ($($c:ident)?; $R:ty) => {
        /// The zone in force at a field: its own `tz`, else the one inherited.
        $($c)? fn zone_in(rules: &'static [Rule], inherited: Option<&'static ZoneRules>) -> Option<&'static ZoneRules> {
            let mut i = 0;
            while i < rules.len() {
                if let Rule::Tz(z) = rules[i] {
                    return Some(z);
                }
                i += 1;
            }
            inherited
        }

        /// The instant (nanoseconds since 1970) of a reading `(wall seconds, nanoseconds,
        /// offset, has offset)` under `zone`: by its offset, else resolved in the zone; `None`
        /// for a local time without a zone or without one instant (other findings say why).
        /// `before` and `no_overlap` order instants through it.
        $($c)? fn instant_nanos(at: (i64, u32, i32, bool), zone: Option<&'static ZoneRules>) -> Option<i128> {
            let (wall, nano, offset, has_offset) = at;
            let secs = if has_offset {
                wall - offset as i64
            } else {
                match zone {
                    Some(z) => match z.resolve(wall) {
                        Local::One(rd) => wall - rd.offset as i64,
                        _ => return None,
                    },
                    None => return None,
                }
            };
            Some(secs as i128 * 1_000_000_000 + nano as i128)
        }

        /// The datetime checks of an instant field with zone `z` in force.
        $($c)? fn check_zoned(r: &mut $R, s: &Summary<'_>, pos: &Pos, z: &'static ZoneRules) {
            let mut i = 0;
            while i < pos.dts.len {
                let d = s.dts[pos.dts.at(i)];
                if !d.why.is_none() {
                    if r.begin(RuleId::Datetime, d.loc, s.str(d.loc.path), "") {
                        push_invalid_datetime(r, s, d.text, d.why);
                        r.help("write a local time in ");
                        r.push(z.name);
                        r.push(" like `2026-11-27T00:00:00`, or one with its offset");
                        r.end();
                    }
                } else if !d.has_offset {
                    check_local(r, s, &d, z);
                } else {
                    check_written_zone(r, s, &d, z);
                }
                i += 1;
            }
        }

        /// A `jiff::ZonedDateTime` field without a zone in force: each value names its zone in an
        /// RFC 9557 bracket, a zone of the database, with that zone's offset (read when the
        /// summary was built: the zone is the value's, not the schema's).
        $($c)? fn check_zone_named(r: &mut $R, s: &Summary<'_>, pos: &Pos) {
            let mut i = 0;
            while i < pos.dts.len {
                let d = s.dts[pos.dts.at(i)];
                i += 1;
                let path = s.str(d.loc.path);
                if !d.why.is_none() {
                    if r.begin(RuleId::Datetime, d.loc, path, "") {
                        push_invalid_datetime(r, s, d.text, d.why);
                        r.help("write the instant and its zone, like `2026-11-27T00:00:00+02:00[Europe/Kyiv]`");
                        r.end();
                    }
                } else if d.zone_written.is_none() {
                    if r.begin(RuleId::Tz, d.loc, path, "") {
                        r.push(s.str(d.text));
                        r.push(" names no zone, and no `tz` is in force here");
                        r.help("add the zone in brackets, like `2026-11-27T00:00:00+02:00[Europe/Kyiv]`, or put `tz = \"...\"` on the field");
                        r.end();
                    }
                } else if d.zone.is_none() {
                    if r.begin(RuleId::Tz, d.loc, path, "") {
                        r.push(s.str(d.text));
                        r.push(" names `");
                        r.push(s.str(d.zone_written));
                        r.push("`, which is not a time zone of the bundled database");
                        r.help("zone names are IANA names such as `Europe/Kyiv` or `America/New_York`");
                        r.end();
                    }
                } else if d.zone_offset != d.offset && r.begin(RuleId::Tz, d.loc, path, "") {
                    let in_zone = push_wrong_offset(r, &d, s.str(d.zone_written), d.zone_offset, s.str(d.zone_abbrev));
                    r.help("write ");
                    r.push(DtText::with_offset(&in_zone).as_str());
                    r.push("[");
                    r.push(s.str(d.zone_written));
                    r.push("], the same instant");
                    r.end();
                }
            }
        }

        /// `2026-11-30T23:59:59+03:00 has the wrong UTC offset: Europe/Kyiv is +02:00 (EET)
        /// on 2026-11-30`: `d` against zone `zone`'s offset and abbreviation at its instant.
        /// Returns the instant as that zone's clock reads it.
        $($c)? fn push_wrong_offset(r: &mut $R, d: &DtVal, zone: &str, offset: i32, abbrev: &str) -> DtParts {
            let written = parts_of_wall(d.wall, d.nano, d.offset);
            let instant = d.wall - d.offset as i64;
            let in_zone = parts_of_wall(instant + offset as i64, d.nano, offset);
            r.push(DtText::with_offset(&written).as_str());
            r.push(" has the wrong UTC offset: ");
            r.push(zone);
            r.push(" is ");
            r.push(DtText::offset(offset).as_str());
            r.push(" (");
            r.push(abbrev);
            r.push(") on ");
            r.push(DtText::date(&in_zone).as_str());
            in_zone
        }

        /// `2026-11-30T23:59:59+02:00` (the instant's reading in `z` is `+02:00` there).
        $($c)? fn outside(r: &mut $R, s: &Summary<'_>, d: &DtVal) {
            if r.begin(RuleId::Tz, d.loc, s.str(d.loc.path), "") {
                r.push(s.str(d.text));
                r.push(" is outside the years the bundled zone rules cover (");
                r.push_val(Val::Int(RULES_FIRST_YEAR as i128));
                r.push(" to ");
                r.push_val(Val::Int(RULES_END_YEAR as i128 - 1));
                r.push(")");
                r.end();
            }
        }

        /// A local time: one instant, or a gap or fold finding.
        $($c)? fn check_local(r: &mut $R, s: &Summary<'_>, d: &DtVal, z: &'static ZoneRules) {
            let wall = parts_of_wall(d.wall, d.nano, 0);
            match z.resolve(d.wall) {
                Local::One(_) => {}
                Local::Outside => outside(r, s, d),
                Local::Gap { last, first } => {
                    if r.begin(RuleId::Tz, d.loc, s.str(d.loc.path), "") {
                        let before = parts_of_wall(last.0 + last.1.offset as i64, 0, last.1.offset);
                        let after = parts_of_wall(first.0 + first.1.offset as i64, 0, first.1.offset);
                        r.push(DtText::wall(&wall).as_str());
                        r.push(" does not exist in ");
                        r.push(z.name);
                        r.push(": the clocks go from ");
                        r.push(DtText::with_offset(&before).as_str());
                        r.push(" (");
                        r.push(last.1.abbrev);
                        r.push(") to ");
                        r.push(DtText::with_offset(&after).as_str());
                        r.push(" (");
                        r.push(first.1.abbrev);
                        r.push(")");
                        r.help("pick a time outside the skipped one, such as ");
                        r.push(DtText::wall(&after).as_str());
                        r.push(" (");
                        r.push(DtText::with_offset(&after).as_str());
                        r.push(", the first instant after it)");
                        r.end();
                    }
                }
                Local::Fold { earlier, later } => {
                    if r.begin(RuleId::Tz, d.loc, s.str(d.loc.path), "") {
                        r.push(DtText::wall(&wall).as_str());
                        r.push(" happens twice in ");
                        r.push(z.name);
                        r.push(": at ");
                        r.push(DtText::offset(earlier.offset).as_str());
                        r.push(" (");
                        r.push(earlier.abbrev);
                        r.push(") and again at ");
                        r.push(DtText::offset(later.offset).as_str());
                        r.push(" (");
                        r.push(later.abbrev);
                        r.push(")");
                        r.help("write the offset: ");
                        r.push(DtText::with_offset(&parts_of_wall(d.wall, d.nano, earlier.offset)).as_str());
                        r.push(" for the first (");
                        r.push(earlier.abbrev);
                        r.push(") or ");
                        r.push(DtText::with_offset(&parts_of_wall(d.wall, d.nano, later.offset)).as_str());
                        r.push(" for the second (");
                        r.push(later.abbrev);
                        r.push(")");
                        r.end();
                    }
                }
            }
        }

        /// An offset datetime, bracketed or not: the bracket must name `z`, the offset must
        /// be `z`'s at that instant.
        $($c)? fn check_written_zone(r: &mut $R, s: &Summary<'_>, d: &DtVal, z: &'static ZoneRules) {
            if !d.zone_written.is_none() {
                let known = !d.zone.is_none();
                if (!known || !str_eq(s.str(d.zone), z.primary))
                    && r.begin(RuleId::Tz, d.loc, s.str(d.loc.path), "")
                {
                    r.push(s.str(d.text));
                    if known {
                        r.push(" names the zone ");
                        r.push(s.str(d.zone_written));
                        r.push(", but the zone in force here is ");
                    } else {
                        r.push(" names `");
                        r.push(s.str(d.zone_written));
                        r.push("`, which is not a time zone of the bundled database; the zone in force here is ");
                    }
                    r.push(z.name);
                    r.help("write `[");
                    r.push(z.name);
                    r.push("]`, or leave the bracket out");
                    r.end();
                    return;
                }
            }
            let instant = d.wall - d.offset as i64;
            if !z.covers(instant) {
                outside(r, s, d);
                return;
            }
            let at = z.at(instant);
            if at.offset == d.offset || !r.begin(RuleId::Tz, d.loc, s.str(d.loc.path), "") {
                return;
            }
            let written = parts_of_wall(d.wall, d.nano, d.offset);
            let in_zone = push_wrong_offset(r, &d, z.name, at.offset, at.abbrev);
            match z.resolve(d.wall) {
                Local::One(c) => {
                    r.help("write ");
                    r.push(DtText::with_offset(&parts_of_wall(d.wall, d.nano, c.offset)).as_str());
                    r.push(", or the local time ");
                    r.push(DtText::wall(&written).as_str());
                    r.push(" without an offset");
                }
                _ => {
                    r.help(DtText::with_offset(&in_zone).as_str());
                    r.push(" is the same instant; the wall time ");
                    r.push(DtText::wall(&written).as_str());
                    r.push(" is ambiguous or skipped in ");
                    r.push(z.name);
                }
            }
            r.end();
        }
    };
}
pub(crate) use zone_checks;
