//! The one place that decides what a fault means for the Sonos user: which message they see
//! (the service's own, Sonos' table, silence, or Sonos' generic retry error), every finding,
//! where Sonos logs it, and which fix steps help the owner. The fault card and the copied
//! report both render an [`Explanation`]; neither decides anything itself.

use super::codes::Code;
use super::findings::{parse_sonos_error, Finding};
use super::messages::{user_message, Context, Names, UserMessage};
use super::model::Fault;
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
    /// Sonos' own message for the code and context, or a silent step, or nothing defined.
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
            Seen::Table(message) => message.display().to_owned(),
            Seen::NoCode => {
                "Without a fault code, Sonos cannot pick a message; expect a generic error."
                    .to_owned()
            }
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
            Seen::Table(UserMessage::Shown { .. }) => "Sonos’ message table",
            Seen::Table(UserMessage::Silent { .. }) => "nothing shown",
            Seen::Table(UserMessage::NotDefined { .. }) => "no message defined",
            Seen::NoCode => "no code",
        }
    }
}

/// The seed's description of the error a user gets when a custom message is missing; it does
/// not quote the error's words, so neither does Fix 1002.
pub const RETRY_ERROR: &str = "An error saying that something went wrong and that they should try again. If the problem is not temporary, the user can be caught retrying in a loop until they give up.";

/// Everything the screen and the report say about one SMAPI fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub seen: Seen,
    /// What the reader should know about `seen`: readings of the table that are Fix 1002's
    /// interpretation, a silent retry first, a custom message not yet checked.
    pub notes: Vec<String>,
    /// The fault's findings and its custom message's, most severe first.
    pub findings: Vec<Finding>,
    pub meaning: String,
    /// Where Sonos logs the fault, as a phrase ("the player (the speaker), since …").
    pub log_location: &'static str,
    /// Ids of the knowledge base's fix steps that help the Sonos owner.
    pub owner_steps: &'static [&'static str],
}

/// Explains one fault under the user's choices.
pub fn explain(fault: &Fault, choices: &Choices) -> Explanation {
    let code = fault.code.as_deref().filter(|c| !c.is_empty());
    let custom = choices
        .strings
        .and_then(|table| custom_message(fault, table, choices.language, choices.context));
    let table_message = code.map(|code| user_message(code, choices.context, choices.names));

    let mut notes = Vec::new();
    let seen = match (&custom, table_message) {
        (Some(custom), _) => match &custom.text {
            Some(text) => Seen::Custom {
                key: custom.key.clone(),
                language: choices.language.to_owned(),
                text: text.clone(),
            },
            None => {
                notes.push(format!(
                    "{} is not in the {} strings of your localization resource, so Sonos cannot show it: the user gets Sonos’ retry error instead of any message (Sonos SMAPI reference: error handling).",
                    custom.key,
                    if choices.language.is_empty() { "chosen" } else { choices.language }
                ));
                Seen::RetryError {
                    key: custom.key.clone(),
                    language: choices.language.to_owned(),
                }
            }
        },
        (None, Some(message)) => {
            if let UserMessage::Shown {
                note: Some(note), ..
            } = &message
            {
                notes.push((*note).to_owned());
            }
            if choices.context == Context::Streaming && matches!(message, UserMessage::Shown { .. })
            {
                notes.push(STREAMING_NAMES.to_owned());
            }
            if let Some(number) = sent_sonos_error(fault).filter(|_| choices.strings.is_none()) {
                notes.push(format!(
                    "The fault asks for custom message Error{number}Message: with it in your localization resource the user sees that message instead, and without it Sonos’ retry error. Add your resource below to check."
                ));
            }
            Seen::Table(message)
        }
        (None, None) => Seen::NoCode,
    };

    let mut findings: Vec<Finding> = fault.findings.clone();
    findings.extend(custom.into_iter().flat_map(|c| c.findings));
    findings.sort_by_key(|f| f.severity);

    Explanation {
        seen,
        notes,
        findings,
        meaning: meaning(fault),
        log_location: choices.context.log_location(),
        owner_steps: fault.known().map(Code::owner_steps).unwrap_or_default(),
    }
}

const STREAMING_NAMES: &str = "Sonos’ table writes every name as [variable]; Fix 1002 reads the first one in a streaming message as the item and the others as the service (an interpretation).";

fn sent_sonos_error(fault: &Fault) -> Option<u32> {
    parse_sonos_error(fault.detail.sonos_error.as_deref()?)
}

fn meaning(fault: &Fault) -> String {
    match (fault.known(), fault.code.as_deref()) {
        (Some(known), _) => known.meaning().to_owned(),
        (None, None | Some("")) => "The fault has no code, so its meaning is unknown.".to_owned(),
        (None, Some(code)) => format!(
            "“{code}” is not one of the codes Sonos defines, so Sonos treats it as an unknown error."
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

    #[test]
    fn a_missing_custom_message_gives_the_retry_error_not_the_default() {
        let fault = &decode(CUSTOM).unwrap().faults[0];
        let table =
            strings::parse(r#"{"en-US": {"Error27Message": "Upgrade to listen"}, "fr-FR": {}}"#)
                .unwrap();
        let english = explain(fault, &choices(Some(&table), "en-US"));
        assert!(matches!(&english.seen, Seen::Custom { text, .. } if text == "Upgrade to listen"));
        let french = explain(fault, &choices(Some(&table), "fr-FR"));
        assert!(
            matches!(french.seen, Seen::RetryError { .. }),
            "{:?}",
            french.seen
        );
        assert_eq!(french.seen.text(), RETRY_ERROR);
        assert!(french.notes[0].starts_with("Error27Message is not in the fr-FR strings"));
    }

    #[test]
    fn without_a_resource_the_table_shows_and_the_custom_message_is_mentioned() {
        let fault = &decode(CUSTOM).unwrap().faults[0];
        let plain = explain(fault, &choices(None, ""));
        assert!(matches!(plain.seen, Seen::Table(UserMessage::Shown { .. })));
        assert!(plain.notes.iter().any(|n| n.contains("Error27Message")));
    }
}
