//! Where the Sonos user was when a fault happened. Sonos' message table has three columns
//! (browse and search share one); Fix 1002 splits browse from search, its own reading, so that
//! each context can be chosen on its own.

/// Where the user was when the fault happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    Search,
    AccountSetup,
    Streaming,
}

impl Context {
    pub const ALL: [Context; 4] = [
        Context::Browse,
        Context::Search,
        Context::AccountSetup,
        Context::Streaming,
    ];

    /// The label of the "Context" control's option.
    pub fn label(self) -> &'static str {
        match self {
            Context::Browse => "Browse",
            Context::Search => "Search",
            Context::AccountSetup => "Account setup",
            Context::Streaming => "Streaming",
        }
    }

    /// A stable id for forms and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Context::Browse => "browse",
            Context::Search => "search",
            Context::AccountSetup => "account-setup",
            Context::Streaming => "streaming",
        }
    }

    pub fn from_id(id: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Where Sonos logs a fault raised in this context: the player while streaming, the
    /// controller otherwise (seed, "Fault codes").
    pub fn log_location(self) -> &'static str {
        match self {
            Context::Streaming => {
                "the player (the speaker), since the fault happened while streaming"
            }
            _ => "the controller (the Sonos app), since the fault did not happen while streaming",
        }
    }

    pub(super) fn phrase(self) -> &'static str {
        match self {
            Context::Browse => "while browsing",
            Context::Search => "while searching",
            Context::AccountSetup => "during account set-up",
            Context::Streaming => "while streaming",
        }
    }
}
