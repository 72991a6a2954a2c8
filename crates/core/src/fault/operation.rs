//! Which SMAPI operation a captured request called, and the Context that suggests.
//!
//! The operation is read from the request's `SOAPAction` header or, failing that, from the
//! first element in its SOAP Body. The Context is an inference of Fix 1002's (Sonos names the
//! contexts, not which operations run in each), so the screen labels it as one and lets the
//! user change it.

use super::messages::Context;

/// A SMAPI operation name as the request sent it, such as `getMediaURI`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    pub name: String,
    /// Where the name was read: the header or the request body.
    pub source: OperationSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationSource {
    SoapAction,
    RequestBody,
}

impl OperationSource {
    pub fn describe(self) -> &'static str {
        match self {
            OperationSource::SoapAction => "the request’s SOAPAction header",
            OperationSource::RequestBody => "the request’s SOAP Body",
        }
    }
}

impl Operation {
    /// The Context a Sonos app is in when it makes this call, where that is clear.
    pub fn context(&self) -> Option<Context> {
        context_of(&self.name)
    }
}

/// The Context in which an app makes the call named `operation`: browsing calls, search,
/// the calls that set up an account, and the one call that starts playback.
pub fn context_of(operation: &str) -> Option<Context> {
    const BROWSE: &[&str] = &[
        "getMetadata",
        "getMediaMetadata",
        "getExtendedMetadata",
        "getExtendedMetadataText",
        "getLastUpdate",
        "getScrollIndices",
    ];
    const ACCOUNT_SETUP: &[&str] = &[
        "getSessionId",
        "getAppLink",
        "getDeviceLinkCode",
        "getDeviceAuthToken",
        "refreshAuthToken",
    ];
    let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(operation));
    if is(BROWSE) {
        Some(Context::Browse)
    } else if operation.eq_ignore_ascii_case("search") {
        Some(Context::Search)
    } else if is(ACCOUNT_SETUP) {
        Some(Context::AccountSetup)
    } else if operation.eq_ignore_ascii_case("getMediaURI") {
        Some(Context::Streaming)
    } else {
        None
    }
}

/// The operation named by a `SOAPAction` header value: `"http://www.sonos.com/Services/1.1#getMetadata"`
/// gives `getMetadata`. SOAP 1.1 quotes the value; the name follows the last `#` or `/`.
pub fn from_soap_action(value: &str) -> Option<Operation> {
    let value = value.trim().trim_matches('"').trim();
    let name = value.rsplit(['#', '/']).next().unwrap_or_default().trim();
    valid_name(name).then(|| Operation {
        name: name.to_owned(),
        source: OperationSource::SoapAction,
    })
}

/// The operation named by a request body's first element inside the SOAP Body.
pub fn from_request_body(body: &str) -> Option<Operation> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(body);
    let mut in_body = false;
    // A request is small; a malformed or huge one simply yields no operation.
    for _ in 0..10_000 {
        match reader.read_event().ok()? {
            Event::Start(start) | Event::Empty(start) => {
                let local = start.local_name();
                let name: &str = local.into_inner();
                if in_body {
                    return valid_name(name).then(|| Operation {
                        name: name.to_owned(),
                        source: OperationSource::RequestBody,
                    });
                }
                in_body = name == "Body";
            }
            Event::Eof => return None,
            _ => {}
        }
    }
    None
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soap_action_values_name_their_operation() {
        for (value, name) in [
            (
                "\"http://www.sonos.com/Services/1.1#getMediaURI\"",
                "getMediaURI",
            ),
            ("http://www.sonos.com/Services/1.1#search", "search"),
            ("\"urn:example/getMetadata\"", "getMetadata"),
        ] {
            assert_eq!(from_soap_action(value).unwrap().name, name, "{value}");
        }
        assert_eq!(from_soap_action("\"\""), None);
    }

    #[test]
    fn the_first_body_element_names_the_operation() {
        let body = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><credentials/></s:Header><s:Body><ns:getDeviceAuthToken xmlns:ns="x"><ns:linkCode>a</ns:linkCode></ns:getDeviceAuthToken></s:Body></s:Envelope>"#;
        assert_eq!(from_request_body(body).unwrap().name, "getDeviceAuthToken");
        assert_eq!(from_request_body("<a><b/></a>"), None);
    }

    #[test]
    fn operations_suggest_the_context_they_run_in() {
        assert_eq!(context_of("getExtendedMetadata"), Some(Context::Browse));
        assert_eq!(context_of("search"), Some(Context::Search));
        assert_eq!(context_of("refreshAuthToken"), Some(Context::AccountSetup));
        assert_eq!(context_of("getMediaURI"), Some(Context::Streaming));
        assert_eq!(context_of("reportPlaySeconds"), None);
    }
}
