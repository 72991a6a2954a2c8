//! Checking a whole localization resource against the rules the seed gives for custom error
//! messages (`Error<N>Message`): every message a fault asks for exists, none is longer than
//! 125 characters, each is in every language Sonos supports, and each can be reached by a
//! SonosError value (0 to 999). `fix1002 strings check` prints what this finds.
//!
//! The findings share their tags and rules with those the decoder gives a fault read with a
//! resource ([`super::custom_message`]): one rule, one explanation, wherever it is met.

use std::collections::BTreeMap;

use crate::fault::error::Position;
use crate::fault::findings::{Basis, Finding, Severity, SONOS_ERROR_MAX, SONOS_STRINGS};

use super::{StringTable, MAX_MESSAGE_CHARS, SONOS_LANGUAGES};

/// A custom message a fault asks for: its SonosError value, and where the fault is, for the
/// finding to name ("captures/rate.http:4:3").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedKey {
    pub number: u32,
    pub by: String,
}

/// A finding and the string it is about; `None` for one about a key the resource lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub position: Option<Position>,
    pub finding: Finding,
}

/// One `Error<N>Message` key: in the resource, or asked for by a fault, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCheck {
    pub key: String,
    pub number: u32,
    /// The languages that have it, in file order.
    pub languages: Vec<String>,
    /// Where faults ask for it.
    pub used_by: Vec<String>,
    /// Most severe first.
    pub findings: Vec<Located>,
}

/// Checks every custom-message key of `table`, and every key `used` asks for, in the order of
/// their numbers. Other keys of the resource are not Sonos' business and are passed over.
pub fn check_resource(table: &StringTable, used: &[UsedKey]) -> Vec<KeyCheck> {
    let mut numbers: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for language in &table.languages {
        for entry in &language.entries {
            if let Some(number) = message_number(&entry.key) {
                numbers.entry(number).or_default();
            }
        }
    }
    for use_ in used {
        numbers
            .entry(use_.number)
            .or_default()
            .push(use_.by.clone());
    }
    numbers
        .into_iter()
        .map(|(number, used_by)| check_key(table, number, used_by))
        .collect()
}

fn check_key(table: &StringTable, number: u32, used_by: Vec<String>) -> KeyCheck {
    let key = message_key(number);
    let present: Vec<(&str, &super::Entry)> = table
        .languages
        .iter()
        .filter_map(|l| l.entry(&key).map(|e| (l.tag.as_str(), e)))
        .collect();
    let mut findings = Vec::new();
    match present.first() {
        None => findings.push(Located {
            position: None,
            finding: missing(format!(
                "{key} is asked for by {} but is in no language of the resource.",
                listed(&used_by)
            )),
        }),
        Some((_, first)) => {
            // A key no fault can reach needs a new number before anything else; its
            // translations would only be made for nothing.
            let reachable = number <= SONOS_ERROR_MAX;
            if !reachable {
                findings.push(Located {
                    position: Some(first.position),
                    finding: out_of_range(&key),
                });
            }
            let absent = absent_languages(present.iter().map(|(tag, _)| *tag));
            if reachable && !absent.is_empty() {
                findings.push(Located {
                    position: Some(first.position),
                    finding: languages_missing(&key, &absent),
                });
            }
            for (tag, entry) in &present {
                let length = entry.text.chars().count();
                if length > MAX_MESSAGE_CHARS {
                    findings.push(Located {
                        position: Some(entry.position),
                        finding: too_long(format!(
                            "{key} is {length} characters long in {tag}, more than {MAX_MESSAGE_CHARS}."
                        )),
                    });
                }
            }
        }
    }
    findings.sort_by_key(|l| l.finding.severity);
    KeyCheck {
        key,
        number,
        languages: present.iter().map(|(tag, _)| (*tag).to_owned()).collect(),
        used_by,
        findings,
    }
}

/// `Error27Message`: the key a SonosError value of 27 selects.
pub fn message_key(number: u32) -> String {
    format!("Error{number}Message")
}

/// The number of a key spelt exactly as [`message_key`] spells one (no sign, no leading zero).
fn message_number(key: &str) -> Option<u32> {
    let digits = key.strip_prefix("Error")?.strip_suffix("Message")?;
    let number: u32 = digits.parse().ok()?;
    (message_key(number) == key).then_some(number)
}

/// Sonos' twelve languages that `present` lacks, in Sonos' order.
pub fn absent_languages<'a>(present: impl Iterator<Item = &'a str> + Clone) -> Vec<&'static str> {
    SONOS_LANGUAGES
        .iter()
        .copied()
        .filter(|tag| !present.clone().any(|t| t == *tag))
        .collect()
}

/// "a.http:3:1, b.http:9:5 and 4 more".
fn listed(places: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = places
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if places.len() > SHOWN {
        text.push_str(&format!(" and {} more", places.len() - SHOWN));
    }
    text
}

pub fn missing(found: String) -> Finding {
    Finding {
        tag: "custom-message-missing",
        severity: Severity::Error,
        found: found.into(),
        rule: "Without the message in your localization resource, the user gets an error saying something went wrong and to retry; if the problem is not temporary, this can loop until the user gives up.",
        fix: "Add the key to your localization resource, in every language you support.",
        basis: Basis::ErrorReference,
    }
}

pub fn languages_missing(key: &str, absent: &[&str]) -> Finding {
    Finding {
        tag: "custom-message-languages-missing",
        severity: Severity::Warning,
        found: format!(
            "{key} is missing in {} of Sonos' 12 languages: {}.",
            absent.len(),
            absent.join(", ")
        )
        .into(),
        rule: "Include one string table for every language supported by Sonos: en-US, da-DK, de-DE, es-ES, fr-FR, it-IT, ja-JP, nb-NO, nl-NL, pt-BR, sv-SE and zh-CN.",
        fix: "Translate the message into every missing language.",
        basis: SONOS_STRINGS,
    }
}

pub fn too_long(found: String) -> Finding {
    Finding {
        tag: "custom-message-too-long",
        severity: Severity::Error,
        found: found.into(),
        rule: "Messages have a limit of 125 characters.",
        fix: "Shorten the message to 125 characters or fewer.",
        basis: Basis::ErrorReference,
    }
}

fn out_of_range(key: &str) -> Finding {
    Finding {
        tag: "custom-message-out-of-range",
        severity: Severity::Warning,
        found: format!("No fault can show {key}: its number is above {SONOS_ERROR_MAX}.").into(),
        rule: "SonosError contains a numeric code between 0 and 999; each code maps to the key Error[sonosErrorValue]Message.",
        fix: "Number the message from 0 to 999, and send that number in SonosError.",
        basis: Basis::ErrorReference,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fault::strings::parse;

    fn tags(check: &KeyCheck) -> Vec<&'static str> {
        check.findings.iter().map(|l| l.finding.tag).collect()
    }

    #[test]
    fn keys_are_recognised_only_as_sonos_spells_them() {
        assert_eq!(message_number("Error27Message"), Some(27));
        assert_eq!(message_number("Error0Message"), Some(0));
        assert_eq!(message_number("Error1000Message"), Some(1000));
        for other in [
            "Error027Message",
            "Error+1Message",
            "ErrorMessage",
            "error1message",
        ] {
            assert_eq!(message_number(other), None, "{other}");
        }
    }

    #[test]
    fn a_complete_resource_has_no_findings_and_a_used_key_it_lacks_is_an_error() {
        let body: Vec<String> = SONOS_LANGUAGES
            .iter()
            .map(|tag| {
                format!("\"{tag}\": {{\"Error27Message\": \"Premium only.\", \"title\": \"x\"}}")
            })
            .collect();
        let table = parse(&format!("{{{}}}", body.join(",\n"))).unwrap();
        let used = [
            UsedKey {
                number: 27,
                by: "a.http:4:3".into(),
            },
            UsedKey {
                number: 5,
                by: "b.http:1:1".into(),
            },
        ];
        let checks = check_resource(&table, &used);
        assert_eq!(
            checks.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(),
            ["Error5Message", "Error27Message"]
        );
        assert_eq!(tags(&checks[0]), ["custom-message-missing"]);
        assert_eq!(checks[0].findings[0].position, None);
        assert!(checks[0].findings[0].finding.found.contains("b.http:1:1"));
        assert!(checks[1].findings.is_empty());
        assert_eq!(checks[1].languages.len(), 12);
        assert_eq!(checks[1].used_by, ["a.http:4:3"]);
    }

    #[test]
    fn each_long_message_is_placed_at_its_string_and_absent_languages_are_named() {
        let long = "x".repeat(MAX_MESSAGE_CHARS + 1);
        let exact = "é".repeat(MAX_MESSAGE_CHARS);
        let xml = format!(
            "<stringtables>\n<stringtable xml:lang=\"en-US\">\n  <string stringId=\"Error1Message\">{exact}</string>\n</stringtable>\n<stringtable xml:lang=\"fr-FR\">\n  <string stringId=\"Error1Message\">{long}</string>\n  <string stringId=\"Error1000Message\">Jamais</string>\n</stringtable>\n</stringtables>"
        );
        let checks = check_resource(&parse(&xml).unwrap(), &[]);
        assert_eq!(checks.len(), 2);
        let first = &checks[0];
        assert_eq!(
            tags(first),
            [
                "custom-message-too-long",
                "custom-message-languages-missing"
            ]
        );
        assert_eq!(
            first.findings[0].position,
            Some(Position { line: 6, column: 3 })
        );
        assert!(first.findings[0].finding.found.contains("fr-FR"));
        assert!(first.findings[1]
            .finding
            .found
            .contains("10 of Sonos' 12 languages"));
        assert_eq!(
            first.findings[1].position,
            Some(Position { line: 3, column: 3 })
        );
        assert_eq!(tags(&checks[1]), ["custom-message-out-of-range"]);
    }

    #[test]
    fn many_places_are_counted_rather_than_listed() {
        let places: Vec<String> = (1..=5).map(|n| format!("f{n}")).collect();
        assert_eq!(listed(&places), "f1, f2, f3 and 2 more");
        assert_eq!(listed(&places[..1]), "f1");
    }
}
