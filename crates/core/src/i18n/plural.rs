//! Which plural form a count takes in a language, by CLDR's rules: English and German say
//! "1 minute" but "2 minutes", French says "0 minute" too, Japanese and Chinese have one form
//! for every count.
//!
//! Who applies the rules depends on where the code runs. Natively (the pre-renderer, the
//! command line, the tests) it is `intl_pluralrules`, the rules Project Fluent uses. In the
//! browser it is the browser's own `Intl.PluralRules`, the same CLDR data kept up to date with
//! the browser, which the web front end hands in with [`use_plural_rules`]: the library's
//! tables for every CLDR language were 5.9 KB brotli of the wasm every owner downloads first,
//! and the page already takes its dates from the browser's `Intl`.

use std::sync::OnceLock;

use super::Language;

/// The rules handed in by the front end, if any: a count and a language to the form.
pub type PluralRulesFn = fn(u64, Language) -> Plural;

static HANDED_IN: OnceLock<PluralRulesFn> = OnceLock::new();

/// Makes `rules` decide every plural form from now on (the first call wins).
pub fn use_plural_rules(rules: PluralRulesFn) {
    let _ = HANDED_IN.set(rules);
}

/// CLDR's rules through `intl_pluralrules`.
#[cfg(not(target_arch = "wasm32"))]
fn library_rules(count: u64, language: Language) -> Plural {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    use unic_langid::LanguageIdentifier;

    // The rules are CLDR's by language ("pt" is Brazil's; Portugal's is "pt-PT"), and the
    // library knows a region-tagged "en-US" by its language alone.
    let Ok(id) = language.primary().parse::<LanguageIdentifier>() else {
        return Plural::Other;
    };
    let Ok(rules) = PluralRules::create(id, PluralRuleType::CARDINAL) else {
        return Plural::Other;
    };
    match rules.select(count) {
        Ok(PluralCategory::ZERO) => Plural::Zero,
        Ok(PluralCategory::ONE) => Plural::One,
        Ok(PluralCategory::TWO) => Plural::Two,
        Ok(PluralCategory::FEW) => Plural::Few,
        Ok(PluralCategory::MANY) => Plural::Many,
        _ => Plural::Other,
    }
}

/// In the wasm the library is not compiled in: without the browser's rules handed in, every
/// count takes `Other`, the form every language has.
#[cfg(target_arch = "wasm32")]
fn library_rules(_count: u64, _language: Language) -> Plural {
    Plural::Other
}

/// CLDR's plural categories, as translations name their forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The name a catalog gives the form: `"one"`.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Plural> {
        [
            Plural::Zero,
            Plural::One,
            Plural::Two,
            Plural::Few,
            Plural::Many,
            Plural::Other,
        ]
        .into_iter()
        .find(|p| p.name() == name)
    }

    /// The form `count` takes in `language`; `Other` should the rules be missing, since every
    /// language has that form.
    pub fn of(count: u64, language: Language) -> Plural {
        match HANDED_IN.get() {
            Some(rules) => rules(count, language),
            None => library_rules(count, language),
        }
    }

    /// The forms a language's translations must give: those CLDR's rules can select for the
    /// counts Fix 1002 shows (whole numbers).
    pub fn forms(language: Language) -> Vec<Plural> {
        let mut forms: Vec<Plural> = Vec::new();
        // Every rule of these twelve languages is decided within the first thousand and repeats
        // after, but for a `many` that newer CLDR data gives round millions in the Romance
        // languages; the millions are asked too, so such data would be heeded.
        for count in (0..=1000).chain([1_000_000, 2_000_000]) {
            let form = Plural::of(count, language);
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
        forms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_each_languages_forms() {
        assert_eq!(Plural::of(1, Language::EnUs), Plural::One);
        assert_eq!(Plural::of(0, Language::EnUs), Plural::Other);
        assert_eq!(Plural::of(2, Language::DeDe), Plural::Other);
        // French and Brazilian Portuguese count zero as one.
        assert_eq!(Plural::of(0, Language::FrFr), Plural::One);
        assert_eq!(Plural::of(0, Language::PtBr), Plural::One);
        assert_eq!(Plural::of(1, Language::JaJp), Plural::Other);
        assert_eq!(Plural::of(1, Language::ZhCn), Plural::Other);
    }

    #[test]
    fn japanese_and_chinese_have_one_form_and_english_two() {
        assert_eq!(Plural::forms(Language::JaJp), [Plural::Other]);
        assert_eq!(Plural::forms(Language::ZhCn), [Plural::Other]);
        assert_eq!(Plural::forms(Language::EnUs), [Plural::Other, Plural::One]);
        let french = Plural::forms(Language::FrFr);
        assert!(french.contains(&Plural::One) && french.contains(&Plural::Other));
    }

    #[test]
    fn names_read_back() {
        for name in ["zero", "one", "two", "few", "many", "other"] {
            assert_eq!(Plural::from_name(name).map(Plural::name), Some(name));
        }
        assert_eq!(Plural::from_name("several"), None);
    }
}
