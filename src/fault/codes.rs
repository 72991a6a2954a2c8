//! The 18 fault codes of Sonos' SMAPI error-handling reference: family, meaning in plain
//! words, and the fix steps that help an owner who meets them.

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

/// One row of the seed's fault-code table.
#[derive(Debug, PartialEq)]
pub struct CodeInfo {
    pub name: &'static str,
    pub family: Family,
    /// What the code means, in Fix 1002's words (from the seed's table).
    pub meaning: &'static str,
    /// Fix-step ids (`#/steps/<id>`) that help a Sonos owner facing this fault.
    pub owner_steps: &'static [&'static str],
}

/// The fault codes Sonos supports, in the seed's order.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        name: "ServiceUnavailable",
        family: Family::Server,
        meaning: "The service is down for the moment, typically for planned maintenance or an outage whose cause is known.",
        owner_steps: &["check-service-status"],
    },
    CodeInfo {
        name: "ServiceUnknownError",
        family: Family::Server,
        meaning: "Something failed that no other code describes. It is the default error for most services.",
        owner_steps: &["check-service-status"],
    },
    CodeInfo {
        name: "AuthTokenExpired",
        family: Family::Client,
        meaning: "The request carried a token the service no longer accepts, most likely because it expired.",
        owner_steps: &["readd-service-account"],
    },
    CodeInfo {
        name: "DeviceCertExpired",
        family: Family::Client,
        meaning: "The device certificate sent with the request has expired.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "DeviceCertInvalid",
        family: Family::Client,
        meaning: "The device certificate sent with the request is not valid.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "DeviceCertRequired",
        family: Family::Client,
        meaning: "The service needs a device certificate and the request did not include one.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "DeviceCertRevoked",
        family: Family::Client,
        meaning: "The service has revoked the device certificate sent with the request.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "DeviceLimit",
        family: Family::Client,
        meaning: "The account is already in use on as many devices at once as the service allows.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "ItemNotFound",
        family: Family::Client,
        meaning: "The requested item does not exist. If the ID was right, the item may have been deleted from another app.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "LoginDisabled",
        family: Family::Client,
        meaning: "The user's account has been disabled.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "LoginInvalid",
        family: Family::Client,
        meaning: "The username and password do not match.",
        owner_steps: &["readd-service-account"],
    },
    CodeInfo {
        name: "LoginUnauthorized",
        family: Family::Client,
        meaning: "The account can no longer be used on Sonos, for example because a trial has expired.",
        owner_steps: &["upgrade-service-account"],
    },
    CodeInfo {
        name: "LoginUnsupported",
        family: Family::Client,
        meaning: "The account's tier cannot be used on Sonos, or not for this feature.",
        owner_steps: &["upgrade-service-account"],
    },
    CodeInfo {
        name: "NOT_LINKED_RETRY",
        family: Family::Client,
        meaning: "DeviceLink sign-in only: the link code is valid but not linked to an account yet, so Sonos keeps asking. Never shown to the user.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "NOT_LINKED_FAILURE",
        family: Family::Client,
        meaning: "DeviceLink sign-in only: the code cannot be linked or is invalid, a permanent failure; Sonos must request a new link code. Never shown to the user.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "SessionIdInvalid",
        family: Family::Client,
        meaning: "The session ID is invalid or has expired.",
        owner_steps: &["readd-service-account"],
    },
    CodeInfo {
        name: "TokenRefreshRequired",
        family: Family::Client,
        meaning: "The token has expired but can be refreshed: the fault carries a new token, which silently replaces the old one.",
        owner_steps: &[],
    },
    CodeInfo {
        name: "UnsupportedTerritory",
        family: Family::Client,
        meaning: "The request comes from outside the area the service supports.",
        owner_steps: &[],
    },
];

/// Looks a code up by its exact name (codes are case-sensitive).
pub fn lookup(name: &str) -> Option<&'static CodeInfo> {
    CODES.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_the_seeds_eighteen_codes_with_their_families() {
        assert_eq!(CODES.len(), 18);
        let servers: Vec<_> = CODES
            .iter()
            .filter(|c| c.family == Family::Server)
            .map(|c| c.name)
            .collect();
        assert_eq!(servers, ["ServiceUnavailable", "ServiceUnknownError"]);
    }

    #[test]
    fn every_code_is_named_in_the_seed() {
        let Some(seed) =
            crate::kb::source_files::source_text(crate::kb::Document::SmapiErrorReference)
        else {
            return;
        };
        for code in CODES {
            assert!(seed.contains(code.name), "{} is not in the seed", code.name);
        }
    }

    #[test]
    fn every_owner_step_exists_in_the_knowledge_base() {
        for code in CODES {
            for step in code.owner_steps {
                assert!(
                    crate::kb::KB.step(step).is_some(),
                    "{}: no step {step}",
                    code.name
                );
            }
        }
    }
}
