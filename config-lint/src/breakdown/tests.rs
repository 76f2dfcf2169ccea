//! Unit tests of which top-level lists are trees: with a schema the types decide (not the
//! key's name), without one only the untyped fallback key.

// the schema types' fields are read by serde only
#![allow(dead_code, clippy::unwrap_used)]
use super::*;
use config_core::HasSchema;

/// A recursive list under another name, and a flat list under the name `menu`.
#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Site {
    pub sections: Vec<Section>,
    pub menu: Vec<Link>,
}

#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Section {
    pub title: String,
    pub parts: Vec<Part>,
}

/// Leads back to `Section` through another struct.
#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Part {
    pub sections: Vec<Section>,
}

#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Link {
    pub title: String,
}

const TEXT: &str =
    "[[sections]]\ntitle = \"a\"\nparts = []\n[[menu]]\ntitle = \"b\"\n[[other]]\ntitle = \"c\"\n";

fn trees(root: Option<&'static Schema>) -> Vec<String> {
    let doc = toml::de::DeTable::parse(TEXT).unwrap();
    doc.get_ref()
        .iter()
        .filter(|(k, v)| is_tree_list(k.get_ref(), v.get_ref(), root))
        .map(|(k, _)| k.get_ref().to_string())
        .collect()
}

#[test]
fn the_schema_alone_decides() {
    assert_eq!(trees(Some(Site::SCHEMA.get())), ["sections"]);
}

#[test]
fn without_a_schema_the_shape_decides_not_the_name() {
    // `menu` without child items is no tree; `nav` with children sharing keys is one
    assert!(trees(None).is_empty());
    let text = "[[nav]]\ntitle = \"a\"\n[[nav.children]]\ntitle = \"b\"\n\
                [[menu]]\ntitle = \"c\"\n\
                [[promos]]\nid = \"x\"\n[[promos.rules]]\nkind = \"min\"\n";
    let doc = toml::de::DeTable::parse(text).unwrap();
    let found: Vec<String> = doc
        .get_ref()
        .iter()
        .filter(|(k, v)| is_tree_list(k.get_ref(), v.get_ref(), None))
        .map(|(k, _)| k.get_ref().to_string())
        .collect();
    assert_eq!(found, ["nav"]);
}

/// A menu type: items with child items, named by `title`.
#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Nav {
    pub menu: Vec<Entry>,
}

#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Entry {
    pub title: String,
    #[serde(default)]
    pub badges: Vec<Badge>,
    #[serde(default)]
    pub children: Vec<Entry>,
}

#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Badge {
    pub title: String,
}

/// Two first-level items, three second-level, one third-level; `a` has a badge, which
/// is no child item.
const MENU: &str = "[[menu]]\ntitle = \"a\"\n[[menu.badges]]\ntitle = \"new\"\n\
                    [[menu.children]]\ntitle = \"a1\"\n[[menu.children.children]]\ntitle = \"a1x\"\n\
                    [[menu.children]]\ntitle = \"a2\"\n\
                    [[menu]]\ntitle = \"b\"\n[[menu.children]]\ntitle = \"b1\"\n";

fn menu_branches(root: Option<&'static Schema>, limit: usize) -> Branches {
    let doc = toml::de::DeTable::parse(MENU).unwrap();
    let field = root.and_then(|r| match r {
        Schema::Struct(st) => st.fields.iter().find(|f| f.key == "menu"),
        _ => None,
    });
    let v = doc.get_ref().get("menu").unwrap();
    branches("menu", v.get_ref(), field, limit)
}

/// `name(child, child(…))…` with `+n` for hidden children.
fn outline(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|n| {
            let kids =
                if n.children.is_empty() { String::new() } else { format!("({})", outline(&n.children)) };
            let hidden = if n.hidden > 0 { format!("+{}", n.hidden) } else { String::new() };
            format!("{}{kids}{hidden}", n.name)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn branches_list_child_items_at_every_level() {
    // with a schema the types say which lists hold items; without one, the shape (the
    // badge shares `title` with its item, so it looks like a child item)
    for (root, want, items) in
        [(Some(Nav::SCHEMA.get()), "a(a1(a1x), a2), b(b1)", 6), (None, "a(new, a1(a1x), a2), b(b1)", 7)]
    {
        let b = menu_branches(root, 100);
        assert_eq!(outline(&b.nodes), want);
        assert_eq!((b.items, b.levels, b.unlisted), (items, 3, 0));
        let a1 = b.nodes[0].children.iter().find(|n| n.name == "a1").unwrap();
        assert_eq!(a1.children[0].path, "menu[0].children[0].children[0]");
        // sized as `stats` sizes a node: the items' subtrees make up the menu
        let doc = toml::de::DeTable::parse(MENU).unwrap();
        let menu = tree(doc.get_ref(), root, 1).children[0].size;
        assert_eq!(b.nodes.iter().map(|n| n.size.nodes).sum::<u64>(), menu.nodes);
        assert_eq!(
            b.nodes[0].size,
            measure::size(doc.get_ref().get("menu").unwrap().get_ref().as_array().unwrap()[0].get_ref())
        );
    }
}

#[test]
fn over_the_limit_branches_are_listed_breadth_first_and_the_rest_counted() {
    let root = Some(Nav::SCHEMA.get());
    // 2 + 3 fit, then the first item of the third level does not
    assert_eq!(outline(&menu_branches(root, 5).nodes), "a(a1+1, a2), b(b1)");
    // the second level is cut after its first two items, in document order
    assert_eq!(outline(&menu_branches(root, 4).nodes), "a(a1+1, a2), b+1");
    assert_eq!(outline(&menu_branches(root, 3).nodes), "a(a1+1)+1, b+1");
    let b = menu_branches(root, 1);
    assert_eq!((outline(&b.nodes).as_str(), b.unlisted, b.items), ("a+2", 1, 6));
}
