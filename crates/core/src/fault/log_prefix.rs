//! Text that loggers put before every line of XML: a timestamp, then perhaps a level, a host,
//! a process and a logger name (`ts`, journald, syslog, Python's logging).
//!
//! The prefixes are cut out of a copy of the text, so that an element or a text spanning
//! lines reads as it was logged: a start tag with one attribute a line, a stack trace in
//! ExceptionInfo. (Blanking them with spaces kept the positions but left the spaces inside
//! such a text.) Only characters within a line are cut, never a line end, so line numbers
//! stay as they were; each line's cut is kept, to give columns back.
//!
//! Byte-order marks, where saved files were joined, are left in place: the XML walk drops
//! them from the little text it keeps.

use super::error::Position;

/// The text with its log-line prefixes cut out.
#[derive(Debug)]
pub struct Unprefixed {
    pub text: String,
    /// Characters cut from each line, by line (the first is 0).
    cut: Vec<u32>,
}

impl Unprefixed {
    /// The position in the pasted text of `position`, counted in [`Unprefixed::text`].
    pub fn restore(&self, position: Position) -> Position {
        let cut = position
            .line
            .checked_sub(1)
            .and_then(|line| self.cut.get(line))
            .map_or(0, |&n| n as usize);
        Position {
            line: position.line,
            column: position.column + cut,
        }
    }
}

/// The text with log-line prefixes cut out, or `None` when it has none. Prefixes are cut
/// only when the first line with XML on it has one: that is what marks the paste as a
/// prefixed log rather than XML with text in it.
///
/// That first prefix is the pattern for the others: a line that starts with the same shape
/// (digits where it has digits, letters where it has letters, the rest the same) followed by
/// the same separator loses exactly that much, whatever follows, so a line that continues a
/// tag or a text keeps all of it. A line of another shape (another level, another process)
/// loses what stands before its first `<`, if that looks like a prefix of its own.
pub fn cut_prefixes(text: &str) -> Option<Unprefixed> {
    let first_xml_line = text.lines().find(|l| l.contains('<'))?;
    let first = prefix_len(first_xml_line)?;
    let pattern = Pattern::of(first_xml_line.get(..first)?);
    let mut out = String::with_capacity(text.len());
    let mut cut = Vec::new();
    for line in text.split_inclusive('\n') {
        let n = pattern
            .len_in(line)
            .or_else(|| prefix_len(line))
            .filter(|&n| line.is_char_boundary(n))
            .unwrap_or(0);
        out.push_str(&line[n..]);
        cut.push(u32::try_from(line[..n].chars().count()).unwrap_or(u32::MAX));
    }
    Some(Unprefixed { text: out, cut })
}

/// The first prefix, as the pattern of the others.
struct Pattern<'a> {
    /// The prefix without the whitespace after it (`Dec 03 23:58:08`).
    core: &'a str,
    /// The character between the prefix and the line's own text, usually a space.
    separator: Option<char>,
}

impl<'a> Pattern<'a> {
    fn of(prefix: &'a str) -> Pattern<'a> {
        let core = prefix.trim_end();
        Pattern {
            core,
            separator: prefix[core.len()..].chars().next(),
        }
    }

    /// How many bytes of `line` are a prefix of this pattern's shape.
    fn len_in(&self, line: &str) -> Option<usize> {
        let n = self.core.len();
        let head = line.as_bytes().get(..n)?;
        let same_shape = head.iter().zip(self.core.as_bytes()).all(|(a, b)| {
            a == b
                || (a.is_ascii_digit() && b.is_ascii_digit())
                || (a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
        });
        if n == 0 || !same_shape || !line.is_char_boundary(n) {
            return None;
        }
        let rest = &line[n..];
        match self.separator {
            Some(separator) if rest.starts_with(separator) => Some(n + separator.len_utf8()),
            // A prefix before an empty line (journald drops the space).
            _ if rest.trim_end_matches(['\r', '\n']).is_empty() => Some(n),
            Some(_) => None,
            None => Some(n),
        }
    }
}

/// The byte length of a log prefix before the line's first `<`: a timestamp (with a time of
/// day in it), then perhaps a level and a logger name. `None` if the line has no such prefix.
fn prefix_len(line: &str) -> Option<usize> {
    let at = line.find('<')?;
    let prefix = &line[..at];
    let trimmed = prefix.trim_start().trim_start_matches('[');
    let starts_like_a_date = trimmed.starts_with(|c: char| c.is_ascii_digit())
        || MONTHS
            .iter()
            .any(|m| trimmed.starts_with(m) && trimmed[3..].starts_with(' '));
    let clean = !prefix.contains(['>', '&', '"']);
    (starts_like_a_date && clean && has_time_of_day(prefix)).then_some(at)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Whether the text holds `H:MM` or `HH:MM`.
fn has_time_of_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(4).enumerate().any(|(i, w)| {
        w[1] == b':'
            && w[0].is_ascii_digit()
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_levels_are_cut_and_columns_given_back() {
        let text = "2026-11-23 10:00:01.123 ERROR smapi: <s:Envelope>\n2026-11-23 10:00:01.123 ERROR smapi:   <s:Body/>\n</s:Envelope>";
        let cut = cut_prefixes(text).unwrap();
        assert_eq!(cut.text, "<s:Envelope>\n  <s:Body/>\n</s:Envelope>");
        // `<s:Body/>` is at column 3 of the copy's second line, 40 of the paste's.
        assert_eq!(
            cut.restore(Position { line: 2, column: 3 }),
            Position {
                line: 2,
                column: 40
            }
        );
        assert_eq!(
            cut.restore(Position { line: 3, column: 1 }),
            Position { line: 3, column: 1 }
        );
    }

    #[test]
    fn a_line_that_continues_a_tag_or_a_text_keeps_all_of_it() {
        let text = "Dec 03 23:58:08 <a\nDec 03 23:58:08     x=\"1\">one\nDec 03 23:58:08   two</a>\nDec 03 23:58:09 \n";
        let cut = cut_prefixes(text).unwrap();
        assert_eq!(cut.text, "<a\n    x=\"1\">one\n  two</a>\n\n");
    }

    #[test]
    fn journald_syslog_and_bracketed_prefixes_count() {
        assert_eq!(prefix_len("Nov 23 10:00:01 host smapi[12]: <x/>"), Some(32));
        assert_eq!(prefix_len("[10:00:01] WARN <x/>"), Some(16));
        let journal =
            "Dec 04 00:09:00 vm smapi[27302]: <a>x\nDec 04 00:09:00 vm smapi[27302]:   y</a>";
        assert_eq!(cut_prefixes(journal).unwrap().text, "<a>x\n  y</a>");
    }

    #[test]
    fn xml_and_text_without_timestamps_are_left_alone() {
        assert!(cut_prefixes("<a>at 10:00 it failed</a>").is_none());
        assert_eq!(prefix_len("Token expired <b/>"), None);
        assert_eq!(prefix_len("12 items\"> <b/>"), None);
    }

    #[test]
    fn byte_order_marks_stay_where_they_are() {
        assert!(cut_prefixes("<a/>\n\u{feff}<b/>").is_none());
        let prefixed = "2026-11-20 18:01:02,003 INFO <b>\u{feff}</b>";
        assert_eq!(cut_prefixes(prefixed).unwrap().text, "<b>\u{feff}</b>");
    }
}
