//! The browser's plural rules, `Intl.PluralRules`, handed to the cores in place of the library
//! the native build uses (see `fix1002_core::i18n::plural`): the same CLDR rules, kept up to
//! date by the browser, at no cost to the wasm. Each wasm module hands them in when it starts.

use std::cell::RefCell;

use fix1002_core::i18n::{use_plural_rules, Language, Plural};
use js_sys::Intl::PluralRules;
use js_sys::{Array, Object};

thread_local! {
    /// One `Intl.PluralRules` per language asked about: a page asks in its own and in English.
    static RULES: RefCell<Vec<(Language, PluralRules)>> = const { RefCell::new(Vec::new()) };
}

/// From now on, the browser decides which form a count takes.
pub fn hand_in_the_browsers_rules() {
    use_plural_rules(browser_rules);
}

fn browser_rules(count: u64, language: Language) -> Plural {
    RULES.with(|rules| {
        let mut rules = rules.borrow_mut();
        let at = match rules.iter().position(|(l, _)| *l == language) {
            Some(at) => at,
            None => {
                let locales = Array::of1(&language.tag().into());
                rules.push((language, PluralRules::new(&locales, &Object::new())));
                rules.len() - 1
            }
        };
        let name = String::from(rules[at].1.select(count as f64));
        Plural::from_name(&name).unwrap_or(Plural::Other)
    })
}
