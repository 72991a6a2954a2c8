//! Citations: which document, and which section of it, a fact comes from.

/// A document the knowledge base draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// Consumer guide to error 1002 during playback (`seeds/000_1a0d049db87d68d3.txt`).
    PlaybackGuide,
    /// Consumer guide to error 1002 during software updates (`seeds/001_237a5e917d9122fa.txt`).
    UpdateGuide,
    /// Sonos' SMAPI error-handling reference (`seeds/002_7fab006452404764.txt`).
    SmapiErrorReference,
}

impl Document {
    /// The seed file the document is stored in, relative to `../shared/seeds/`.
    pub const fn seed_file(self) -> &'static str {
        match self {
            Document::PlaybackGuide => "000_1a0d049db87d68d3.txt",
            Document::UpdateGuide => "001_237a5e917d9122fa.txt",
            Document::SmapiErrorReference => "002_7fab006452404764.txt",
        }
    }

    /// A short human title, as shown beside a fact on screen.
    pub const fn title(self) -> &'static str {
        match self {
            Document::PlaybackGuide => "Guide: error 1002 during playback",
            Document::UpdateGuide => "Guide: error 1002 during updates",
            Document::SmapiErrorReference => "Sonos SMAPI reference: error handling",
        }
    }
}

/// Where one fact comes from: a document and the section heading inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub document: Document,
    /// The section heading exactly as the document spells it, so it can be found by searching.
    pub section: &'static str,
}

impl Source {
    /// "Guide: error 1002 during playback, “What Does This Error Mean?”"
    pub fn citation(&self) -> String {
        format!("{}, “{}”", self.document.title(), self.section)
    }
}
