//! A language's messages: what the owner side says, by key, with `{name}` placeholders and,
//! for a message that counts something, one form per plural category.
//!
//! Catalogs are JSON (`locales/<tag>/messages.json`), which translators write; the page
//! downloads only the chosen language's, in a flat form the build writes from it
//! ([`super::flat`]), which it reads without a JSON parser. Objects group messages
//! (`{"home": {"title": …}}` is the key `home.title`); an object whose keys are all plural
//! categories and include `other` is one message with plural forms:
//! `{"about": {"one": "About {count} minute", "other": "About {count} minutes"}}`.

use std::fmt;

use super::{flat, Language, Plural};

/// One message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    /// One form per plural category, selected by the `count` argument.
    Plural(Vec<(Plural, String)>),
}

impl Text {
    /// Every form's text.
    pub fn forms(&self) -> Vec<&str> {
        match self {
            Text::Plain(text) => vec![text],
            Text::Plural(forms) => forms.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }
}

/// A value for a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg<'a> {
    Text(&'a str),
    /// A whole number; the argument named `count` also selects a plural form.
    Count(u64),
}

/// The messages of one language, sorted by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub language: Language,
    messages: Vec<(String, Text)>,
}

/// Why a catalog cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON that is not a catalog's shape, and where.
    Shape(String),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Json {
                line,
                column,
                detail,
            } => write!(f, "not JSON at line {line}, column {column}: {detail}"),
            CatalogError::Shape(what) => f.write_str(what),
        }
    }
}

impl Catalog {
    /// A catalog as translators write it (`locales/<tag>/*.json`).
    pub fn parse(language: Language, json: &str) -> Result<Catalog, CatalogError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| CatalogError::Json {
                line: e.line(),
                column: e.column(),
                detail: crate::json_error::detail(&e),
            })?;
        let lines = flat::lines_of_json(&value).map_err(CatalogError::Shape)?;
        Ok(Catalog::from_lines(language, lines))
    }

    /// A catalog in the form the page downloads ([`flat`]).
    pub fn parse_flat(language: Language, text: &str) -> Catalog {
        Catalog::from_lines(language, flat::read(text))
    }

    /// This catalog in the form the page downloads.
    pub fn to_flat(&self) -> String {
        let lines: Vec<flat::Line> = self
            .messages
            .iter()
            .flat_map(|(key, text)| match text {
                Text::Plain(t) => vec![(key.clone(), String::new(), t.clone())],
                Text::Plural(forms) => forms
                    .iter()
                    .map(|(form, t)| (key.clone(), form.name().to_owned(), t.clone()))
                    .collect(),
            })
            .collect();
        flat::write(&lines)
    }

    fn from_lines(language: Language, lines: Vec<flat::Line>) -> Catalog {
        // Kept in key order as they come, each after any entry with the same key (so of a key
        // given twice the first stays first, and lookups find it). The build writes the files
        // in key order, so each goes at the end. No sort: the standard library's is generic,
        // and its copy was several KB of the wasm an owner downloads first.
        let mut messages: Vec<(String, Text)> = Vec::new();
        for (key, form, text) in lines {
            let end = messages.partition_point(|(k, _)| *k <= key);
            match Plural::from_name(&form) {
                None => messages.insert(end, (key, Text::Plain(text))),
                Some(plural) => match messages[..end].last_mut() {
                    Some((k, Text::Plural(forms))) if *k == key => forms.push((plural, text)),
                    _ => messages.insert(end, (key, Text::Plural(vec![(plural, text)]))),
                },
            }
        }
        Catalog { language, messages }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(k, _)| k.as_str())
    }

    pub fn text(&self, key: &str) -> Option<&Text> {
        let at = self.messages.partition_point(|(k, _)| k.as_str() < key);
        self.messages
            .get(at)
            .filter(|(k, _)| k == key)
            .map(|(_, text)| text)
    }

    /// The message with its placeholders filled; `None` if the catalog lacks it. A
    /// placeholder with no argument is left as written, so a mistake shows rather than hides.
    pub fn format(&self, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let template = match self.text(key)? {
            Text::Plain(text) => text.as_str(),
            Text::Plural(forms) => {
                let count = args.iter().find_map(|(name, arg)| match (name, arg) {
                    (&"count", Arg::Count(n)) => Some(*n),
                    _ => None,
                });
                let wanted = Plural::of(count.unwrap_or(0), self.language);
                forms
                    .iter()
                    .find(|(form, _)| *form == wanted)
                    .or_else(|| forms.iter().find(|(form, _)| *form == Plural::Other))
                    .map(|(_, text)| text.as_str())?
            }
        };
        Some(fill(template, args))
    }
}

/// `template` with each `{name}` replaced by its argument.
pub fn fill(template: &str, args: &[(&str, Arg)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, Arg::Text(text))) => out.push_str(text),
            Some((_, Arg::Count(n))) => out.push_str(&n.to_string()),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The names of the `{name}` placeholders in `text`, in order, each once.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = r#"{
        "home": {"title": "Fix error 1002", "greeting": "Hello, {name}."},
        "about": {"one": "About {count} minute", "other": "About {count} minutes"}
    }"#;

    #[test]
    fn groups_become_dotted_keys_and_plural_objects_one_message() {
        let catalog = Catalog::parse(Language::EnUs, ENGLISH).unwrap();
        assert_eq!(
            catalog.keys().collect::<Vec<_>>(),
            ["about", "home.greeting", "home.title"]
        );
        assert!(matches!(catalog.text("about"), Some(Text::Plural(forms)) if forms.len() == 2));
        assert_eq!(
            catalog.format("home.greeting", &[("name", Arg::Text("Ana"))]),
            Some("Hello, Ana.".to_owned())
        );
        assert_eq!(catalog.format("home.missing", &[]), None);
    }

    #[test]
    fn the_count_selects_the_languages_form() {
        let english = Catalog::parse(Language::EnUs, ENGLISH).unwrap();
        let about = |catalog: &Catalog, n| catalog.format("about", &[("count", Arg::Count(n))]);
        assert_eq!(about(&english, 1).unwrap(), "About 1 minute");
        assert_eq!(about(&english, 0).unwrap(), "About 0 minutes");
        let french = Catalog::parse(
            Language::FrFr,
            r#"{"about": {"one": "Environ {count} minute", "other": "Environ {count} minutes"}}"#,
        )
        .unwrap();
        assert_eq!(about(&french, 0).unwrap(), "Environ 0 minute");
        let japanese =
            Catalog::parse(Language::JaJp, r#"{"about": {"other": "約{count}分"}}"#).unwrap();
        assert_eq!(about(&japanese, 1).unwrap(), "約1分");
    }

    #[test]
    fn the_flat_form_reads_back_as_the_catalog_escapes_and_all() {
        let json = r#"{"b": "two\nlines\twith a tab and a \\ backslash", "a": {"one": "{count} x", "other": "{count} xs"}}"#;
        let catalog = Catalog::parse(Language::EnUs, json).unwrap();
        let flat = catalog.to_flat();
        assert!(flat.lines().all(|l| l.split('\t').count() >= 3), "{flat}");
        assert_eq!(Catalog::parse_flat(Language::EnUs, &flat), catalog);
        // A damaged line costs its message only.
        let damaged = format!("broken line\n{flat}");
        assert_eq!(Catalog::parse_flat(Language::EnUs, &damaged), catalog);
    }

    #[test]
    fn placeholders_are_read_and_unfilled_ones_stay_visible() {
        assert_eq!(placeholders("{a} and {b}, {a} {}"), ["a", "b"]);
        assert_eq!(fill("{a} {b}", &[("a", Arg::Text("x"))]), "x {b}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }

    #[test]
    fn a_broken_catalog_says_where() {
        assert!(matches!(
            Catalog::parse(Language::DeDe, "{\"a\": \n 1 2}"),
            Err(CatalogError::Json { line: 2, .. })
        ));
        assert_eq!(
            Catalog::parse(Language::DeDe, "[]"),
            Err(CatalogError::Shape(
                "a catalog is one JSON object of messages".to_owned()
            ))
        );
        assert_eq!(
            Catalog::parse(Language::DeDe, r#"{"a": {"b": 3}}"#),
            Err(CatalogError::Shape(
                "a.b is neither a text nor a group of texts".to_owned()
            ))
        );
    }
}
