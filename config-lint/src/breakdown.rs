//! The size breakdown `stats` and `diff` share: the document, its top-level fields, and
//! below them table fields and list items, each with its [`Size`].
//!
//! List items (tables in an array) are named by their `unique` key when the schema
//! declares one, else by their first string field (`title`), else by index. A *tree
//! list* (a menu, say) is a top-level list of tables whose branches `diff` compares one
//! by one: with a schema, the schema alone says which lists are trees
//! ([`is_tree_list`]). [`branches`] lists a tree list's items with their child items
//! below them, at every level, as `report` draws the menu.

use super::measure::{self, Size, push_path_key};
use config_core::diag::shown;
use config_core::schema::unwrap_opt;
use config_core::{Field, Rule, Schema, StructSchema};
use serde::Serialize;
use std::collections::HashSet;
use std::fmt::Write as _;
use toml::de::{DeTable, DeValue};

/// One row of the breakdown.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Node {
    /// Display name: a key, or a list item's name, as every output quotes it (escaped, cut
    /// to 80 characters).
    pub name: String,
    /// The key or item name as written: what `diff` pairs versions by.
    #[serde(skip)]
    pub raw: String,
    /// Key path: `menu[3]`.
    pub path: String,
    #[serde(flatten)]
    pub size: Size,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
    /// Child branches not listed in `children` ([`branches`] over its limit; 0 elsewhere).
    #[serde(skip_serializing_if = "is_zero")]
    pub hidden: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The breakdown of a document, `levels` deep below it.
pub(crate) fn tree(doc: &DeTable<'_>, root: Option<&'static Schema>, levels: usize) -> Node {
    let st = root.and_then(|r| match unwrap_opt(r) {
        Schema::Struct(st) => Some(st),
        _ => None,
    });
    let mut path = String::new();
    Node {
        name: "(document)".to_owned(),
        raw: String::new(),
        path: String::new(),
        size: measure::doc_size(doc),
        children: table_children(doc, st, levels, &mut path),
        hidden: 0,
    }
}

fn table_children(
    t: &DeTable<'_>,
    st: Option<&'static StructSchema>,
    levels: usize,
    path: &mut String,
) -> Vec<Node> {
    if levels == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, v) in t.iter() {
        let key = k.get_ref();
        let field = st.and_then(|s| s.fields.iter().find(|f| f.matches(key)));
        let len = path.len();
        push_path_key(path, key);
        let ty = field.map(|f| f.ty.get());
        let unique = field.and_then(|f| unique_key(f.rules));
        out.push(Node {
            name: shown(key).into_owned(),
            raw: key.to_string(),
            path: path.clone(),
            size: measure::size(v.get_ref()),
            children: value_children(v.get_ref(), ty, unique, levels - 1, path),
            hidden: 0,
        });
        path.truncate(len);
    }
    out
}

fn value_children(
    v: &DeValue<'_>,
    ty: Option<&'static Schema>,
    unique: Option<&str>,
    levels: usize,
    path: &mut String,
) -> Vec<Node> {
    if levels == 0 {
        return Vec::new();
    }
    let ty = ty.map(unwrap_opt);
    match v {
        DeValue::Table(t) => {
            let st = match ty {
                Some(Schema::Struct(st)) => Some(st),
                _ => None,
            };
            table_children(t, st, levels, path)
        }
        DeValue::Array(a) if a.iter().all(|x| matches!(x.get_ref(), DeValue::Table(_))) => {
            let elem = match ty {
                Some(Schema::Seq(i)) => Some(unwrap_opt(i.get())),
                _ => None,
            };
            let st = match elem {
                Some(Schema::Struct(st)) => Some(st),
                _ => None,
            };
            let mut out = Vec::new();
            for (i, item) in a.iter().enumerate() {
                let len = path.len();
                let _ = write!(path, "[{i}]");
                let raw = item_name(item.get_ref(), unique, st).unwrap_or_else(|| format!("[{i}]"));
                let name = shown(&raw).into_owned();
                let DeValue::Table(t) = item.get_ref() else { continue };
                out.push(Node {
                    name,
                    raw,
                    path: path.clone(),
                    size: measure::size(item.get_ref()),
                    children: table_children(t, st, levels - 1, path),
                    hidden: 0,
                });
                path.truncate(len);
            }
            out
        }
        _ => Vec::new(),
    }
}

/// The branches of a tree list: the items of `v`, the value of the top-level field `key`
/// (its schema `field`, if known), each with its child items below it (the items of its
/// lists that hold tree items: with a schema, lists whose item type is the tree's item
/// type or leads back to it; without one, lists whose items share a key with the item),
/// in document order, named and sized as [`tree`] names and sizes nodes.
///
/// At most `limit` items are sized (each costs its JSON and its gzip): the first `limit`
/// items breadth first, i.e. whole levels while they fit, then the first items of the
/// next level in document order. An item counts its children that are not listed in
/// `hidden`; [`Branches::unlisted`] counts the first-level items not listed.
pub(crate) fn branches(key: &str, v: &DeValue<'_>, field: Option<&'static Field>, limit: usize) -> Branches {
    let (st, unique) = match field {
        Some(f) => (list_item_struct(f.ty.get()), unique_key(f.rules)),
        None => (None, None),
    };
    let tree = Tree { item: st.map(|s| s.id) };
    let mut path = String::new();
    push_path_key(&mut path, key);
    let top = list_items(v, st, unique);
    let mut per_level = Vec::new();
    tree.count(&top, 0, &mut per_level);
    // items listed per level: breadth first, so within a level the first ones in
    // document order, which is the order the depth-first walk below meets them in
    let mut left = limit;
    let quota: Vec<usize> = per_level
        .iter()
        .map(|&n| {
            let take = n.min(left);
            left -= take;
            take
        })
        .collect();
    let mut listed = vec![0; per_level.len()];
    let (nodes, unlisted) = tree.nodes(&top, 0, &quota, &mut listed, &mut path);
    Branches { nodes, unlisted, items: per_level.iter().sum(), levels: per_level.len() }
}

/// What [`branches`] lists.
#[derive(Clone, Debug)]
pub(crate) struct Branches {
    /// The first-level items, their children below them.
    pub nodes: Vec<Node>,
    /// First-level items not listed (the first level alone was over the limit).
    pub unlisted: usize,
    /// Items at every level, listed or not.
    pub items: usize,
    /// Levels of items.
    pub levels: usize,
}

/// One item of a list of tables: its index, value, struct and the list's unique key.
struct Item<'t, 'i> {
    index: usize,
    value: &'t DeValue<'i>,
    st: Option<&'static StructSchema>,
    unique: Option<&'static str>,
}

/// The items of a list of tables (anything else has none).
fn list_items<'t, 'i>(
    v: &'t DeValue<'i>,
    st: Option<&'static StructSchema>,
    unique: Option<&'static str>,
) -> Vec<Item<'t, 'i>> {
    let DeValue::Array(a) = v else { return Vec::new() };
    a.iter()
        .enumerate()
        .filter(|(_, x)| matches!(x.get_ref(), DeValue::Table(_)))
        .map(|(index, x)| Item { index, value: x.get_ref(), st, unique })
        .collect()
}

/// The struct a list field holds, if it is a list of structs.
fn list_item_struct(ty: &'static Schema) -> Option<&'static StructSchema> {
    match unwrap_opt(ty) {
        Schema::Seq(i) => match unwrap_opt(i.get()) {
            Schema::Struct(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// A tree list being walked: the id of its item struct (none without a schema).
struct Tree {
    item: Option<&'static str>,
}

impl Tree {
    /// The lists of child items of a tree item, by key.
    fn children<'t, 'i>(&self, item: &Item<'t, 'i>) -> Vec<(&'t str, Vec<Item<'t, 'i>>)> {
        let DeValue::Table(t) = item.value else { return Vec::new() };
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let key: &'t str = k.get_ref();
            let field = item.st.and_then(|s| s.fields.iter().find(|f| f.matches(key)));
            let holds_tree = match (field.and_then(|f| list_item_struct(f.ty.get())), self.item) {
                (Some(s), Some(id)) => s.id == id || holds_itself(s, id, &mut HashSet::new()),
                _ => shares_keys(t, key, v.get_ref()),
            };
            if holds_tree {
                let st = field.and_then(|f| list_item_struct(f.ty.get()));
                let items = list_items(v.get_ref(), st, field.and_then(|f| unique_key(f.rules)));
                if !items.is_empty() {
                    out.push((key, items));
                }
            }
        }
        out
    }

    /// Counts the items of each level below `items` (at `level`, 0-based).
    fn count(&self, items: &[Item<'_, '_>], level: usize, per_level: &mut Vec<usize>) {
        if items.is_empty() {
            return;
        }
        if per_level.len() <= level {
            per_level.push(0);
        }
        per_level[level] += items.len();
        for item in items {
            for (_, kids) in self.children(item) {
                self.count(&kids, level + 1, per_level);
            }
        }
    }

    /// The nodes of the `items` at `level` (0-based) that their level's quota still
    /// allows (`listed` counts the items listed per level so far), and how many it did
    /// not allow.
    fn nodes(
        &self,
        items: &[Item<'_, '_>],
        level: usize,
        quota: &[usize],
        listed: &mut [usize],
        path: &mut String,
    ) -> (Vec<Node>, usize) {
        let allowed = (quota[level] - listed[level]).min(items.len());
        listed[level] += allowed;
        let mut out = Vec::with_capacity(allowed);
        for item in &items[..allowed] {
            let len = path.len();
            let _ = write!(path, "[{}]", item.index);
            let (mut children, mut hidden) = (Vec::new(), 0);
            for (key, kids) in self.children(item) {
                let len = path.len();
                push_path_key(path, key);
                let (nodes, not_listed) = self.nodes(&kids, level + 1, quota, listed, path);
                path.truncate(len);
                children.extend(nodes);
                hidden += not_listed;
            }
            let raw =
                item_name(item.value, item.unique, item.st).unwrap_or_else(|| format!("[{}]", item.index));
            out.push(Node {
                name: shown(&raw).into_owned(),
                raw,
                path: path.clone(),
                size: measure::size(item.value),
                children,
                hidden,
            });
            path.truncate(len);
        }
        (out, items.len() - allowed)
    }
}

/// Do the tables of the list `v` (under `key` of the table `t`) share a key with `t`
/// other than `key`? (The shape of child items, for a tree without a schema.)
fn shares_keys(t: &DeTable<'_>, key: &str, v: &DeValue<'_>) -> bool {
    let DeValue::Array(children) = v else { return false };
    children.iter().any(|c| match c.get_ref() {
        DeValue::Table(ct) => {
            ct.iter().any(|(ck, _)| ck.get_ref() != key && t.get(ck.get_ref().as_ref()).is_some())
        }
        _ => false,
    })
}

/// The `unique = "key"` of a field's rules.
pub(crate) fn unique_key(rules: &[Rule]) -> Option<&'static str> {
    rules.iter().find_map(|r| match r {
        Rule::Unique(Some(k)) => Some(*k),
        _ => None,
    })
}

/// A list item's name: its unique key's value, else its first string field.
pub(crate) fn item_name(
    v: &DeValue<'_>,
    unique: Option<&str>,
    st: Option<&'static StructSchema>,
) -> Option<String> {
    let DeValue::Table(t) = v else { return None };
    let text = |v: &DeValue<'_>| match v {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_owned()),
        _ => None,
    };
    if let Some(k) = unique {
        return t.get(k).and_then(|x| text(x.get_ref()));
    }
    match st {
        Some(st) => st
            .fields
            .iter()
            .filter(|f| matches!(unwrap_opt(f.ty.get()), Schema::Str))
            .find_map(|f| t.get(f.key).and_then(|x| text(x.get_ref()))),
        None => t.iter().find_map(|(_, x)| match x.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => None,
        }),
    }
}

/// Is the top-level field `key` (with value `v`) a tree list?
///
/// With a schema only the schema decides: the field declares `max_depth`, or its type is
/// a list of a struct that holds itself (an item with child items, directly or through
/// other structs). Without a schema the shape decides: an item holds a list of tables
/// whose items share keys with it (a menu item with child items). The key's name never
/// plays a part.
pub(crate) fn is_tree_list(key: &str, v: &DeValue<'_>, root: Option<&'static Schema>) -> bool {
    let tables = matches!(v, DeValue::Array(a) if !a.is_empty() && a.iter().all(|x| matches!(x.get_ref(), DeValue::Table(_))));
    if !tables {
        return false;
    }
    match root {
        Some(root) => declared_tree_list(key, root),
        None => looks_recursive(v),
    }
}

/// Does some item of the list hold, under one of its keys, a list of tables whose items
/// have a key in common with it (other than that one)? Each item and child is looked at
/// once.
fn looks_recursive(v: &DeValue<'_>) -> bool {
    let DeValue::Array(items) = v else { return false };
    items.iter().any(|item| {
        let DeValue::Table(t) = item.get_ref() else { return false };
        t.iter().any(|(k, child)| shares_keys(t, k.get_ref(), child.get_ref()))
    })
}

/// Does the schema make the top-level field `key` a tree list?
fn declared_tree_list(key: &str, root: &'static Schema) -> bool {
    let Schema::Struct(st) = unwrap_opt(root) else { return false };
    let Some(f) = st.fields.iter().find(|f| f.matches(key)) else { return false };
    if f.rules.iter().any(|r| matches!(r, Rule::MaxDepth(_))) {
        return true;
    }
    match unwrap_opt(f.ty.get()) {
        Schema::Seq(i) => match unwrap_opt(i.get()) {
            Schema::Struct(s) => holds_itself(s, s.id, &mut HashSet::new()),
            _ => false,
        },
        _ => false,
    }
}

/// Does a field of `st` (or of a struct it leads to) lead back to `id`?
fn holds_itself(st: &'static StructSchema, id: &str, seen: &mut HashSet<&'static str>) -> bool {
    if !seen.insert(st.id) {
        return false;
    }
    st.fields.iter().any(|f| leads_to(f.ty.get(), id, seen))
}

fn leads_to(s: &'static Schema, id: &str, seen: &mut HashSet<&'static str>) -> bool {
    match s {
        Schema::Opt(i) | Schema::Seq(i) | Schema::Map(i) => leads_to(i.get(), id, seen),
        Schema::Struct(st) => st.id == id || holds_itself(st, id, seen),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
