//! Raw HTTP responses: status line, headers, and the body, with chunked transfer decoded.

use super::error::DecodeError;

/// What the decoder keeps of an HTTP response's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpHead {
    pub status: u16,
    pub reason: String,
    pub content_type: Option<String>,
    pub chunked: bool,
}

/// A response split into its head and its (de-chunked) body. `body_offset` is where the body
/// starts in the input, so positions inside the body can be reported against the whole paste.
#[derive(Debug)]
pub struct HttpResponse<'a> {
    pub head: HttpHead,
    pub body: std::borrow::Cow<'a, str>,
    pub body_offset: usize,
}

/// Whether the text starts like an HTTP response (`HTTP/1.1 500 …`).
pub fn looks_like_http(text: &str) -> bool {
    text.starts_with("HTTP/")
}

/// Splits a raw HTTP response. Accepts CRLF or bare LF line ends, as pasted text often has.
pub fn parse(text: &str) -> Result<HttpResponse<'_>, DecodeError> {
    let (head_text, body, body_offset) = split_head(text);
    let mut lines = head_text.lines();
    let status_line = lines.next().unwrap_or_default().trim_end();
    let (status, reason) = parse_status_line(status_line)?;

    let mut content_type = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            return Err(DecodeError::BadHttp {
                detail: format!("the header line “{}” has no colon", line.trim()),
            });
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_owned()),
            "transfer-encoding" => {
                chunked = value
                    .split(',')
                    .any(|coding| coding.trim().eq_ignore_ascii_case("chunked"))
            }
            _ => {}
        }
    }

    let body = if chunked {
        std::borrow::Cow::Owned(dechunk(body)?)
    } else {
        std::borrow::Cow::Borrowed(body)
    };
    Ok(HttpResponse {
        head: HttpHead {
            status,
            reason,
            content_type,
            chunked,
        },
        body,
        body_offset,
    })
}

/// Finds the blank line between head and body (`\r\n\r\n` or `\n\n`).
fn split_head(text: &str) -> (&str, &str, usize) {
    let crlf = text.find("\r\n\r\n").map(|i| (i, 4));
    let lf = text.find("\n\n").map(|i| (i, 2));
    let blank = match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    match blank {
        Some((at, len)) => (&text[..at], &text[at + len..], at + len),
        None => (text, "", text.len()),
    }
}

fn parse_status_line(line: &str) -> Result<(u16, String), DecodeError> {
    let mut parts = line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let code = parts.next().unwrap_or_default();
    let reason = parts.next().unwrap_or_default().trim().to_owned();
    match code.parse::<u16>() {
        Ok(status) if version.starts_with("HTTP/") && (100..=999).contains(&status) => {
            Ok((status, reason))
        }
        _ => Err(DecodeError::BadHttp {
            detail: format!("the status line “{line}” has no three-digit status code"),
        }),
    }
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

    #[test]
    fn splits_crlf_and_lf_responses() {
        let crlf = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml; charset=utf-8\r\n\r\n<a/>";
        let lf = crlf.replace("\r\n", "\n");
        for text in [crlf.to_owned(), lf] {
            let r = parse(&text).unwrap();
            assert_eq!(r.head.status, 500);
            assert_eq!(r.head.reason, "Internal Server Error");
            assert_eq!(
                r.head.content_type.as_deref(),
                Some("text/xml; charset=utf-8")
            );
            assert_eq!(r.body, "<a/>");
            assert_eq!(&text[r.body_offset..], "<a/>");
        }
    }

    #[test]
    fn decodes_a_chunked_body() {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<a>hi\r\n6;ext=1\r\n there\r\n4\r\n</a>\r\n0\r\n\r\n";
        let r = parse(text).unwrap();
        assert!(r.head.chunked);
        assert_eq!(r.body, "<a>hi there</a>");
    }

    #[test]
    fn a_broken_chunk_is_a_specific_error() {
        let text = "HTTP/1.1 500 X\nTransfer-Encoding: chunked\n\nzz\n<a/>\n0\n\n";
        let err = parse(text).unwrap_err().to_string();
        assert!(err.contains("not a hexadecimal chunk size"), "{err}");
        let short = "HTTP/1.1 500 X\nTransfer-Encoding: chunked\n\nff\n<a/>";
        assert!(parse(short)
            .unwrap_err()
            .to_string()
            .contains("shorter than"));
    }

    #[test]
    fn a_bad_status_line_is_refused() {
        assert!(parse("HTTP/1.1 five hundred\n\n<a/>").is_err());
    }
}
