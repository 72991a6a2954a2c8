//! Localization resources, where a service keeps its custom error messages
//! (`Error<N>Message`), in both formats Sonos has used: the legacy XML string table and the
//! current i18next-style JSON.

use std::fmt;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::codes::Code;
use super::envelope::{resolve_reference, Unresolved};
use super::error::{Locator, Position};
use super::findings::{parse_sonos_error, Basis, Finding, Severity};
use super::messages::{message_for, Context, Names, UserMessage};
use super::model::Fault;

mod check;
mod json_keys;

pub use check::{check_resource, message_key, KeyCheck, Located, UsedKey};

/// The languages Sonos asks a service to provide strings for, as listed on Sonos' "Strings and
/// localization" page ([`SONOS_STRINGS`]).
pub const SONOS_LANGUAGES: [&str; 12] = [
    "en-US", "da-DK", "de-DE", "es-ES", "fr-FR", "it-IT", "ja-JP", "nb-NO", "nl-NL", "pt-BR",
    "sv-SE", "zh-CN",
];

/// The longest custom message Sonos accepts, in characters.
pub const MAX_MESSAGE_CHARS: usize = 125;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    LegacyXml,
    Json,
}

/// One language's strings, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub tag: String,
    /// Where the language starts: its `<stringtable>` element, or its key in the JSON.
    pub position: Position,
    pub entries: Vec<Entry>,
}

/// One string of a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub text: String,
    /// Its `<string>` element, or its key in the JSON.
    pub position: Position,
}

impl Language {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entry(key).map(|e| e.text.as_str())
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

/// A parsed localization resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringTable {
    pub format: TableFormat,
    pub languages: Vec<Language>,
}

impl StringTable {
    pub fn language(&self, tag: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.tag == tag)
    }

    /// The language to show first: en-US if present, else the first one.
    pub fn default_language(&self) -> Option<&str> {
        self.language("en-US")
            .or(self.languages.first())
            .map(|l| l.tag.as_str())
    }
}

/// Why a localization resource could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StringsError {
    Empty,
    NotRecognised,
    Xml {
        position: Position,
        detail: String,
    },
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    NoLanguages,
}

impl fmt::Display for StringsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StringsError::Empty => write!(f, "Paste or drop your localization resource (XML string table or JSON)."),
            StringsError::NotRecognised => write!(f, "This is neither an XML string table nor JSON: it should start with “<” or “{{”."),
            StringsError::Xml { position, detail } => write!(f, "The XML string table is malformed at {position}: {detail}."),
            StringsError::Json { line, column, detail } => write!(f, "The JSON is malformed at line {line}, column {column}: {detail}."),
            StringsError::NoLanguages => write!(
                f,
                "No languages found: expected <stringtable xml:lang=\"en-US\"> elements, or JSON whose top-level keys are languages such as \"en-US\"."
            ),
        }
    }
}

/// Reads either format, telling them apart by the first character. Positions count from the
/// start of `text`, byte-order mark and leading blank lines included.
pub fn parse(text: &str) -> Result<StringTable, StringsError> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let start = text.len() - body.len();
    let body = body.trim_end();
    let mut table = match body.chars().next() {
        None => return Err(StringsError::Empty),
        Some('<') => parse_xml(text, start)?,
        Some('{') => parse_json(text, start)?,
        Some(_) => return Err(StringsError::NotRecognised),
    };
    if table.languages.is_empty() {
        return Err(StringsError::NoLanguages);
    }
    table
        .languages
        .sort_by_key(|l| (l.position.line, l.position.column));
    Ok(table)
}

/// The XML string table that starts at byte `start` of `text`.
fn parse_xml(text: &str, start: usize) -> Result<StringTable, StringsError> {
    let mut reader = Reader::from_str(&text[start..]);
    let mut locator = Locator::new(text);
    let mut languages: Vec<Language> = Vec::new();
    let mut current: Option<(String, Position)> = None;
    let mut value = String::new();
    let xml_error = |offset: u64, detail: String| StringsError::Xml {
        position: Position::of(text, start + offset as usize),
        detail,
    };
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| xml_error(reader.error_position(), e.to_string()))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().into_inner() == "stringtable" => {
                let tag = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.into_inner() == "xml:lang")
                    .map(|a| a.value.into_owned())
                    .unwrap_or_else(|| "(no xml:lang)".to_owned());
                languages.push(Language {
                    tag,
                    position: locator.locate(tag_start(text, start + offset as usize)),
                    entries: Vec::new(),
                });
            }
            Event::Start(e) if e.local_name().into_inner() == "string" => {
                current = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.into_inner() == "stringId")
                    .map(|a| {
                        let at = locator.locate(tag_start(text, start + offset as usize));
                        (a.value.into_owned(), at)
                    });
                value.clear();
            }
            Event::Text(t) if current.is_some() => value.push_str(&t.xml10_content()),
            Event::CData(t) if current.is_some() => value.push_str(&t.into_inner()),
            Event::GeneralRef(r) if current.is_some() => {
                let mut utf8 = [0; 4];
                match resolve_reference(&r, &mut utf8) {
                    Ok(resolved) => value.push_str(resolved),
                    Err(Unresolved::CharRef(_) | Unresolved::Undefined) => {
                        return Err(xml_error(
                            offset,
                            format!("the entity &{}; is not defined", &*r),
                        ))
                    }
                }
            }
            Event::End(e) if e.local_name().into_inner() == "string" => {
                if let (Some((key, position)), Some(language)) =
                    (current.take(), languages.last_mut())
                {
                    language.entries.push(Entry {
                        key,
                        text: value.trim().to_owned(),
                        position,
                    });
                }
            }
            Event::DocType(_) => {
                return Err(xml_error(
                    offset,
                    "DOCTYPE declarations are refused; entities are never expanded".into(),
                ))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(StringTable {
        format: TableFormat::LegacyXml,
        languages,
    })
}

/// The `<` of the tag the reader has just read, which started at `offset` or, when it came
/// straight after another tag, one byte before it (the reader had already taken its `<`).
fn tag_start(text: &str, offset: usize) -> usize {
    let end = (offset + 1).min(text.len());
    text.as_bytes()[..end]
        .iter()
        .rposition(|&b| b == b'<')
        .unwrap_or(offset)
}

/// The i18next JSON that starts at byte `start` of `text`.
fn parse_json(text: &str, start: usize) -> Result<StringTable, StringsError> {
    let value: serde_json::Value =
        serde_json::from_str(&text[start..]).map_err(|e| StringsError::Json {
            // serde_json counts from the body's start; the blank lines before it come back.
            line: e.line() + text[..start].matches('\n').count(),
            column: e.column(),
            detail: crate::json_error::detail(&e),
        })?;
    let Some(top) = value.as_object() else {
        return Err(StringsError::NoLanguages);
    };
    // serde_json keeps no positions; the keys' are read off the text, which it has just
    // proved well-formed.
    let keys = json_keys::positions(text, start);
    let languages = top
        .iter()
        .filter_map(|(tag, body)| {
            let body = body.as_object()?;
            let language_keys = keys.language(tag);
            let mut entries = Vec::new();
            flatten(body, &mut entries, language_keys);
            entries.sort_by_key(|e: &Entry| (e.position.line, e.position.column));
            Some(Language {
                tag: tag.clone(),
                position: language_keys.position,
                entries,
            })
        })
        .collect();
    Ok(StringTable {
        format: TableFormat::Json,
        languages,
    })
}

/// Collects every string leaf; namespaces such as "common" and "integration" are looked
/// through, since custom error keys may sit in any of them.
fn flatten(
    object: &serde_json::Map<String, serde_json::Value>,
    out: &mut Vec<Entry>,
    keys: &json_keys::LanguageKeys,
) {
    for (key, value) in object {
        match value {
            serde_json::Value::String(s) => out.push(Entry {
                key: key.clone(),
                text: s.clone(),
                position: keys.of(key),
            }),
            serde_json::Value::Object(inner) => flatten(inner, out, keys),
            _ => {}
        }
    }
}

/// A custom message for a fault that carries SonosError, as the chosen language shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomMessage {
    /// `Error<N>Message`.
    pub key: String,
    /// The message in the chosen language, if the resource has it there.
    pub text: Option<String>,
    pub findings: Vec<Finding>,
}

/// Looks up the fault's custom message and checks it against Sonos' rules. `None` when the
/// fault carries no usable SonosError (an out-of-range value is already a finding of its own).
pub fn custom_message(
    fault: &Fault,
    table: &StringTable,
    language: &str,
    context: Context,
) -> Option<CustomMessage> {
    let number = parse_sonos_error(fault.detail.sonos_error.as_deref()?)?;
    let key = format!("Error{number}Message");
    let mut findings = Vec::new();

    let present: Vec<(&str, &str)> = table
        .languages
        .iter()
        .filter_map(|l| l.get(&key).map(|v| (l.tag.as_str(), v)))
        .collect();
    if present.is_empty() {
        findings.push(check::missing(format!(
            "The resource has no {key} in any language."
        )));
    } else {
        let absent = check::absent_languages(present.iter().map(|(t, _)| *t));
        if !absent.is_empty() {
            findings.push(check::languages_missing(&key, &absent));
        }
        let too_long: Vec<String> = present
            .iter()
            .filter(|(_, v)| v.chars().count() > MAX_MESSAGE_CHARS)
            .map(|(t, v)| format!("{t} ({} characters)", v.chars().count()))
            .collect();
        if !too_long.is_empty() {
            findings.push(check::too_long(format!(
                "{key} is longer than {MAX_MESSAGE_CHARS} characters in {}.",
                too_long.join(", ")
            )));
        }
        if replaces_a_call_to_action(fault, context) {
            findings.push(Finding {
                tag: "custom-message-replaces-action",
                severity: Severity::Warning,
                found: format!(
                    "{key} replaces Sonos' default for {}, which tells users to act.",
                    fault.code.as_deref().unwrap_or("this code")
                ).into(),
                rule: "Exercise caution before overriding messages that direct users to action, such as the one telling them to re-authenticate.",
                fix: "Keep Sonos' default here, or make sure your message still tells the user what to do.",
                basis: Basis::ErrorReference,
            });
        }
    }

    let text = table
        .language(language)
        .and_then(|l| l.get(&key))
        .map(str::to_owned);
    Some(CustomMessage {
        key,
        text,
        findings,
    })
}

fn replaces_a_call_to_action(fault: &Fault, context: Context) -> bool {
    let Some(code) = fault.known() else {
        return false;
    };
    // The re-authorization wizard is the strongest call to action there is.
    code == Code::AuthTokenExpired
        || matches!(
            message_for(code, context, Names::default()),
            UserMessage::Shown {
                directs_action: true,
                ..
            }
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_legacy_xml_string_table() {
        let xml = r#"<?xml version="1.0"?>
<stringtables xmlns="http://sonos.com/sonosapi">
  <stringtable rev="1" xml:lang="en-US">
    <string stringId="Error27Message">Rating is only available to premium members.</string>
    <string stringId="Other">A &amp; B</string>
  </stringtable>
  <stringtable rev="1" xml:lang="de-DE">
    <string stringId="Error27Message">Bewertung ist nur für Premium-Mitglieder verfügbar.</string>
  </stringtable>
</stringtables>"#;
        let table = parse(xml).unwrap();
        assert_eq!(table.format, TableFormat::LegacyXml);
        assert_eq!(table.languages.len(), 2);
        assert_eq!(
            table.language("en-US").unwrap().get("Error27Message"),
            Some("Rating is only available to premium members.")
        );
        assert_eq!(table.language("en-US").unwrap().get("Other"), Some("A & B"));
        assert_eq!(table.default_language(), Some("en-US"));
    }

    #[test]
    fn references_in_a_string_resolve_and_unknown_ones_are_refused_where_they_stand() {
        let table = |body: &str| {
            format!(
                "<stringtables><stringtable xml:lang=\"en-US\">\n  <string stringId=\"Error1Message\">{body}</string></stringtable></stringtables>"
            )
        };
        let parsed = parse(&table("&#x41;&#66;&#x1F600;&lt;&gt;&amp;&apos;&quot;")).unwrap();
        assert_eq!(
            parsed.language("en-US").unwrap().get("Error1Message"),
            Some("AB😀<>&'\"")
        );
        // Each reference stands at line 2, column 36; a bad character reference is
        // reported like an unknown name.
        for reference in ["&nbsp;", "&AMP;", "&#0;", "&#xD800;", "&#x;"] {
            assert_eq!(
                parse(&table(reference)),
                Err(StringsError::Xml {
                    position: Position {
                        line: 2,
                        column: 36
                    },
                    detail: format!("the entity {reference} is not defined"),
                })
            );
        }
        // Outside a string nothing is read, so nothing is refused.
        let outside = "<stringtables>&nbsp;<stringtable xml:lang=\"en-US\"><string stringId=\"A\">a</string></stringtable></stringtables>";
        assert_eq!(
            parse(outside).unwrap().language("en-US").unwrap().get("A"),
            Some("a")
        );
    }

    #[test]
    fn positions_count_the_byte_order_mark_and_blank_lines_before_the_resource() {
        let xml = "\u{feff}\n\n<stringtables><stringtable xml:lang=\"en-US\">\n<string stringId=\"E\">e</string></stringtable></stringtables>";
        let table = parse(xml).unwrap();
        let english = table.language("en-US").unwrap();
        assert_eq!(
            english.position,
            Position {
                line: 3,
                column: 15
            }
        );
        assert_eq!(
            english.entry("E").unwrap().position,
            Position { line: 4, column: 1 }
        );
        let json = "\n\n  {\"en-US\": {\"E\": \"e\"}}";
        let table = parse(json).unwrap();
        assert_eq!(
            table
                .language("en-US")
                .unwrap()
                .entry("E")
                .unwrap()
                .position,
            Position {
                line: 3,
                column: 14
            }
        );
        assert!(matches!(
            parse("\n\n{\"en-US\": {"),
            Err(StringsError::Json { line: 3, .. })
        ));
        assert!(matches!(
            parse("\n\n<a><b></a>"),
            Err(StringsError::Xml {
                position: Position { line: 3, .. },
                ..
            })
        ));
    }

    #[test]
    fn reads_the_json_format_through_its_namespaces() {
        let json = r#"{"en-US": {"common": {"title": "Acme"}, "integration": {"Error27Message": "Premium only."}},
                       "es-ES": {"integration": {"Error27Message": "Solo premium."}}}"#;
        let table = parse(json).unwrap();
        assert_eq!(table.format, TableFormat::Json);
        assert_eq!(
            table.language("es-ES").unwrap().get("Error27Message"),
            Some("Solo premium.")
        );
    }

    #[test]
    fn bad_resources_get_specific_messages() {
        assert_eq!(parse("  "), Err(StringsError::Empty));
        assert_eq!(parse("hello"), Err(StringsError::NotRecognised));
        assert!(matches!(
            parse("{\"en-US\": {"),
            Err(StringsError::Json { line: 1, .. })
        ));
        assert!(matches!(parse("<a><b></a>"), Err(StringsError::Xml { .. })));
        assert_eq!(parse("{\"x\": 1}"), Err(StringsError::NoLanguages));
        assert!(parse("<!DOCTYPE x [<!ENTITY a \"b\">]><stringtables/>")
            .unwrap_err()
            .to_string()
            .contains("DOCTYPE"));
    }
}
