//! Table checks: keys a struct does not know (`unknown_key`, with a suggestion), required
//! fields missing from any table at a position (`missing_field`), then each field's own
//! value. Part of the one checker source (see `check/mod.rs`).

/// `check_struct`, `find_key` and `field_keys_list`, for `checker!`.
macro_rules! table_checks {
    ($($c:ident)?; $R:ty) => {
        /// The key of `field` among the keys seen at `pos`.
        $($c)? fn find_key(s: &Summary<'_>, pos: &Pos, field: &Field) -> Option<KeyPos> {
            let mut i = 0;
            while i < pos.keys.len {
                let kp = s.keys[pos.keys.at(i)];
                if field.matches(s.str(kp.key)) {
                    return Some(kp);
                }
                i += 1;
            }
            None
        }

        $($c)? fn field_keys_list(r: &mut $R, fields: &'static [Field]) {
            let mut i = 0;
            while i < fields.len() {
                if i > 0 {
                    r.push(", ");
                }
                if i == 16 {
                    r.push("...");
                    break;
                }
                r.push("`");
                r.push(fields[i].key);
                r.push("`");
                i += 1;
            }
        }

        /// The tables at `pos` against struct `name` with `fields`, under `zone`.
        $($c)? fn check_struct(r: &mut $R, s: &Summary<'_>, name: &str, fields: &'static [Field], pos: &Pos, zone: Option<&'static ZoneRules>) {
            // unknown keys
            let mut i = 0;
            while i < pos.keys.len {
                let kp = s.keys[pos.keys.at(i)];
                let key = s.str(kp.key);
                let mut known = false;
                let mut f = 0;
                while f < fields.len() {
                    if fields[f].matches(key) {
                        known = true;
                        break;
                    }
                    f += 1;
                }
                if !known && r.begin(RuleId::UnknownKey, kp.loc, s.str(kp.loc.path), "") {
                    r.push("unknown key `");
                    r.push(s.str(kp.shown));
                    r.push("` in ");
                    r.push(name);
                    let mut hint: Option<&str> = None;
                    let mut f = 0;
                    while f < fields.len() {
                        if is_close(key, fields[f].key) {
                            hint = Some(fields[f].key);
                            break;
                        }
                        f += 1;
                    }
                    match hint {
                        Some(h) => {
                            r.help("did you mean `");
                            r.push(h);
                            r.push("`?");
                        }
                        None => {
                            r.help("expected one of ");
                            field_keys_list(r, fields);
                        }
                    }
                    r.end();
                }
                i += 1;
            }
            // missing fields, `before`, and the fields' own values
            let mut f = 0;
            while f < fields.len() {
                let field = &fields[f];
                let kp = find_key(s, pos, field);
                let missing = match kp {
                    Some(k) => k.missing_at,
                    None => pos.first_table,
                };
                if field.required {
                    if let Some(l) = missing {
                        if r.begin(RuleId::MissingField, l, s.str(l.path), field.key) {
                            r.push("missing required field `");
                            r.push(field.key);
                            r.push("` in ");
                            r.push(name);
                            r.end();
                        }
                    }
                }
                check_before(r, s, pos, field, fields, zone);
                if let Some(k) = kp {
                    check_pos(r, s, field.ty.get(), k.pos, field.rules, true, zone);
                }
                f += 1;
            }
        }
    };
}
pub(crate) use table_checks;
