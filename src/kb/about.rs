//! The few facts about error 1002 that every section leans on: what it is, and why it is
//! worth a calm, step-by-step approach.

use super::source::{Document, Source};

/// One statement about error 1002, in the product's own words, with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// A stable id, for tests and for linking.
    pub id: &'static str,
    pub text: &'static str,
    pub source: Source,
}

/// What error 1002 is, shown on the home page and in the section introductions.
pub const ABOUT_ERROR_1002: &[Fact] = &[
    Fact {
        id: "auth-or-network",
        text: "During playback, error 1002 means a speaker could not sign in to a music service \
               or could not reach the internet.",
        source: Source {
            document: Document::PlaybackGuide,
            section: "What Does This Error Mean?",
        },
    },
    Fact {
        id: "update-handshake",
        text: "During a software update, it means the app and the speakers stopped hearing each \
               other in time, usually because the network stalled or the phone switched access \
               points.",
        source: Source {
            document: Document::UpdateGuide,
            section: "Problem Description",
        },
    },
    Fact {
        id: "not-hardware",
        text: "It is a software and network problem: the speaker itself is almost certainly fine \
               and needs no repair.",
        source: Source {
            document: Document::PlaybackGuide,
            section: "Frequently Asked Questions",
        },
    },
    Fact {
        id: "severity-minor",
        text: "The guide to error 1002 during playback rates it “Severity: Minor”.",
        source: Source {
            document: Document::PlaybackGuide,
            section: "Severity: Minor",
        },
    },
    Fact {
        id: "first-three-steps",
        text: "The guide to error 1002 during updates says that, of its own five steps, most fixes happen in the first three.",
        source: Source {
            document: Document::UpdateGuide,
            section: "Common Causes",
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cited section heading must really appear in the seed it names; otherwise a
    /// reader following the citation finds nothing.
    #[test]
    fn every_cited_section_exists_in_its_seed() {
        for fact in ABOUT_ERROR_1002 {
            let Some(text) = crate::kb::source_files::source_text(fact.source.document) else {
                return;
            };
            assert!(
                text.contains(fact.source.section),
                "fact {:?} cites section {:?}, which {:?} does not contain",
                fact.id,
                fact.source.section,
                fact.source.document
            );
        }
    }

    #[test]
    fn fact_ids_are_unique() {
        let mut ids: Vec<_> = ABOUT_ERROR_1002.iter().map(|f| f.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ABOUT_ERROR_1002.len());
    }
}
