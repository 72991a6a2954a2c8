//! The one place that decides what a fault means for the Sonos user: which message they see
//! (the service's own, Sonos' table, a wizard, silence, or Sonos' generic retry error), every
//! finding, where Sonos logs it, which fix steps help the owner, and every row shown beside
//! them. The fault card, the copied report and the command line render an [`Explanation`];
//! none of them decides anything itself.

use super::codes::Code;
use super::findings::{parse_sonos_error, Basis, Finding, Severity};
use super::messages::{user_message, Context, Names, UserMessage};
use super::model::{Decoded, Exchange, Fault};
use super::rows::{self, Section};
use super::strings::{custom_message, StringTable};

/// What the user chose on screen, which shapes the explanation.
#[derive(Debug, Clone, Copy)]
pub struct Choices<'a> {
    pub context: Context,
    pub names: Names<'a>,
    /// The service's localization resource, if one was given.
    pub strings: Option<&'a StringTable>,
    /// The resource's language to show custom messages in.
    pub language: &'a str,
}

/// What the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// The service's own message, `Error<N>Message` from its localization resource.
    Custom {
        key: String,
        language: String,
        text: String,
    },
    /// The fault names a custom message the resource does not have in the chosen language:
    /// Sonos shows its generic "something went wrong, try again" error instead.
    RetryError { key: String, language: String },
    /// The fault names a custom message and no resource was given to check it: the user sees
    /// that message if the resource has it, and the retry error if not. `without` is what the
    /// code shows when no custom message is asked for.
    CustomUnchecked { key: String, without: UserMessage },
    /// Sonos' own message for the code and context, a wizard, a silent step, or nothing defined.
    Table(UserMessage),
    /// The fault has no code, so no message can be looked up.
    NoCode,
}

impl Seen {
    /// The sentence shown as "what the user sees".
    pub fn text(&self) -> String {
        match self {
            Seen::Custom { text, .. } => text.clone(),
            Seen::RetryError { .. } => RETRY_ERROR.to_owned(),
            Seen::CustomUnchecked { key, .. } => format!(
                "{key} from your localization resource, in the user’s language, if the resource has it there; Sonos’ retry error if it does not."
            ),
            Seen::Table(message) => message.display().to_owned(),
            Seen::NoCode => "The fault has no code, and the seed does not say what Sonos shows then; Fix 1002 expects a generic error (an inference).".to_owned(),
        }
    }

    /// Whether the text is the message itself (quoted), rather than a sentence about it.
    pub fn is_quote(&self) -> bool {
        matches!(
            self,
            Seen::Custom { .. } | Seen::Table(UserMessage::Shown { .. })
        )
    }

    /// A short name for the kind of message, for the report.
    pub fn kind(&self) -> &'static str {
        match self {
            Seen::Custom { .. } => "custom message",
            Seen::RetryError { .. } => "Sonos’ retry error",
            Seen::CustomUnchecked { .. } => "custom message, not checked",
            Seen::Table(UserMessage::Shown { .. }) => "Sonos’ message table",
            Seen::Table(UserMessage::Wizard { .. }) => "a wizard, no message",
            Seen::Table(UserMessage::Silent { .. }) => "nothing shown",
            Seen::Table(UserMessage::NotDefined { .. }) => "no message defined",
            Seen::NoCode => "no code",
        }
    }
}

/// The seed's description of the error a user gets when a custom message is missing; it does
/// not quote the error's words, so neither does Fix 1002.
pub const RETRY_ERROR: &str = "An error saying that something went wrong and that they should try again. If the problem is not temporary, the user can be caught retrying in a loop until they give up.";

const UPNP_LEAD: &str = "This fault came from a Sonos speaker’s own UPnP control interface, not from a music service: SMAPI’s rules and messages do not apply to it.";

/// Said beside the owner's fix steps: the seed links no owner steps to fault codes.
pub const OWNER_STEPS_NOTE: &str =
    "Fix 1002’s suggestion: the SMAPI reference does not say what an owner should do for a code.";

/// Everything the screen and the report say about one fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// What the fault is, when that comes before everything else: a speaker's UPnP fault.
    pub lead: Option<&'static str>,
    /// The fault's rows, by section: its facts first.
    pub sections: Vec<Section>,
    /// What the user sees; `None` for a speaker's UPnP fault, where SMAPI's messages do not
    /// apply.
    pub seen: Option<Seen>,
    /// What the reader should know about `seen`: readings of the table that are Fix 1002's
    /// interpretation, a silent retry first, a custom message not yet checked.
    pub notes: Vec<String>,
    /// The fault's findings and its custom message's, most severe first.
    pub findings: Vec<Finding>,
    /// Where Sonos logs the fault and what the log keeps; `None` for a UPnP fault.
    pub log_note: Option<String>,
    /// Ids of the knowledge base's fix steps that help the Sonos owner.
    pub owner_steps: &'static [&'static str],
}

/// Where a fault stands in what was decoded: the response it came in, and whether that
/// response is one of several, so the fault says which.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    pub exchange: Option<&'a Exchange>,
    pub several: bool,
}

impl Decoded {
    /// Where `fault` came in.
    pub fn origin_of(&self, fault: &Fault) -> Origin<'_> {
        Origin {
            exchange: self.exchange_of(fault),
            several: self.http().is_none(),
        }
    }
}

/// Explains one fault under the user's choices.
pub fn explain(fault: &Fault, origin: Origin, choices: &Choices) -> Explanation {
    if let Some(upnp_fault) = &fault.upnp {
        let mut notes = Vec::new();
        if upnp_fault.meanings.len() > 1 {
            notes.push("The meaning depends on which service the request called.".to_owned());
        }
        return Explanation {
            lead: Some(UPNP_LEAD),
            sections: rows::upnp_sections(fault, upnp_fault),
            seen: None,
            notes,
            findings: Vec::new(),
            log_note: None,
            owner_steps: &[],
        };
    }

    let code = fault.code.as_deref().filter(|c| !c.is_empty());
    let table_message = code.map(|code| user_message(code, choices.context, choices.names));
    let asked = sent_sonos_error(fault);
    let mut notes = Vec::new();
    let mut findings: Vec<Finding> = fault.findings.clone();
    if let (Some(asked), Some(code)) = (&asked, code) {
        if asked.written != asked.number.to_string() {
            notes.push(format!(
                "SonosError is written “{}”; Fix 1002 reads it as the number {}, so Sonos would look up {} (an inference: the seed calls SonosError a numeric code and says nothing of leading zeros).",
                asked.written, asked.number, asked.key()
            ));
        }
        if let Some(message) = &table_message {
            if let Some(finding) = no_effect(code, asked, message, choices.context) {
                findings.push(finding);
            } else if matches!(message, UserMessage::NotDefined { .. }) {
                notes.push(format!(
                    "The fault asks for custom message {}, but Sonos’ table defines no message for {code} {}, so the seed does not say whether a custom message shows there.",
                    asked.key(),
                    choices.context.phrase()
                ));
            }
        }
    }
    // A custom message takes the place of a message on screen, and only of one (issue 24):
    // where the code shows nothing, a wizard, or no defined message, SonosError changes nothing.
    let replaceable = match &table_message {
        Some(UserMessage::Shown { .. }) | None => asked.is_some(),
        Some(_) => false,
    };

    let seen = match (replaceable, choices.strings, table_message) {
        (true, Some(table), table_message) => {
            let custom = custom_message(fault, table, choices.language, choices.context);
            match custom {
                Some(custom) => {
                    findings.extend(custom.findings);
                    match custom.text {
                        Some(text) => {
                            notes.insert(
                                0,
                                format!(
                                    "Your custom message {} ({}), in place of Sonos’ own.",
                                    custom.key, choices.language
                                ),
                            );
                            Seen::Custom {
                                key: custom.key,
                                language: choices.language.to_owned(),
                                text,
                            }
                        }
                        None => {
                            notes.push(format!(
                                "{} is not in the {} strings of your localization resource, so Sonos cannot show it: the user gets Sonos’ retry error instead of any message (Sonos SMAPI reference: error handling).",
                                custom.key,
                                if choices.language.is_empty() { "chosen" } else { choices.language }
                            ));
                            Seen::RetryError {
                                key: custom.key,
                                language: choices.language.to_owned(),
                            }
                        }
                    }
                }
                None => table_message.map_or(Seen::NoCode, Seen::Table),
            }
        }
        (true, None, Some(without)) => {
            let key = asked.as_ref().map(SonosErrorAsked::key).unwrap_or_default();
            notes.push(format!(
                "Without a custom message, this code shows: “{}” Add your localization resource below to check {key}.",
                without.display()
            ));
            table_notes(&without, choices.context, &mut notes);
            Seen::CustomUnchecked { key, without }
        }
        (_, _, Some(message)) => {
            table_notes(&message, choices.context, &mut notes);
            Seen::Table(message)
        }
        (_, _, None) => Seen::NoCode,
    };
    findings.sort_by_key(|f| f.severity);

    let meaning = meaning(fault);
    Explanation {
        lead: None,
        sections: rows::smapi_sections(fault, origin.exchange, origin.several, meaning),
        seen: Some(seen),
        notes,
        findings,
        log_note: Some(format!(
            "Sonos logs this fault in {}. The log keeps the faultcode and the faultstring (and ExceptionInfo, if sent), so make the faultstring useful for debugging.",
            choices.context.log_location()
        )),
        owner_steps: fault.known().map(Code::owner_steps).unwrap_or_default(),
    }
}

/// Every fault of `decoded`, explained in order.
pub fn explain_all<'a>(
    decoded: &'a Decoded,
    choices: &'a Choices,
) -> impl Iterator<Item = (&'a Fault, Explanation)> + 'a {
    decoded
        .faults
        .iter()
        .map(move |fault| (fault, explain(fault, decoded.origin_of(fault), choices)))
}

/// The notes Sonos' table adds to its message, and Fix 1002's reading of streaming names.
fn table_notes(message: &UserMessage, context: Context, notes: &mut Vec<String>) {
    if let UserMessage::Shown { notes: own, .. } = message {
        notes.extend(own.iter().map(|n| (*n).to_owned()));
        if context == Context::Streaming {
            notes.push(STREAMING_NAMES.to_owned());
        }
    }
}

const STREAMING_NAMES: &str = "Sonos’ table writes every name as [variable]; Fix 1002 reads the first one in a streaming message as the item and the others as the service (an interpretation).";

/// A SonosError the fault sends, as written and as the number it stands for.
struct SonosErrorAsked<'a> {
    written: &'a str,
    number: u32,
}

impl SonosErrorAsked<'_> {
    /// The localization key Sonos looks up.
    fn key(&self) -> String {
        format!("Error{}Message", self.number)
    }
}

fn sent_sonos_error(fault: &Fault) -> Option<SonosErrorAsked<'_>> {
    let written = fault.detail.sonos_error.as_deref()?.trim();
    Some(SonosErrorAsked {
        written,
        number: parse_sonos_error(written)?,
    })
}

/// The info finding for a SonosError sent with a code whose row shows no message in this
/// context (a silent step or a wizard): the custom message has nothing to replace.
fn no_effect(
    code: &str,
    asked: &SonosErrorAsked,
    message: &UserMessage,
    context: Context,
) -> Option<Finding> {
    let shows = match message {
        UserMessage::Silent { .. } => "shows the user no message",
        UserMessage::Wizard { .. } => "shows a wizard, not a message,",
        _ => return None,
    };
    Some(Finding {
        tag: "sonos-error-no-effect",
        severity: Severity::Info,
        found: format!(
            "The fault asks for custom message {} (SonosError {}), but {code} {shows} {}: the SonosError has no effect here.",
            asked.key(),
            asked.written,
            context.phrase()
        )
        .into(),
        rule: "You may supply a custom error message instead of using the default error message associated with that fault code.",
        fix: "Nothing to fix for the user; leave SonosError out of this fault, or send it with a code whose message the user sees.",
        basis: Basis::ErrorReference,
    })
}

fn meaning(fault: &Fault) -> String {
    match (fault.known(), fault.code.as_deref()) {
        (Some(known), _) => known.meaning().to_owned(),
        (None, None | Some("")) => "The fault has no code, so its meaning is unknown.".to_owned(),
        (None, Some(code)) => format!(
            "“{code}” is not one of the codes Sonos defines, which the seed requires. The seed does not say what Sonos does with another code; Fix 1002 expects it to be treated as an unknown error (an inference)."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fault::decode;
    use crate::fault::strings;

    const CUSTOM: &str = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client.LoginUnsupported</faultcode><faultstring>x</faultstring><detail><SonosError>27</SonosError></detail></s:Fault></s:Body></s:Envelope>"#;

    fn choices<'a>(strings: Option<&'a StringTable>, language: &'a str) -> Choices<'a> {
        Choices {
            context: Context::Browse,
            names: Names::default(),
            strings,
            language,
        }
    }

    /// A fault with `faultcode` and, if given, a SonosError.
    fn fault(faultcode: &str, sonos_error: Option<&str>) -> Fault {
        let detail = sonos_error.map_or(String::new(), |n| {
            format!("<detail><SonosError>{n}</SonosError></detail>")
        });
        let text = format!(
            r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>{faultcode}</faultcode><faultstring>x</faultstring>{detail}</s:Fault></s:Body></s:Envelope>"#
        );
        decode(&text).unwrap().faults.remove(0)
    }

    fn seen(explanation: &Explanation) -> &Seen {
        explanation.seen.as_ref().expect("an SMAPI fault")
    }

    fn tags(explanation: &Explanation) -> Vec<&'static str> {
        explanation.findings.iter().map(|f| f.tag).collect()
    }

    #[test]
    fn a_missing_custom_message_gives_the_retry_error_not_the_default() {
        let fault = &decode(CUSTOM).unwrap().faults[0];
        let table =
            strings::parse(r#"{"en-US": {"Error27Message": "Upgrade to listen"}, "fr-FR": {}}"#)
                .unwrap();
        let english = explain(fault, Origin::default(), &choices(Some(&table), "en-US"));
        assert!(matches!(seen(&english), Seen::Custom { text, .. } if text == "Upgrade to listen"));
        let french = explain(fault, Origin::default(), &choices(Some(&table), "fr-FR"));
        assert!(
            matches!(seen(&french), Seen::RetryError { .. }),
            "{:?}",
            french.seen
        );
        assert_eq!(seen(&french).text(), RETRY_ERROR);
        assert!(french.notes[0].starts_with("Error27Message is not in the fr-FR strings"));
    }

    #[test]
    fn without_a_resource_the_headline_is_the_custom_message_and_the_table_only_a_note() {
        // Issue 24: SonosError 12 with no resource must not headline "Unable to browse music."
        // while a note says the user sees something else.
        let fault = fault("s:Client.ItemNotFound", Some("12"));
        let plain = explain(&fault, Origin::default(), &choices(None, ""));
        let headline = seen(&plain).text();
        assert!(
            matches!(seen(&plain), Seen::CustomUnchecked { key, .. } if key == "Error12Message"),
            "{:?}",
            plain.seen
        );
        assert!(headline.contains("Error12Message"), "{headline}");
        assert!(headline.contains("retry error"), "{headline}");
        assert!(!headline.contains("Unable to browse music."), "{headline}");
        assert!(!seen(&plain).is_quote());
        assert!(
            plain.notes.iter().any(|n| n.starts_with(
                "Without a custom message, this code shows: “Unable to browse music.”"
            )),
            "{:?}",
            plain.notes
        );
    }

    #[test]
    fn silent_codes_stay_silent_whatever_the_sonos_error() {
        let table = strings::parse(r#"{"en-US": {"Error5Message": "Custom words"}}"#).unwrap();
        for code in [
            "s:Client.NOT_LINKED_RETRY",
            "s:Client.NOT_LINKED_FAILURE",
            "s:Client.TokenRefreshRequired",
        ] {
            let fault = fault(code, Some("5"));
            for context in Context::ALL {
                for strings in [None, Some(&table)] {
                    let choices = Choices {
                        context,
                        ..choices(strings, "en-US")
                    };
                    let explanation = explain(&fault, Origin::default(), &choices);
                    assert!(
                        matches!(seen(&explanation), Seen::Table(UserMessage::Silent { .. })),
                        "{code} {context:?}: {:?}",
                        explanation.seen
                    );
                    let no_effect = explanation
                        .findings
                        .iter()
                        .find(|f| f.tag == "sonos-error-no-effect")
                        .unwrap_or_else(|| panic!("{code} {context:?}: {:?}", tags(&explanation)));
                    assert_eq!(no_effect.severity, Severity::Info);
                    assert_eq!(no_effect.basis, Basis::ErrorReference);
                    assert!(no_effect.found.contains("Error5Message"));
                    // The resource is not checked for a message nobody sees.
                    assert!(!tags(&explanation).contains(&"custom-message-languages-missing"));
                }
            }
        }
    }

    #[test]
    fn auth_token_expired_shows_the_wizard_as_its_own_kind() {
        let plain = fault("s:Client.AuthTokenExpired", None);
        let browse = explain(&plain, Origin::default(), &choices(None, ""));
        assert_eq!(seen(&browse).kind(), "a wizard, no message");
        assert!(seen(&browse).text().contains("re-authorization wizard"));
        assert!(!seen(&browse).is_quote());
        // With a SonosError the wizard still shows: the custom message has no effect.
        let asked = fault("s:Client.AuthTokenExpired", Some("9"));
        let browse = explain(&asked, Origin::default(), &choices(None, ""));
        assert_eq!(seen(&browse).kind(), "a wizard, no message");
        assert!(tags(&browse).contains(&"sonos-error-no-effect"));
        // Account set-up is N/A: no message defined, and the custom message is left open.
        let setup = Choices {
            context: Context::AccountSetup,
            ..choices(None, "")
        };
        let setup = explain(&asked, Origin::default(), &setup);
        assert_eq!(seen(&setup).kind(), "no message defined");
        assert!(!tags(&setup).contains(&"sonos-error-no-effect"));
        assert!(setup
            .notes
            .iter()
            .any(|n| n.contains("does not say whether a custom message shows")));
    }

    #[test]
    fn a_custom_message_number_with_leading_zeros_names_its_key_as_an_inference() {
        let fault = fault("s:Client.LoginUnsupported", Some("027"));
        let plain = explain(&fault, Origin::default(), &choices(None, ""));
        let note = plain
            .notes
            .iter()
            .find(|n| n.contains("“027”"))
            .expect("a note on the leading zero");
        assert!(
            note.contains("Error27Message") && note.contains("an inference"),
            "{note}"
        );
        let table = strings::parse(r#"{"en-US": {"Error27Message": "Upgrade"}}"#).unwrap();
        let checked = explain(&fault, Origin::default(), &choices(Some(&table), "en-US"));
        assert!(matches!(seen(&checked), Seen::Custom { key, .. } if key == "Error27Message"));
        // A plainly written number gets no such note.
        let plain = explain(
            &self::fault("s:Client.LoginUnsupported", Some("27")),
            Origin::default(),
            &choices(None, ""),
        );
        assert!(!plain.notes.iter().any(|n| n.contains("leading zeros")));
    }

    #[test]
    fn what_the_seed_does_not_say_is_labelled_as_fix_1002_s() {
        let unknown = explain(
            &fault("s:Client.NoSuchCode", None),
            Origin::default(),
            &choices(None, ""),
        );
        let meaning = &unknown.sections[0].rows[4];
        assert_eq!(meaning.label, "Meaning");
        assert!(meaning.full_text().contains("an inference"), "{meaning:?}");
        assert!(!meaning.full_text().contains("so Sonos treats it"));
        let no_code = explain(&fault("", None), Origin::default(), &choices(None, ""));
        assert!(matches!(seen(&no_code), Seen::NoCode));
        assert!(seen(&no_code).text().contains("an inference"));
        // The owner's fix steps are Fix 1002's suggestion, and say so.
        assert!(OWNER_STEPS_NOTE.starts_with("Fix 1002’s suggestion"));
    }

    #[test]
    fn session_id_invalid_keeps_its_silent_retry_note_in_every_context() {
        let fault = fault("s:Client.SessionIdInvalid", None);
        for context in Context::ALL {
            let choices = Choices {
                context,
                ..choices(None, "")
            };
            let explanation = explain(&fault, Origin::default(), &choices);
            assert!(
                explanation
                    .notes
                    .iter()
                    .any(|n| n.contains("re-authenticate silently")),
                "{context:?}: {:?}",
                explanation.notes
            );
        }
    }
}
