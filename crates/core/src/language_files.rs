//! The files a language other than English travels in, and which texts go in which.
//!
//! Each of a language's two catalogs (its messages and its knowledge base) is published as two
//! files. The *first* holds what the start page and the troubleshooter's first question show,
//! and the app waits for it before it mounts. The *later* one holds the rest: the questions
//! after the first, the causes and the plan, the fix-step and common-question pages, the
//! support summary. The app fetches it as soon as it has mounted, while the owner reads.
//!
//! Why: an owner's first download is budgeted (issue 26: 150 KB brotli), and German's two
//! files whole cost 14 KB of it. The first files are what the first screen cannot do without.
//!
//! The split is by key, decided here once, for the pre-renderer that writes the files and
//! the app that reads them alike. What the first screens show is named by the group of a
//! message, or by what a knowledge-base text belongs to: a fact, a step's title, a common
//! question's wording, or the flow's first question.

use std::sync::OnceLock;

use crate::diagnose::{next, Journey, Screen};
use crate::i18n::flat::{self, Line};
use crate::kb::KB;
use crate::route::Route;

/// The files of one language, under `locales/<tag>/` in the published site: the messages'
/// and the knowledge base's, first files then later ones.
pub const FIRST_FILES: [&str; 2] = ["messages.txt", "kb.txt"];
pub const LATER_FILES: [&str; 2] = ["messages.later.txt", "kb.later.txt"];

/// The message groups (a key's first part) that only the screens after the first question
/// show: the causes and the plan, "Did that fix it?", the fix-step pages and their index,
/// the common-question pages, the phone's connection check (asked later in the flow), the
/// second module's loading lines and the support summary.
const LATER_MESSAGE_GROUPS: [&str; 9] = [
    "causes",
    "fix",
    "module",
    "outcome",
    "phone_check",
    "question_page",
    "step",
    "steps",
    "summary",
];

/// The messages of the first screens' groups (`common`) that only later pages show: sharing
/// a fix step, the note on menu names, "Try again" when the second module cannot load, and
/// the links of the step and common-question pages.
const LATER_MESSAGES: [&str; 10] = [
    "common.back_to_start",
    "common.copy_link",
    "common.copy_refused_link",
    "common.link_copied",
    "common.menu_note",
    "common.no_address",
    "common.sentence_end",
    "common.share",
    "common.start_troubleshooting",
    "common.try_again",
];

/// The message groups the app never shows: the help widget's loader carries its own words
/// (written into `embed.js` by the pre-renderer).
const UNDOWNLOADED_MESSAGE_GROUPS: [&str; 1] = ["widget"];

/// Which file a text travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    First,
    Later,
    /// In neither: the app does not show it.
    Never,
}

/// The file the message `key` travels in.
pub fn message_download(key: &str) -> Download {
    let group = key.split('.').next().unwrap_or(key);
    if UNDOWNLOADED_MESSAGE_GROUPS.contains(&group) {
        Download::Never
    } else if LATER_MESSAGE_GROUPS.contains(&group) || LATER_MESSAGES.contains(&key) {
        Download::Later
    } else {
        Download::First
    }
}

/// The file the knowledge-base text `key` travels in: first for the start page's facts and
/// common questions (their wording, not their answers), the steps' titles (a saved check on
/// the start page names the step that fixed it), and the flow's first question.
pub fn kb_download(key: &str) -> Download {
    let mut parts = key.split('.');
    let (group, id, field) = (parts.next(), parts.next(), parts.next());
    let first = match (group, field) {
        (Some("fact"), _) => true,
        (Some("common_question"), Some("question")) => true,
        (Some("step"), Some("title")) => true,
        (Some("question"), _) => id == Some(first_question_id()),
        _ => false,
    };
    if first {
        Download::First
    } else {
        Download::Later
    }
}

/// The id of the question the troubleshooter asks first, before any answer. Asked of the
/// engine once: the split asks it for every knowledge-base text.
pub fn first_question_id() -> &'static str {
    static FIRST: OnceLock<&'static str> = OnceLock::new();
    FIRST.get_or_init(|| match next(&KB, &Journey::default()) {
        Screen::Ask { question, .. } => KB.questions[question].id,
        // The knowledge base's checks require a first question; without one, no question's
        // text is needed first.
        _ => "",
    })
}

/// Whether the page at `route` shows only texts of the first files: the start page, the
/// troubleshooter before an answer, and the pages that say a link leads nowhere.
pub fn shown_from_first_files(route: &Route) -> bool {
    match route {
        Route::Home | Route::NotFound(_) => true,
        Route::Troubleshoot { journey } => journey.events().is_empty(),
        Route::Decode | Route::Steps | Route::Step(_) | Route::Question(_) => false,
    }
}

/// A catalog in the flat form (`i18n::flat`) split into its first and later files; texts the
/// app never shows are in neither.
pub fn split(flat_catalog: &str, download: fn(&str) -> Download) -> (String, String) {
    let lines = flat::read(flat_catalog);
    let only = |wanted: Download| -> Vec<Line> {
        lines
            .iter()
            .filter(|(key, _, _)| download(key) == wanted)
            .cloned()
            .collect()
    };
    (
        flat::write(&only(Download::First)),
        flat::write(&only(Download::Later)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Language};

    const KB_FLAT: &str = "fact.not-hardware.text\t\tF\n\
        step.restart-speaker.title\t\tT\n\
        step.restart-speaker.instructions\t\tI\n\
        common_question.what-does-error-1002-mean.question\t\tQ\n\
        common_question.what-does-error-1002-mean.answer\t\tA\n\
        cause.internet-down.title\t\tC\n";

    #[test]
    fn a_catalog_splits_into_two_files_that_together_hold_every_line_once() {
        let (first, later) = split(KB_FLAT, kb_download);
        let lines = |text: &str| {
            flat::read(text)
                .into_iter()
                .map(|(k, _, _)| k)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lines(&first),
            [
                "fact.not-hardware.text",
                "step.restart-speaker.title",
                "common_question.what-does-error-1002-mean.question"
            ]
        );
        assert_eq!(
            lines(&later),
            [
                "step.restart-speaker.instructions",
                "common_question.what-does-error-1002-mean.answer",
                "cause.internet-down.title"
            ]
        );
        // Read back together, as the app installs them, they are the whole catalog.
        let whole = Catalog::parse_flat(Language::DeDe, &(first + &later));
        let original = Catalog::parse_flat(Language::DeDe, KB_FLAT);
        assert_eq!(whole.keys().count(), original.keys().count());
    }

    #[test]
    fn the_first_question_travels_first_and_the_others_later() {
        let first = first_question_id();
        assert!(KB.questions.iter().any(|q| q.id == first), "{first}");
        assert_eq!(
            kb_download(&format!("question.{first}.text")),
            Download::First
        );
        assert_eq!(
            kb_download(&format!("question.{first}.answer.yes")),
            Download::First
        );
        // The phone's connection check travels later: the first question must not offer it.
        let first_question = KB.questions.iter().find(|q| q.id == first).unwrap();
        assert!(!first_question.phone_check);
        for question in KB.questions.iter().filter(|q| q.id != first) {
            assert_eq!(
                kb_download(&format!("question.{}.text", question.id)),
                Download::Later
            );
        }
    }

    #[test]
    fn the_plan_and_the_pages_messages_travel_later_the_shells_first() {
        assert_eq!(message_download("outcome.fixed"), Download::Later);
        assert_eq!(message_download("summary.title"), Download::Later);
        assert_eq!(message_download("steps.heading"), Download::Later);
        assert_eq!(message_download("shell.skip"), Download::First);
        assert_eq!(message_download("flow.intro"), Download::First);
        assert_eq!(message_download("saved.came_back"), Download::First);
        // A group whose name only begins like a later one's is not later.
        assert_eq!(message_download("stepping.x"), Download::First);
        assert_eq!(
            message_download("common.eyebrow_troubleshoot"),
            Download::First
        );
        assert_eq!(message_download("common.copy_link"), Download::Later);
        // The widget loader's words are the loader's, not the app's.
        assert_eq!(message_download("widget.launcher"), Download::Never);
    }

    #[test]
    fn only_the_start_page_the_first_question_and_not_found_need_nothing_later() {
        assert!(shown_from_first_files(&Route::Home));
        assert!(shown_from_first_files(&Route::TROUBLESHOOT));
        assert!(shown_from_first_files(&Route::NotFound("x".into())));
        let answered = Route::from_fragment("#/troubleshoot?s=when:update");
        assert!(matches!(answered, Route::Troubleshoot { .. }));
        assert!(!shown_from_first_files(&answered));
        assert!(!shown_from_first_files(&Route::Steps));
        assert!(!shown_from_first_files(&Route::Decode));
        assert!(!shown_from_first_files(&Route::Step(
            "restart-speaker".into()
        )));
    }
}
