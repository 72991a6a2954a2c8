//! The form a catalog travels in to the page: one message form per line, `key`, its plural
//! category (empty for a plain message) and its text, separated by tabs, with `\n`, `\t` and
//! `\\` escaped. The page reads it with a split per line; reading JSON there would link a
//! JSON parser into the first download, which a language must not cost (issue 26's budget).
//!
//! Translators write JSON (`locales/<tag>/*.json`); the build writes this form from it: the
//! core's build script for English, compiled in, and the pre-renderer for the others, into
//! the published site. This file has no dependency but `serde_json` for that reading, so the
//! build script includes it as it is (`#[path]`).

/// The plural categories a catalog may name, as CLDR spells them.
pub const PLURAL_NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One form of one message: (key, plural category or "", text).
pub type Line = (String, String, String);

/// The lines of a JSON catalog: groups flattened into dotted keys; an object whose keys are
/// all plural categories, `other` among them, is one message with a form per category.
pub fn lines_of_json(value: &serde_json::Value) -> Result<Vec<Line>, String> {
    let serde_json::Value::Object(top) = value else {
        return Err("a catalog is one JSON object of messages".to_owned());
    };
    let mut lines = Vec::new();
    read_group("", top, &mut lines)?;
    Ok(lines)
}

fn read_group(
    prefix: &str,
    group: &serde_json::Map<String, serde_json::Value>,
    lines: &mut Vec<Line>,
) -> Result<(), String> {
    for (name, value) in group {
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        match value {
            serde_json::Value::String(text) => lines.push((key, String::new(), text.clone())),
            serde_json::Value::Object(inner) if is_plural(inner) => {
                for (form, text) in inner {
                    let Some(text) = text.as_str() else {
                        return Err(format!(
                            "{key}.{form} is neither a text nor a group of texts"
                        ));
                    };
                    lines.push((key.clone(), form.clone(), text.to_owned()));
                }
            }
            serde_json::Value::Object(inner) => read_group(&key, inner, lines)?,
            _ => return Err(format!("{key} is neither a text nor a group of texts")),
        }
    }
    Ok(())
}

fn is_plural(object: &serde_json::Map<String, serde_json::Value>) -> bool {
    object.contains_key("other") && object.keys().all(|k| PLURAL_NAMES.contains(&k.as_str()))
}

/// The lines in the travelling form.
pub fn write(lines: &[Line]) -> String {
    let mut out = String::new();
    for (key, form, text) in lines {
        out.push_str(key);
        out.push('\t');
        out.push_str(form);
        out.push('\t');
        for c in text.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

/// The lines of the travelling form; a line without its two tabs is skipped, so a damaged
/// file costs its damaged messages (which then show in English), never the page.
pub fn read(text: &str) -> Vec<Line> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let (key, form, text) = (parts.next()?, parts.next()?, parts.next()?);
            let mut value = String::with_capacity(text.len());
            let mut chars = text.chars();
            while let Some(c) = chars.next() {
                match (c, c == '\\') {
                    (_, true) => match chars.next() {
                        Some('n') => value.push('\n'),
                        Some('t') => value.push('\t'),
                        Some(other) => value.push(other),
                        None => {}
                    },
                    (c, false) => value.push(c),
                }
            }
            Some((key.to_owned(), form.to_owned(), value))
        })
        .collect()
}
