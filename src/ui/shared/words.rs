//! Words the cores leave to the views: the sections' names, the documents' titles and the
//! support summary's labels, in the page's language.

use crate::diagnose::SummaryWords;
use crate::i18n::{common_question, kb, t, tf};
use crate::i18n_args;
use crate::route::Route;

/// The name the navigation shows (and screen readers announce) for a section.
pub fn nav_label(route: &Route) -> &'static str {
    match route {
        Route::Home => t("nav.home"),
        Route::Troubleshoot { .. } => t("nav.troubleshoot"),
        Route::Decode => t("nav.decode"),
        Route::Steps | Route::Step(_) => t("nav.steps"),
        Route::Question(_) => t("nav.questions"),
        Route::NotFound(_) => t("nav.not_found"),
    }
}

/// The document title, so browser history and tabs say where they lead.
pub fn document_title(route: &Route) -> String {
    let page = |name: &str| tf("title.page", i18n_args!(page = name));
    match route {
        Route::Home => t("title.home").to_owned(),
        Route::Step(id) => match kb().step(id) {
            Some(step) => page(step.title),
            None => t("title.step_not_found").to_owned(),
        },
        Route::Question(id) => match common_question(id) {
            Some(q) => page(q.question),
            None => t("title.question_not_found").to_owned(),
        },
        other => page(nav_label(other)),
    }
}

/// The support summary's own words.
pub fn summary_words() -> SummaryWords<'static> {
    SummaryWords {
        title: t("summary.title"),
        prepared: t("summary.prepared"),
        not_stated: t("summary.not_stated"),
        speaker: t("summary.speaker"),
        service: t("summary.service"),
        answers: t("summary.answers"),
        steps_tried: t("summary.steps_tried"),
        fixed: t("summary.fixed"),
        not_fixed: t("summary.not_fixed"),
        skipped: t("summary.skipped"),
        for_now: t("summary.for_now"),
        less_likely: t("summary.less_likely"),
        none_yet: t("summary.none_yet"),
        not_tried: t("summary.not_tried"),
        nothing_left: t("summary.nothing_left"),
        unlikely: t("summary.unlikely"),
        still_likely: t("summary.still_likely"),
        notes: t("summary.notes"),
        answer_line: t("summary.answer_line"),
        tried_line: t("summary.tried_line"),
        cause_separator: t("summary.cause_separator"),
    }
}
