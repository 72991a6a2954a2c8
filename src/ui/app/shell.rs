//! The frame around every page: skip link, header with navigation, footer.

use leptos::prelude::*;

use fix1002_core::i18n::Language;

use crate::i18n::{self, t, tf};
use crate::i18n_args;
use crate::route::{Route, Sections};
use crate::ui::shared::nav_label;
use crate::web::{language, service_worker, title_and_focus};

/// The first Tab stop: jumps past the navigation to the page content. It cannot be a plain
/// `href="#main"` link, since the fragment holds the route.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                title_and_focus::focus_by_id("main");
            }
        >
            {t("shell.skip")}
        </a>
    }
}

/// The product name and the navigation to the sections offered (all three but in a widget
/// that leaves some out). Embedded in the help widget,
/// whose panel already names the product, only the navigation remains.
#[component]
pub fn Header(current: Signal<Route>, embedded: bool, sections: Sections) -> impl IntoView {
    let links = sections
        .list()
        .map(|section| {
            let is_current = {
                let section = section.clone();
                move || current.get().section().as_ref() == Some(&section)
            };
            view! {
                <li>
                    <a
                        href=section.href()
                        aria-current=move || is_current().then_some("page")
                    >
                        {nav_label(&section)}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <header class="site-header">
            {(!embedded).then(|| view! {
                <a class="brand" href=Route::Home.href()>
                    <span class="brand-mark" aria-hidden="true">"1002"</span>
                    <span class="brand-name">"Fix 1002"</span>
                </a>
            })}
            <nav aria-label=t("nav.sections_label")>
                <ul>{links}</ul>
            </nav>
        </header>
    }
}

/// The independence notice, which every page carries (shortened in the widget's small panel).
#[component]
pub fn Footer(embedded: bool) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                {t("shell.independent")}
                {(!embedded).then(|| format!(" {}", t("shell.trademark")))}
            </p>
            {(!embedded).then(|| view! {
                <p>{t("shell.private")}</p>
                <LanguageSwitcher />
            })}
        </footer>
    }
}

/// The languages, each by its own name. Choosing one stores it on this device and reloads the
/// page in it: a page changes language whole, never half. A language chosen that could not be
/// downloaded (offline, never read here before) is said, and English is shown meanwhile.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let current = i18n::language();
    let options = Language::ALL
        .into_iter()
        .map(|language| {
            view! {
                <option value=language.tag() lang=language.tag() selected=language == current>
                    {language.own_name()}
                </option>
            }
        })
        .collect_view();
    let note = i18n::unavailable().map(|wanted| {
        view! {
            <p class="language-note" role="status" data-testid="language-unavailable">
                {tf("shell.language_unavailable", i18n_args!(language = wanted.own_name()))}
            </p>
        }
    });
    view! {
        <div class="language-switcher">
            <label for="language-choice">{t("shell.language")}</label>
            <select
                id="language-choice"
                data-testid="language-switcher"
                on:change=move |ev| {
                    if let Some(language) = Language::from_tag(&event_target_value(&ev)) {
                        language::choose(language);
                    }
                }
            >
                {options}
            </select>
            {note}
        </div>
    }
}

/// Offered when a new version has been downloaded: reloading switches to it. Until then the
/// current version keeps working, online or not.
#[component]
pub fn UpdateBanner(ready: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <p>{t("shell.update_ready")}</p>
                <button type="button" class="button small" on:click=|_| service_worker::apply_update()>
                    {t("shell.update_reload")}
                </button>
            </div>
        </Show>
    }
}
