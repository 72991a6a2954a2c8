//! The reverse of decoding: from the fault a developer means to send (a code, perhaps a custom
//! message or a refreshed token) to the exact HTTP response to send, the localization entries
//! to add, and what the user will see in each context.
//!
//! What is written follows the seed's rules: status 500, `text/xml`, an envelope whose Body
//! holds only the Fault, `faultcode` as `Client.<Code>` or `Server.<Code>` with the envelope's
//! prefix, a `faultstring`, and a `detail` holding `ExceptionInfo` and `SonosError`, or the new
//! tokens of TokenRefreshRequired. Where the seed gives no rule, [`Composed::notes`] says what
//! was chosen and where it comes from instead of passing it off as Sonos' rule.

use super::codes::Code;
use super::explain::{explain, Choices};
use super::findings::SONOS_ERROR_MAX;
use super::messages::{Context, Names};
use super::strings::{self, MAX_MESSAGE_CHARS};
use super::{decode, Decoded};

/// What the developer asks for.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// The code as Sonos spells it (`LoginUnsupported`, `NOT_LINKED_RETRY`).
    pub code: &'a str,
    /// A custom message: its number (SonosError) and its text.
    pub custom: Option<(u32, &'a str)>,
    /// The new tokens a TokenRefreshRequired fault carries.
    pub tokens: Option<(&'a str, &'a str)>,
    /// The faultstring: what Sonos' logs keep. The code's meaning when not given.
    pub faultstring: Option<&'a str>,
}

/// Why a request cannot be composed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComposeError {
    UnknownCode(String),
    SonosErrorOutOfRange(u32),
    EmptyMessage,
    /// What was written does not decode (text XML cannot carry, such as control characters).
    Unreadable(String),
}

impl std::fmt::Display for ComposeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ComposeError::UnknownCode(code) => write!(
                f,
                "“{code}” is not one of the 18 codes Sonos defines (they are case-sensitive): {}",
                Code::ALL.map(Code::name).join(", ")
            ),
            ComposeError::SonosErrorOutOfRange(n) => write!(
                f,
                "SonosError {n} is out of range: Sonos takes a whole number from 0 to {SONOS_ERROR_MAX}"
            ),
            ComposeError::EmptyMessage => {
                write!(f, "the custom message is empty: give the text the user should see")
            }
            ComposeError::Unreadable(why) => write!(
                f,
                "the response could not be written from this text ({why}): leave out control characters"
            ),
        }
    }
}

/// Everything compose gives back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub code: Code,
    /// The SOAP envelope, pretty-printed.
    pub envelope: String,
    /// The whole HTTP response: status line, headers, the envelope.
    pub http: String,
    /// The localization entries to add for a custom message, as the i18next JSON and as the
    /// XML string table's `<string>` element.
    pub strings: Option<StringsEntries>,
    /// What the user sees in each context, once the response is sent (and, for a custom
    /// message, once the entries are in the resource), as the decoder explains it.
    pub user_sees: Vec<(Context, String)>,
    /// What was chosen where the seed gives no rule, and warnings on the request.
    pub notes: Vec<String>,
}

/// The `Error<N>Message` entries for a custom message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringsEntries {
    pub key: String,
    pub json: String,
    pub xml: String,
}

/// The envelope's prefix, as common SOAP 1.1 stacks write it.
const PREFIX: &str = "soap";
const SOAP11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
/// The namespace Sonos' WSDL gives the fault detail's elements (`customFault`).
const SONOS_NAMESPACE: &str = "http://www.sonos.com/Services/1.1";

/// Composes the fault for `request`.
pub fn compose(request: &Request) -> Result<Composed, ComposeError> {
    let code = Code::from_name(request.code)
        .ok_or_else(|| ComposeError::UnknownCode(request.code.to_owned()))?;
    if let Some((number, text)) = request.custom {
        if number > SONOS_ERROR_MAX {
            return Err(ComposeError::SonosErrorOutOfRange(number));
        }
        if text.trim().is_empty() {
            return Err(ComposeError::EmptyMessage);
        }
    }
    let mut notes = Vec::new();
    let faultstring = request.faultstring.unwrap_or(code.meaning());
    let mut detail = String::new();
    if let Some((number, text)) = request.custom {
        detail.push_str(&format!(
            "        <ExceptionInfo>{}</ExceptionInfo>\n        <SonosError>{number}</SonosError>\n",
            escape(faultstring)
        ));
        if text.chars().count() > MAX_MESSAGE_CHARS {
            notes.push(format!(
                "The message is {} characters long; Sonos' limit is {MAX_MESSAGE_CHARS}.",
                text.chars().count()
            ));
        }
    }
    if code == Code::TokenRefreshRequired {
        let (auth, key) = request
            .tokens
            .unwrap_or(("NEW-AUTH-TOKEN", "NEW-PRIVATE-KEY"));
        if request.tokens.is_none() {
            notes.push("No tokens were given: replace NEW-AUTH-TOKEN and NEW-PRIVATE-KEY with the new token and the new refresh token, which this fault must carry.".to_owned());
        }
        detail.push_str(&format!(
            "        <refreshAuthTokenResult>\n          <authToken>{}</authToken>\n          <privateKey>{}</privateKey>\n        </refreshAuthTokenResult>\n",
            escape(auth),
            escape(key)
        ));
    } else if request.tokens.is_some() {
        notes.push(format!(
            "Tokens are carried only by TokenRefreshRequired; they were left out of {}.",
            code.name()
        ));
    }
    let detail = if detail.is_empty() {
        String::new()
    } else {
        notes.insert(0, format!(
            "The detail's elements are written in the namespace {SONOS_NAMESPACE}, which Sonos' WSDL gives its fault detail (customFault); the seed's example writes them with a prefix and does not name the namespace."
        ));
        format!("      <detail xmlns=\"{SONOS_NAMESPACE}\">\n{detail}      </detail>\n")
    };
    let envelope = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{PREFIX}:Envelope xmlns:{PREFIX}=\"{SOAP11}\">\n  <{PREFIX}:Body>\n    <{PREFIX}:Fault>\n      <faultcode>{PREFIX}:{}.{}</faultcode>\n      <faultstring>{}</faultstring>\n{detail}    </{PREFIX}:Fault>\n  </{PREFIX}:Body>\n</{PREFIX}:Envelope>\n",
        code.family().name(),
        code.name(),
        escape(faultstring),
    );
    let http = format!(
        "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {}\r\n\r\n{envelope}",
        envelope.len()
    );

    let strings = request.custom.map(|(number, text)| {
        let key = format!("Error{number}Message");
        let json_text = serde_json::Value::String(text.to_owned()).to_string();
        StringsEntries {
            json: format!("{{\"en-US\": {{\"integration\": {{\"{key}\": {json_text}}}}}}}"),
            xml: format!("<string stringId=\"{key}\">{}</string>", escape(text)),
            key,
        }
    });
    if strings.is_some() {
        notes.push("Add the entry in every language Sonos supports (en-US, da-DK, de-DE, es-ES, fr-FR, it-IT, ja-JP, nb-NO, nl-NL, pt-BR, sv-SE, zh-CN; Sonos documentation: Strings and localization), translated.".to_owned());
    }

    // What the user sees comes from the decoder itself, reading what was just written.
    let decoded = decode(&http).map_err(|e| ComposeError::Unreadable(e.to_string()))?;
    let user_sees = user_sees(&decoded, strings.as_ref());
    if let Some((_, text)) = request.custom {
        let elsewhere: Vec<&str> = user_sees
            .iter()
            .filter(|(_, seen)| seen != text)
            .map(|(context, _)| context.label())
            .collect();
        if !elsewhere.is_empty() {
            notes.push(format!(
                "A custom message takes the place of a message the user sees; {} shows none to replace in: {}.",
                code.name(),
                elsewhere.join(", ")
            ));
        }
    }
    Ok(Composed {
        code,
        envelope,
        http,
        strings,
        user_sees,
        notes,
    })
}

fn user_sees(decoded: &Decoded, strings: Option<&StringsEntries>) -> Vec<(Context, String)> {
    let table = strings.and_then(|s| strings::parse(&s.json).ok());
    let fault = &decoded.faults[0];
    Context::ALL
        .into_iter()
        .map(|context| {
            let choices = Choices {
                context,
                names: Names::default(),
                strings: table.as_ref(),
                language: "en-US",
            };
            let explanation = explain(fault, decoded.origin_of(fault), &choices);
            let seen = explanation.seen.map(|seen| seen.text()).unwrap_or_default();
            (context, seen)
        })
        .collect()
}

/// Escapes text for an XML element's content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fault::findings::Severity;

    fn worst(http: &str) -> Option<Severity> {
        let decoded = decode(http).unwrap();
        assert_eq!(decoded.faults.len(), 1);
        decoded.faults[0].findings.iter().map(|f| f.severity).min()
    }

    #[test]
    fn every_code_round_trips_with_nothing_above_info() {
        for code in Code::ALL {
            let composed = compose(&Request {
                code: code.name(),
                ..Request::default()
            })
            .unwrap();
            let decoded = decode(&composed.http).unwrap();
            assert_eq!(decoded.faults[0].known(), Some(code));
            assert!(
                worst(&composed.http).is_none_or(|s| s == Severity::Info),
                "{}: {:?}",
                code.name(),
                decoded.faults[0].findings
            );
        }
    }

    #[test]
    fn a_custom_message_is_shown_where_the_code_shows_one_and_its_entries_are_given() {
        let composed = compose(&Request {
            code: "LoginUnsupported",
            custom: Some((27, "Rating is only for premium members & friends.")),
            ..Request::default()
        })
        .unwrap();
        assert!(composed.envelope.contains("<SonosError>27</SonosError>"));
        let entries = composed.strings.as_ref().unwrap();
        assert_eq!(entries.key, "Error27Message");
        assert!(entries.xml.contains("&amp; friends"));
        assert!(worst(&composed.http).is_none_or(|s| s == Severity::Info));
        for (context, seen) in &composed.user_sees {
            assert_eq!(
                seen, "Rating is only for premium members & friends.",
                "{context:?}"
            );
        }
    }

    #[test]
    fn where_the_seed_gives_no_rule_compose_says_so() {
        let composed = compose(&Request {
            code: "LoginInvalid",
            custom: Some((3, "x")),
            ..Request::default()
        })
        .unwrap();
        assert!(composed.notes[0].contains("does not name the namespace"));
    }

    #[test]
    fn bad_requests_are_refused_with_a_reason() {
        let unknown = compose(&Request {
            code: "loginInvalid",
            ..Request::default()
        })
        .unwrap_err();
        assert!(unknown.to_string().contains("case-sensitive"));
        let range = compose(&Request {
            code: "LoginInvalid",
            custom: Some((1000, "x")),
            ..Request::default()
        })
        .unwrap_err();
        assert_eq!(range, ComposeError::SonosErrorOutOfRange(1000));
        // Text XML cannot carry is refused, never a panic.
        let control = compose(&Request {
            code: "LoginInvalid",
            faultstring: Some("bell \u{7}"),
            ..Request::default()
        });
        // Either refused with its reason, or written so that it reads back as given.
        match control {
            Err(error) => assert!(matches!(error, ComposeError::Unreadable(_)), "{error:?}"),
            Ok(composed) => assert_eq!(
                decode(&composed.http).unwrap().faults[0]
                    .faultstring
                    .as_deref(),
                Some("bell \u{7}")
            ),
        }
    }
}
