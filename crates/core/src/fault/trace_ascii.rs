//! `curl --trace-ascii -`: every piece curl sent or received, announced by a marker line
//! (`=> Send header, 206 bytes (0xce)`, `<= Recv data, 386 bytes (0x182)`, `== Info: …`) and
//! dumped as numbered lines (`0040: …`) of at most 64 bytes. With the trace on standard
//! output, the body curl writes there follows the dump of the data it came in, and runs
//! straight into curl's next marker when it does not end with a line end.
//!
//! A dump is not the bytes: curl starts a new numbered line at each CRLF and drops it, and
//! prints every byte outside printable ASCII, a bare line end included, as a dot. A dropped
//! CRLF shows in the numbering (the next line starts two bytes further on), so the heads are
//! restored exactly. A body's other line ends and its text beyond ASCII are lost, so a
//! response's body is read only from the copy curl wrote, never from the dump; the request's
//! body, which curl does not write, is read from its dump (only its operation and its SOAP
//! Header are looked at). `--trace-time` puts a time before each trace line; it is skipped.

use std::borrow::Cow;

use super::capture::{header_of, lines, parse_start_line, Message, StartLine};
use super::error::DecodeError;

/// What a marker line announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    SendHeader,
    SendData,
    RecvHeader,
    RecvData,
    /// `== Info:`, and the encrypted bytes of `--trace-ascii` over TLS.
    Other,
}

const MARKERS: [(&str, Piece); 7] = [
    ("== Info:", Piece::Other),
    ("=> Send header, ", Piece::SendHeader),
    ("=> Send data, ", Piece::SendData),
    ("<= Recv header, ", Piece::RecvHeader),
    ("<= Recv data, ", Piece::RecvData),
    ("=> Send SSL data, ", Piece::Other),
    ("<= Recv SSL data, ", Piece::Other),
];

/// The piece a line announces and its size in bytes (none for `== Info:`).
fn marker(line: &str) -> Option<(Piece, usize)> {
    let (rest, piece) = MARKERS
        .iter()
        .find_map(|&(start, piece)| Some((line.strip_prefix(start)?, piece)))?;
    if piece == Piece::Other && line.starts_with("==") {
        return Some((piece, 0));
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let size = rest.get(..digits)?.parse().ok()?;
    rest[digits..]
        .starts_with(" bytes")
        .then_some((piece, size))
}

/// Where a marker starts inside a line of text curl wrote, after some of that text. Every
/// marker has a `=` in its first two bytes, so only those places are tried: a body may be
/// megabytes long.
fn marker_inside(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(found) = line.get(from..).and_then(|rest| rest.find('=')) {
        let at = from + found;
        // `== Info:` and `=> Send` start at the `=`, `<= Recv` one byte before it.
        let start = if at > 0 && bytes[at - 1] == b'<' {
            at - 1
        } else {
            at
        };
        if start > 0 && marker(&line[start..]).is_some() {
            return Some(start);
        }
        from = at + 1;
    }
    None
}

/// The line without `--trace-time`'s `23:58:07.123456 `.
fn without_time(line: &str) -> &str {
    let is_time = line.len() >= 16
        && line.bytes().take(16).enumerate().all(|(i, b)| match i {
            2 | 5 => b == b':',
            8 => b == b'.',
            15 => b == b' ',
            _ => b.is_ascii_digit(),
        });
    if is_time {
        &line[16..]
    } else {
        line
    }
}

/// `01c0: RI></s:Body></s:Envelope>` → (0x1c0, `RI></s:Body></s:Envelope>`).
fn dump_line(line: &str) -> Option<(usize, &str)> {
    let (number, content) = line.split_once(": ").or_else(|| {
        // An empty line of the dump (a CRLF alone) loses its space in some copies.
        line.strip_suffix(':').map(|number| (number, ""))
    })?;
    if number.len() < 4 || !number.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some((usize::from_str_radix(number, 16).ok()?, content))
}

/// The bytes of one dumped piece, restored as far as the dump allows.
struct Dump {
    piece: Piece,
    size: usize,
    text: String,
    /// Bytes accounted for so far, the CRLFs curl dropped included.
    covered: usize,
}

impl Dump {
    fn new(piece: Piece, size: usize) -> Dump {
        Dump {
            piece,
            size,
            text: String::new(),
            covered: 0,
        }
    }

    fn complete(&self) -> bool {
        self.covered >= self.size
    }

    /// Takes a numbered line if it is this dump's next one.
    fn take(&mut self, number: usize, content: &str) -> bool {
        let dropped_crlf = number == self.covered + 2 && number > 0;
        if number != self.covered && !dropped_crlf {
            return false;
        }
        if dropped_crlf {
            self.text.push_str("\r\n");
        }
        self.text.push_str(content);
        self.covered = number + content.len();
        // The CRLF that ends the piece has no line after it to show it.
        if self.covered + 2 == self.size {
            self.text.push_str("\r\n");
            self.covered = self.size;
        }
        true
    }
}

/// One message of the trace: its head as restored from the dump, and its body.
struct Traced<'a> {
    head: String,
    is_response: bool,
    /// The request's body from its dump, or the response's body as curl wrote it.
    body: Cow<'a, str>,
    body_offset: Option<usize>,
    /// Bytes of data received for a response, whether or not curl wrote them here.
    received: usize,
}

/// A `curl --trace-ascii` transcript, read.
pub struct Trace<'a> {
    messages: Vec<Traced<'a>>,
}

/// Reads `text` as a trace; `None` when its first line is not one of curl's trace lines.
pub fn read(text: &str) -> Option<Trace<'_>> {
    let first = lines(text).find(|l| !l.text.trim().is_empty())?;
    marker(without_time(first.text))?;
    let mut reader = Reader {
        text,
        messages: Vec::new(),
        dump: None,
        written: Vec::new(),
    };
    for line in lines(text) {
        reader.line(line.offset, line.end);
    }
    reader.finish_dump();
    reader.finish_written();
    Some(Trace {
        messages: reader.messages,
    })
}

struct Reader<'a> {
    text: &'a str,
    messages: Vec<Traced<'a>>,
    dump: Option<Dump>,
    /// What curl wrote since the last response's data, as (start, end) runs of the text.
    written: Vec<(usize, usize)>,
}

impl<'a> Reader<'a> {
    /// Reads the line from `start` to `end` (its line end included).
    fn line(&mut self, start: usize, end: usize) {
        let Some(whole) = self.text.get(start..end) else {
            return;
        };
        let line = without_time(whole.trim_end_matches(['\r', '\n']));
        if let Some(dump) = self.dump.as_mut().filter(|d| !d.complete()) {
            if let Some((number, content)) = dump_line(line) {
                if dump.take(number, content) {
                    return;
                }
            }
        }
        if let Some((piece, size)) = marker(line) {
            self.start_piece(piece, size);
            return;
        }
        // Text curl wrote. Without a final line end its next marker follows on the same line.
        match marker_inside(whole) {
            Some(at) => {
                // `--trace-time` puts its time before the marker, after the text.
                let before = &whole[..at];
                let time = before
                    .len()
                    .checked_sub(16)
                    .filter(|&t| {
                        before.is_char_boundary(t) && without_time(&before[t..]).is_empty()
                    })
                    .map_or(0, |_| 16);
                self.write(start, start + at - time);
                self.line(start + at, end);
            }
            None => self.write(start, end),
        }
    }

    fn write(&mut self, start: usize, end: usize) {
        if start == end {
            return;
        }
        match self.written.last_mut() {
            Some(run) if run.1 == start => run.1 = end,
            _ => self.written.push((start, end)),
        }
    }

    fn start_piece(&mut self, piece: Piece, size: usize) {
        self.finish_dump();
        if piece == Piece::RecvHeader || piece == Piece::SendHeader {
            self.finish_written();
        }
        self.dump = (piece != Piece::Other).then(|| Dump::new(piece, size));
    }

    /// Adds a finished dump to the message it belongs to.
    fn finish_dump(&mut self) {
        let Some(dump) = self.dump.take() else {
            return;
        };
        let last = self.messages.last_mut();
        match dump.piece {
            // A request's head comes in one piece, a response's a line at a time.
            Piece::SendHeader => self.messages.push(Traced {
                head: dump.text,
                is_response: false,
                body: Cow::Borrowed(""),
                body_offset: None,
                received: 0,
            }),
            Piece::SendData => {
                if let Some(request) = last.filter(|m| !m.is_response) {
                    request.body.to_mut().push_str(&dump.text);
                }
            }
            Piece::RecvHeader => {
                let starts_a_response = dump.text.lines().next().is_some_and(|l| {
                    matches!(parse_start_line(l), Some(StartLine::Response { .. }))
                });
                match last {
                    Some(response) if response.is_response && !starts_a_response => {
                        response.head.push_str(&dump.text)
                    }
                    _ => self.messages.push(Traced {
                        head: dump.text,
                        is_response: true,
                        body: Cow::Borrowed(""),
                        body_offset: None,
                        received: 0,
                    }),
                }
            }
            Piece::RecvData => {
                if let Some(response) = last.filter(|m| m.is_response) {
                    response.received = response.received.saturating_add(dump.size);
                }
            }
            Piece::Other => {}
        }
    }

    /// Gives what curl wrote to the last response.
    fn finish_written(&mut self) {
        let runs = std::mem::take(&mut self.written);
        let Some(response) = self.messages.last_mut().filter(|m| m.is_response) else {
            return;
        };
        match runs.as_slice() {
            [] => {}
            [(start, end)] if response.body.is_empty() => {
                response.body = Cow::Borrowed(self.text.get(*start..*end).unwrap_or_default());
                response.body_offset = Some(*start);
            }
            runs => {
                let body = response.body.to_mut();
                for &(start, end) in runs {
                    body.push_str(self.text.get(start..end).unwrap_or_default());
                }
                response.body_offset = None;
            }
        }
    }
}

impl Trace<'_> {
    /// The messages of the trace, each with its start line and headers read from its head.
    /// A response whose data was received but not written into the trace (curl was given
    /// `-o`) cannot be decoded from its dump, and is refused with what to paste instead.
    pub fn messages(&self) -> Result<Vec<Message<'_>>, DecodeError> {
        let mut messages = Vec::new();
        let mut unwritten = 0;
        for traced in &self.messages {
            let mut head = traced.head.lines();
            let Some(start) = head.next().and_then(parse_start_line) else {
                continue;
            };
            let headers = head
                .take_while(|l| !l.trim().is_empty())
                .filter_map(header_of)
                .collect();
            if traced.is_response && traced.body.trim().is_empty() && traced.received > 0 {
                unwritten += 1;
            }
            messages.push(Message {
                start,
                headers,
                body: Cow::Borrowed(traced.body.as_ref()),
                body_offset: traced.body_offset,
            });
        }
        let responses = messages
            .iter()
            .filter(|m| matches!(m.start, StartLine::Response { .. }))
            .count();
        if unwritten > 0 && unwritten == responses {
            return Err(DecodeError::TraceWithoutBody);
        }
        Ok(messages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACE: &str = "== Info: Connected to 127.0.0.1 (127.0.0.1) port 8080 (#0)\n=> Send header, 42 bytes (0x2a)\n0000: POST /smapi HTTP/1.1\n0016: SOAPAction: \"x#search\"\n0028: \n=> Send data, 4 bytes (0x4)\n0000: <a/>\n<= Recv header, 36 bytes (0x24)\n0000: HTTP/1.1 500 Internal Server Error\n<= Recv header, 28 bytes (0x1c)\n0000: Transfer-Encoding: chunked\n<= Recv header, 2 bytes (0x2)\n0000: \n<= Recv data, 20 bytes (0x14)\n0000: b\n0003: <s:Fault/>\n000f: 0\n0012: \n<s:Fault/>== Info: Connection #0 to host 127.0.0.1 left intact\n";

    #[test]
    fn heads_come_from_the_dump_and_the_body_from_what_curl_wrote() {
        let trace = read(TRACE).unwrap();
        let messages = trace.messages().unwrap();
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].header("soapaction"), Some("\"x#search\""));
        assert_eq!(messages[0].body, "<a/>");
        assert!(matches!(
            messages[1].start,
            StartLine::Response { status: 500, .. }
        ));
        assert_eq!(messages[1].header("Transfer-Encoding"), Some("chunked"));
        assert_eq!(messages[1].body, "<s:Fault/>");
        let offset = messages[1].body_offset.unwrap();
        assert!(TRACE[offset..].starts_with("<s:Fault/>== Info:"));
    }

    #[test]
    fn a_crlf_curl_dropped_is_restored_from_the_numbering() {
        let mut dump = Dump::new(Piece::SendHeader, 12);
        assert!(dump.take(0, "ab"));
        assert!(dump.take(4, "cd"));
        assert!(dump.take(8, "ef"));
        assert!(dump.complete());
        assert_eq!(dump.text, "ab\r\ncd\r\nef\r\n");
        assert!(!Dump::new(Piece::SendData, 9).take(3, "x"), "out of order");
    }

    #[test]
    fn trace_time_is_skipped() {
        let timed = TRACE
            .lines()
            .map(|l| {
                if l.starts_with("<s:Fault/>") {
                    l.replace("== Info:", "23:58:07.123456 == Info:")
                } else {
                    format!("23:58:07.123456 {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let trace = read(&timed).unwrap();
        let messages = trace.messages().unwrap();
        assert_eq!(messages[1].body, "<s:Fault/>");
    }

    #[test]
    fn a_body_curl_did_not_write_here_is_refused() {
        let without = TRACE.replace("<s:Fault/>== Info:", "== Info:");
        let trace = read(&without).unwrap();
        assert_eq!(trace.messages().unwrap_err(), DecodeError::TraceWithoutBody);
    }

    #[test]
    fn other_text_is_not_a_trace() {
        assert!(read("<s:Envelope/>").is_none());
        assert!(read("== Infos").is_none());
    }
}
