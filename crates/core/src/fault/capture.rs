//! Captured HTTP traffic as tools print it: one or more messages, each a start line, headers
//! and a body, in the shapes developers paste.
//!
//! - **Plain**: `curl -si` (with `-L`, one response per hop), proxy dumps and Wireshark's
//!   "Follow HTTP stream", where a request may come before its response.
//! - **curl -v**: `* ` notes, `> ` request lines, `< ` response lines, and the body printed
//!   unprefixed after the response head.
//! - **wget -S**: wget's own notes, the response heads indented by two spaces, the body
//!   where wget's standard output landed ([`super::wget`]).
//!
//! `curl --trace-ascii` is read by [`super::trace_ascii`]: its heads exist only as a dump.
//! Only the framing is read here; [`super::http`] makes sense of the headers and body.

use std::borrow::Cow;

/// How the capture was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transcript {
    Plain,
    CurlVerbose,
    /// `curl --trace-ascii -`, read by [`super::trace_ascii`].
    CurlTrace,
    /// `wget -S`, read by [`super::wget`].
    Wget,
}

/// The first line of an HTTP message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartLine {
    Request {
        method: String,
        target: String,
    },
    Response {
        version: String,
        status: u16,
        reason: String,
    },
}

/// One HTTP message of a capture.
#[derive(Debug, Clone)]
pub struct Message<'a> {
    pub start: StartLine,
    pub headers: Vec<(&'a str, &'a str)>,
    pub body: Cow<'a, str>,
    /// Where the body starts in the input, when it is one unbroken stretch of it.
    pub body_offset: Option<usize>,
}

impl Message<'_> {
    /// A message whose start line has just been read: its headers and body follow.
    pub fn starting(start: StartLine) -> Self {
        Message {
            start,
            headers: Vec::new(),
            body: Cow::Borrowed(""),
            body_offset: None,
        }
    }

    /// The value of the first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

/// A line of the input with where it starts, without its line end.
#[derive(Clone, Copy)]
pub(super) struct Line<'a> {
    pub text: &'a str,
    pub offset: usize,
    /// Where the next line starts (after this one's line end).
    pub end: usize,
}

pub(super) fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut offset = 0;
    std::iter::from_fn(move || {
        if offset >= text.len() {
            return None;
        }
        let rest = &text[offset..];
        let (body, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let line = Line {
            text: body.strip_suffix('\r').unwrap_or(body),
            offset,
            end: offset + advance,
        };
        offset += advance;
        Some(line)
    })
}

/// Reads `text` as captured HTTP traffic. `None` means it does not start like a capture (it
/// may still be XML, which the caller decodes as such).
pub fn split(text: &str) -> Option<(Transcript, Vec<Message<'_>>)> {
    let first = lines(text).find(|l| !l.text.trim().is_empty())?;
    if let Some(start) = parse_start_line(first.text) {
        return Some((Transcript::Plain, split_plain(text, (first, start))));
    }
    // Only a text that starts with one of curl's own lines is searched for a response head.
    if is_curl_line(first.text)
        && lines(text).any(|l| {
            l.text
                .strip_prefix("< ")
                .is_some_and(|rest| parse_start_line(rest).is_some())
        })
    {
        return Some((Transcript::CurlVerbose, split_curl(text)));
    }
    None
}

/// Whether a line is one of curl -v's own: a note, a sent or received head line, or a data
/// marker such as `{ [512 bytes data]`.
fn is_curl_line(line: &str) -> bool {
    line.starts_with("* ")
        || line.starts_with("*   ")
        || line == "*"
        || line.starts_with('>')
        || line.starts_with('<') && (line.len() == 1 || line[1..].starts_with(' '))
        || line.starts_with("{ [")
        || line.starts_with("} [")
}

/// `HTTP/1.1 500 Internal Server Error`, `HTTP/2 500`, or `POST /smapi HTTP/1.1`.
pub fn parse_start_line(line: &str) -> Option<StartLine> {
    let line = line.trim_end();
    if let Some(rest) = line.strip_prefix("HTTP/") {
        let (version, rest) = rest.split_once(' ')?;
        let (status, reason) = rest.split_once(' ').unwrap_or((rest, ""));
        let version_ok = !version.is_empty()
            && version.len() <= 3
            && version.chars().all(|c| c.is_ascii_digit() || c == '.');
        if !version_ok || status.len() != 3 {
            return None;
        }
        let status = status.parse().ok().filter(|s| (100..=999).contains(s))?;
        return Some(StartLine::Response {
            version: format!("HTTP/{version}"),
            status,
            reason: reason.trim().to_owned(),
        });
    }
    let mut parts = line.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    let is_method = matches!(
        method,
        "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "OPTIONS" | "PATCH"
    );
    (is_method && version.starts_with("HTTP/") && parts.next().is_none()).then(|| {
        StartLine::Request {
            method: method.to_owned(),
            target: target.to_owned(),
        }
    })
}

/// Header lines up to the blank line; a line with no colon ends the head too (it cannot be
/// a header, so it is taken as the body's start: some tools drop the blank line).
pub(super) fn header_of(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim();
    let is_token = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.!#$%&'*+^`|~".contains(&b));
    is_token.then(|| (name, value.trim()))
}

/// The first line of `text` that starts a message, with its parsed start line.
fn next_start_line(text: &str) -> Option<(Line<'_>, StartLine)> {
    lines(text).find_map(|l| Some((l, parse_start_line(l.text)?)))
}

/// The messages from `first` on: each start line is parsed once and carried to its message.
fn split_plain<'a>(text: &'a str, first: (Line<'a>, StartLine)) -> Vec<Message<'a>> {
    let mut messages = Vec::new();
    let mut next = Some(first);
    while let Some((first, start)) = next.take() {
        let mut headers = Vec::new();
        let mut body_start = text.len();
        for line in lines(&text[first.end..]) {
            let offset = first.end + line.offset;
            if line.text.trim().is_empty() {
                body_start = first.end + line.end;
                break;
            }
            match header_of(line.text) {
                Some(header) => headers.push(header),
                None => {
                    body_start = offset;
                    break;
                }
            }
        }
        let rest = &text[body_start..];
        // A Content-Length that ends the body right where another message starts is trusted:
        // a captured stream need not put a line end between a body and the next message.
        let declared = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse::<usize>().ok());
        let chunked = headers.iter().any(|(n, v)| {
            n.eq_ignore_ascii_case("transfer-encoding")
                && v.to_ascii_lowercase().contains("chunked")
        });
        let by_length = declared
            .filter(|_| !chunked)
            .filter(|&n| rest.is_char_boundary(n.min(rest.len())) && n <= rest.len())
            .and_then(|n| {
                let after = &rest[n..];
                let skipped = after.len() - after.trim_start().len();
                let Some(line) = lines(&after[skipped..]).next() else {
                    return Some((n, None));
                };
                let start = parse_start_line(line.text)?;
                let line = Line {
                    text: line.text,
                    offset: body_start + n + skipped,
                    end: body_start + n + skipped + line.end,
                };
                Some((n, Some((line, start))))
            });
        let (body_len, following) = match by_length {
            Some(found) => found,
            None => {
                let following = next_start_line(rest).map(|(l, start)| {
                    let line = Line {
                        text: l.text,
                        offset: body_start + l.offset,
                        end: body_start + l.end,
                    };
                    (line, start)
                });
                (
                    following
                        .as_ref()
                        .map_or(rest.len(), |(l, _)| l.offset - body_start),
                    following,
                )
            }
        };
        messages.push(Message {
            start,
            headers,
            body: Cow::Borrowed(&rest[..body_len]),
            body_offset: Some(body_start),
        });
        next = following;
    }
    messages
}

/// curl -v: head lines carry `> ` or `< `, notes `* `; every unprefixed line after a response
/// head, up to the next message, is that response's body.
fn split_curl<'a>(text: &'a str) -> Vec<Message<'a>> {
    let mut messages: Vec<Message> = Vec::new();
    // Whether the last message's head is still being read.
    let mut in_head = false;
    // The body lines of the last response, as (start, end) offsets.
    let mut body: Vec<(usize, usize)> = Vec::new();
    let mut reading_body = false;

    let finish_body = |messages: &mut Vec<Message<'a>>, body: &mut Vec<(usize, usize)>| {
        if let Some(message) = messages.last_mut() {
            if !body.is_empty() {
                let contiguous = body.windows(2).all(|w| w[0].1 == w[1].0);
                let (first, last) = (body[0].0, body[body.len() - 1].1);
                if contiguous {
                    message.body = Cow::Borrowed(&text[first..last]);
                    message.body_offset = Some(first);
                } else {
                    message.body =
                        Cow::Owned(body.iter().map(|&(a, b)| &text[a..b]).collect::<String>());
                    message.body_offset = None;
                }
            }
        }
        body.clear();
    };

    for line in lines(text) {
        let prefixed = line
            .text
            .strip_prefix("> ")
            .or_else(|| line.text.strip_prefix("< "))
            .or_else(|| (line.text == ">" || line.text == "<").then_some(""));
        if let Some(rest) = prefixed {
            if reading_body {
                finish_body(&mut messages, &mut body);
                reading_body = false;
            }
            if let Some(start) = parse_start_line(rest) {
                messages.push(Message::starting(start));
                in_head = true;
            } else if in_head {
                if rest.trim().is_empty() {
                    in_head = false;
                    // Only a response's body is printed; a request's is not.
                    reading_body = matches!(
                        messages.last().map(|m| &m.start),
                        Some(StartLine::Response { .. })
                    );
                } else if let Some(header) = header_of(rest) {
                    if let Some(message) = messages.last_mut() {
                        message.headers.push(header);
                    }
                }
            }
            continue;
        }
        if is_curl_line(line.text) {
            // curl writes its notes unbuffered and the body buffered, so the body often comes
            // after "* Connection #0 … left intact": notes never end a body.
            continue;
        }
        if reading_body {
            // Without a final line end, curl's next note lands on the body's last line.
            let cut = ["* Connection #", "* Closing connection", "* shutting down"]
                .iter()
                .filter_map(|marker| line.text.find(marker))
                .min();
            match cut {
                Some(at) => body.push((line.offset, line.offset + at)),
                None => body.push((line.offset, line.end)),
            }
        }
    }
    finish_body(&mut messages, &mut body);
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_lines_of_every_http_version() {
        let response = |line| match parse_start_line(line) {
            Some(StartLine::Response {
                version, status, ..
            }) => Some((version, status)),
            _ => None,
        };
        assert_eq!(response("HTTP/2 500"), Some(("HTTP/2".into(), 500)));
        assert_eq!(response("HTTP/2 500 "), Some(("HTTP/2".into(), 500)));
        assert_eq!(
            response("HTTP/1.0 500 Internal Server Error"),
            Some(("HTTP/1.0".into(), 500))
        );
        assert_eq!(response("HTTP/1.1 five hundred"), None);
        assert!(matches!(
            parse_start_line("POST /smapi HTTP/1.1"),
            Some(StartLine::Request { .. })
        ));
        assert_eq!(parse_start_line("POST the form"), None);
    }

    #[test]
    fn a_request_then_its_response_are_two_messages() {
        let text = "POST /smapi HTTP/1.1\r\nSOAPAction: \"x#search\"\r\n\r\n<a/>\r\nHTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml\r\n\r\n<b/>";
        let (transcript, messages) = split(text).unwrap();
        assert_eq!(transcript, Transcript::Plain);
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].header("soapaction"), Some("\"x#search\""));
        assert_eq!(messages[0].body, "<a/>\r\n");
        assert_eq!(messages[1].body, "<b/>");
        assert_eq!(&text[messages[1].body_offset.unwrap()..], "<b/>");
    }

    #[test]
    fn curl_verbose_output_keeps_heads_and_the_body() {
        let text = "*   Trying 127.0.0.1:8080...\n> POST /smapi HTTP/1.1\n> SOAPAction: \"x#getMediaURI\"\n> \n< HTTP/1.1 500 Internal Server Error\n< Transfer-Encoding: chunked\n< \n<s:Envelope/>* Connection #0 to host 127.0.0.1 left intact\n";
        let (transcript, messages) = split(text).unwrap();
        assert_eq!(transcript, Transcript::CurlVerbose);
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[1].header("Transfer-Encoding"), Some("chunked"));
        assert_eq!(messages[1].body, "<s:Envelope/>");
        // The body printed after curl's last note still belongs to the response.
        let late = "< HTTP/2 500\n< \n{ [379 bytes data]\n* Connection #0 to host x left intact\n<s:Envelope/>";
        let (_, messages) = split(late).unwrap();
        assert_eq!(messages[0].body, "<s:Envelope/>");
        assert_eq!(&late[messages[0].body_offset.unwrap()..], "<s:Envelope/>");
    }

    #[test]
    fn xml_is_not_a_capture() {
        assert!(split("<s:Envelope/>").is_none());
        assert!(split("\n\n2026-01-01 ERROR <x/>").is_none());
    }
}
