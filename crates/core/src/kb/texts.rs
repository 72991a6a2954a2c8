//! Every text of the knowledge base an owner can read, each under a stable key: what a
//! translation of the knowledge base (`locales/<tag>/kb.json`) gives in its own language.
//!
//! Reviewer notes (`why`, `prior_why`…) and the guides' quotes are left out: no screen shows
//! them. So are the speaker models' names, which are Sonos' product names in every language.
//!
//! Keys name the entry and the field: `step.restart-speaker.title`; a list's entries are
//! numbered from 1 (`step.restart-speaker.instructions.2`). A writer who inserts an
//! instruction renumbers the ones after it, which the translation check then reports for
//! each language, so no translation silently says the wrong step.

use super::about::ABOUT_ERROR_1002;
use super::data::KnowledgeBase;
use super::faq::COMMON_QUESTIONS;

/// The owner-visible texts of `kb` and of the pages about error 1002, in the file's order.
pub fn owner_texts(kb: &KnowledgeBase) -> Vec<(String, &'static str)> {
    let mut texts = Texts::default();
    for fact in ABOUT_ERROR_1002 {
        texts.add(&["fact", fact.id, "text"], fact.text);
    }
    for cause in kb.causes {
        texts.add(&["cause", cause.id, "title"], cause.title);
        texts.add(&["cause", cause.id, "detail"], cause.detail);
    }
    for helper in kb.helpers {
        texts.add(&["helper", helper.id, "name"], helper.name);
        texts.add(&["helper", helper.id, "what"], helper.what.as_str());
    }
    for step in kb.steps {
        let at = |field: &'static str| ["step", step.id, field];
        texts.add(&at("title"), step.title);
        if let Some(title) = step.looked_title {
            texts.add(&at("looked_title"), title);
        }
        texts.add(&at("summary"), step.summary.as_str());
        texts.list(
            &at("instructions"),
            step.instructions.iter().map(|p| p.as_str()),
        );
        if let Some(text) = step.in_update {
            texts.add(&at("in_update"), text.as_str());
        }
        texts.list(&at("advice"), step.advice.iter().copied());
        texts.add(&at("why"), step.why);
        texts.add(&at("minutes_why"), step.minutes_why);
        texts.add(&at("relief_why"), step.relief_why);
        if let Some(then) = &step.then {
            texts.add(&at("then_label"), then.label);
        }
    }
    for question in kb.questions {
        let at = |field: &'static str| ["question", question.id, field];
        texts.add(&at("text"), question.text);
        if let Some(help) = question.help {
            texts.add(&at("help"), help);
        }
        for answer in question.answers {
            texts.add(
                &["question", question.id, "answer", answer.id, "label"],
                answer.label,
            );
            texts.add(
                &["question", question.id, "answer", answer.id, "because"],
                answer.because,
            );
        }
    }
    for question in COMMON_QUESTIONS {
        texts.add(
            &["common_question", question.id, "question"],
            question.question,
        );
        texts.list(
            &["common_question", question.id, "answer"],
            question.answer.iter().copied(),
        );
    }
    texts.0
}

/// The key of the text at `path`: `step.restart-speaker.title`.
pub(super) fn key(path: &[&str]) -> String {
    path.join(".")
}

/// The key of a list's entry `index` (from 0), numbered from 1.
pub(super) fn item_key(path: &[&str], index: usize) -> String {
    format!("{}.{}", key(path), index + 1)
}

#[derive(Default)]
struct Texts(Vec<(String, &'static str)>);

impl Texts {
    /// An empty text (an answer that changes nothing has no `because`) has nothing to
    /// translate.
    fn add(&mut self, path: &[&str], text: &'static str) {
        if !text.is_empty() {
            self.0.push((key(path), text));
        }
    }

    fn list(&mut self, path: &[&str], items: impl Iterator<Item = &'static str>) {
        for (index, text) in items.enumerate() {
            if !text.is_empty() {
                self.0.push((item_key(path, index), text));
            }
        }
    }
}

/// The texts as the JSON of `locales/en-US/kb.json`: nested by key, in the file's order (not
/// sorted, so that a translator reads a step's instructions in order), two spaces deep.
pub fn to_catalog_json(texts: &[(String, &'static str)]) -> String {
    #[derive(Default)]
    struct Node {
        text: Option<&'static str>,
        children: Vec<(String, Node)>,
    }
    fn insert(node: &mut Node, path: &[&str], text: &'static str) {
        let Some((first, rest)) = path.split_first() else {
            node.text = Some(text);
            return;
        };
        let index = match node.children.iter().position(|(k, _)| k == first) {
            Some(index) => index,
            None => {
                node.children.push(((*first).to_owned(), Node::default()));
                node.children.len() - 1
            }
        };
        insert(&mut node.children[index].1, rest, text);
    }
    fn write(node: &Node, depth: usize, out: &mut String) {
        if let Some(text) = node.text {
            out.push_str(&serde_json::Value::from(text).to_string());
            return;
        }
        out.push('{');
        for (n, (key, child)) in node.children.iter().enumerate() {
            out.push_str(if n == 0 { "\n" } else { ",\n" });
            out.push_str(&"  ".repeat(depth + 1));
            out.push_str(&serde_json::Value::from(key.as_str()).to_string());
            out.push_str(": ");
            write(child, depth + 1, out);
        }
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
        out.push('}');
    }
    let mut root = Node::default();
    for (key, text) in texts {
        let path: Vec<&str> = key.split('.').collect();
        insert(&mut root, &path, text);
    }
    let mut out = String::new();
    write(&root, 0, &mut out);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Language, Text};
    use crate::kb::KB;

    #[test]
    fn keys_are_unique_and_name_the_entry_and_field() {
        let texts = owner_texts(&KB);
        let mut keys: Vec<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
        assert!(keys.contains(&"step.restart-speaker.title"), "{keys:?}");
        assert!(keys.contains(&"step.restart-speaker.instructions.1"));
        let count = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), count, "a key given twice");
        assert!(texts.iter().all(|(_, text)| !text.is_empty()));
    }

    #[test]
    fn the_json_reads_back_as_the_same_texts() {
        let texts = owner_texts(&KB);
        let json = to_catalog_json(&texts);
        let catalog = Catalog::parse(Language::EnUs, &json).unwrap();
        assert_eq!(catalog.keys().count(), texts.len());
        for (key, text) in &texts {
            assert_eq!(
                catalog.text(key),
                Some(&Text::Plain((*text).to_owned())),
                "{key}"
            );
        }
        // In the file's order: the second instruction follows the first.
        let first = json.find("\"1\": ").unwrap();
        assert!(json[first..].find("\"2\": ").is_some());
    }
}
