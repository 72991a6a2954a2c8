//! The request a captured response answered: its line, headers, and the credentials Sonos
//! puts in the SOAP Header (`<credentials>` with a login token, key, session id and device
//! ids). Kept so the screen and the report can show what was sent, with secrets hidden.

use quick_xml::events::Event;

/// A captured request, as the decoder keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    /// Each leaf inside the SOAP Header, as (path below Header, text): Sonos' credentials.
    pub credentials: Vec<(String, String)>,
}

/// The most Header leaves kept: a real credentials block has a handful.
const MAX_CREDENTIALS: usize = 50;

/// Every leaf element inside a request body's SOAP Header, with its path below the Header.
pub fn header_leaves(body: &str) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_str(body);
    let mut path: Vec<String> = Vec::new();
    // Depth of the Header element in `path`, once inside it.
    let mut header_at: Option<usize> = None;
    let mut text = String::new();
    let mut leaves = Vec::new();
    // A request is small; a malformed or huge one gives what was read so far.
    for _ in 0..100_000 {
        let Ok(event) = reader.read_event() else {
            break;
        };
        match event {
            Event::Start(start) => {
                let name = start.local_name().into_inner().to_owned();
                if header_at.is_none() && name == "Header" {
                    header_at = Some(path.len());
                }
                path.push(name);
                text.clear();
            }
            Event::Empty(_) => {}
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::End(_) => {
                if let Some(at) = header_at {
                    if path.len() == at + 1 {
                        break; // the Header closes
                    }
                    if path.len() > at + 1 && !text.trim().is_empty() {
                        leaves.push((path[at + 1..].join("/"), text.trim().to_owned()));
                        if leaves.len() == MAX_CREDENTIALS {
                            break;
                        }
                    }
                }
                path.pop();
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    leaves
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credentials_in_a_sonos_header_are_read_as_leaves() {
        let body = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><credentials xmlns="http://www.sonos.com/Services/1.1"><deviceId>00-0E</deviceId><loginToken><token>tk</token><key>k</key></loginToken></credentials></s:Header><s:Body><search/></s:Body></s:Envelope>"#;
        assert_eq!(
            header_leaves(body),
            [
                ("credentials/deviceId".to_owned(), "00-0E".to_owned()),
                ("credentials/loginToken/token".to_owned(), "tk".to_owned()),
                ("credentials/loginToken/key".to_owned(), "k".to_owned()),
            ]
        );
        assert!(header_leaves("<a><b>1</b></a>").is_empty());
    }
}
