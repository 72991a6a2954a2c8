//! The 18 fault codes of Sonos' SMAPI error-handling reference as a typed enum: family,
//! meaning in plain words, the fix steps that help an owner who meets them, and the message
//! table's cell for each context. The facts live in `kb/smapi_faults.toml`, which
//! `build/smapi.rs` checks and compiles; matching on `Code` means a misspelt code does not
//! compile.

use super::context::Context;

/// The SOAP fault family Sonos uses: Server for trouble at the service, Client for a request
/// the service understood but cannot fulfil.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Client,
    Server,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Client => "Client",
            Family::Server => "Server",
        }
    }

    pub fn from_name(name: &str) -> Option<Family> {
        match name {
            "Client" => Some(Family::Client),
            "Server" => Some(Family::Server),
            _ => None,
        }
    }
}

/// A cell of the seed's message table: what the user sees for one code in one context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// The message, quoted exactly, with `{service}` and `{item}` for the names, and what the
    /// reader should know about it.
    Text {
        template: &'static str,
        note: Option<&'static str>,
    },
    /// The seed leaves the cell empty, and what the reader should know about it.
    Blank { note: Option<&'static str> },
    /// The seed says N/A: no message is defined.
    NotApplicable,
    /// Nothing is shown; the sentence says so and why.
    Silent(&'static str),
    /// No message: Sonos shows a wizard instead; the sentence says which.
    Wizard(&'static str),
    /// The code has no row of its own in the table.
    NoRow,
}

// `Code`, its tables and `default_template`, compiled by build/smapi.rs from kb/smapi_faults.toml.
include!(concat!(env!("OUT_DIR"), "/smapi_codes.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_the_seeds_eighteen_codes_with_their_families() {
        assert_eq!(Code::ALL.len(), 18);
        let servers: Vec<_> = Code::ALL
            .iter()
            .filter(|c| c.family() == Family::Server)
            .map(|c| c.name())
            .collect();
        assert_eq!(servers, ["ServiceUnavailable", "ServiceUnknownError"]);
        for code in Code::ALL {
            assert_eq!(Code::from_name(code.name()), Some(code));
        }
        assert_eq!(
            Code::from_name("loginInvalid"),
            None,
            "codes are case-sensitive"
        );
    }

    #[test]
    fn every_code_is_named_in_the_seed() {
        let Some(seed) =
            crate::kb::source_files::source_text(crate::kb::Document::SmapiErrorReference)
        else {
            return;
        };
        for code in Code::ALL {
            assert!(
                seed.contains(code.name()),
                "{} is not in the seed",
                code.name()
            );
        }
    }

    #[test]
    fn every_owner_step_exists_in_the_knowledge_base() {
        for code in Code::ALL {
            for step in code.owner_steps() {
                assert!(
                    crate::kb::KB.step(step).is_some(),
                    "{}: no step {step}",
                    code.name()
                );
            }
        }
    }
}
