//! The rule for the ids that appear in links (`#/steps/<id>`, `#/questions/<id>`): lowercase
//! ASCII letters, digits and hyphens, at least one of them.
//!
//! One file for one rule: `build/validate.rs` includes it (through `#[path]`) to refuse a
//! knowledge-base id that could not be a link, and `route` uses it to refuse a link that could
//! not name an entry. The two can therefore never disagree.

/// Whether `id` is lowercase words (ASCII letters and digits) joined by hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn lowercase_words_digits_and_hyphens_only() {
        for id in ["restart-speaker", "era-100", "a", "9"] {
            assert!(is_slug(id), "{id}");
        }
        for id in [
            "",
            "Restart",
            "restart_speaker",
            "steps/x",
            "a b",
            "é",
            "x?y",
        ] {
            assert!(!is_slug(id), "{id:?}");
        }
    }
}
