//! From text to faults: recognise the input's kind, walk it, and interpret each Fault.

pub use super::model::{Decoded, Exchange, Fault, InputKind};

use std::borrow::Cow;
use std::sync::Arc;

use super::capture::{self, Message, StartLine, Transcript};

use super::envelope::{self, EnvelopeFacts, XmlShape};
use super::error::{DecodeError, Locator, Position};
use super::findings::{self, Finding};
use super::har;
use super::http::{self, Framing, HttpHead};
use super::json_log;
use super::log_prefix;
use super::operation::{self, Operation};
use super::request::{self, Request};
use super::trace_ascii;
use super::wget;

/// The largest input the web page decodes, in bytes: comfortably above a 10 MB controller
/// log, small enough that a phone does not run out of memory.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Decodes dropped or chosen file bytes: they must be UTF-8 text.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_bytes_within(bytes, MAX_INPUT_BYTES)
}

/// Decodes file bytes of at most `limit`: the command line, on a machine rather than a phone,
/// takes larger logs than the page.
pub fn decode_bytes_within(bytes: &[u8], limit: usize) -> Result<Decoded, DecodeError> {
    decode_text(text_of_file(bytes, limit)?, Nesting::Paste)
}

/// The text of a dropped or chosen file of at most `limit` bytes, which must be UTF-8: every
/// file the app reads (a fault, a localization resource) goes through here, so each problem
/// gets the same specific message.
pub fn text_of_file(bytes: &[u8], limit: usize) -> Result<&str, DecodeError> {
    if bytes.len() > limit {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        // gzip's magic number: a response saved before it was decompressed.
        if bytes.windows(3).any(|w| w == [0x1f, 0x8b, 0x08]) {
            return DecodeError::CompressedBody {
                coding: "gzip".to_owned(),
            };
        }
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        DecodeError::NotUtf8 {
            position: Position::of(valid, valid.len()),
            utf16,
        }
    })
}

/// Decodes pasted text: a raw HTTP response or a capture of several (plain, `curl -v`,
/// `curl --trace-ascii`, `wget -S`, a request with its response), a HAR file, a SOAP
/// envelope, a bare Fault, a log excerpt, or a structured log with the XML in its strings.
pub fn decode(input: &str) -> Result<Decoded, DecodeError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    decode_text(input, Nesting::Paste)
}

/// Whether the text is the paste itself or a string read out of a structured log's line.
/// A string is not read as JSON again: each level of escaping would be one more walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nesting {
    Paste,
    InJsonString,
}

/// The byte length of the blank text (and byte-order marks) before the input's content.
fn leading_blank(input: &str) -> usize {
    input.len()
        - input
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len()
}

fn decode_text(input: &str, nesting: Nesting) -> Result<Decoded, DecodeError> {
    let start = leading_blank(input);
    let text = input[start..].trim_end();
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if nesting == Nesting::Paste && har::looks_like_json(text) {
        return decode_json(input, start, text);
    }
    // The capture keeps its final line ends: they count towards a body's Content-Length.
    if let Some(trace) = trace_ascii::read(&input[start..]) {
        return decode_capture(input, start, Transcript::CurlTrace, trace.messages()?);
    }
    if let Some(messages) = wget::split(&input[start..]) {
        return decode_capture(input, start, Transcript::Wget, messages);
    }
    if let Some((transcript, messages)) = capture::split(&input[start..]) {
        return decode_capture(input, start, transcript, messages);
    }
    if looks_like_html(text) {
        return Err(DecodeError::HtmlPage {
            title: html_title(text),
            status: None,
        });
    }
    if !text.contains('<') {
        return Err(DecodeError::PlainText);
    }
    decode_xml(input)
}

/// XML with no HTTP around it: an envelope, a bare Fault, or a log excerpt, its line
/// prefixes cut out first (positions are given back in the paste's own lines and columns).
fn decode_xml(input: &str) -> Result<Decoded, DecodeError> {
    let unprefixed = log_prefix::cut_prefixes(input);
    let whole = unprefixed.as_ref().map_or(input, |u| u.text.as_str());
    let start = leading_blank(whole);
    let xml = whole[start..].trim_end();
    let restore = |position: Position| match &unprefixed {
        Some(unprefixed) => unprefixed.restore(position),
        None => position,
    };
    let mut cache = EnvelopeFindings::default();
    let walk = envelope::walk_with(xml, whole, start, |mut raw| {
        raw.position = raw.position.map(restore);
        interpret(raw, None, None, &mut cache)
    })
    .map_err(|error| error.map_positions(restore))?;
    let kind = match walk.shape {
        XmlShape::Envelope => InputKind::Envelope,
        XmlShape::BareFault => InputKind::BareFault,
        XmlShape::Log => InputKind::Log,
    };
    Ok(Decoded {
        kind,
        exchanges: Vec::new(),
        faults: walk.faults,
        passed_over: 0,
        log_prefixes: unprefixed.is_some(),
    })
}

/// JSON: a HAR file, or else a structured log whose strings hold the XML.
fn decode_json(input: &str, start: usize, text: &str) -> Result<Decoded, DecodeError> {
    let not_har = match har::entries(text) {
        Ok(entries) => return decode_har(entries),
        Err(error) => error,
    };
    if har::starts_like_har(text) {
        return Err(not_har);
    }
    decode_json_log(input, start, text).unwrap_or(Err(not_har))
}

/// Every fault logged in a string of a structured log, located at the string that held it
/// (a line inside the string means little in the log). `None` when no line is an object.
fn decode_json_log(input: &str, start: usize, text: &str) -> Option<Result<Decoded, DecodeError>> {
    let mut decoded = Decoded {
        kind: InputKind::JsonLog,
        exchanges: Vec::new(),
        faults: Vec::new(),
        passed_over: 0,
        log_prefixes: false,
    };
    let mut locator = Locator::new(input);
    let (mut xml, mut others) = (Vec::new(), Vec::new());
    for string in json_log::fault_strings(text) {
        let Some(value) = string.value() else {
            continue;
        };
        let position = locator.locate(start + string.offset);
        if value[leading_blank(&value)..].starts_with('<') {
            xml.push((value, position));
        } else {
            others.push((value, position));
        }
    }
    let mixed = !xml.is_empty() && !others.is_empty();
    // A walk has a fixed cost several times that of a small fault, and a log may hold
    // thousands: the XML strings are walked together, as one log. If one of them breaks
    // that walk, each is decoded alone, so that the others still count and the broken one
    // is named.
    match walk_together(&xml) {
        Ok(faults) => decoded.faults = faults,
        Err(_) => {
            others.splice(0..0, xml);
        }
    }
    let mut undecoded = None;
    for (value, position) in others {
        match decode_text(&value, Nesting::InJsonString) {
            Ok(part) => {
                let shift = decoded.exchanges.len();
                decoded.exchanges.extend(part.exchanges);
                decoded.passed_over += part.passed_over;
                decoded
                    .faults
                    .extend(part.faults.into_iter().map(|mut fault| {
                        fault.position = Some(position);
                        fault.exchange = fault.exchange.map(|i| i + shift);
                        fault
                    }));
            }
            Err(error) => {
                undecoded.get_or_insert((position.line, Box::new(error)));
            }
        }
    }
    if mixed {
        decoded
            .faults
            .sort_by_key(|f| f.position.map(|p| (p.line, p.column)));
    }
    if !decoded.faults.is_empty() {
        return Some(Ok(decoded));
    }
    let records = json_log::records(text);
    (records > 0).then_some(Err(DecodeError::JsonLogWithoutFault { records, undecoded }))
}

/// The faults of XML strings walked as one text, each located at its string.
fn walk_together(strings: &[(String, Position)]) -> Result<Vec<Fault>, DecodeError> {
    if strings.is_empty() {
        return Ok(Vec::new());
    }
    let mut joined = String::with_capacity(strings.iter().map(|(s, _)| s.len() + 1).sum());
    // The line of the joined text each string starts on.
    let mut first_lines = Vec::with_capacity(strings.len());
    let mut line = 1;
    for (value, _) in strings {
        first_lines.push(line);
        joined.push_str(value);
        joined.push('\n');
        line += super::scan::count_byte(value.as_bytes(), b'\n') + 1;
    }
    let located = |position: Position| {
        let index = first_lines
            .partition_point(|&first| first <= position.line)
            .saturating_sub(1);
        strings.get(index).map_or(position, |(_, at)| *at)
    };
    let mut cache = EnvelopeFindings::default();
    let walk = envelope::walk_with(&joined, &joined, 0, |mut raw| {
        raw.position = raw.position.map(located);
        interpret(raw, None, None, &mut cache)
    })?;
    Ok(walk.faults)
}

/// A capture of one or more HTTP messages: each response is decoded with the operation of
/// the request before it.
fn decode_capture(
    input: &str,
    start: usize,
    transcript: Transcript,
    messages: Vec<Message<'_>>,
) -> Result<Decoded, DecodeError> {
    let responses = messages
        .iter()
        .filter(|m| matches!(m.start, StartLine::Response { .. }))
        .count();
    let mut decoded = Decoded {
        kind: InputKind::HttpResponse,
        exchanges: Vec::new(),
        faults: Vec::new(),
        passed_over: 0,
        log_prefixes: false,
    };
    let mut saw_request = false;
    let mut pending: Option<(Option<Operation>, Request)> = None;
    let mut last_error = None;
    let mut number = 0;
    let mut locator = Locator::new(input);
    for message in messages {
        if let StartLine::Request { method, target } = &message.start {
            saw_request = true;
            let operation = operation_of(message.header("soapaction"), Some(&message.body));
            let request = Request {
                method: method.clone(),
                target: target.clone(),
                headers: message
                    .headers
                    .iter()
                    .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                    .collect(),
                credentials: request::header_leaves(&message.body),
            };
            pending = Some((operation, request));
            continue;
        }
        number += 1;
        let (operation, request) = pending.take().unzip();
        let operation = operation.flatten();
        let message = Message {
            body_offset: message.body_offset.map(|o| o + start),
            ..message
        };
        let body_position = message.body_offset.map(|o| locator.locate(o));
        match read_response(message, Framing::AsPrinted, input) {
            Ok((http, raws)) => {
                let label = (responses > 1).then(|| format!("response {number} of {responses}"));
                push_exchange(
                    &mut decoded,
                    Exchange {
                        http,
                        operation,
                        request,
                        label,
                        body_position,
                    },
                    raws,
                );
            }
            Err(error) => {
                decoded.passed_over += 1;
                last_error = Some(error);
            }
        }
    }
    if decoded.faults.is_empty() {
        return Err(match (last_error, transcript) {
            // wget saved the body to a file: say where it went.
            (Some(DecodeError::EmptyBody { status }), Transcript::Wget) => {
                DecodeError::WgetWithoutBody { status }
            }
            (Some(error), _) => error,
            (None, _) => DecodeError::RequestOnly {
                operation: pending.and_then(|(o, _)| o).map(|o| o.name),
            },
        });
    }
    decoded.kind = match transcript {
        Transcript::CurlVerbose => InputKind::CurlVerbose,
        Transcript::CurlTrace => InputKind::CurlTrace,
        Transcript::Wget => InputKind::Wget,
        Transcript::Plain if saw_request => InputKind::HttpExchange,
        Transcript::Plain if responses > 1 => InputKind::HttpResponses,
        Transcript::Plain => InputKind::HttpResponse,
    };
    Ok(decoded)
}

/// Every SOAP response of a HAR file; entries with no fault are counted.
fn decode_har(entries: Vec<har::Entry>) -> Result<Decoded, DecodeError> {
    let total = entries.len();
    let mut decoded = Decoded {
        kind: InputKind::Har,
        exchanges: Vec::new(),
        faults: Vec::new(),
        passed_over: 0,
        log_prefixes: false,
    };
    for entry in &entries {
        // Most entries of a browser's HAR are pages, scripts and images: skip them cheaply.
        let Some(body) = entry
            .response_body
            .as_deref()
            .filter(|b| b.contains("Fault"))
        else {
            decoded.passed_over += 1;
            continue;
        };
        let message = Message {
            start: StartLine::Response {
                version: entry.version.clone(),
                status: entry.status,
                reason: entry.reason.clone(),
            },
            headers: entry
                .response_headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect(),
            body: Cow::Borrowed(body),
            body_offset: None,
        };
        let header = entry
            .request_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("soapaction"))
            .map(|(_, v)| v.as_str());
        let operation = operation_of(header, entry.request_body.as_deref());
        let request = Request {
            method: entry.method.clone(),
            target: entry.url.clone(),
            headers: entry.request_headers.clone(),
            credentials: entry
                .request_body
                .as_deref()
                .map(request::header_leaves)
                .unwrap_or_default(),
        };
        match read_response(message, Framing::Decoded, body) {
            Ok((http, raws)) => {
                let label = Some(format!(
                    "HAR entry {} of {total}: {} {}",
                    entry.number, entry.method, entry.url
                ));
                push_exchange(
                    &mut decoded,
                    Exchange {
                        http,
                        operation,
                        request: Some(request),
                        label,
                        body_position: None,
                    },
                    raws,
                );
            }
            Err(_) => decoded.passed_over += 1,
        }
    }
    if decoded.faults.is_empty() {
        return Err(DecodeError::HarWithoutFault { entries: total });
    }
    Ok(decoded)
}

fn operation_of(soap_action: Option<&str>, body: Option<&str>) -> Option<Operation> {
    soap_action
        .and_then(operation::from_soap_action)
        .or_else(|| body.and_then(operation::from_request_body))
}

fn push_exchange(decoded: &mut Decoded, exchange: Exchange, raws: Vec<envelope::RawFault>) {
    let index = decoded.exchanges.len();
    let mut cache = EnvelopeFindings::default();
    decoded.faults.extend(
        raws.into_iter()
            .map(|raw| interpret(raw, Some(&exchange.http), Some(index), &mut cache)),
    );
    decoded.exchanges.push(exchange);
}

/// One response's head and the faults in its body. `whole` is the text positions are counted
/// in; a body that is not one stretch of it (reassembled, or from a HAR) has no positions.
fn read_response(
    message: Message<'_>,
    framing: Framing,
    whole: &str,
) -> Result<(HttpHead, Vec<envelope::RawFault>), DecodeError> {
    let response = http::response(message, framing)?;
    let body = response.body.trim();
    if body.is_empty() {
        return Err(DecodeError::EmptyBody {
            status: response.head.status,
        });
    }
    let is_html_type = response
        .head
        .content_type
        .as_deref()
        .is_some_and(|t| t.to_ascii_lowercase().contains("html"));
    if is_html_type || looks_like_html(body) {
        return Err(DecodeError::HtmlPage {
            title: html_title(body),
            status: Some(response.head.status),
        });
    }
    let walk = match response.body_offset {
        Some(offset) => envelope::walk(&response.body, whole, offset)?,
        None => {
            let mut walk = envelope::walk(&response.body, &response.body, 0)?;
            for fault in &mut walk.faults {
                fault.position = None;
            }
            walk
        }
    };
    Ok((response.head, walk.faults))
}

/// The findings of the envelope last seen, kept while its faults are interpreted.
#[derive(Default)]
struct EnvelopeFindings {
    envelope: Option<Arc<EnvelopeFacts>>,
    findings: Vec<Finding>,
}

impl EnvelopeFindings {
    fn of(&mut self, envelope: Option<&Arc<EnvelopeFacts>>) -> &[Finding] {
        let same = match (&self.envelope, envelope) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.findings = envelope.map_or_else(Vec::new, |e| findings::check_envelope(e));
            self.envelope = envelope.cloned();
        }
        &self.findings
    }
}

fn interpret(
    raw: envelope::RawFault,
    http: Option<&HttpHead>,
    exchange: Option<usize>,
    cache: &mut EnvelopeFindings,
) -> Fault {
    let (prefix, mut family_text, code) = match raw.faultcode.as_deref() {
        Some(text) => split_faultcode(text),
        None => (None, None, None),
    };
    if family_text.is_none() {
        // SOAP 1.2's Sender and Receiver are its names for Client and Server.
        family_text = raw
            .code_value
            .as_deref()
            .map(|v| v.rsplit(':').next().unwrap_or(v))
            .and_then(|v| match v {
                "Sender" => Some("Client".to_owned()),
                "Receiver" => Some("Server".to_owned()),
                _ => None,
            });
    }
    let upnp = super::upnp::recognise(raw.faultstring.as_deref(), &raw.detail);
    let mut fault = Fault {
        position: raw.position,
        faultcode: raw.faultcode,
        prefix,
        family_text,
        code,
        faultstring: raw.faultstring,
        faultactor: raw.faultactor,
        detail: raw.detail,
        soap12_shape: raw.soap12_shape,
        stray_elements: raw.stray_elements,
        envelope: raw.envelope,
        upnp,
        exchange,
        findings: Vec::new(),
    };
    let envelope_findings = cache.of(fault.envelope.as_ref());
    fault.findings = findings::check(&fault, http, envelope_findings);
    fault
}

/// `s:Client.LoginInvalid` → (`s`, `Client`, `LoginInvalid`). The prefix is only text: real
/// services send `s:`, `SOAP-ENV:` and generated prefixes bound to nonsense namespaces.
fn split_faultcode(text: &str) -> (Option<String>, Option<String>, Option<String>) {
    let text = text.trim();
    let (prefix, rest) = match text.split_once(':') {
        Some((prefix, rest)) => (Some(prefix.to_owned()), rest),
        None => (None, text),
    };
    let (family, code) = match rest.split_once('.') {
        Some((family, code)) => (Some(family), Some(code)),
        None if matches!(rest, "Client" | "Server") => (Some(rest), None),
        None => (None, Some(rest)),
    };
    let owned = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_owned);
    (prefix, owned(family), owned(code))
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<html")
}

/// The text of an HTML page's `<title>`, shown as text (never as HTML).
fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title: String = html
        .get(start..end)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!title.is_empty()).then(|| title.chars().take(120).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faultcode_prefixes_are_text_and_any_prefix_is_stripped() {
        for (text, prefix, family, code) in [
            (
                "Client.LoginInvalid",
                None,
                Some("Client"),
                Some("LoginInvalid"),
            ),
            (
                "s:Client.TokenRefreshRequired",
                Some("s"),
                Some("Client"),
                Some("TokenRefreshRequired"),
            ),
            (
                "SOAP-ENV:Client.AuthTokenExpired",
                Some("SOAP-ENV"),
                Some("Client"),
                Some("AuthTokenExpired"),
            ),
            (
                "ns8eeLx:Client.AuthTokenExpired",
                Some("ns8eeLx"),
                Some("Client"),
                Some("AuthTokenExpired"),
            ),
            ("s:Client", Some("s"), Some("Client"), None),
            ("LoginInvalid", None, None, Some("LoginInvalid")),
        ] {
            let (p, f, c) = split_faultcode(text);
            assert_eq!(
                (p.as_deref(), f.as_deref(), c.as_deref()),
                (prefix, family, code),
                "{text}"
            );
        }
    }

    #[test]
    fn an_html_title_is_extracted_as_plain_text() {
        let page = "<html><head><TITLE>502 Bad\n Gateway</TITLE></head><body>nginx</body></html>";
        assert_eq!(html_title(page).as_deref(), Some("502 Bad Gateway"));
        assert_eq!(html_title("<html><body>x</body></html>"), None);
    }
}
