//! Conformance findings: every way a fault, or the response around it, breaks Sonos' rules.
//!
//! Each finding has a stable machine-readable tag (kept in `data-tag` on screen, so tests and
//! tools can rely on it), a severity, one line saying what was found, the rule it breaks as
//! Sonos states it, and how to fix it.

use std::sync::{Arc, LazyLock};

use super::codes::{Code, Family};
use super::envelope::EnvelopeFacts;
use super::envelope::SOAP12_NAMESPACE;
use super::http::{HttpHead, TransferNote};
use super::model::Fault;
pub use super::model::{Basis, Finding, Severity, SONOS_LOCALIZATION, SONOS_STRINGS};

/// A finding whose rule the seed states; see [`Finding::based_on`] for the others.
fn finding(
    tag: &'static str,
    severity: Severity,
    found: String,
    rule: &'static str,
    fix: &'static str,
) -> Finding {
    Finding {
        tag,
        severity,
        found: found.into(),
        rule,
        fix,
        basis: Basis::ErrorReference,
    }
}

/// The largest SonosError value Sonos accepts.
pub const SONOS_ERROR_MAX: u32 = 999;

/// Checks one fault and the response it came in. UPnP faults come from a speaker, not from a
/// music service, so SMAPI's rules do not apply to them.
///
/// `envelope` holds [`check_envelope`]'s findings for the envelope around the fault, worked
/// out once per envelope by the caller: an envelope may hold thousands of faults.
pub fn check(fault: &Fault, http: Option<&HttpHead>, envelope: &[Finding]) -> Vec<Finding> {
    if fault.upnp.is_some() {
        return Vec::new();
    }
    let mut out = Vec::new();
    match http {
        Some(http) => check_http(http, &mut out),
        None => out.push(status_not_seen()),
    }
    check_soap_version(fault, &mut out);
    out.extend_from_slice(envelope);
    check_fields(fault, &mut out);
    check_code(fault, &mut out);
    check_detail(fault, &mut out);
    out.sort_by_key(|f| f.severity);
    out
}

/// Sonos' rule on the status of a fault response, in the seed's words.
const STATUS_RULE: &str =
    "Return HTTP status 500 Internal Server Error with any SOAP fault, whatever its cause.";

/// The text of [`status_not_seen`], shared: a log may hold thousands of faults.
static STATUS_NOT_SEEN: LazyLock<Arc<str>> = LazyLock::new(|| {
    "No HTTP status line was pasted with this fault, so whether the service sent it with status 500 could not be checked.".into()
});

/// A fault read without its response's head. Saying nothing would read as an all-clear,
/// and the status is the rule services most often break (some SOAP stacks send faults with
/// 200 unless told otherwise).
fn status_not_seen() -> Finding {
    Finding {
        tag: "http-status-not-seen",
        severity: Severity::Info,
        found: Arc::clone(&STATUS_NOT_SEEN),
        rule: STATUS_RULE,
        fix: "Check the status your service sends with this fault: paste the whole response, status line included (curl -si prints it), or look for it in your server's access log.",
        basis: Basis::ErrorReference,
    }
}

fn check_http(http: &HttpHead, out: &mut Vec<Finding>) {
    for note in &http.notes {
        out.push(transfer_note(note));
    }
    if http.status != 500 {
        out.push(finding(
            "http-status-not-500",
            Severity::Error,
            format!("The response's status is {}.", http.status_text()),
            STATUS_RULE,
            "Set the status to 500 for every fault, Client faults included.",
        ));
    }
    let is_text_xml = http.content_type.as_deref().is_some_and(|t| {
        t.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .eq_ignore_ascii_case("text/xml")
    });
    if !is_text_xml {
        let found = match &http.content_type {
            Some(t) => format!("The Content-Type is “{t}”."),
            None => "The response has no Content-Type header.".to_owned(),
        };
        out.push(
            finding(
                "content-type-not-text-xml",
                Severity::Warning,
                found,
                "SOAP 1.1 messages over HTTP are sent with Content-Type: text/xml.",
                "Send Content-Type: text/xml; charset=utf-8 with the fault.",
            )
            .based_on(Basis::Soap11),
        );
    }
}

/// What was assumed about a body whose headers describe a transfer the capturing tool undid.
/// These are notes on the capture, not on the service: the rule text says so.
fn transfer_note(note: &TransferNote) -> Finding {
    const RULE: &str =
        "Capturing tools show headers as they were sent, but bodies as they decoded them.";
    let note = match note {
        TransferNote::ChunkedAlreadyDecoded => finding(
            "capture-chunked-already-decoded",
            Severity::Info,
            "The headers say Transfer-Encoding: chunked, but the body has no chunk framing: the capturing tool had already joined the chunks, so the body was decoded as it stands.".to_owned(),
            RULE,
            "Nothing to fix: chunked transfer is fine on the wire.",
        ),
        TransferNote::EncodingAlreadyDecoded { coding } => finding(
            "capture-encoding-already-decoded",
            Severity::Info,
            format!("The headers say Content-Encoding: {coding}, but the body is plain text: the capturing tool had already decompressed it, so it was decoded as it stands."),
            RULE,
            "Nothing to fix here.",
        ),
        TransferNote::LengthMismatch { declared, actual } => finding(
            "capture-length-mismatch",
            Severity::Info,
            format!("Content-Length says {declared} bytes, but the body pasted is {actual} bytes: it was decoded as it stands. Copying may have changed its line ends, or cut it short."),
            RULE,
            "If the fault looks incomplete, capture the response again (curl -si saves it byte for byte).",
        ),
    };
    note.based_on(Basis::Capture)
}

fn check_soap_version(fault: &Fault, out: &mut Vec<Finding>) {
    let soap12_envelope =
        fault.envelope.as_ref().and_then(|e| e.namespace.as_deref()) == Some(SOAP12_NAMESPACE);
    if fault.soap12_shape || soap12_envelope {
        // The seed names the sub-elements; that they are SOAP 1.1's, and Code and Reason SOAP
        // 1.2's, is the SOAP specifications' fact, so it is said here and not under the seed's
        // rule heading (issue 24).
        let found = if fault.soap12_shape {
            "The fault uses SOAP 1.2's Code/Value and Reason/Text instead of faultcode and faultstring, SOAP 1.1's names."
        } else {
            "The envelope uses the SOAP 1.2 namespace; faultcode and faultstring are SOAP 1.1's."
        };
        out.push(finding(
            "soap12-shape",
            Severity::Error,
            found.to_owned(),
            "The Fault element consists of the following sub-elements: faultcode, faultstring, faultactor and detail.",
            "Send a SOAP 1.1 fault (http://schemas.xmlsoap.org/soap/envelope/) with faultcode and faultstring.",
        ));
    }
}

/// What the envelope around a fault breaks: the same for every fault in it.
pub fn check_envelope(envelope: &EnvelopeFacts) -> Vec<Finding> {
    let mut out = Vec::new();
    if envelope.has_header {
        out.push(finding(
            "soap-header-present",
            Severity::Warning,
            "The envelope has a SOAP Header.".to_owned(),
            "The envelope should consist solely of a SOAP Body containing the Fault.",
            "Leave the Header out of fault responses.",
        ));
    }
    if !envelope.body_extras.is_empty() {
        let names = envelope.body_extras.listed(|n| {
            if n == "#text" {
                "loose text".to_owned()
            } else {
                format!("<{n}>")
            }
        });
        out.push(finding(
            "body-extra-content",
            Severity::Error,
            format!("Besides the Fault, the Body holds {names}."),
            "No other content should be included in the body: only the Fault element.",
            "Send the Fault alone in the Body, in place of the call's normal response.",
        ));
    }
    out
}

fn check_fields(fault: &Fault, out: &mut Vec<Finding>) {
    if fault
        .faultcode
        .as_deref()
        .is_none_or(|c| c.trim().is_empty())
    {
        out.push(finding(
            "faultcode-missing",
            Severity::Error,
            "The Fault has no faultcode.".to_owned(),
            "faultcode is required: it identifies the error.",
            "Add a faultcode such as Client.LoginInvalid.",
        ));
    }
    match fault.faultstring.as_deref() {
        None => out.push(finding(
            "faultstring-missing",
            Severity::Error,
            "The Fault has no faultstring.".to_owned(),
            "faultstring is required: a human-readable description, which Sonos keeps in its logs.",
            "Add a faultstring describing the error and anything that helps debugging.",
        )),
        Some(text) if text.trim().is_empty() => out.push(finding(
            "faultstring-empty",
            Severity::Warning,
            "The faultstring is empty.".to_owned(),
            "The faultstring is what Sonos' logs keep, so it should describe the error.",
            "Describe the error, with details that help debugging.",
        )),
        Some(_) => {}
    }
    if !fault.stray_elements.is_empty() {
        let names = fault.stray_elements.listed(|n| format!("<{n}>"));
        out.push(finding(
            "fault-unexpected-element",
            Severity::Warning,
            format!("The Fault holds {names} outside its detail."),
            "The Fault element consists of faultcode, faultstring, faultactor and detail.",
            "Move the element inside <detail>.",
        ));
    }
    if fault.faultactor.is_some() {
        out.push(finding(
            "faultactor-ignored",
            Severity::Info,
            "The Fault has a faultactor.".to_owned(),
            "faultactor is not used: SMAPI ignores it.",
            "It does no harm, but you can leave it out.",
        ));
    }
}

fn check_code(fault: &Fault, out: &mut Vec<Finding>) {
    let Some(faultcode) = fault.faultcode.as_deref().filter(|c| !c.trim().is_empty()) else {
        return;
    };
    let family = fault.family_text.as_deref();
    let well_formed = matches!(family, Some("Client" | "Server")) && fault.code.is_some();
    if !well_formed && !fault.soap12_shape {
        out.push(finding(
            "faultcode-malformed",
            Severity::Error,
            format!("The faultcode “{faultcode}” is not of the form [prefix:]Client.Code or [prefix:]Server.Code."),
            "The faultcode is the type, Client or Server, then a dot and the code string.",
            "Write it as Client.<Code> or Server.<Code>, optionally with a namespace prefix.",
        ));
    }
    let Some(code) = fault.code.as_deref() else {
        return;
    };
    match Code::from_name(code) {
        None => out.push(finding(
            "unknown-code",
            Severity::Error,
            format!("“{code}” is not one of the fault codes Sonos defines."),
            "You must use one of the defined fault codes for all errors.",
            "Pick the defined code that fits, or Server.ServiceUnknownError as the default; use SonosError for a custom message.",
        )),
        Some(known) => {
            if let Some(sent) = family.and_then(Family::from_name) {
                if sent != known.family() {
                    out.push(finding(
                        "wrong-family",
                        Severity::Error,
                        format!("{code} is sent as a {} fault, but it is a {} code.", sent.name(), known.family().name()),
                        "Each defined code belongs to one type: Client or Server.",
                        match known.family() {
                            Family::Client => "Send it as Client.<Code>.",
                            Family::Server => "Send it as Server.<Code>.",
                        },
                    ));
                }
            }
            // A recommendation about the sign-in method, not a rule the fault breaks: the
            // fault itself is built right, so it is information (and `fix1002 compose
            // --code SessionIdInvalid` passes `check --fail-on warning`).
            if known == Code::SessionIdInvalid {
                out.push(finding(
                    "session-id-deprecated",
                    Severity::Info,
                    "The fault is SessionIdInvalid, from session-ID authentication.".to_owned(),
                    "Sonos recommends that you no longer use getSessionId.",
                    "Move to token-based authentication; expired tokens are then reported with AuthTokenExpired or TokenRefreshRequired.",
                ));
            }
            if known == Code::TokenRefreshRequired {
                let refresh = fault.detail.refresh.as_ref();
                let has = |field: Option<&String>| field.is_some_and(|v| !v.is_empty());
                let complete = refresh.is_some_and(|r| has(r.auth_token.as_ref()) && has(r.private_key.as_ref()));
                if !complete {
                    let outside = fault
                        .stray_elements
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case("refreshAuthTokenResult"));
                    let found = if outside {
                        "TokenRefreshRequired carries refreshAuthTokenResult outside <detail>, where Sonos does not look for it."
                    } else {
                        "TokenRefreshRequired carries no new authToken and privateKey in its detail."
                    };
                    out.push(finding(
                        "token-refresh-missing-tokens",
                        Severity::Error,
                        found.to_owned(),
                        "This error must include a detail element containing a new token and a new refresh token.",
                        "Add <refreshAuthTokenResult> with <authToken> and <privateKey> to the detail: the element names of Sonos' refreshAuthToken reference (docs.sonos.com/docs/refreshauthtoken).",
                    ));
                }
            }
        }
    }
}

fn check_detail(fault: &Fault, out: &mut Vec<Finding>) {
    let Some(value) = fault.detail.sonos_error.as_deref() else {
        return;
    };
    if parse_sonos_error(value).is_none() {
        out.push(finding(
            "sonos-error-out-of-range",
            Severity::Error,
            format!("SonosError is “{value}”, not a whole number from 0 to {SONOS_ERROR_MAX}."),
            "SonosError contains a numeric code between 0 and 999.",
            "Send a whole number from 0 to 999 that your localization resource maps to Error<N>Message.",
        ));
    }
}

/// A SonosError value, if it is a whole number from 0 to 999.
pub fn parse_sonos_error(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse::<u32>().ok().filter(|n| *n <= SONOS_ERROR_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sonos_error_values_must_be_whole_numbers_up_to_999() {
        assert_eq!(parse_sonos_error("27"), Some(27));
        assert_eq!(parse_sonos_error(" 0 "), Some(0));
        assert_eq!(parse_sonos_error("999"), Some(999));
        for bad in ["1000", "-1", "2.5", "", "abc", "+3"] {
            assert_eq!(parse_sonos_error(bad), None, "{bad}");
        }
    }
}
