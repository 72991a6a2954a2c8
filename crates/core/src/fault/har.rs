//! HAR files (HTTP Archive, JSON) as browser devtools, mitmproxy and Charles export them.
//!
//! Only what the decoder needs is read from each entry: the request's method, URL, headers
//! and body (for the operation), and the response's status, headers and content. A HAR stores
//! content already decoded, as text or as base64 (`"encoding": "base64"`).

use serde_json::Value;

use super::error::DecodeError;

/// One request and response of a HAR file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Counted from 1, as the file lists them.
    pub number: usize,
    pub method: String,
    pub url: String,
    pub request_headers: Vec<(String, String)>,
    pub request_body: Option<String>,
    pub version: String,
    pub status: u16,
    pub reason: String,
    pub response_headers: Vec<(String, String)>,
    /// The response content as text, or `None` when it is missing or not text.
    pub response_body: Option<String>,
}

/// Whether the text is JSON (and so a candidate HAR file).
pub fn looks_like_json(text: &str) -> bool {
    text.starts_with('{')
}

/// Whether JSON that did not read as a HAR file still starts like one (`{"log": {`), so
/// that its problem is named as a HAR's rather than a structured log's. A log line may have
/// a `log` field too (Docker's does), but as a string.
pub fn starts_like_har(text: &str) -> bool {
    let mut end = text.len().min(256);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(at) = text[..end].find("\"log\"") else {
        return false;
    };
    text[at + 5..]
        .trim_start()
        .strip_prefix(':')
        .is_some_and(|rest| rest.trim_start().starts_with('{'))
}

/// Reads every entry of a HAR file.
pub fn entries(text: &str) -> Result<Vec<Entry>, DecodeError> {
    let json: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotHar {
        detail: format!("the JSON does not parse ({e})"),
    })?;
    let list = json
        .get("log")
        .and_then(|log| log.get("entries"))
        .and_then(Value::as_array)
        .ok_or_else(|| DecodeError::NotHar {
            detail: "it has no log.entries list".to_owned(),
        })?;
    Ok(list
        .iter()
        .enumerate()
        .map(|(i, entry)| read_entry(i + 1, entry))
        .collect())
}

fn read_entry(number: usize, entry: &Value) -> Entry {
    let request = &entry["request"];
    let response = &entry["response"];
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    Entry {
        number,
        method: text(&request["method"]),
        url: text(&request["url"]),
        request_headers: headers(&request["headers"]),
        request_body: request["postData"]["text"].as_str().map(str::to_owned),
        version: text(&response["httpVersion"]),
        status: response["status"]
            .as_u64()
            .and_then(|s| u16::try_from(s).ok())
            .unwrap_or(0),
        reason: text(&response["statusText"]),
        response_headers: headers(&response["headers"]),
        response_body: content_text(&response["content"]),
    }
}

fn headers(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| {
            Some((
                h["name"].as_str()?.to_owned(),
                h["value"].as_str()?.to_owned(),
            ))
        })
        .collect()
}

fn content_text(content: &Value) -> Option<String> {
    let text = content["text"].as_str()?;
    if content["encoding"].as_str() == Some("base64") {
        String::from_utf8(base64(text)?).ok()
    } else {
        Some(text.to_owned())
    }
}

/// Standard base64 (with or without padding, whitespace ignored); `None` if it is not.
fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut buffer = 0u32;
    let mut bits = 0;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_text() {
        assert_eq!(base64("PHMvPg==").unwrap(), b"<s/>");
        assert_eq!(base64("PHMv\nPg").unwrap(), b"<s/>");
        assert_eq!(base64("aGk").unwrap(), b"hi");
        assert_eq!(base64("*"), None);
    }

    #[test]
    fn entries_keep_what_the_decoder_needs() {
        let har = r##"{"log":{"entries":[{"request":{"method":"POST","url":"http://x/smapi","headers":[{"name":"SOAPAction","value":"\"#search\""}],"postData":{"text":"<a/>"}},
            "response":{"status":500,"statusText":"Internal Server Error","httpVersion":"HTTP/1.1","headers":[],"content":{"text":"PGIvPg==","encoding":"base64"}}}]}}"##;
        let entries = entries(har).unwrap();
        assert_eq!(entries[0].status, 500);
        assert_eq!(entries[0].response_body.as_deref(), Some("<b/>"));
        assert_eq!(entries[0].request_headers[0].0, "SOAPAction");
    }

    #[test]
    fn json_that_is_not_a_har_is_named_as_such() {
        assert!(matches!(
            entries("{\"a\":1}"),
            Err(DecodeError::NotHar { .. })
        ));
        assert!(matches!(entries("{oops"), Err(DecodeError::NotHar { .. })));
    }
}
