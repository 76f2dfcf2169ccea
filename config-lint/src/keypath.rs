//! Key paths as the checker prints them (`promotions[2].ends`, `labels."new in".text`),
//! resolved against a schema, so a finding can be related to the Rust type it is about
//! (the date help needs to know which datetime form a field wants, the note under a finding
//! shows the doc comment of the field it is about). Formatting and
//! parsing paths is `config_core::keypath`'s job; this module only walks the schema.

use config_core::schema::unwrap_opt;
use config_core::{Field, Schema};

pub(crate) use config_core::keypath::{Segment, parse};

/// The schema at a path below `root` (`Option` layers stripped), if the path leads
/// anywhere in it.
pub(crate) fn schema_at(root: &'static Schema, path: &[Segment]) -> Option<&'static Schema> {
    walk(root, path).map(|(s, _)| s)
}

/// The innermost field on a path below `root` (`promotions[0].percent_off` → `percent_off`,
/// `promotions[1]` → `promotions`), if the whole path leads somewhere in the schema.
pub(crate) fn field_at(root: &'static Schema, path: &[Segment]) -> Option<&'static Field> {
    walk(root, path)?.1
}

/// The schema at the end of `path` and the last field passed on the way.
fn walk(root: &'static Schema, path: &[Segment]) -> Option<(&'static Schema, Option<&'static Field>)> {
    let mut s = unwrap_opt(root);
    let mut field = None;
    for seg in path {
        s = match (s, seg) {
            (Schema::Struct(st), Segment::Key(k)) => {
                let f = st.fields.iter().find(|f| f.matches(k))?;
                field = Some(f);
                f.ty.get()
            }
            (Schema::Map(inner), Segment::Key(_)) | (Schema::Seq(inner), Segment::Index(_)) => inner.get(),
            _ => return None,
        };
        s = unwrap_opt(s);
    }
    Some((s, field))
}

#[cfg(test)]
mod tests;
