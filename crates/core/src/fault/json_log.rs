//! Structured logs: one JSON object per line, as pino (Node), python-json-logger, bunyan and
//! most log shippers write them, with a response logged as a string value. The XML in such a
//! string is escaped (`\"`, `\n`, `\uXXXX`, and `\u003c` for `<` where a logger escapes HTML).
//!
//! Only strings that may hold a fault are looked at: the text is searched for `Fault`, and
//! only the lines it occurs on are read string by string, so a large log costs one search
//! over its bytes. A JSON string never spans lines, which is what lets each line be read on
//! its own, whether the log has one object a line or is one object printed over many.

/// A string value of the log that may hold a fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoggedString<'a> {
    /// Where its opening quote is in the text.
    pub offset: usize,
    /// The string as written, quotes included.
    pub raw: &'a str,
}

impl LoggedString<'_> {
    /// The string's value, its escapes undone; `None` if it is not a valid JSON string.
    pub fn value(&self) -> Option<String> {
        serde_json::from_str(self.raw).ok()
    }
}

/// Every string of `text` that names a Fault and holds markup, in order.
pub fn fault_strings(text: &str) -> Vec<LoggedString<'_>> {
    let mut found = Vec::new();
    // Lines before this offset have been read.
    let mut read_up_to = 0;
    // memchr's vectorised search: over a large log this one pass is most of the cost.
    for at in memchr::memmem::find_iter(text.as_bytes(), b"Fault") {
        if at < read_up_to {
            continue;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[line_start..line_end];
        for (open, close) in strings_in(line) {
            let raw = &line[open..close];
            let markup = raw.contains('<') || raw.contains("\\u003c") || raw.contains("\\u003C");
            if markup && raw.contains("Fault") {
                found.push(LoggedString {
                    offset: line_start + open,
                    raw,
                });
            }
        }
        read_up_to = line_end;
    }
    found
}

/// How many lines of `text` are JSON objects: the log's records, for the messages.
pub fn records(text: &str) -> usize {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('{') && l.ends_with('}'))
        .count()
}

/// The byte ranges of the strings in one line, quotes included. Outside strings, valid JSON
/// has no quotes, so each quote that is not escaped opens or closes one.
fn strings_in(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut strings = Vec::new();
    let mut from = 0;
    while let Some(open) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'"', rest))
        .map(|i| from + i)
    {
        let mut at = open + 1;
        loop {
            let Some(next) = bytes
                .get(at..)
                .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
                .map(|i| at + i)
            else {
                return strings;
            };
            if bytes[next] == b'\\' {
                // The escaped character, whatever it is, cannot end the string.
                at = next + 2;
                continue;
            }
            strings.push((open, next + 1));
            from = next + 1;
            break;
        }
    }
    strings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_end_at_the_first_unescaped_quote() {
        let line = r#"{"a":"x\"y","b":"<F>\\","c":1}"#;
        let found: Vec<_> = strings_in(line).iter().map(|&(a, b)| &line[a..b]).collect();
        assert_eq!(
            found,
            [r#""a""#, r#""x\"y""#, r#""b""#, r#""<F>\\""#, r#""c""#]
        );
        assert!(
            strings_in(r#"{"open"#).is_empty(),
            "an unclosed string is not one"
        );
        assert!(strings_in("\"\\").is_empty());
    }

    #[test]
    fn only_strings_with_a_fault_in_markup_are_kept() {
        let log = "{\"msg\":\"started\"}\n{\"msg\":\"Fault count\",\"n\":0}\n{\"level\":50,\"response\":\"<s:Fault>\\n</s:Fault>\",\"msg\":\"SOAP Fault\"}\n{\"escaped\":\"\\u003cFault/\\u003e\"}\n";
        let found = fault_strings(log);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].value().as_deref(), Some("<s:Fault>\n</s:Fault>"));
        assert!(log[found[0].offset..].starts_with("\"<s:Fault>"));
        assert_eq!(found[1].value().as_deref(), Some("<Fault/>"));
        assert_eq!(records(log), 4);
    }
}
