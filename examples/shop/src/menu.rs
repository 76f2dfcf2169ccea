//! The menu as the storefront sees it at one instant, and the instants where that changes.
//!
//! Entries may be time-boxed (`visible_from`, `visible_until`, half-open: shown from the
//! first up to, not including, the second). Serving that by filtering on every request
//! would put work back on the request path; instead [`boundaries`] lists every instant
//! where the filtered menu can change, and the prepare step (`view`) builds one payload per
//! stretch between them with [`visible_at`]. Both functions walk the same tree with the
//! same rule (an entry hidden at an instant is removed with its whole submenu), so a slice
//! never shows what its start would not.

use crate::model::MenuItem;
use chrono::{DateTime, Utc};

/// The menu shown at `at`: every entry visible then, in order, each with its visible
/// children; an entry not visible is left out with everything under it.
pub fn visible_at(menu: &[MenuItem], at: DateTime<Utc>) -> Vec<MenuItem> {
    menu.iter()
        .filter(|item| item.visible_at(at))
        .map(|item| MenuItem {
            title: item.title.clone(),
            url: item.url.clone(),
            visible_from: item.visible_from,
            visible_until: item.visible_until,
            children: visible_at(&item.children, at),
        })
        .collect()
}

/// Every instant at which [`visible_at`] can change: the `visible_from` and
/// `visible_until` of every entry, unsorted, possibly repeated. An entry's instants that
/// fall outside its parents' windows are left out (it is hidden with its parent then, so
/// they change nothing) and so do not use up the slice budget.
pub fn boundaries(menu: &[MenuItem]) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    collect(menu, (None, None), &mut out);
    out
}

/// An intersection of windows, `[from, until)`; `None` for an open end.
type Window = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

fn inside((from, until): Window, t: DateTime<Utc>) -> bool {
    from.is_none_or(|f| f <= t) && until.is_none_or(|u| t < u)
}

fn collect(items: &[MenuItem], parents: Window, out: &mut Vec<DateTime<Utc>>) {
    for item in items {
        let (from, until) = item.window();
        out.extend([from, until].into_iter().flatten().filter(|t| inside(parents, *t)));
        let narrowed = (max_opt(parents.0, from), min_opt(parents.1, until));
        // an entry never shown (its window and its parents' do not meet) hides its children
        if let (Some(f), Some(u)) = narrowed
            && f >= u
        {
            continue;
        }
        collect(&item.children, narrowed, out);
    }
}

fn max_opt(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn min_opt(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn item(title: &str, from: Option<&str>, until: Option<&str>, children: Vec<MenuItem>) -> MenuItem {
        MenuItem {
            title: title.into(),
            url: format!("/{}", title.to_lowercase()),
            visible_from: from.map(|s| DateTime::parse_from_rfc3339(s).unwrap()),
            visible_until: until.map(|s| DateTime::parse_from_rfc3339(s).unwrap()),
            children,
        }
    }

    fn titles(menu: &[MenuItem]) -> Vec<String> {
        let mut out = Vec::new();
        for m in menu {
            out.push(m.title.clone());
            out.extend(titles(&m.children).into_iter().map(|c| format!("{}/{c}", m.title)));
        }
        out
    }

    const FROM: &str = "2026-11-27T00:00:00+02:00";
    const UNTIL: &str = "2026-12-01T00:00:00+02:00";

    fn shop_menu() -> Vec<MenuItem> {
        vec![
            item("Women", None, None, vec![item("Dresses", None, None, vec![])]),
            item(
                "BlackFriday",
                Some(FROM),
                Some(UNTIL),
                vec![
                    item("Deals", None, None, vec![item("Tvs", None, None, vec![])]),
                    // a child with a window of its own, wider than its parent's
                    item("Early", Some("2026-11-01T00:00:00Z"), Some("2026-11-28T00:00:00Z"), vec![]),
                ],
            ),
            item("Sale", None, None, vec![]),
        ]
    }

    #[test]
    fn an_entry_is_shown_in_a_half_open_window_with_its_children() {
        let menu = shop_menu();
        let ns = chrono::TimeDelta::nanoseconds(1);
        let without = ["Women", "Women/Dresses", "Sale"];
        assert_eq!(titles(&visible_at(&menu, t(FROM) - ns)), without);
        assert_eq!(
            titles(&visible_at(&menu, t(FROM))),
            [
                "Women",
                "Women/Dresses",
                "BlackFriday",
                "BlackFriday/Deals",
                "BlackFriday/Deals/Tvs",
                "BlackFriday/Early",
                "Sale"
            ]
        );
        // the child's own window closes inside its parent's
        let later = titles(&visible_at(&menu, t("2026-11-28T00:00:00Z")));
        assert!(
            later.contains(&"BlackFriday/Deals/Tvs".to_owned())
                && !later.iter().any(|s| s.ends_with("Early"))
        );
        assert!(titles(&visible_at(&menu, t(UNTIL) - ns)).contains(&"BlackFriday/Deals".to_owned()));
        // `visible_until` is the first instant it is gone, children included
        assert_eq!(titles(&visible_at(&menu, t(UNTIL))), without);
        // a visible child under a hidden parent is not shown either
        let early_child = t("2026-11-10T00:00:00Z");
        assert_eq!(titles(&visible_at(&menu, early_child)), without);
    }

    #[test]
    fn the_filtered_menu_keeps_what_the_storefront_is_sent() {
        let menu = shop_menu();
        let shown = visible_at(&menu, t(FROM));
        let json = serde_json::to_value(&shown).unwrap();
        assert_eq!(json[1]["title"], "BlackFriday");
        assert_eq!(json[1]["url"], "/blackfriday");
        assert!(json[1].get("visible_from").is_none() && json[1].get("visible_until").is_none(), "{json}");
        assert!(json[2].get("children").is_none(), "empty submenus are left out as before: {json}");
    }

    #[test]
    fn boundaries_are_the_instants_inside_every_enclosing_window() {
        let mut b = boundaries(&shop_menu());
        b.sort();
        // the child's `visible_from` (1 Nov) is before its parent appears: it changes nothing
        assert_eq!(b, [t(FROM), t("2026-11-28T00:00:00Z"), t(UNTIL)]);
        // a child under a parent never shown adds nothing; one without a window adds nothing
        let never = item("Never", Some(UNTIL), Some(UNTIL), vec![item("Child", Some(FROM), None, vec![])]);
        assert_eq!(boundaries(&[never]), [t(UNTIL), t(UNTIL)]);
        assert!(boundaries(&[item("Plain", None, None, vec![item("Child", None, None, vec![])])]).is_empty());
        // every boundary is where the filtered menu actually changes, or a no-op merged later
        for at in b {
            let before = visible_at(&shop_menu(), at - chrono::TimeDelta::nanoseconds(1));
            assert_ne!(titles(&before), titles(&visible_at(&shop_menu(), at)), "{at}");
        }
    }
}
