//! The seed's message table: what the Sonos user sees, for each code in each context.
//!
//! The texts are Sonos' own, quoted exactly, because a developer needs to know the words their
//! users will read. In the seed every placeholder is written `[variable]`; following the
//! seed's own example ("your [serviceName] trial has expired") and the sentences' sense, the
//! first placeholder of each streaming message is the item being played and every other one is
//! the service's name. That reading is an interpretation, and the screen says so.

use super::codes::{default_template, Cell, Code};
pub use super::context::Context;

/// The names that fill the message's placeholders. Empty names show as a visible placeholder.
#[derive(Debug, Clone, Copy, Default)]
pub struct Names<'a> {
    pub service: &'a str,
    pub item: &'a str,
}

/// What the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserMessage {
    /// A message on screen. `notes` add what the reader should know about it (a silent retry
    /// first, or that the table leaves this cell empty and Fix 1002 assumes the default).
    Shown {
        text: String,
        /// True when the message tells the user to act (upgrade, sign in again, contact the
        /// service): the messages Sonos warns against overriding lightly.
        directs_action: bool,
        notes: Vec<&'static str>,
    },
    /// Nothing is shown; `why` is a full sentence saying so and why.
    Silent { why: String },
    /// No message, but a wizard: `what` is a full sentence saying which.
    Wizard { what: String },
    /// The seed's table says N/A: Sonos defines no message here.
    NotDefined { why: String },
}

impl UserMessage {
    /// The sentence shown as "what the user sees": the message itself, or the sentence that
    /// says nothing is shown, or that no message is defined.
    pub fn display(&self) -> &str {
        match self {
            UserMessage::Shown { text, .. } => text,
            UserMessage::Silent { why } | UserMessage::NotDefined { why } => why,
            UserMessage::Wizard { what } => what,
        }
    }
}

const BLANK_CELL: &str =
    "Sonos' table leaves this cell empty; Fix 1002 assumes the context's default message applies.";
const UNKNOWN_CODE: &str = "This is not one of Sonos' defined codes, and the seed does not say what Sonos shows for one; Fix 1002 assumes the context's default message applies (an inference).";
const NO_ROW: &str = "Sonos’ message table has no row of its own for this code; Fix 1002 reads the table’s default row as applying to it (an interpretation).";

/// Fills `{service}` and `{item}`; an empty name stays visible as a bracketed placeholder.
pub fn fill(template: &str, names: Names) -> String {
    let service = non_empty(names.service, "[service name]");
    let item = non_empty(names.item, "[item name]");
    template
        .replace("{service}", service)
        .replace("{item}", item)
}

fn non_empty<'a>(name: &'a str, placeholder: &'a str) -> &'a str {
    let name = name.trim();
    if name.is_empty() {
        placeholder
    } else {
        name
    }
}

/// Whether a message directs the user to act; Sonos asks services to think twice before
/// replacing such a message with a custom one.
fn directs_action(template: &str) -> bool {
    ["upgrade", "make sure", "contact"]
        .iter()
        .any(|word| template.to_lowercase().contains(word))
}

/// What the user sees for `code` (the bare code, such as `LoginInvalid`) in `context`.
pub fn user_message(code: &str, context: Context, names: Names) -> UserMessage {
    match Code::from_name(code) {
        Some(code) => message_for(code, context, names),
        None => shown(default_template(context), names, vec![UNKNOWN_CODE]),
    }
}

/// What the user sees for a code Sonos defines, from its cell of the table.
pub fn message_for(code: Code, context: Context, names: Names) -> UserMessage {
    match code.cell(context) {
        Cell::Text { template, note } => shown(template, names, note.into_iter().collect()),
        Cell::Blank { note } => shown(
            default_template(context),
            names,
            [BLANK_CELL].into_iter().chain(note).collect(),
        ),
        Cell::NoRow => shown(default_template(context), names, vec![NO_ROW]),
        Cell::NotApplicable => UserMessage::NotDefined {
            why: format!(
                "Sonos defines no message for {} {}: its table says N/A here.",
                code.name(),
                context.phrase()
            ),
        },
        Cell::Silent(why) => UserMessage::Silent {
            why: why.to_owned(),
        },
        Cell::Wizard(what) => UserMessage::Wizard {
            what: what.to_owned(),
        },
    }
}

fn shown(template: &str, names: Names, notes: Vec<&'static str>) -> UserMessage {
    UserMessage::Shown {
        text: fill(template, names),
        directs_action: directs_action(template),
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Context::*;

    const NAMES: Names = Names {
        service: "Acme Music",
        item: "Blue in Green",
    };

    fn shown(code: &str, context: Context) -> String {
        match user_message(code, context, NAMES) {
            UserMessage::Shown { text, .. } => text,
            other => panic!("{code} {context:?}: expected a message, got {other:?}"),
        }
    }

    fn is_not_defined(code: &str, context: Context) -> bool {
        matches!(
            user_message(code, context, NAMES),
            UserMessage::NotDefined { .. }
        )
    }

    fn is_silent(code: &str, context: Context) -> bool {
        matches!(
            user_message(code, context, NAMES),
            UserMessage::Silent { .. }
        )
    }

    // One test per row of the seed's table, every cell checked.

    #[test]
    fn login_invalid_row() {
        let browse = "Unable to browse music - your Acme Music login information is not valid.";
        assert_eq!(shown("LoginInvalid", Browse), browse);
        assert_eq!(shown("LoginInvalid", Search), browse);
        assert!(is_not_defined("LoginInvalid", AccountSetup));
        assert_eq!(
            shown("LoginInvalid", Streaming),
            "Unable to play Blue in Green - the Acme Music account login information is not valid."
        );
    }

    #[test]
    fn login_unauthorized_row() {
        let browse = "Unable to browse music - your Acme Music trial has expired.";
        assert_eq!(shown("LoginUnauthorized", Browse), browse);
        assert_eq!(shown("LoginUnauthorized", Search), browse);
        assert!(is_not_defined("LoginUnauthorized", AccountSetup));
        assert_eq!(
            shown("LoginUnauthorized", Streaming),
            "Unable to play Blue in Green - your Acme Music trial has expired. Please upgrade your account with Acme Music."
        );
    }

    #[test]
    fn login_unsupported_row() {
        let browse = "Unable to browse music - your Acme Music account has not been upgraded to a subscription account.";
        assert_eq!(shown("LoginUnsupported", Browse), browse);
        assert_eq!(shown("LoginUnsupported", Search), browse);
        assert_eq!(
            shown("LoginUnsupported", AccountSetup),
            "There was a problem adding this account. To use this account with Sonos, you must first upgrade it with Acme Music to become a full subscriber."
        );
        assert_eq!(
            shown("LoginUnsupported", Streaming),
            "Unable to play Blue in Green - please upgrade your account with Acme Music to become a full subscriber."
        );
    }

    #[test]
    fn session_id_invalid_row_retries_silently_first() {
        for context in [Browse, Search] {
            match user_message("SessionIdInvalid", context, NAMES) {
                UserMessage::Shown { text, notes, .. } => {
                    assert_eq!(text, "Unable to browse music.");
                    assert!(notes[0].contains("re-authenticate silently"));
                }
                other => panic!("{other:?}"),
            }
        }
        // The seed leaves the other two cells empty: the default applies, marked as inferred,
        // and the seed's note on the silent retry, worded for the code, is kept there too and
        // labelled as Fix 1002's reading (issue 24).
        for (context, default) in [
            (AccountSetup, fill(default_template(AccountSetup), NAMES)),
            (Streaming, fill(default_template(Streaming), NAMES)),
        ] {
            match user_message("SessionIdInvalid", context, NAMES) {
                UserMessage::Shown { text, notes, .. } => {
                    assert_eq!(text, default);
                    assert_eq!(notes[0], BLANK_CELL);
                    assert!(notes[1].contains("re-authenticate silently"), "{notes:?}");
                    assert!(notes[1].contains("Fix 1002 reads"), "{notes:?}");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn item_not_found_has_its_own_message_for_search() {
        assert_eq!(shown("ItemNotFound", Browse), "Unable to browse music.");
        assert_eq!(
            shown("ItemNotFound", Search),
            "There was a problem searching. Please try again."
        );
        assert_eq!(
            shown("ItemNotFound", Streaming),
            "Unable to play Blue in Green - the connection to Acme Music was lost."
        );
    }

    #[test]
    fn default_row_applies_to_codes_without_a_row_of_their_own() {
        for code in [
            "ServiceUnavailable",
            "ServiceUnknownError",
            "DeviceLimit",
            "LoginDisabled",
            "UnsupportedTerritory",
            "DeviceCertRevoked",
        ] {
            assert_eq!(shown(code, Browse), "Unable to browse music.");
            assert_eq!(shown(code, Search), "Unable to browse music.");
            assert_eq!(
                shown(code, AccountSetup),
                "The Acme Music server did not recognize your login information. Please make sure that your login (email address or username), and your password are correct, and try again. If the problem persists, please contact Acme Music for help with your account."
            );
            assert_eq!(
                shown(code, Streaming),
                "Unable to play Blue in Green - the connection to Acme Music was lost."
            );
            // Reading the default row as covering these codes is Fix 1002's, and says so.
            assert!(matches!(
                user_message(code, Browse, NAMES),
                UserMessage::Shown { notes, .. } if notes == [NO_ROW]
            ));
        }
    }

    #[test]
    fn auth_token_expired_row_is_the_wizard_then_not_defined() {
        for context in [Browse, Search] {
            // The wizard is what the user sees: neither silence nor a message (issue 24).
            assert!(!is_silent("AuthTokenExpired", context));
            assert!(matches!(
                user_message("AuthTokenExpired", context, NAMES),
                UserMessage::Wizard { what } if what.contains("re-authorization wizard")
            ));
        }
        assert!(is_not_defined("AuthTokenExpired", AccountSetup));
        assert!(is_not_defined("AuthTokenExpired", Streaming));
    }

    #[test]
    fn silent_codes_say_why_nothing_is_shown_in_every_context() {
        for context in Context::ALL {
            // In the seed's words: nothing more (no "and carries on", issue 24).
            let refresh = user_message("TokenRefreshRequired", context, NAMES)
                .display()
                .to_string();
            assert!(refresh.contains("cached in the controller"), "{refresh}");
            assert!(!refresh.contains("carries on"), "{refresh}");
            for code in ["NOT_LINKED_RETRY", "NOT_LINKED_FAILURE"] {
                assert!(user_message(code, context, NAMES)
                    .display()
                    .contains("DeviceLink"));
            }
        }
    }

    #[test]
    fn an_unknown_code_gets_the_default_marked_as_an_assumption() {
        match user_message("NoSuchThing", Streaming, NAMES) {
            UserMessage::Shown { notes, .. } => assert_eq!(notes, [UNKNOWN_CODE]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn empty_names_stay_visible_as_placeholders() {
        let text = user_message("LoginUnauthorized", Streaming, Names::default());
        assert_eq!(
            text.display(),
            "Unable to play [item name] - your [service name] trial has expired. Please upgrade your account with [service name]."
        );
    }

    #[test]
    fn messages_that_ask_the_user_to_act_are_marked() {
        let acts = |code, context| {
            matches!(
                user_message(code, context, NAMES),
                UserMessage::Shown {
                    directs_action: true,
                    ..
                }
            )
        };
        assert!(acts("LoginUnauthorized", Streaming));
        assert!(acts("LoginUnsupported", AccountSetup));
        assert!(acts("ServiceUnknownError", AccountSetup));
        assert!(!acts("ServiceUnknownError", Browse));
    }

    #[test]
    fn the_quoted_texts_appear_in_the_seed() {
        let Some(seed) =
            crate::kb::source_files::source_text(crate::kb::Document::SmapiErrorReference)
        else {
            return;
        };
        // Compare with the seed's own placeholder and without its line break.
        let seed = seed.replace('\n', " ");
        // Every quoted cell of every code, and the default row, must be in the seed word for
        // word (with the seed's own placeholder).
        for context in Context::ALL {
            let cells = Code::ALL
                .iter()
                .filter_map(|code| match code.cell(context) {
                    Cell::Text { template, .. } => Some((code.name(), template)),
                    _ => None,
                });
            for (code, template) in cells.chain([("default", default_template(context))]) {
                let as_in_seed = template
                    .replace("{service}", "[variable]")
                    .replace("{item}", "[variable]");
                assert!(
                    seed.contains(&as_in_seed),
                    "{code} {context:?}: {as_in_seed:?} not in seed"
                );
            }
        }
    }
}
