//! Why an input holds no fault to decode, said so a developer knows what to do next.

use std::fmt;

/// A place in the pasted text, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The line and column of byte `offset` in `text` (columns count characters).
    pub fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

/// Finds positions for increasing offsets in one pass over the text, so that locating every
/// fault in a large single-line log stays linear rather than rescanning from the start.
pub struct Locator<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    /// Characters between the start of the current line and `offset`.
    column: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            offset: 0,
            line: 1,
            column: 0,
        }
    }

    /// The position of byte `offset`; offsets should mostly increase (a smaller one restarts).
    pub fn locate(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Locator::new(self.text);
        }
        let segment = &self.text[self.offset..offset];
        match segment.rfind('\n') {
            Some(last) => {
                self.line += super::scan::count_byte(segment.as_bytes(), b'\n');
                self.column = segment[last + 1..].chars().count();
            }
            None => self.column += segment.chars().count(),
        }
        self.offset = offset;
        Position {
            line: self.line,
            column: self.column + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Every way an input can fail to yield a fault. Each message names the problem and, where it
/// helps, what to paste instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotUtf8 {
        position: Position,
        utf16: bool,
    },
    PlainText,
    HtmlPage {
        title: Option<String>,
        status: Option<u16>,
    },
    BadHttp {
        detail: String,
    },
    EmptyBody {
        status: u16,
    },
    Doctype {
        position: Position,
    },
    MalformedXml {
        position: Position,
        detail: String,
    },
    Truncated {
        element: String,
        opened: Position,
    },
    NotSoap {
        root: String,
    },
    NoFault {
        body_content: Option<String>,
    },
    /// Elements nested deeper than the decoder follows.
    TooDeep {
        limit: usize,
        position: Position,
    },
    /// The body is still compressed: the tool showed it as sent, not as decoded.
    CompressedBody {
        coding: String,
    },
    /// A capture with requests but no response to decode.
    RequestOnly {
        operation: Option<String>,
    },
    /// JSON that is not a HAR file, or a HAR file that cannot be read.
    NotHar {
        detail: String,
    },
    /// A HAR file whose responses hold no SOAP fault.
    HarWithoutFault {
        entries: usize,
    },
    /// `curl --trace-ascii` output whose response body curl wrote elsewhere (`-o`): the
    /// trace's dump of it has lost its line ends and its text beyond ASCII.
    TraceWithoutBody,
    /// `wget -S` output without the body, which wget saved to a file.
    WgetWithoutBody {
        status: u16,
    },
    /// A structured log (JSON lines) with no fault in any of its strings.
    JsonLogWithoutFault {
        records: usize,
        /// The line of a string holding XML that could not be decoded, and why.
        undecoded: Option<(usize, Box<DecodeError>)>,
    },
}

impl DecodeError {
    /// The same error with each position in it passed through `map`: for text whose
    /// positions were counted in a copy of the paste (see log_prefix).
    pub fn map_positions(self, map: impl Fn(Position) -> Position) -> DecodeError {
        match self {
            DecodeError::NotUtf8 { position, utf16 } => DecodeError::NotUtf8 {
                position: map(position),
                utf16,
            },
            DecodeError::Doctype { position } => DecodeError::Doctype {
                position: map(position),
            },
            DecodeError::MalformedXml { position, detail } => DecodeError::MalformedXml {
                position: map(position),
                detail,
            },
            DecodeError::Truncated { element, opened } => DecodeError::Truncated {
                element,
                opened: map(opened),
            },
            DecodeError::TooDeep { limit, position } => DecodeError::TooDeep {
                limit,
                position: map(position),
            },
            other => other,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(
                f,
                "Paste a SOAP fault, a raw HTTP response or a controller log to decode it."
            ),
            DecodeError::TooLarge { bytes, limit } => write!(
                f,
                "This input is {:.1} MB; Fix 1002 decodes up to {:.0} MB at a time. Paste the part of the log around the fault.",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            DecodeError::NotUtf8 { position, utf16: true } => write!(
                f,
                "This file is UTF-16 text, not UTF-8 (stopped at {position}). Save it as UTF-8 and try again."
            ),
            DecodeError::NotUtf8 { position, utf16: false } => write!(
                f,
                "This file is not UTF-8 text: the bytes at {position} are not valid UTF-8. Is it a binary or compressed file?"
            ),
            DecodeError::PlainText => write!(
                f,
                "This is plain text with no XML in it. Paste the SOAP response itself: it starts with “HTTP/1.1 500” or with “<”."
            ),
            DecodeError::HtmlPage { title, status } => {
                write!(f, "This is an HTML web page, not a SOAP response")?;
                if let Some(status) = status {
                    write!(f, " (HTTP {status})")?;
                }
                if let Some(title) = title {
                    write!(f, ", titled “{title}”")?;
                }
                write!(
                    f,
                    ". A proxy, load balancer or web server answered instead of the music service’s SOAP endpoint."
                )
            }
            DecodeError::BadHttp { detail } => write!(
                f,
                "This starts like an HTTP response, but {detail}."
            ),
            DecodeError::EmptyBody { status } => write!(
                f,
                "This HTTP response (status {status}) has no body, so there is no SOAP fault in it."
            ),
            DecodeError::Doctype { position } => write!(
                f,
                "This XML has a DOCTYPE declaration at {position}. SOAP forbids DOCTYPEs, and Fix 1002 refuses them rather than expand their entities."
            ),
            DecodeError::MalformedXml { position, detail } => {
                write!(f, "The XML is malformed at {position}: {detail}.")
            }
            DecodeError::Truncated { element, opened } => write!(
                f,
                "The XML ends before <{element}> (opened at {opened}) is closed: the input looks truncated."
            ),
            DecodeError::NotSoap { root } => write!(
                f,
                "This is XML, but not SOAP: its root element is <{root}> and it holds no Envelope or Fault."
            ),
            DecodeError::NoFault { body_content: Some(name) } => write!(
                f,
                "This SOAP response has no Fault: its Body holds <{name}>, so the call succeeded."
            ),
            DecodeError::NoFault { body_content: None } => {
                write!(f, "This SOAP response has no Fault: its Body is empty.")
            }
            DecodeError::TooDeep { limit, position } => write!(
                f,
                "The XML nests more than {limit} elements deep (at {position}). No SOAP fault is built like that; Fix 1002 stops here rather than follow it."
            ),
            DecodeError::CompressedBody { coding } => write!(
                f,
                "This response’s body is still {coding}-compressed, so it cannot be read as text. Capture it with curl --compressed, or copy the decoded body from your tool’s response view."
            ),
            DecodeError::RequestOnly { operation: Some(name) } => write!(
                f,
                "This capture holds a {name} request but no response. Paste the response too: a fault comes back in the response."
            ),
            DecodeError::RequestOnly { operation: None } => write!(
                f,
                "This capture holds a request but no response. Paste the response too: a fault comes back in the response."
            ),
            DecodeError::NotHar { detail } => write!(
                f,
                "This is JSON, but not a HAR file Fix 1002 can read: {detail}. Export the HAR again from the browser’s Network panel, mitmproxy or Charles."
            ),
            DecodeError::HarWithoutFault { entries } => write!(
                f,
                "This HAR file has {entries} entr{}, and no response in it holds a SOAP fault.",
                if *entries == 1 { "y" } else { "ies" }
            ),
            DecodeError::TraceWithoutBody => write!(
                f,
                "This is curl --trace-ascii output, but the response body is not in it: curl wrote the body elsewhere (-o), and the trace's own dump of it shows line ends and text beyond ASCII as dots. Paste the trace made with --trace-ascii - and without -o, so the body follows it, or the output of curl -si."
            ),
            DecodeError::WgetWithoutBody { status } => write!(
                f,
                "This is wget -S output: it shows the response's head (HTTP {status}), but not its body, which wget saved to the file named on its “Saving to:” line. Paste that file's contents after wget's output, or run wget with -O - so that the body is printed too."
            ),
            DecodeError::JsonLogWithoutFault { records, undecoded: Some((line, error)) } => write!(
                f,
                "This is a structured log ({records} JSON line{}), but the XML in the string on line {line} cannot be decoded (its lines and columns count from the string's start): {error}",
                if *records == 1 { "" } else { "s" }
            ),
            DecodeError::JsonLogWithoutFault { records, undecoded: None } => write!(
                f,
                "This is a structured log ({records} JSON line{}), and no string in it holds a SOAP fault. Log the response body whole, as one string, or paste the response itself (curl -si shows it).",
                if *records == 1 { "" } else { "s" }
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "ab\ncdé\nf";
        assert_eq!(Position::of(text, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(text, 3), Position { line: 2, column: 1 });
        // "cdé" is 4 bytes; the f's line starts after it.
        assert_eq!(
            Position::of(text, text.len()),
            Position { line: 3, column: 2 }
        );
        assert_eq!(Position::of(text, 7), Position { line: 2, column: 4 });
    }

    #[test]
    fn the_locator_agrees_with_the_direct_count() {
        let text = "ab\ncdé\nf\n\nxyz";
        let mut locator = Locator::new(text);
        for offset in (0..=text.len()).chain([3, 0, 9]) {
            assert_eq!(
                locator.locate(offset),
                Position::of(text, offset),
                "offset {offset}"
            );
        }
    }
}
