//! Pre-rendered pages: every fix step, their index, and every common question, as real HTML
//! files a search engine can read and a phone can show with no JavaScript.
//!
//! Each page is the app's own view ([`crate::ui::steps`]) rendered to HTML natively, set into
//! the built `index.html` in place of its first screen. So the text has one source, and when
//! the wasm arrives it mounts the same view over the same words. Native only: the wasm never
//! carries this module. `src/bin/prerender.rs` writes the files after each build.

mod head;
mod links;
mod locales;
mod no_script;
mod widget_words;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use fix1002_core::i18n::Language;

use crate::i18n::{common_questions, kb, t};
use crate::kb::Step;
use crate::route::{Route, Sections};
use crate::ui::app::{FirstQuestionPage, HomePage, QuestionPage, StepPage, StepsIndexPage};
use crate::ui::shared::document_title;

pub use head::{faq_json, how_to_json};
use locales::flat_catalogs;
pub use locales::language_files;
pub use widget_words::loader_with_words;

/// One file to write, at `path` relative to the site root.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub path: String,
    pub html: String,
}

/// The site's public address, for canonical links and the sitemap. Without one, links stay
/// relative and no sitemap is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteUrl(Option<String>);

impl SiteUrl {
    /// From `SITE_URL`: must be an absolute http(s) URL; a missing final `/` is added.
    pub fn parse(value: Option<&str>) -> Result<SiteUrl, String> {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Ok(SiteUrl(None));
        };
        if !(value.starts_with("https://") || value.starts_with("http://"))
            || value.contains(['"', '<', '>', ' ', '#', '?'])
        {
            return Err(format!(
                "SITE_URL must be an absolute http(s) address such as https://help.example.com/sonos/1002/, not {value:?}"
            ));
        }
        let mut url = value.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(SiteUrl(Some(url)))
    }

    pub fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

/// Every pre-rendered page, given the built `index.html` as template: in English at the site
/// root, and in each other language under its folder (`de/steps/<id>/`), where it also has a
/// start page (`de/`; English's is `index.html` itself, see [`start_page`]).
pub fn pages(template: &str, site: &SiteUrl) -> Result<Vec<Page>, String> {
    let mut pages = Vec::new();
    for language in Language::ALL {
        pages.extend(in_language(language, || {
            language_pages(template, site, language)
        })?);
    }
    Ok(pages)
}

/// Runs `render` with `language` installed as the page's language (as the app installs it),
/// then puts English back.
fn in_language<T>(
    language: Language,
    render: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    if let Some((messages, kb)) = flat_catalogs(language)? {
        crate::i18n::install(language, &messages, &kb)?;
    }
    let result = render();
    let _ = crate::i18n::install(Language::EnUs, "", "");
    result
}

fn language_pages(template: &str, site: &SiteUrl, language: Language) -> Result<Vec<Page>, String> {
    let page = |route: Route, description: String, json_ld: Option<String>, body: String| {
        let path = route
            .prerendered_path()
            .ok_or_else(|| format!("{route:?} has no page"))?;
        let head = head::Head {
            title: document_title(&route),
            description,
            path,
            language,
            json_ld,
        };
        head::page(template, site, &head, &route, &body)
    };
    let mut pages = Vec::new();
    if language != Language::EnUs {
        let head = head::Head {
            title: document_title(&Route::Home),
            description: t("home.lead").to_owned(),
            path: String::new(),
            language,
            json_ld: None,
        };
        let body = render(|| view! { <HomePage sections=Sections::ALL /> });
        pages.push(head::page(template, site, &head, &Route::Home, &body)?);
    }
    pages.push(page(
        Route::TROUBLESHOOT,
        t("home.card_troubleshoot").to_owned(),
        None,
        render(|| view! { <FirstQuestionPage /> }),
    )?);
    pages.push(page(
        Route::Steps,
        t("steps.lead").to_owned(),
        None,
        render(|| view! { <StepsIndexPage /> }),
    )?);
    for step in kb().steps {
        let id = step.id.to_owned();
        pages.push(page(
            Route::Step(id.clone()),
            step.summary.to_string(),
            Some(how_to_json(step, site, language)),
            render(move || view! { <StepPage id /> }),
        )?);
    }
    for question in common_questions() {
        let id = question.id.to_owned();
        pages.push(page(
            Route::Question(id.clone()),
            question.answer[0].to_owned(),
            Some(faq_json(question, language)),
            render(move || view! { <QuestionPage id /> }),
        )?);
    }
    Ok(pages)
}

/// The path of a step's page, relative to the site root, in English.
pub fn step_path(step: &Step) -> String {
    Route::Step(step.id.to_owned())
        .prerendered_path()
        .unwrap_or_else(|| unreachable!("every step has a page"))
}

/// The start page (`index.html`, in English): its `<noscript>` notice lists every
/// pre-rendered page, and its head names the other languages' start pages. Its links stay the
/// app's fragments: the help widget opens this page in its frame, and a path would take the
/// frame out of the widget.
pub fn start_page(template: &str, site: &SiteUrl) -> Result<String, String> {
    let html = no_script::start_page(template)?;
    head::with_alternates(&html, site, "")
}

/// A view as HTML, inside a reactive owner of its own.
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    // Drawn once, to text: a signal read outside a tracking context is what drawing it means
    // here, not the mistake the debug build would otherwise warn about on every page.
    let _once = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let html = owner.with(|| view().into_view().to_html());
    // The hydration markers mean nothing to a page that is replaced, not hydrated.
    html.replace("<!>", "")
}

/// `sitemap.xml` listing every page, or `None` without a site URL.
pub fn sitemap(pages: &[Page], site: &SiteUrl) -> Option<String> {
    let root = site.get()?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut locations = vec![root.to_owned()];
    locations.extend(
        pages
            .iter()
            .map(|p| format!("{root}{}", p.path.trim_end_matches("index.html"))),
    );
    for location in locations {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            head::escape(&location)
        ));
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// `robots.txt`: everything may be read; with a site URL, it names the sitemap.
pub fn robots(site: &SiteUrl) -> String {
    match site.get() {
        Some(root) => format!("User-agent: *\nAllow: /\n\nSitemap: {root}sitemap.xml\n"),
        None => "User-agent: *\nAllow: /\n".to_owned(),
    }
}
