//! Moving through the troubleshooting flow: every answer, step outcome, Back and Start over is
//! a new journey, and [`Flow::go`] is the one way to move to one.

use leptos::prelude::*;

use crate::diagnose::{Event, Journey};
use crate::i18n::{kb, t};
use crate::kb::QuestionId;
use crate::route::Route;
use crate::web::location::{self, History};
use crate::web::storage;

/// How this page moves through the flow. Decided once, when a module mounts (inside the help
/// widget the host page owns the history), and provided to the views as context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flow {
    history: History,
}

impl Flow {
    pub fn for_page(embedded: bool) -> Flow {
        Flow {
            history: if embedded {
                History::Replace
            } else {
                History::Add
            },
        }
    }

    /// Moves the flow to `journey`: its link becomes the page's URL, and the route that the
    /// app reads back from it draws the screen.
    pub fn go(self, journey: &Journey) {
        location::go_to(&Route::troubleshoot(journey.clone()).href(), self.history);
    }
}

/// The page's [`Flow`]; a view reads it while it is created, since event handlers run outside
/// the reactive owner that holds the context.
pub fn use_flow() -> Flow {
    use_context::<Flow>().unwrap_or_default()
}

/// Back and Start over, under every screen once the owner has answered something.
#[component]
pub fn FlowControls(journey: Journey) -> impl IntoView {
    let flow = use_flow();
    let back = journey.back();
    view! {
        <div class="flow-controls">
            <button type="button" class="button" on:click=move |_| flow.go(&back)>
                {t("common.back")}
            </button>
            <StartOver journey class="button quiet" />
        </div>
    }
    .into_any()
}

/// "Start over": back to the first question, with nothing kept. The answers are not thrown
/// away at once: they are set aside for this tab (`storage::set_flow_aside`), and the first
/// question offers Undo, which on a phone is kinder than a dialog asking first.
#[component]
pub fn StartOver(journey: Journey, class: &'static str) -> impl IntoView {
    let flow = use_flow();
    let has_answers = !journey.is_empty();
    view! {
        <button
            type="button"
            class=class
            on:click=move |_| {
                if has_answers {
                    storage::set_flow_aside();
                }
                flow.go(&Journey::new());
            }
        >
            {t("common.start_over")}
        </button>
    }
    .into_any()
}

/// One large button per answer, each a step of the journey: on the question screens, and on
/// the hand-over for the question asked only there. The button of the `earlier` answer is
/// marked (its name stays the answer; the note it points to says why it is marked).
///
/// With `links`, each answer is instead a link to the journey it leads to: the pre-rendered
/// first question (`troubleshoot/`) is tappable before the wasm has arrived, and a tap only
/// changes the address's fragment, which the app reads when it mounts.
#[component]
pub fn AnswerButtons(
    journey: Journey,
    question: QuestionId,
    #[prop(optional_no_strip)] earlier: Option<usize>,
    #[prop(optional)] links: bool,
) -> impl IntoView {
    let flow = use_flow();
    kb().questions[question]
        .answers
        .iter()
        .enumerate()
        .map(|(answer, a)| {
            let after = journey.with(Event::Answered { question, answer });
            if links {
                return view! {
                    <a class="answer" href=Route::troubleshoot(after).href()>{a.label}</a>
                }
                .into_any();
            }
            let marked = earlier == Some(answer);
            view! {
                <button
                    type="button"
                    class="answer"
                    class:earlier=marked
                    aria-describedby=marked.then_some("earlier-answer")
                    on:click=move |_| flow.go(&after)
                >
                    {a.label}
                </button>
            }
            .into_any()
        })
        .collect_view()
}
