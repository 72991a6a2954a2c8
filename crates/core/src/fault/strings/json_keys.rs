//! Where the keys of an i18next JSON resource stand. serde_json reads the values but keeps no
//! positions, and a check that points at a string must say its line; this pass reads only the
//! keys, over text serde_json has already proved well-formed.

use crate::fault::error::{Locator, Position};

/// Every language key of the document (depth 1) with the keys nested under it.
pub struct KeyPositions {
    languages: Vec<LanguageKeys>,
}

/// One language's key and the keys under it, at any depth, in file order.
pub struct LanguageKeys {
    tag: String,
    pub position: Position,
    keys: Vec<(String, Position)>,
}

impl KeyPositions {
    /// The language's keys. A tag given twice is read by serde_json from its last object,
    /// so its last occurrence is the one meant.
    pub fn language(&self, tag: &str) -> &LanguageKeys {
        static START: LanguageKeys = LanguageKeys {
            tag: String::new(),
            position: Position { line: 1, column: 1 },
            keys: Vec::new(),
        };
        self.languages
            .iter()
            .rev()
            .find(|l| l.tag == tag)
            .unwrap_or(&START)
    }
}

impl LanguageKeys {
    /// The key's position; the language's own when the key cannot be found (a key spelt with
    /// escapes the reading below does not undo).
    pub fn of(&self, key: &str) -> Position {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map_or(self.position, |(_, p)| *p)
    }
}

/// Reads the keys of the well-formed JSON object that starts at byte `start` of `text`.
pub fn positions(text: &str, start: usize) -> KeyPositions {
    let bytes = text.as_bytes();
    let mut locator = Locator::new(text);
    let mut languages: Vec<LanguageKeys> = Vec::new();
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let end = string_end(bytes, i);
                if next_is_colon(bytes, end) {
                    let key = key_text(&text[i + 1..end - 1]);
                    let position = locator.locate(i);
                    if depth == 1 {
                        languages.push(LanguageKeys {
                            tag: key,
                            position,
                            keys: Vec::new(),
                        });
                    } else if let Some(language) = languages.last_mut() {
                        language.keys.push((key, position));
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    KeyPositions { languages }
}

/// The byte after the closing quote of the string whose opening quote is at `open`.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn next_is_colon(bytes: &[u8], from: usize) -> bool {
    bytes[from.min(bytes.len())..]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        == Some(&b':')
}

/// A key's text with its escapes undone, as serde_json reads it.
fn key_text(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    serde_json::from_str(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_placed_under_their_language() {
        let text = "\n{\"en-US\": {\"common\": {\"a\": \"x\\\": y\"},\n  \"integration\": {\"Error1Message\": \"one\"}},\n \"de-DE\": {\"Error1Message\": \"eins\", \"l\\u00e4nge\": \"\"}}";
        let keys = positions(text, 1);
        let english = keys.language("en-US");
        assert_eq!(english.position, Position { line: 2, column: 2 });
        assert_eq!(
            english.of("a"),
            Position {
                line: 2,
                column: 23
            }
        );
        assert_eq!(
            english.of("Error1Message"),
            Position {
                line: 3,
                column: 19
            }
        );
        let german = keys.language("de-DE");
        assert_eq!(
            german.of("Error1Message"),
            Position {
                line: 4,
                column: 12
            }
        );
        assert_eq!(
            german.of("länge"),
            Position {
                line: 4,
                column: 37
            }
        );
        // A key that is not there falls back to its language.
        assert_eq!(german.of("missing"), german.position);
    }
}
