//! One captured HTTP response: its head, and its body as the tool showed it.
//!
//! Tools print the headers as they were sent but usually the body as they decoded it: curl
//! undoes chunked transfer and (with `--compressed`) gzip, so a `Transfer-Encoding: chunked`
//! header often stands over a plain body. The body is decoded as it stands, and each such
//! assumption is kept as a [`TransferNote`] that the findings report.

use std::borrow::Cow;

use super::capture::{Message, StartLine};
use super::error::DecodeError;

/// What the decoder keeps of an HTTP response's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpHead {
    /// `HTTP/1.1`, `HTTP/1.0`, `HTTP/2`.
    pub version: String,
    pub status: u16,
    /// Empty for HTTP/2, which has no reason phrase.
    pub reason: String,
    pub content_type: Option<String>,
    pub chunked: bool,
    /// Every header as sent, for the screen and the report (which hide secret ones).
    pub headers: Vec<(String, String)>,
    /// What was assumed about a body that the headers describe differently.
    pub notes: Vec<TransferNote>,
}

impl HttpHead {
    /// `500 Internal Server Error`, or `500` where the protocol has no reason phrase.
    pub fn status_text(&self) -> String {
        if self.reason.is_empty() {
            self.status.to_string()
        } else {
            format!("{} {}", self.status, self.reason)
        }
    }
}

/// A header that describes a transfer the capturing tool had already undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferNote {
    /// `Transfer-Encoding: chunked` over a body with no chunk framing.
    ChunkedAlreadyDecoded,
    /// `Content-Encoding: gzip` (or another coding) over plain text.
    EncodingAlreadyDecoded { coding: String },
    /// `Content-Length` says one size, the pasted body has another.
    LengthMismatch { declared: usize, actual: usize },
}

/// A response's head and (de-chunked) body. `body_offset` is where the body starts in the
/// input, when positions inside it can be reported against the whole paste.
#[derive(Debug)]
pub struct HttpResponse<'a> {
    pub head: HttpHead,
    pub body: Cow<'a, str>,
    pub body_offset: Option<usize>,
}

/// How far the capture's framing can be trusted to describe the body shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// Text as a tool printed it: headers may describe a transfer already undone.
    AsPrinted,
    /// A HAR entry: its content is always stored decoded, so the headers say nothing of it.
    Decoded,
}

/// Reads a response message of a capture.
pub fn response<'a>(
    message: Message<'a>,
    framing: Framing,
) -> Result<HttpResponse<'a>, DecodeError> {
    let StartLine::Response {
        version,
        status,
        reason,
    } = &message.start
    else {
        return Err(DecodeError::BadHttp {
            detail: "it is a request, not a response".to_owned(),
        });
    };
    let content_type = message.header("content-type").map(str::to_owned);
    let chunked = message
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("transfer-encoding"))
        .flat_map(|(_, v)| v.split(','))
        .any(|coding| coding.trim().eq_ignore_ascii_case("chunked"));
    let coding = message
        .header("content-encoding")
        .map(str::trim)
        .filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("identity"))
        .map(str::to_owned);
    let declared = message
        .header("content-length")
        .and_then(|v| v.trim().parse::<usize>().ok());

    let mut notes = Vec::new();
    let (mut body, mut body_offset) = (message.body, message.body_offset);
    if framing == Framing::AsPrinted {
        if chunked {
            if body.trim_start().starts_with('<') {
                notes.push(TransferNote::ChunkedAlreadyDecoded);
            } else {
                body = Cow::Owned(dechunk(&body)?);
                // Positions inside a reassembled body no longer match the paste.
                body_offset = None;
            }
        }
        if let Some(coding) = coding {
            if !looks_like_text(&body) {
                return Err(DecodeError::CompressedBody { coding });
            }
            notes.push(TransferNote::EncodingAlreadyDecoded { coding });
        } else if let Some(declared) = declared.filter(|_| !chunked) {
            let actual = body.len();
            // A paste may gain or lose the final line end, and a browser's text box turns
            // every CRLF into LF: neither is a mismatch.
            let bare_line_ends = body.matches('\n').count() - body.matches("\r\n").count();
            let plausible = body.trim_end().len()..=actual + bare_line_ends + 2;
            if !plausible.contains(&declared) {
                notes.push(TransferNote::LengthMismatch { declared, actual });
            }
        }
    }
    Ok(HttpResponse {
        head: HttpHead {
            version: version.clone(),
            status: *status,
            reason: reason.clone(),
            content_type,
            chunked,
            headers: message
                .headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            notes,
        },
        body,
        body_offset,
    })
}

/// Compressed bytes pasted as text turn into replacement characters and control codes.
fn looks_like_text(body: &str) -> bool {
    let sample: String = body.chars().take(512).collect();
    sample.trim_start().starts_with('<')
        || !sample
            .chars()
            .any(|c| c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
}

/// Decodes a chunked body: hex size line, data, CRLF, until a zero-size chunk.
fn dechunk(mut body: &str) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(body.len());
    loop {
        // Pasted text often loses the final line ends, and sometimes the last "0" chunk:
        // running out of body between chunks is accepted as the end.
        if body.trim().is_empty() {
            return Ok(out);
        }
        let line_end = body.find('\n').unwrap_or(body.len());
        let size_text = body[..line_end].trim_end_matches('\r');
        // Chunk extensions (";name=value") may follow the size.
        let size_hex = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| chunk_error(&format!("“{size_hex}” is not a hexadecimal chunk size")))?;
        body = body.get(line_end + 1..).unwrap_or_default();
        if size == 0 {
            return Ok(out);
        }
        let chunk = body
            .get(..size)
            .ok_or_else(|| chunk_error("a chunk is shorter than its size line says (the body may be truncated, or its line ends were changed when pasted)"))?;
        out.push_str(chunk);
        body = &body[size..];
        body = body
            .strip_prefix("\r\n")
            .or_else(|| body.strip_prefix('\n'))
            .unwrap_or(body);
    }
}

fn chunk_error(detail: &str) -> DecodeError {
    DecodeError::BadHttp {
        detail: format!("its chunked body cannot be decoded: {detail}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fault::capture;

    fn read(text: &str) -> Result<HttpResponse<'_>, DecodeError> {
        let (_, mut messages) = capture::split(text).expect("a capture");
        response(messages.remove(0), Framing::AsPrinted)
    }

    #[test]
    fn splits_crlf_and_lf_responses() {
        let crlf = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml; charset=utf-8\r\n\r\n<a/>";
        let lf = crlf.replace("\r\n", "\n");
        for text in [crlf.to_owned(), lf] {
            let r = read(&text).unwrap();
            assert_eq!(r.head.status, 500);
            assert_eq!(r.head.reason, "Internal Server Error");
            assert_eq!(
                r.head.content_type.as_deref(),
                Some("text/xml; charset=utf-8")
            );
            assert_eq!(r.body, "<a/>");
            assert_eq!(&text[r.body_offset.unwrap()..], "<a/>");
            assert!(r.head.notes.is_empty());
        }
    }

    #[test]
    fn decodes_a_chunked_body() {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<a>hi\r\n6;ext=1\r\n there\r\n4\r\n</a>\r\n0\r\n\r\n";
        let r = read(text).unwrap();
        assert!(r.head.chunked);
        assert_eq!(r.body, "<a>hi there</a>");
        assert!(r.head.notes.is_empty());
    }

    #[test]
    fn headers_for_a_transfer_already_undone_become_notes() {
        let r = read("HTTP/1.1 500 X\nTransfer-Encoding: chunked\n\n<a/>").unwrap();
        assert_eq!(r.head.notes, [TransferNote::ChunkedAlreadyDecoded]);
        let r = read("HTTP/1.1 500 X\nContent-Encoding: gzip\nContent-Length: 9\n\n<a/>").unwrap();
        assert_eq!(
            r.head.notes,
            [TransferNote::EncodingAlreadyDecoded {
                coding: "gzip".into()
            }]
        );
        let r = read("HTTP/1.1 500 X\nContent-Length: 99\n\n<a/>").unwrap();
        assert_eq!(
            r.head.notes,
            [TransferNote::LengthMismatch {
                declared: 99,
                actual: 4
            }]
        );
        let r = read("HTTP/1.1 500 X\nContent-Length: 4\n\n<a/>\n").unwrap();
        assert!(
            r.head.notes.is_empty(),
            "a final line end is not a mismatch"
        );
        let r = read("HTTP/1.1 500 X\nContent-Length: 15\n\n<a>\n<b/>\n</a>").unwrap();
        assert!(
            r.head.notes.is_empty(),
            "CRLF pasted as LF is not a mismatch"
        );
    }

    #[test]
    fn compressed_bytes_pasted_as_text_are_refused() {
        let err =
            read("HTTP/1.1 500 X\nContent-Encoding: gzip\n\n\u{1f}\u{fffd}\u{8}\0\0").unwrap_err();
        assert!(matches!(err, DecodeError::CompressedBody { .. }), "{err}");
    }

    #[test]
    fn a_broken_chunk_is_a_specific_error() {
        let text = "HTTP/1.1 500 X\nTransfer-Encoding: chunked\n\nzz\n<a/>\n0\n\n";
        let err = read(text).unwrap_err().to_string();
        assert!(err.contains("not a hexadecimal chunk size"), "{err}");
        let short = "HTTP/1.1 500 X\nTransfer-Encoding: chunked\n\nff\n<a/>";
        assert!(read(short)
            .unwrap_err()
            .to_string()
            .contains("shorter than"));
    }
}
