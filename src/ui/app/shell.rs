//! The frame around every page: skip link, header with navigation, footer.

use leptos::prelude::*;

use crate::route::{Route, Sections};
use crate::web::{service_worker, title_and_focus};

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
            "Skip to content"
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
                        {section.nav_label()}
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
            <nav aria-label="Sections">
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
                "Fix 1002 is an independent tool. It is not made by, endorsed by or affiliated "
                "with Sonos, Inc."
                {(!embedded).then_some(" Sonos is a trademark of Sonos, Inc.")}
            </p>
            {(!embedded).then(|| view! {
                <p>"Everything runs on this device: nothing you type or paste is sent anywhere."</p>
            })}
        </footer>
    }
}

/// Offered when a new version has been downloaded: reloading switches to it. Until then the
/// current version keeps working, online or not.
#[component]
pub fn UpdateBanner(ready: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <p>"A new version of Fix 1002 is ready."</p>
                <button type="button" class="button small" on:click=|_| service_worker::apply_update()>
                    "Reload to update"
                </button>
            </div>
        </Show>
    }
}
