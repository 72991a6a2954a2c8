//! Who can help once the owner's own steps have run out. Sonos support cannot mend a home
//! internet outage, nor a music service's outage or account: for the causes still likely, the
//! hand-over names the internet provider, the music service or Sonos, likeliest first.

use super::likely::RankedCause;
use crate::kb::{Helper, KnowledgeBase};

/// One party that can help, with the likely causes that are theirs (indices into the
/// knowledge base's causes, likeliest first).
#[derive(Debug, Clone, PartialEq)]
pub struct HelpFrom {
    pub helper: Helper,
    pub causes: Vec<usize>,
}

/// The parties for `causes` (ranked likeliest first), in the order of their likeliest cause.
/// Sonos support is always among them: the guides send every unsolved error 1002 there.
pub fn who_can_help(kb: &KnowledgeBase, causes: &[RankedCause]) -> Vec<HelpFrom> {
    let mut parties: Vec<HelpFrom> = Vec::new();
    for ranked in causes {
        let helper = kb.causes[ranked.cause].helper;
        match parties.iter_mut().find(|p| p.helper == helper) {
            Some(party) => party.causes.push(ranked.cause),
            None => parties.push(HelpFrom {
                helper,
                causes: vec![ranked.cause],
            }),
        }
    }
    if parties.iter().all(|p| p.helper != Helper::Sonos) {
        parties.push(HelpFrom {
            helper: Helper::Sonos,
            causes: Vec::new(),
        });
    }
    parties
}
