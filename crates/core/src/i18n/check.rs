//! What makes a translation unusable, found before it ships: a message English has and it
//! lacks (or the other way round), a placeholder that is not English's, a plural form the
//! language needs and lacks, and markup, which the page never renders as HTML and so would
//! show as text.

use std::fmt;

use super::catalog::{placeholders, Catalog, Text};
use super::Plural;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing(String),
    Unknown(String),
    Placeholders {
        key: String,
        english: Vec<String>,
        translated: Vec<String>,
    },
    PluralForms {
        key: String,
        missing: Vec<&'static str>,
    },
    Markup {
        key: String,
        text: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing(key) => write!(f, "{key}: missing (English has it)"),
            Problem::Unknown(key) => write!(f, "{key}: English has no such message"),
            Problem::Placeholders {
                key,
                english,
                translated,
            } => write!(
                f,
                "{key}: placeholders {{{}}}, English has {{{}}}",
                translated.join("}, {"),
                english.join("}, {")
            ),
            Problem::PluralForms { key, missing } => {
                write!(f, "{key}: lacks the plural forms {}", missing.join(", "))
            }
            Problem::Markup { key, text } => write!(f, "{key}: markup in “{text}”"),
        }
    }
}

/// Every problem of `translated` against `english`, by key.
pub fn check(english: &Catalog, translated: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    for key in english.keys() {
        let Some(text) = translated.text(key) else {
            problems.push(Problem::Missing(key.to_owned()));
            continue;
        };
        let source = english.text(key).expect("a key english lists");
        let wanted = sorted(source.forms().into_iter().flat_map(placeholders));
        for form in text.forms() {
            let found = sorted(placeholders(form).into_iter());
            if found != wanted {
                problems.push(Problem::Placeholders {
                    key: key.to_owned(),
                    english: wanted.clone(),
                    translated: found,
                });
                break;
            }
        }
        if let (Text::Plural(_), Text::Plural(forms)) = (source, text) {
            let missing: Vec<&'static str> = Plural::forms(translated.language)
                .into_iter()
                .filter(|needed| !forms.iter().any(|(f, _)| f == needed))
                .map(Plural::name)
                .collect();
            if !missing.is_empty() {
                problems.push(Problem::PluralForms {
                    key: key.to_owned(),
                    missing,
                });
            }
        }
        if let Some(text) = text.forms().into_iter().find(|t| has_markup(t)) {
            problems.push(Problem::Markup {
                key: key.to_owned(),
                text: text.to_owned(),
            });
        }
    }
    for key in translated.keys() {
        if english.text(key).is_none() {
            problems.push(Problem::Unknown(key.to_owned()));
        }
    }
    problems
}

fn sorted<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = names.map(str::to_owned).collect();
    names.sort();
    names.dedup();
    names
}

/// A tag (`<b>`, `</p>`, `<!--`) or an entity (`&amp;`, `&#39;`).
pub fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'<' => bytes
            .get(i + 1)
            .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!'),
        b'&' => {
            let rest = &text[i + 1..];
            let name_end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .unwrap_or(rest.len());
            name_end > 0 && rest[name_end..].starts_with(';')
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn catalog(language: Language, json: &str) -> Catalog {
        Catalog::parse(language, json).unwrap()
    }

    #[test]
    fn a_faithful_translation_has_no_problem() {
        let english = catalog(
            Language::EnUs,
            r#"{"a": "Hi {name}", "n": {"one": "{count} step", "other": "{count} steps"}}"#,
        );
        let german = catalog(
            Language::DeDe,
            r#"{"a": "Hallo {name}", "n": {"one": "{count} Schritt", "other": "{count} Schritte"}}"#,
        );
        assert_eq!(check(&english, &german), []);
        let japanese = catalog(
            Language::JaJp,
            r#"{"a": "{name}さん、こんにちは", "n": {"other": "{count}ステップ"}}"#,
        );
        assert_eq!(check(&english, &japanese), []);
    }

    #[test]
    fn every_kind_of_problem_is_named() {
        let english = catalog(
            Language::EnUs,
            r#"{"a": "Hi {name}", "b": "Bye", "n": {"one": "{count} step", "other": "{count} steps"}}"#,
        );
        let french = catalog(
            Language::FrFr,
            r#"{"a": "Salut {nom}", "c": "?", "n": {"other": "{count} <b>étapes</b>"}}"#,
        );
        let problems = check(&english, &french);
        assert!(problems.contains(&Problem::Missing("b".into())));
        assert!(problems.contains(&Problem::Unknown("c".into())));
        assert!(problems.contains(&Problem::Placeholders {
            key: "a".into(),
            english: vec!["name".into()],
            translated: vec!["nom".into()],
        }));
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::PluralForms { key, missing } if key == "n" && missing.contains(&"one"))));
        assert!(problems
            .iter()
            .any(|p| matches!(p, Problem::Markup { key, .. } if key == "n")));
        assert_eq!(
            Problem::Missing("b".into()).to_string(),
            "b: missing (English has it)"
        );
    }

    #[test]
    fn markup_is_tags_and_entities_not_comparisons() {
        for text in ["<b>x</b>", "a </p>", "<!-- c -->", "A &amp; B", "&#39;"] {
            assert!(has_markup(text), "{text}");
        }
        for text in ["1 < 2", "a & b", "R&D;", "<3", "Q&A"] {
            assert_eq!(has_markup(text), text == "R&D;", "{text}");
        }
    }
}
