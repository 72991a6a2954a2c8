//! The knowledge base in another language: the same tables, ids, numbers and links, with each
//! owner-visible text (the keys of [`super::texts`]) replaced by its translation. The engine
//! runs on it unchanged, so a plan in German is the plan in English, in German.
//!
//! The translated tables are built once per language and kept for the rest of the run
//! (leaked, as the compiled tables are static): a page builds at most the one language its
//! owner reads, the pre-renderer each language once.

use crate::i18n::{Catalog, Text};

use super::about::{Fact, ABOUT_ERROR_1002};
use super::data::KnowledgeBase;
use super::faq::{CommonQuestion, COMMON_QUESTIONS};
use super::prose::{Piece, Prose};
use super::texts::{item_key, key};

/// A language's knowledge base, facts and common questions.
#[derive(Debug, Clone, Copy)]
pub struct Translated {
    pub kb: &'static KnowledgeBase,
    pub facts: &'static [Fact],
    pub common_questions: &'static [CommonQuestion],
}

impl Translated {
    /// English: the compiled tables themselves.
    pub fn english() -> Translated {
        Translated {
            kb: &super::KB,
            facts: ABOUT_ERROR_1002,
            common_questions: COMMON_QUESTIONS,
        }
    }
}

/// `kb` with `catalog`'s texts. A text the catalog lacks stays English: the translation check
/// (`crates/core/tests/locales.rs`) keeps that from shipping, and a page never breaks over it.
pub fn translate(kb: &KnowledgeBase, catalog: &Catalog) -> Translated {
    let tr = Translator(catalog);
    let causes = kb
        .causes
        .iter()
        .map(|c| super::Cause {
            title: tr.text(&["cause", c.id, "title"], c.title),
            detail: tr.text(&["cause", c.id, "detail"], c.detail),
            ..c.clone()
        })
        .collect::<Vec<_>>();
    let helpers = kb
        .helpers
        .iter()
        .map(|h| super::HelperText {
            name: tr.text(&["helper", h.id, "name"], h.name),
            what: tr.prose(&key(&["helper", h.id, "what"]), h.what),
            ..h.clone()
        })
        .collect::<Vec<_>>();
    let steps = kb
        .steps
        .iter()
        .map(|s| {
            let at = |field: &'static str| ["step", s.id, field];
            let instructions = s
                .instructions
                .iter()
                .enumerate()
                .map(|(i, p)| tr.prose(&item_key(&at("instructions"), i), *p))
                .collect::<Vec<_>>();
            let advice = s
                .advice
                .iter()
                .enumerate()
                .map(|(i, a)| tr.keyed(&item_key(&at("advice"), i), a))
                .collect::<Vec<_>>();
            super::Step {
                title: tr.text(&at("title"), s.title),
                looked_title: s.looked_title.map(|t| tr.text(&at("looked_title"), t)),
                summary: tr.prose(&key(&at("summary")), s.summary),
                instructions: leak_slice(instructions),
                in_update: s.in_update.map(|p| tr.prose(&key(&at("in_update")), p)),
                advice: leak_slice(advice),
                why: tr.text(&at("why"), s.why),
                minutes_why: tr.text(&at("minutes_why"), s.minutes_why),
                relief_why: tr.text(&at("relief_why"), s.relief_why),
                then: s.then.as_ref().map(|then| super::Then {
                    label: tr.text(&at("then_label"), then.label),
                    ..then.clone()
                }),
                ..s.clone()
            }
        })
        .collect::<Vec<_>>();
    let questions = kb
        .questions
        .iter()
        .map(|q| {
            let answers = q
                .answers
                .iter()
                .map(|a| super::Answer {
                    label: tr.text(&["question", q.id, "answer", a.id, "label"], a.label),
                    because: tr.text(&["question", q.id, "answer", a.id, "because"], a.because),
                    ..a.clone()
                })
                .collect::<Vec<_>>();
            super::Question {
                text: tr.text(&["question", q.id, "text"], q.text),
                help: q.help.map(|h| tr.text(&["question", q.id, "help"], h)),
                answers: leak_slice(answers),
                ..q.clone()
            }
        })
        .collect::<Vec<_>>();
    let kb = Box::leak(Box::new(KnowledgeBase {
        engine: kb.engine,
        models: kb.models,
        causes: leak_slice(causes),
        helpers: leak_slice(helpers),
        steps: leak_slice(steps),
        questions: leak_slice(questions),
    }));
    let facts = ABOUT_ERROR_1002
        .iter()
        .map(|f| Fact {
            text: tr.text(&["fact", f.id, "text"], f.text),
            ..*f
        })
        .collect::<Vec<_>>();
    let common_questions = COMMON_QUESTIONS
        .iter()
        .map(|q| {
            let answer = q
                .answer
                .iter()
                .enumerate()
                .map(|(i, a)| tr.keyed(&item_key(&["common_question", q.id, "answer"], i), a))
                .collect::<Vec<_>>();
            CommonQuestion {
                question: tr.text(&["common_question", q.id, "question"], q.question),
                answer: leak_slice(answer),
                ..*q
            }
        })
        .collect::<Vec<_>>();
    Translated {
        kb,
        facts: leak_slice(facts),
        common_questions: leak_slice(common_questions),
    }
}

struct Translator<'a>(&'a Catalog);

impl Translator<'_> {
    fn text(&self, path: &[&str], english: &'static str) -> &'static str {
        self.keyed(&key(path), english)
    }

    fn keyed(&self, key: &str, english: &'static str) -> &'static str {
        match self.0.text(key) {
            Some(Text::Plain(text)) if !english.is_empty() => leak_str(text),
            _ => english,
        }
    }

    /// The translation, with English's web addresses cut out again where they stand in it. A
    /// translation that lost an address keeps its words without the link; the translation
    /// check reports it ([`missing_addresses`]).
    fn prose(&self, key: &str, english: Prose) -> Prose {
        let text = self.keyed(key, english.as_str());
        if std::ptr::eq(text, english.as_str()) {
            return english;
        }
        let addresses: Vec<&str> = english
            .pieces()
            .filter_map(|p| match p {
                Piece::Address(a) => Some(a),
                Piece::Text(_) => None,
            })
            .collect();
        if addresses.is_empty() {
            return Prose::new(text, &[]);
        }
        let mut pieces = Vec::new();
        let mut rest = 0;
        for address in addresses {
            let Some(found) = text[rest..].find(address).map(|i| rest + i) else {
                return Prose::new(text, &[]);
            };
            if found > rest {
                pieces.push(Piece::Text(&text[rest..found]));
            }
            pieces.push(Piece::Address(&text[found..found + address.len()]));
            rest = found + address.len();
        }
        if rest < text.len() {
            pieces.push(Piece::Text(&text[rest..]));
        }
        Prose::new(text, leak_slice(pieces))
    }
}

/// The keys whose translation lacks a web address its English text links.
pub fn missing_addresses(kb: &KnowledgeBase, catalog: &Catalog) -> Vec<String> {
    let translated = translate(kb, catalog);
    let mut missing = Vec::new();
    let mut compare = |key: String, english: Prose, translated: Prose| {
        let count = |p: Prose| {
            p.pieces()
                .filter(|p| matches!(p, Piece::Address(_)))
                .count()
        };
        if count(english) != count(translated) {
            missing.push(key);
        }
    };
    for (e, t) in kb.helpers.iter().zip(translated.kb.helpers) {
        compare(key(&["helper", e.id, "what"]), e.what, t.what);
    }
    for (e, t) in kb.steps.iter().zip(translated.kb.steps) {
        compare(key(&["step", e.id, "summary"]), e.summary, t.summary);
        for (i, (e_line, t_line)) in e.instructions.iter().zip(t.instructions).enumerate() {
            compare(
                item_key(&["step", e.id, "instructions"], i),
                *e_line,
                *t_line,
            );
        }
        if let (Some(e_update), Some(t_update)) = (e.in_update, t.in_update) {
            compare(key(&["step", e.id, "in_update"]), e_update, t_update);
        }
    }
    missing
}

fn leak_str(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn leak_slice<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::kb::KB;

    fn catalog(json: &str) -> Catalog {
        Catalog::parse(Language::DeDe, json).unwrap()
    }

    #[test]
    fn texts_are_replaced_and_everything_else_kept() {
        let translated = translate(
            &KB,
            &catalog(r#"{"step": {"restart-speaker": {"title": "Lautsprecher neu starten"}}}"#),
        );
        let step = translated.kb.step("restart-speaker").unwrap();
        let english = KB.step("restart-speaker").unwrap();
        assert_eq!(step.title, "Lautsprecher neu starten");
        assert_eq!(
            step.summary, english.summary,
            "a text the catalog lacks stays English"
        );
        assert_eq!(step.minutes, english.minutes);
        assert_eq!(step.fixes, english.fixes);
        assert_eq!(translated.kb.steps.len(), KB.steps.len());
        assert_eq!(translated.kb.escalation_id(), KB.escalation_id());
    }

    #[test]
    fn web_addresses_are_links_where_the_translation_puts_them() {
        let (step, english) = KB
            .steps
            .iter()
            .find_map(|s| {
                s.instructions.iter().enumerate().find_map(|(i, p)| {
                    p.pieces()
                        .find_map(|piece| match piece {
                            Piece::Address(a) => Some(a),
                            Piece::Text(_) => None,
                        })
                        .map(|a| ((s.id, i), a))
                })
            })
            .expect("a step links a web address");
        let key = item_key(&["step", step.0, "instructions"], step.1);
        let json = |text: &str| {
            let mut path: Vec<&str> = key.split('.').collect();
            let last = path.pop().unwrap();
            let mut value = serde_json::json!({ last: text });
            while let Some(part) = path.pop() {
                value = serde_json::json!({ part: value });
            }
            value.to_string()
        };
        let kept = catalog(&json(&format!("Öffnen Sie {english} im Browser.")));
        let translated = translate(&KB, &kept);
        let line = translated.kb.step(step.0).unwrap().instructions[step.1];
        assert_eq!(
            line.pieces().collect::<Vec<_>>(),
            [
                Piece::Text("Öffnen Sie "),
                Piece::Address(english),
                Piece::Text(" im Browser.")
            ]
        );
        assert!(missing_addresses(&KB, &kept).is_empty());
        let lost = catalog(&json("Öffnen Sie die Statusseite."));
        assert_eq!(missing_addresses(&KB, &lost), [key]);
    }
}
