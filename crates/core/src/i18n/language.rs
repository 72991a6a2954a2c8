//! The languages an owner can read Fix 1002 in, and how the first visit picks one.
//!
//! They are the twelve Sonos asks services to provide strings for (Sonos' developer
//! documentation, "Strings and localization", the list [`crate::fault::strings::SONOS_LANGUAGES`]
//! checks resources against), so an owner meets the assistant in the language of the Sonos app.

use std::fmt;

/// One of Sonos' twelve languages, in Sonos' order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    EnUs,
    DaDk,
    DeDe,
    EsEs,
    FrFr,
    ItIt,
    JaJp,
    NbNo,
    NlNl,
    PtBr,
    SvSe,
    ZhCn,
}

impl Language {
    pub const ALL: [Language; 12] = [
        Language::EnUs,
        Language::DaDk,
        Language::DeDe,
        Language::EsEs,
        Language::FrFr,
        Language::ItIt,
        Language::JaJp,
        Language::NbNo,
        Language::NlNl,
        Language::PtBr,
        Language::SvSe,
        Language::ZhCn,
    ];

    /// English is built in; the others are downloaded when chosen.
    pub const DEFAULT: Language = Language::EnUs;

    /// The tag Sonos uses: `nb-NO`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::EnUs => "en-US",
            Language::DaDk => "da-DK",
            Language::DeDe => "de-DE",
            Language::EsEs => "es-ES",
            Language::FrFr => "fr-FR",
            Language::ItIt => "it-IT",
            Language::JaJp => "ja-JP",
            Language::NbNo => "nb-NO",
            Language::NlNl => "nl-NL",
            Language::PtBr => "pt-BR",
            Language::SvSe => "sv-SE",
            Language::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, as a switcher offers it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::EnUs => "English",
            Language::DaDk => "Dansk",
            Language::DeDe => "Deutsch",
            Language::EsEs => "Español",
            Language::FrFr => "Français",
            Language::ItIt => "Italiano",
            Language::JaJp => "日本語",
            Language::NbNo => "Norsk bokmål",
            Language::NlNl => "Nederlands",
            Language::PtBr => "Português (Brasil)",
            Language::SvSe => "Svenska",
            Language::ZhCn => "简体中文",
        }
    }

    /// The folder of the site's pages in this language, `/` included: `de/` in
    /// `de/steps/<id>/`. English's is the site root, so its addresses stay as they were.
    pub fn folder(self) -> String {
        match self {
            Language::EnUs => String::new(),
            other => format!("{}/", other.primary()),
        }
    }

    /// The primary language subtag: `nb`, `zh`.
    pub fn primary(self) -> &'static str {
        self.tag().split('-').next().unwrap_or_default()
    }

    /// The language whose tag or address segment is exactly `text` (any case).
    pub fn from_tag(text: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(text) || l.primary().eq_ignore_ascii_case(text))
    }

    /// The best of the twelve for one of a browser's language tags (BCP 47, as
    /// `navigator.languages` or `Accept-Language` give them), or `None`.
    ///
    /// The primary language decides: `de-AT` and `de` read German, `pt-PT` reads the Brazilian
    /// Portuguese, the only Portuguese there is. Norwegian is written `no`, `nb` or `nn`, all
    /// of which read Sonos' `nb-NO`. Chinese in traditional script (`zh-TW`, `zh-HK`,
    /// `zh-MO`, `zh-Hant`) does not match simplified Chinese: such a reader is better served by
    /// their next preference.
    pub fn for_browser_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim();
        let mut parts = tag.split(['-', '_']);
        let primary = parts.next()?.to_ascii_lowercase();
        let rest: Vec<String> = parts.map(str::to_ascii_lowercase).collect();
        match primary.as_str() {
            "en" => Some(Language::EnUs),
            "da" => Some(Language::DaDk),
            "de" => Some(Language::DeDe),
            "es" => Some(Language::EsEs),
            "fr" => Some(Language::FrFr),
            "it" => Some(Language::ItIt),
            "ja" => Some(Language::JaJp),
            "nb" | "no" | "nn" => Some(Language::NbNo),
            "nl" => Some(Language::NlNl),
            "pt" => Some(Language::PtBr),
            "sv" => Some(Language::SvSe),
            "zh" => {
                let traditional = rest
                    .iter()
                    .any(|p| matches!(p.as_str(), "hant" | "tw" | "hk" | "mo"));
                let simplified = rest.iter().any(|p| p == "hans");
                (simplified || !traditional).then_some(Language::ZhCn)
            }
            _ => None,
        }
    }

    /// The first visit's language: the first of the browser's preferences, best first, that
    /// one of the twelve serves; English when none does.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Language {
        preferences
            .into_iter()
            .find_map(Language::for_browser_tag)
            .unwrap_or(Language::DEFAULT)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fault::strings::SONOS_LANGUAGES;

    #[test]
    fn the_twelve_are_sonos_twelve_in_sonos_order() {
        let tags: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(tags, SONOS_LANGUAGES);
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
            assert_eq!(Language::from_tag(language.primary()), Some(language));
        }
        assert_eq!(Language::from_tag("NB-no"), Some(Language::NbNo));
        assert_eq!(Language::from_tag("xx"), None);
    }

    #[test]
    fn every_norwegian_tag_reads_bokmal() {
        for tag in ["nb", "no", "nn", "nb-NO", "nn-NO", "no-NO", "NO"] {
            assert_eq!(
                Language::for_browser_tag(tag),
                Some(Language::NbNo),
                "{tag}"
            );
        }
    }

    #[test]
    fn regions_and_scripts_fall_to_their_language() {
        let cases = [
            ("de-AT", Some(Language::DeDe)),
            ("de-CH", Some(Language::DeDe)),
            ("fr-CA", Some(Language::FrFr)),
            ("es-MX", Some(Language::EsEs)),
            ("pt-PT", Some(Language::PtBr)),
            ("en-GB", Some(Language::EnUs)),
            ("en_US", Some(Language::EnUs)),
            ("zh", Some(Language::ZhCn)),
            ("zh-Hans-CN", Some(Language::ZhCn)),
            ("zh-SG", Some(Language::ZhCn)),
            ("zh-TW", None),
            ("zh-Hant", None),
            ("zh-Hant-HK", None),
            ("fi-FI", None),
            ("", None),
            ("*", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(Language::for_browser_tag(tag), expected, "{tag}");
        }
    }

    #[test]
    fn the_first_preference_served_wins() {
        assert_eq!(
            Language::negotiate(["fi-FI", "zh-TW", "sv-SE", "de"]),
            Language::SvSe
        );
        assert_eq!(Language::negotiate(["fi", "ru"]), Language::EnUs);
        assert_eq!(Language::negotiate([]), Language::EnUs);
    }

    #[test]
    fn english_keeps_todays_addresses() {
        assert_eq!(Language::EnUs.folder(), "");
        assert_eq!(Language::DeDe.folder(), "de/");
        assert_eq!(Language::NbNo.folder(), "nb/");
    }
}
