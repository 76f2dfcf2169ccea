//! serde's `rename_all` case conversions, so the schema names keys as serde reads them.

/// Applies a `rename_all` rule to a field (snake_case ident) or variant (PascalCase).
pub fn apply(rule: &str, name: &str, is_variant: bool) -> Option<String> {
    let words = if is_variant {
        split_pascal(name)
    } else {
        name.split('_').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let cap = |w: &String| {
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    Some(match rule {
        "lowercase" => {
            if is_variant {
                name.to_lowercase()
            } else {
                name.to_owned()
            }
        }
        "UPPERCASE" => name.to_uppercase(),
        "PascalCase" => words.iter().map(cap).collect(),
        "camelCase" => {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                if i == 0 { s.push_str(w) } else { s.push_str(&cap(w)) }
            }
            s
        }
        "snake_case" => words.join("_"),
        "SCREAMING_SNAKE_CASE" => words.join("_").to_uppercase(),
        "kebab-case" => words.join("-"),
        "SCREAMING-KEBAB-CASE" => words.join("-").to_uppercase(),
        _ => return None,
    })
}

fn split_pascal(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for c in name.chars() {
        if c.is_uppercase() || words.is_empty() {
            words.push(c.to_lowercase().collect());
        } else if let Some(w) = words.last_mut() {
            w.push(c);
        }
    }
    words
}

/// `free_shipping_over_cents` -> `FREE_SHIPPING_OVER_CENTS`.
pub fn screaming(ident: &str) -> String {
    ident.trim_start_matches("r#").to_uppercase()
}

#[cfg(test)]
mod tests;
