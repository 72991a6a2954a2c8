//! The questions owners ask about error 1002, answered in the product's own words from the
//! guides. Each has a page of its own (`#/questions/<id>`, pre-rendered at
//! `questions/<id>/index.html`), cites its source with a phrase a test finds there, and links
//! to the fix steps that help.

use super::source::{Document, Source};

/// One common question and its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommonQuestion {
    /// Stable: it is the page's link.
    pub id: &'static str,
    pub question: &'static str,
    /// The answer, a paragraph per entry.
    pub answer: &'static [&'static str],
    pub source: Source,
    /// A phrase copied exactly from the source, which the tests look for.
    pub quote: &'static str,
    /// Fix-step ids that help, most relevant first.
    pub steps: &'static [&'static str],
}

/// The common questions, in the order the pages list them.
pub const COMMON_QUESTIONS: &[CommonQuestion] = &[
    CommonQuestion {
        id: "what-does-error-1002-mean",
        question: "What does Sonos error 1002 mean?",
        answer: &[
            "It depends on when it appears. While music plays or while you browse, it means a \
             speaker could not sign in to a music service or could not reach the internet.",
            "During a software update, the same number means something else: the Sonos app and \
             the speakers stopped answering each other in time, often after a long wait.",
            "The guide to playback calls it a software problem that is almost always fixed \
             without any hardware repair.",
        ],
        source: Source {
            document: Document::PlaybackGuide,
            section: "What Does This Error Mean?",
        },
        quote: "cannot authenticate with a music service or reach the internet",
        steps: &[
            "check-online-restart-router",
            "readd-service-account",
            "reset-update-environment",
        ],
    },
    CommonQuestion {
        id: "why-does-error-1002-keep-coming-back",
        question: "Why does error 1002 keep coming back every few days?",
        answer: &[
            "An error that returns every few days usually means the speaker keeps losing its \
             Wi-Fi connection for a moment.",
            "Check whether the speaker stands far from the router, or near something that \
             disturbs Wi-Fi: microwave ovens, baby monitors and older cordless phones can.",
            "A Sonos Boost or a mesh node placed closer to the speaker often ends it for good. \
             Restarting the router only clears it until the next time.",
        ],
        source: Source {
            document: Document::PlaybackGuide,
            section: "Frequently Asked Questions",
        },
        quote: "Error 1002 keeps coming back every few days",
        steps: &["improve-wifi-signal", "check-online-restart-router"],
    },
    CommonQuestion {
        id: "why-only-one-music-service",
        question: "Why does error 1002 happen with only one music service?",
        answer: &[
            "If one service fails (say Spotify) while another plays (say Apple Music), your \
             network is fine: the problem is that service's sign-in.",
            "Remove the service from the Sonos app and add it back by signing in again. That \
             gives Sonos a fresh login token for your account.",
        ],
        source: Source {
            document: Document::PlaybackGuide,
            section: "Frequently Asked Questions",
        },
        quote: "the issue is with that service's authentication, not your network",
        steps: &[
            "readd-service-account",
            "check-service-status",
            "upgrade-service-account",
        ],
    },
    CommonQuestion {
        id: "error-1002-during-an-update",
        question: "Why does error 1002 appear during a Sonos software update?",
        answer: &[
            "During an update the app and the speakers must keep talking to each other. When \
             that conversation times out, the app shows error 1002: the update hangs, the \
             progress bar stalls near the end, or some rooms fail while others pass.",
            "The usual reasons are spikes of delay on the network, a router moving devices \
             between its bands, a phone hopping between access points, an old extender, or \
             other traffic filling the upload.",
            "Start by restarting the router, the access points and the speakers, and open the \
             app only when everything is back; then keep your phone near the main access \
             point while the update runs.",
        ],
        source: Source {
            document: Document::UpdateGuide,
            section: "Problem Description",
        },
        quote:
            "appears during updates when communication between controller and speakers times out",
        steps: &[
            "reset-update-environment",
            "keep-phone-near-access-point",
            "simplify-network",
        ],
    },
    CommonQuestion {
        id: "is-my-speaker-broken",
        question: "Does error 1002 mean my Sonos speaker is broken?",
        answer: &[
            "No. Error 1002 comes from software and the network, and the speaker's hardware is \
             almost certainly fine: no repair is needed for this error.",
            "The guide's advice is to sign in to your music service again and restart the \
             speaker. If nothing works, Sonos support can check your system remotely.",
        ],
        source: Source {
            document: Document::PlaybackGuide,
            section: "Frequently Asked Questions",
        },
        quote: "this error is entirely software and network related",
        steps: &[
            "restart-speaker",
            "readd-service-account",
            "contact-sonos-support",
        ],
    },
];

/// The common question with this id.
pub fn common_question(id: &str) -> Option<&'static CommonQuestion> {
    COMMON_QUESTIONS.iter().find(|q| q.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::KB;

    #[test]
    fn every_quote_is_in_its_seed_and_every_step_exists() {
        for q in COMMON_QUESTIONS {
            for step in q.steps {
                assert!(KB.step(step).is_some(), "{}: no step {step}", q.id);
            }
            let Some(text) = crate::kb::source_files::source_text(q.source.document) else {
                eprintln!("skipped: the seeds are not beside this checkout");
                return;
            };
            assert!(
                text.contains(q.quote),
                "{}: {:?} not in its seed",
                q.id,
                q.quote
            );
            assert!(text.contains(q.source.section), "{}", q.id);
        }
    }

    #[test]
    fn ids_are_unique_and_read_as_links() {
        let mut ids: Vec<_> = COMMON_QUESTIONS.iter().map(|q| q.id).collect();
        assert!(ids.iter().all(|id| id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), COMMON_QUESTIONS.len());
    }
}
