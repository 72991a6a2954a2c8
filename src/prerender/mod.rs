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

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::kb::{CommonQuestion, Step, COMMON_QUESTIONS, KB};
use crate::route::Route;
use crate::ui::app::QuestionPage;
use crate::ui::app::{StepPage, StepsIndexPage};

pub use head::{faq_json, how_to_json};
pub use locales::language_files;
pub use no_script::start_page;

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

/// Every pre-rendered page, given the built `index.html` as template.
pub fn pages(template: &str, site: &SiteUrl) -> Result<Vec<Page>, String> {
    let mut pages = vec![index_page(template, site)?];
    for step in KB.steps {
        pages.push(step_page(template, site, step)?);
    }
    for question in COMMON_QUESTIONS {
        pages.push(question_page(template, site, question)?);
    }
    Ok(pages)
}

/// The path of a common question's page, relative to the site root.
pub fn question_path(question: &CommonQuestion) -> String {
    Route::Question(question.id.to_owned())
        .prerendered_path()
        .unwrap_or_else(|| unreachable!("every common question has a page"))
}

fn question_page(
    template: &str,
    site: &SiteUrl,
    question: &'static CommonQuestion,
) -> Result<Page, String> {
    let path = question_path(question);
    let route = Route::Question(question.id.to_owned());
    let body = render(move || view! { <QuestionPage id=question.id.to_owned() /> });
    let head = head::Head {
        title: crate::ui::shared::document_title(&route),
        description: question.answer[0].to_owned(),
        path: path.clone(),
        json_ld: Some(faq_json(question)),
    };
    let html = head::fill(template, site, &head, &route, &body)?;
    Ok(Page {
        path: format!("{path}index.html"),
        html,
    })
}

/// The path of a step's page, relative to the site root.
pub fn step_path(step: &Step) -> String {
    Route::Step(step.id.to_owned())
        .prerendered_path()
        .unwrap_or_else(|| unreachable!("every step has a page"))
}

fn step_page(template: &str, site: &SiteUrl, step: &'static Step) -> Result<Page, String> {
    let path = step_path(step);
    let route = Route::Step(step.id.to_owned());
    let body = render(move || view! { <StepPage id=step.id.to_owned() /> });
    let head = head::Head {
        title: crate::ui::shared::document_title(&route),
        description: step.summary.to_string(),
        path: path.clone(),
        json_ld: Some(how_to_json(step, site)),
    };
    let html = head::fill(template, site, &head, &route, &body)?;
    Ok(Page {
        path: format!("{path}index.html"),
        html,
    })
}

fn index_page(template: &str, site: &SiteUrl) -> Result<Page, String> {
    let route = Route::Steps;
    let body = render(|| view! { <StepsIndexPage /> });
    let head = head::Head {
        title: crate::ui::shared::document_title(&route),
        description: "Every fix for Sonos error 1002 on a page of its own: what to do, why it \
                      helps and how long it takes."
            .to_owned(),
        path: "steps/".to_owned(),
        json_ld: None,
    };
    let html = head::fill(template, site, &head, &route, &body)?;
    Ok(Page {
        path: "steps/index.html".to_owned(),
        html,
    })
}

/// A view as HTML, inside a reactive owner of its own.
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
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
