//! The host side of [`ZoneRules`]: a zone's transitions read from the bundled database,
//! as the derive emits them (`config-macros` writes a [`RulesTable`] as a `static`) and as
//! a schema file loaded at run time gets them ([`RulesTable::leak`], once per name).

use super::Zone;
use super::rules::{END_YEAR, FIRST_YEAR, Transition, ZoneRules, days_from_civil};
use jiff::Timestamp;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// A zone's rules over the covered years, owned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesTable {
    pub name: String,
    pub primary: String,
    pub initial_offset: i32,
    pub initial_abbrev: String,
    /// `(instant, offset, abbreviation)`, sorted.
    pub transitions: Vec<(i64, i32, String)>,
    pub from: i64,
    pub until: i64,
}

impl Zone {
    /// The zone's transitions from [`FIRST_YEAR`] up to [`END_YEAR`].
    ///
    /// ```
    /// let t = config_core::zone::Zone::named("Europe/Kyiv")?.rules_table();
    /// assert_eq!((t.name.as_str(), t.initial_offset), ("Europe/Kyiv", 3 * 3600));
    /// // two changes a year once summer time is settled
    /// assert!(t.transitions.iter().any(|(_, off, ab)| *off == 2 * 3600 && ab == "EET"));
    /// # Ok::<(), config_core::zone::ZoneError>(())
    /// ```
    pub fn rules_table(&self) -> RulesTable {
        let from = days_from_civil(FIRST_YEAR, 1, 1) * 86_400;
        let until = days_from_civil(END_YEAR, 1, 1) * 86_400;
        let start = Timestamp::from_second(from).unwrap_or(Timestamp::UNIX_EPOCH);
        let initial = self.tz.to_offset_info(start);
        let transitions = self
            .tz
            .following(start)
            .map(|t| (t.timestamp().as_second(), t.offset().seconds(), t.abbreviation().to_owned()))
            .take_while(|(at, _, _)| *at < until)
            .collect();
        RulesTable {
            name: self.name().to_owned(),
            primary: self.primary_name().to_owned(),
            initial_offset: initial.offset().seconds(),
            initial_abbrev: initial.abbreviation().to_owned(),
            transitions,
            from,
            until,
        }
    }
}

impl RulesTable {
    /// The table as `'static` [`ZoneRules`], made once per zone name for the life of the
    /// process (a loaded schema names a handful of zones, so what is kept stays small).
    ///
    /// ```
    /// use config_core::zone::{RulesTable, Zone};
    /// let a = Zone::named("Europe/Berlin")?.rules_table().leak();
    /// let b = Zone::named("Europe/Berlin")?.rules_table().leak();
    /// assert!(std::ptr::eq(a, b));
    /// # Ok::<(), config_core::zone::ZoneError>(())
    /// ```
    pub fn leak(self) -> &'static ZoneRules {
        static MADE: OnceLock<Mutex<HashMap<String, &'static ZoneRules>>> = OnceLock::new();
        let mut made = MADE.get_or_init(Mutex::default).lock().unwrap_or_else(|p| p.into_inner());
        if let Some(r) = made.get(&self.name) {
            return r;
        }
        let text = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let transitions: Vec<Transition> = self
            .transitions
            .into_iter()
            .map(|(at, offset, abbrev)| Transition { at, offset, abbrev: text(abbrev) })
            .collect();
        let rules: &'static ZoneRules = Box::leak(Box::new(ZoneRules {
            name: text(self.name.clone()),
            primary: text(self.primary),
            initial_offset: self.initial_offset,
            initial_abbrev: text(self.initial_abbrev),
            transitions: Box::leak(transitions.into_boxed_slice()),
            from: self.from,
            until: self.until,
        }));
        made.insert(self.name, rules);
        rules
    }
}
