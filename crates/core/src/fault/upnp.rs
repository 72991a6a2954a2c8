//! Faults from a Sonos speaker's own UPnP control interface, which people paste by mistake.
//!
//! They look like `faultcode` `s:Client`, `faultstring` `UPnPError`, and a detail
//! `<UPnPError xmlns="urn:schemas-upnp-org:control-1-0"><errorCode>701</errorCode></UPnPError>`.
//! The codes come from the UPnP standards; a code means what the specification of the service
//! that was called says, so for 7xx codes both common services are shown. Codes no source
//! documents are named as unknown, never guessed.

use super::envelope::{Detail, UpnpError};

/// A UPnP fault and what is known of its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpnpFault {
    pub code: Option<String>,
    pub description: Option<String>,
    pub meanings: Vec<Meaning>,
}

/// One documented meaning of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning {
    /// Where the meaning applies, such as "Any UPnP action" or "AVTransport service".
    pub scope: &'static str,
    pub text: &'static str,
    pub source: &'static str,
}

const UDA: &str = "UPnP Device Architecture 1.0, section 3.2.2 (control error codes)";
const UDA_SECURITY: &str = "UPnP Device Architecture 1.0 reserves 606–612 for device security; names as listed by the node-sonos-ts library (SonosUpnpErrors)";
const AVT: &str = "UPnP AVTransport:1 service specification, error codes";
const CDS: &str =
    "UPnP ContentDirectory:1 service specification, error codes (also listed by node-sonos-ts)";

const COMMON: &[(u16, &str, &str)] = &[
    (
        401,
        "Invalid Action: no action by that name at this service.",
        UDA,
    ),
    (
        402,
        "Invalid Args: not enough arguments, arguments in the wrong order, or of the wrong type.",
        UDA,
    ),
    (
        501,
        "Action Failed: the action failed on the device, which gives no more specific reason.",
        UDA,
    ),
    (
        600,
        "Argument Value Invalid: an argument value is not valid.",
        UDA,
    ),
    (
        601,
        "Argument Value Out of Range: an argument value is outside its allowed range.",
        UDA,
    ),
    (
        602,
        "Optional Action Not Implemented: the device does not implement this optional action.",
        UDA,
    ),
    (
        603,
        "Out of Memory: the device does not have enough memory to complete the action.",
        UDA,
    ),
    (
        604,
        "Human Intervention Required: someone must act on the device before it can continue.",
        UDA,
    ),
    (
        605,
        "String Argument Too Long: a string argument is longer than the device can handle.",
        UDA,
    ),
    (606, "Action not authorized.", UDA_SECURITY),
    (607, "Signature failure.", UDA_SECURITY),
    (608, "Signature missing.", UDA_SECURITY),
    (609, "Not encrypted.", UDA_SECURITY),
    (610, "Invalid sequence.", UDA_SECURITY),
    (611, "Invalid control URL.", UDA_SECURITY),
    (612, "No such session.", UDA_SECURITY),
];

const AV_TRANSPORT: &[(u16, &str)] = &[
    (701, "Transition not available: the transport cannot do that now (for example Play with nothing loaded)."),
    (702, "No contents: there is no media to act on."),
    (703, "Read error: the media cannot be read."),
    (704, "Format not supported for playback."),
    (705, "Transport is locked."),
    (706, "Write error."),
    (707, "Media is protected or not writable."),
    (708, "Format not supported for recording."),
    (709, "Media is full."),
    (710, "Seek mode not supported."),
    (711, "Illegal seek target."),
    (712, "Play mode not supported."),
    (713, "Record quality not supported."),
    (714, "Illegal MIME-type: the media's content type is not one the renderer accepts."),
    (715, "Content busy: the resource is in use."),
    (716, "Resource not found."),
    (717, "Play speed not supported."),
    (718, "Invalid InstanceID."),
];

const CONTENT_DIRECTORY: &[(u16, &str)] = &[
    (701, "No such object: the object ID is not valid."),
    (702, "Invalid CurrentTagValue."),
    (703, "Invalid NewTagValue."),
    (704, "Required tag: a required tag cannot be deleted."),
    (705, "Read-only tag."),
    (706, "Parameter mismatch."),
    (708, "Unsupported or invalid search criteria."),
    (709, "Unsupported or invalid sort criteria."),
    (710, "No such container."),
    (711, "Restricted object."),
    (712, "Bad metadata."),
    (713, "Restricted parent object."),
    (714, "No such source resource."),
    (715, "Source resource access denied."),
    (716, "Transfer busy."),
    (717, "No such file transfer."),
    (718, "No such destination resource."),
    (719, "Destination resource access denied."),
    (720, "Cannot process the request."),
];

/// The UPnP part of a fault, if this is a UPnP fault at all.
pub fn recognise(faultstring: Option<&str>, detail: &Detail) -> Option<UpnpFault> {
    let error: UpnpError = match (&detail.upnp, faultstring) {
        (Some(error), _) => error.clone(),
        (None, Some("UPnPError")) => UpnpError::default(),
        _ => return None,
    };
    let meanings = error
        .code
        .as_deref()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .map(meanings_of)
        .unwrap_or_default();
    Some(UpnpFault {
        code: error.code,
        description: error.description,
        meanings,
    })
}

/// Every documented meaning of `code`; empty when no source documents it.
pub fn meanings_of(code: u16) -> Vec<Meaning> {
    let mut out: Vec<Meaning> = COMMON
        .iter()
        .filter(|(c, _, _)| *c == code)
        .map(|&(_, text, source)| Meaning {
            scope: "Any UPnP action",
            text,
            source,
        })
        .collect();
    for (scope, table, source) in [
        ("AVTransport service (playback)", AV_TRANSPORT, AVT),
        (
            "ContentDirectory service (browsing the library and queue)",
            CONTENT_DIRECTORY,
            CDS,
        ),
    ] {
        out.extend(
            table
                .iter()
                .filter(|(c, _)| *c == code)
                .map(|&(_, text)| Meaning {
                    scope,
                    text,
                    source,
                }),
        );
    }
    out
}

/// What to say about a code no source documents.
pub fn unknown_note(code: &str) -> String {
    match code.trim().parse::<u16>() {
        Ok(800..=899) => format!(
            "Code {code} is unknown to Fix 1002. The UPnP Device Architecture leaves 800–899 to device vendors, so it is probably specific to Sonos (an inference); no source Fix 1002 draws on documents it."
        ),
        _ => format!(
            "Code {code} is unknown to Fix 1002: neither the UPnP specifications nor the libraries it draws on document it."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_7xx_code_shows_what_it_means_in_each_service() {
        let meanings = meanings_of(701);
        assert_eq!(meanings.len(), 2);
        assert!(meanings[0].text.starts_with("Transition not available"));
        assert!(meanings[1].text.starts_with("No such object"));
    }

    #[test]
    fn common_codes_cite_the_device_architecture() {
        let m = meanings_of(402);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].source, UDA);
    }

    #[test]
    fn undocumented_codes_have_no_meaning_and_an_honest_note() {
        for code in [800, 1001, 1024, 1035] {
            assert!(meanings_of(code).is_empty(), "{code}");
        }
        assert!(unknown_note("800").contains("vendors"));
        assert!(unknown_note("1024").contains("unknown"));
    }

    #[test]
    fn recognised_by_detail_or_by_faultstring() {
        let detail = Detail {
            upnp: Some(UpnpError {
                code: Some("714".into()),
                description: None,
            }),
            ..Detail::default()
        };
        let fault = recognise(Some("UPnPError"), &detail).unwrap();
        assert_eq!(fault.code.as_deref(), Some("714"));
        assert!(fault.meanings[0].text.starts_with("Illegal MIME-type"));
        assert!(recognise(Some("UPnPError"), &Detail::default()).is_some());
        assert!(recognise(Some("Trial expired"), &Detail::default()).is_none());
    }
}
