//! From text to faults: recognise the input's kind, walk it, and interpret each Fault.

use super::codes::{self, CodeInfo, Family};
use super::envelope::{self, Detail, EnvelopeFacts, XmlShape};
use super::error::{DecodeError, Position};
use super::findings::{self, Finding};
use super::http::{self, HttpHead};

/// The largest input decoded, in bytes: comfortably above a 10 MB controller log, small enough
/// that a phone does not run out of memory.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What kind of paste this was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    HttpResponse,
    Envelope,
    BareFault,
    Log,
}

impl InputKind {
    pub fn describe(self) -> &'static str {
        match self {
            InputKind::HttpResponse => "a raw HTTP response",
            InputKind::Envelope => "a SOAP envelope",
            InputKind::BareFault => "a bare Fault element",
            InputKind::Log => "a controller log excerpt",
        }
    }
}

/// Everything decoded from one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub kind: InputKind,
    pub http: Option<HttpHead>,
    pub faults: Vec<Fault>,
}

/// One fault, interpreted.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// Where the Fault element starts in the input.
    pub position: Option<Position>,
    /// The faultcode text as sent (`s:Client.LoginInvalid`).
    pub faultcode: Option<String>,
    /// The prefix before the first colon (`s`); plain text, not a resolved namespace.
    pub prefix: Option<String>,
    /// `Client` or `Server` as written, or SOAP 1.2's Sender/Receiver mapped to them.
    pub family_text: Option<String>,
    /// The bare code (`LoginInvalid`).
    pub code: Option<String>,
    pub faultstring: Option<String>,
    pub faultactor: Option<String>,
    pub detail: Detail,
    pub soap12_shape: bool,
    /// Elements directly inside the Fault that SOAP 1.1 does not define there.
    pub stray_elements: Vec<String>,
    pub envelope: Option<EnvelopeFacts>,
    /// Present when the fault came from a speaker's own UPnP control interface.
    pub upnp: Option<super::upnp::UpnpFault>,
    /// Every way the fault (and the response around it) breaks Sonos' rules.
    pub findings: Vec<Finding>,
}

impl Fault {
    /// The seed's entry for this fault's code, if it is one of the 18.
    pub fn info(&self) -> Option<&'static CodeInfo> {
        self.code.as_deref().and_then(codes::lookup)
    }

    pub fn family(&self) -> Option<Family> {
        self.family_text.as_deref().and_then(Family::from_name)
    }
}

/// Decodes dropped or chosen file bytes: they must be UTF-8 text.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode(text_of_file(bytes, MAX_INPUT_BYTES)?)
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
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        DecodeError::NotUtf8 {
            position: Position::of(valid, valid.len()),
            utf16,
        }
    })
}

/// Decodes pasted text: a raw HTTP response, a SOAP envelope, a bare Fault, or a log excerpt.
pub fn decode(input: &str) -> Result<Decoded, DecodeError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let start = input.len()
        - input
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len();
    let text = input[start..].trim_end();
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }

    if http::looks_like_http(text) {
        let response = http::parse(text)?;
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
        let body_offset = start + response.body_offset;
        // Positions are exact unless a chunked body was reassembled.
        let walk = envelope::walk(&response.body, input, body_offset)?;
        let http = Some(response.head);
        let faults = walk
            .faults
            .into_iter()
            .map(|raw| interpret(raw, http.as_ref()))
            .collect();
        return Ok(Decoded {
            kind: InputKind::HttpResponse,
            http,
            faults,
        });
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
    let walk = envelope::walk(text, input, start)?;
    let kind = match walk.shape {
        XmlShape::Envelope => InputKind::Envelope,
        XmlShape::BareFault => InputKind::BareFault,
        XmlShape::Log => InputKind::Log,
    };
    Ok(Decoded {
        kind,
        http: None,
        faults: walk
            .faults
            .into_iter()
            .map(|raw| interpret(raw, None))
            .collect(),
    })
}

fn interpret(raw: envelope::RawFault, http: Option<&HttpHead>) -> Fault {
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
        findings: Vec::new(),
    };
    fault.findings = findings::check(&fault, http);
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
