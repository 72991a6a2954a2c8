//! The host of what the second wasm module draws (`web::plan_and_decoder_module`): a status line
//! while the module loads, an explanation with "Try again" if it cannot be fetched, and the
//! element it draws into. The main app never touches that element's children.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::t;
use crate::ui::shared::PAGE_HEADING_ID;
use crate::web::plan_and_decoder_module::{self, Drawn};
use crate::web::title_and_focus;

/// Where the module stands, as the reader is told.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Loading {
    Pending,
    Ready,
    Failed,
}

/// What the reader is told about each part, and the hooks tests find it by.
struct Wording {
    /// `data-testid` of the status line and of the explanation of a failure.
    status_id: &'static str,
    unavailable_id: &'static str,
    loading: &'static str,
    unavailable: &'static str,
    host_class: &'static str,
}

fn wording(drawn: Drawn) -> Wording {
    match drawn {
        Drawn::Decoder => Wording {
            status_id: "decoder-status",
            unavailable_id: "decoder-unavailable",
            loading: t("module.loading_decoder"),
            unavailable: t("module.unavailable_decoder"),
            host_class: "decoder-host",
        },
        Drawn::Plan => Wording {
            status_id: "plan-status",
            unavailable_id: "plan-unavailable",
            loading: t("module.loading_plan"),
            unavailable: t("module.unavailable_plan"),
            host_class: "plan-host",
        },
    }
}

#[component]
pub fn ModuleHost(drawn: Drawn) -> impl IntoView {
    let Wording {
        status_id,
        unavailable_id,
        loading: loading_text,
        unavailable,
        host_class,
    } = wording(drawn);
    let host = NodeRef::<html::Div>::new();
    let loading = RwSignal::new(Loading::Pending);
    // Bumped by "Try again"; each bump starts one attempt.
    let attempt = RwSignal::new(0u32);

    Effect::new(move |_| {
        attempt.track();
        let Some(element) = host.get() else {
            return;
        };
        loading.set(Loading::Pending);
        spawn_local(async move {
            let outcome = plan_and_decoder_module::draw_into(element.into(), drawn).await;
            if outcome.is_ok() {
                // A part with its own heading arrives after the app moved focus to the new
                // page's heading, which was not there yet; the focus fell to the page.
                title_and_focus::focus_by_id_if_unfocused(PAGE_HEADING_ID);
            }
            // The reader may have left the page while the module loaded; the signal is gone
            // with the page then, and there is nothing to update.
            let _ = loading.try_set(if outcome.is_ok() {
                Loading::Ready
            } else {
                Loading::Failed
            });
        });
    });

    view! {
        <p class="boot-status" role="status" data-testid=status_id>
            {move || match loading.get() {
                Loading::Pending => loading_text,
                Loading::Ready | Loading::Failed => "",
            }}
        </p>
        <Show when=move || loading.get() == Loading::Failed>
            <div class="decode-error" role="alert" data-testid=unavailable_id>
                <p>{unavailable}</p>
                <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                    {t("common.try_again")}
                </button>
            </div>
        </Show>
        <div class=host_class node_ref=host></div>
    }
    .into_any()
}
