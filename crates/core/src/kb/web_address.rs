//! Web addresses written in the knowledge base's text ("status.sonos.com",
//! "sonos.com/support"), found so that the views can make them real links.
//!
//! The text stays plain in the data file, as the guides write it; only a word that is a bare
//! address (a host name with a known ending, and an optional path) counts, so prose such as
//! "Wi-Fi" or "e.g." is never taken for one.
//!
//! This file is the one finding rule, and the build runs it: `build/main.rs` includes it
//! through `#[path]`, writes the pieces of every text into the tables (see `kb::Prose`), and
//! refuses an address in a text the screens show without links. The app never calls
//! [`pieces`], so the scanner stays out of the wasm; the native tests compare the build's
//! pieces with it.

/// A piece of a line of text: plain words, or a web address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The address as written, and the `https://` link it stands for.
    Address(&'a str),
}

/// `text` cut into plain pieces and web addresses, in order; joined, the pieces give `text`
/// back unchanged.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    for word in text.split(' ') {
        // Sentence punctuation after an address is not part of it.
        let address = word.trim_end_matches(['.', ',', ';', ':', ')']);
        if is_address(address) {
            if plain_from < at {
                out.push(Piece::Text(&text[plain_from..at]));
            }
            out.push(Piece::Address(address));
            plain_from = at + address.len();
        }
        at += word.len() + 1;
    }
    if plain_from < text.len() {
        out.push(Piece::Text(&text[plain_from..]));
    }
    out
}

/// A host of letters, digits and hyphens in at least two labels, ending in a known top-level
/// domain, optionally followed by a path.
fn is_address(word: &str) -> bool {
    let (host, path) = word.split_once('/').unwrap_or((word, ""));
    let labels: Vec<&str> = host.split('.').collect();
    let known_ending = matches!(labels.last(), Some(&("com" | "org" | "net" | "io")));
    known_ending
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_/".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_a_sentence_become_pieces_of_their_own() {
        assert_eq!(
            pieces("Visit the Sonos Service Status page at status.sonos.com."),
            vec![
                Piece::Text("Visit the Sonos Service Status page at "),
                Piece::Address("status.sonos.com"),
                Piece::Text("."),
            ]
        );
        assert_eq!(
            pieces("Go to sonos.com/support and contact Sonos support."),
            vec![
                Piece::Text("Go to "),
                Piece::Address("sonos.com/support"),
                Piece::Text(" and contact Sonos support."),
            ]
        );
    }

    #[test]
    fn prose_is_left_as_it_is() {
        for text in [
            "Restart the router, e.g. unplug it.",
            "Wi-Fi 2.4 GHz.",
            "",
            "x.y",
        ] {
            assert!(
                pieces(text).iter().all(|p| matches!(p, Piece::Text(_))),
                "{text}"
            );
            let joined: String = pieces(text)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) | Piece::Address(t) => *t,
                })
                .collect();
            assert_eq!(joined, text);
        }
    }
}
