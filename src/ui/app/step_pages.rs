//! The fix steps section: an index, and a page per step at a stable link.

use leptos::prelude::*;

use super::common_questions::QuestionList;
use crate::diagnose::AppliedStep;
use crate::i18n::{kb, t, tf};
use crate::i18n_args;
use crate::kb::{Document, Step};
use crate::route::Route;
use crate::ui::shared::{
    minutes_label, with_code, LinkedText, PageHeading, StepInstructions, PAGE_HEADING_ID,
};

#[component]
pub fn StepsIndexPage() -> impl IntoView {
    let group = |title: &'static str, pick: fn(&Step) -> bool| {
        let items = kb()
            .steps
            .iter()
            .filter(|s| pick(s))
            .map(|s| {
                view! {
                    <li class="card">
                        <h3>
                            <a href=Route::Step(s.id.to_owned()).href()>{s.title}</a>
                        </h3>
                        <p><LinkedText text=s.summary /></p>
                        <p class="minutes">{minutes_label(s)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{title}</h2>
            <ul class="step-list" role="list">{items}</ul>
        }
    };

    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID>
            <PageHeading>{t("steps.heading")}</PageHeading>
            <p class="lead">{t("steps.lead")}</p>
            <p>
                {t("steps.not_sure")}
                <a href=Route::TROUBLESHOOT.href()>{t("steps.not_sure_link")}</a>
                {t("steps.not_sure_after")}
            </p>
            {group(t("steps.group_playback"), |s| {
                !s.escalation && s.source.document != Document::UpdateGuide
            })}
            {group(t("steps.group_update"), |s| {
                !s.escalation && s.source.document == Document::UpdateGuide
            })}
            {group(t("steps.group_last"), |s| s.escalation)}
            <h2>{t("home.common_questions")}</h2>
            <QuestionList />
        </section>
    }
}

/// A single step's page. A link to a step that does not exist (mistyped, or from a future
/// release) says so and leads back to the index rather than showing an empty page.
#[component]
pub fn StepPage(id: String) -> impl IntoView {
    let kb = kb();
    let Some(step_id) = kb.step_id(&id) else {
        return view! {
            <section class="page" aria-labelledby=PAGE_HEADING_ID>
                <PageHeading>{t("steps.missing_heading")}</PageHeading>
                <p>{with_code(t("steps.missing_text"), "id", id)}</p>
                <a class="button" href=Route::Steps.href()>{t("steps.see_all")}</a>
            </section>
        }
        .into_any();
    };
    let step = &kb.steps[step_id];
    let helps_with = step
        .fixes
        .iter()
        .map(|fix| view! { <li>{kb.causes[fix.cause].title}</li> })
        .collect_view();
    // Steps that address one of this step's causes: where to go if this one did not help.
    let related: Vec<_> = kb
        .steps
        .iter()
        .filter(|other| other.id != step.id)
        .filter(|other| {
            other
                .fixes
                .iter()
                .any(|f| step.fixes.iter().any(|g| g.cause == f.cause))
        })
        .map(|other| {
            view! { <li><a href=Route::Step(other.id.to_owned()).href()>{other.title}</a></li> }
        })
        .collect();

    view! {
        <section class="page" aria-labelledby=PAGE_HEADING_ID data-testid="step-page" data-step=step.id>
            <p class="eyebrow"><a href=Route::Steps.href()>{t("nav.steps")}</a></p>
            <PageHeading>{step.title}</PageHeading>
            <p class="lead"><LinkedText text=step.summary /></p>
            <ShareStep route=Route::Step(step.id.to_owned()) title=step.title />
            <StepInstructions step=AppliedStep::as_written(kb, step_id) />
            {(!step.fixes.is_empty()).then(|| view! {
                <h2>{t("steps.helps_when")}</h2>
                <ul>{helps_with}</ul>
            })}
            <p class="source">{t("common.source")} {step.source.citation()}</p>
            {(!related.is_empty()).then(|| view! {
                <h2>{t("steps.related")}</h2>
                <ul class="related">{related}</ul>
            })}
            <p>{t("steps.right_step")}</p>
            <a class="button primary" href=Route::TROUBLESHOOT.href()>{t("common.start_troubleshooting")}</a>
        </section>
    }
    .into_any()
}

/// "Copy link" (and "Share" where the browser has a share sheet) for a step's page: the
/// address given is the page's real one, `…/steps/<id>/` under wherever the site is
/// published, which works with no JavaScript, and not the app's `#/steps/<id>` the address
/// bar shows once the app has taken the page over. Without JavaScript the buttons could do
/// nothing, so they are hidden then (`needs-js` in style/main.css).
#[component]
fn ShareStep(route: Route, title: &'static str) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let address = move || crate::web::location::prerendered_address(&route);
    let copy = {
        let address = address.clone();
        move |_| {
            let Some(url) = address() else {
                status.set(t("common.no_address").to_owned());
                return;
            };
            leptos::task::spawn_local(async move {
                status.set(match crate::web::clipboard::copy_text(&url).await {
                    Ok(()) => tf("common.link_copied", i18n_args!(url = url)),
                    Err(()) => tf("common.copy_refused_link", i18n_args!(url = url)),
                });
            });
        }
    };
    // Only in the browser: the pre-renderer draws this view natively, with no browser to ask.
    let share = (cfg!(target_arch = "wasm32") && crate::web::clipboard::can_share()).then(|| {
        view! {
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    if let Some(url) = address() {
                        leptos::task::spawn_local(async move {
                            let _ = crate::web::clipboard::share_link(title, &url).await;
                        });
                    }
                }
            >
                {t("common.share")}
            </button>
        }
    });
    view! {
        <div class="share-step needs-js">
            <div class="button-row">
                <button type="button" class="button" on:click=copy>{t("common.copy_link")}</button>
                {share}
            </div>
            <p class="share-status" role="status">{move || status.get()}</p>
        </div>
    }
}
