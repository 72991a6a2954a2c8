//! serde_json's error, as this crate's messages say it: the line and column apart, and the
//! words without serde_json's own " at line L column C", which the messages place themselves.

/// What went wrong, without its position.
pub fn detail(error: &serde_json::Error) -> String {
    error
        .to_string()
        .split(" at line")
        .next()
        .unwrap_or_default()
        .to_owned()
}
