//! Text that loggers put around XML: a timestamp and level at the start of every line, and
//! byte-order marks where files were joined.
//!
//! The decoration is replaced by spaces of the same byte length rather than cut out, so every
//! position the XML walk reports still points at the right line and column of the paste.

/// The text with log-line prefixes (and any byte-order marks) blanked out, or `None` when
/// there are none. Prefixes are blanked only when the first line with XML on it has one:
/// that is what marks the paste as a prefixed log rather than XML with text in it.
///
/// A byte-order mark alone, as where saved files were joined, needs no copy of the input: it
/// can only stand in text, and the XML walk drops it from the little text it keeps.
pub fn blank_prefixes(text: &str) -> Option<String> {
    let first_xml_line = text.lines().find(|l| l.contains('<'))?;
    prefix_len(first_xml_line)?;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (prefix, rest) = line.split_at(prefix_len(line).unwrap_or(0));
        out.extend(std::iter::repeat_n(' ', prefix.len()));
        // The BOM is three bytes in UTF-8; three spaces keep the offsets.
        out.push_str(&rest.replace('\u{feff}', "   "));
    }
    Some(out)
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
    fn timestamps_and_levels_are_blanked_in_place() {
        let text = "2026-11-23 10:00:01.123 ERROR smapi: <s:Envelope>\n2026-11-23 10:00:01.123 ERROR smapi:   <s:Body/>\n</s:Envelope>";
        let blanked = blank_prefixes(text).unwrap();
        assert_eq!(blanked.len(), text.len());
        assert!(blanked.starts_with(&" ".repeat(37)));
        // The second line's prefix and its indentation are all spaces now.
        assert!(blanked.contains(&format!("\n{}<s:Body/>", " ".repeat(39))));
        assert!(blanked.ends_with("\n</s:Envelope>"));
    }

    #[test]
    fn syslog_and_bracketed_prefixes_count() {
        assert_eq!(prefix_len("Nov 23 10:00:01 host smapi[12]: <x/>"), Some(32));
        assert_eq!(prefix_len("[10:00:01] WARN <x/>"), Some(16));
    }

    #[test]
    fn xml_and_text_without_timestamps_are_left_alone() {
        assert!(blank_prefixes("<a>at 10:00 it failed</a>").is_none());
        assert_eq!(prefix_len("Token expired <b/>"), None);
        assert_eq!(prefix_len("12 items\"> <b/>"), None);
    }

    #[test]
    fn a_byte_order_mark_alone_needs_no_copy() {
        assert!(blank_prefixes("<a/>\n\u{feff}<b/>").is_none());
        let prefixed = "2026-11-20 18:01:02,003 INFO <b>\u{feff}</b>";
        assert_eq!(
            blank_prefixes(prefixed).unwrap(),
            format!("{}<b>   </b>", " ".repeat(29))
        );
    }
}
