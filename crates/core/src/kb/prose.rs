//! Text of the knowledge base that may name a web address ("Visit … at status.sonos.com."),
//! already cut into plain words and addresses by the build.
//!
//! The build runs the one finding rule ([`super::web_address`]) over every such text and writes
//! the pieces into the tables, so the app only walks them: no scanner reaches the wasm. The
//! plain text stays whole beside the pieces, for everything that is not a view (the summary
//! for Sonos support, the pre-rendered pages' descriptions, tests).

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

pub use super::web_address::Piece;

/// A text whose web addresses are shown as links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prose {
    text: &'static str,
    /// The text cut into pieces; empty when it names no address, as most texts do, so that
    /// they cost no second copy of their words.
    pieces: &'static [Piece<'static>],
}

impl Prose {
    /// Only the build's tables make one: `pieces` must be `text` cut by the finding rule.
    pub(crate) const fn new(text: &'static str, pieces: &'static [Piece<'static>]) -> Prose {
        Prose { text, pieces }
    }

    /// The text as written.
    pub const fn as_str(self) -> &'static str {
        self.text
    }

    /// Plain words and addresses, in order; joined, they give the text back.
    pub fn pieces(self) -> impl Iterator<Item = Piece<'static>> {
        let whole = self.pieces.is_empty().then_some(Piece::Text(self.text));
        whole.into_iter().chain(self.pieces.iter().copied())
    }
}

/// A text reads as its words wherever a `&str` is wanted (`contains`, `len`, comparisons).
impl Deref for Prose {
    type Target = str;

    fn deref(&self) -> &str {
        self.text
    }
}

/// So that a list of them joins like a list of strings (`instructions.join(" ")`).
impl Borrow<str> for Prose {
    fn borrow(&self) -> &str {
        self.text
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

/// An address's link: always https, since every address in the guides is a public site.
pub fn href(address: &str) -> String {
    format!("https://{address}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::web_address::pieces;
    use crate::kb::KB;

    #[test]
    fn the_builds_pieces_are_the_finding_rules_and_give_the_text_back() {
        let mut linked = 0;
        let texts = KB.steps.iter().flat_map(|s| {
            [s.summary]
                .into_iter()
                .chain(s.instructions.iter().copied())
                .chain(s.in_update)
        });
        for prose in texts.chain(KB.helpers.iter().map(|h| h.what)) {
            let built: Vec<Piece> = prose.pieces().collect();
            assert_eq!(built, pieces(prose.as_str()), "{prose}");
            let joined: String = built
                .iter()
                .map(|p| match p {
                    Piece::Text(t) | Piece::Address(t) => *t,
                })
                .collect();
            assert_eq!(joined, prose.as_str());
            linked += usize::from(built.iter().any(|p| matches!(p, Piece::Address(_))));
        }
        // status.sonos.com twice (the service-status step), sonos.com/support twice (the support
        // step and Sonos' helper text): if none were found, the test above would prove little.
        assert!(linked >= 4, "{linked} texts with an address");
    }

    #[test]
    fn an_address_becomes_an_https_link() {
        assert_eq!(href("sonos.com/support"), "https://sonos.com/support");
    }
}
