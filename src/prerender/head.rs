//! Setting a rendered page into the built `index.html`: its own title, description, canonical
//! link, Open Graph tags and structured data, a `<base>` that points at the site root (so the
//! shared assets, the service worker and the app's links resolve as on the home page, at any
//! depth and under any sub-path), and the route the app opens when it takes over.

use fix1002_core::i18n::Language;
use fix1002_core::language_files::{shown_from_first_files, FIRST_FILES, LATER_FILES};

use super::links::path_links;
use super::{Page, SiteUrl};
use crate::i18n::t;
use crate::kb::{CommonQuestion, Step};
use crate::route::{Route, PAGE_LANGUAGE_META, PRERENDERED_ROUTE_META};
use crate::ui::shared::nav_label;

/// What a page says about itself in its `<head>`.
pub struct Head {
    pub title: String,
    pub description: String,
    /// The page's path relative to its language's folder, ending in `/` (empty for a start
    /// page): the same in every language.
    pub path: String,
    pub language: Language,
    pub json_ld: Option<String>,
}

impl Head {
    /// The page's path relative to the site root: `de/steps/<id>/`.
    fn full_path(&self) -> String {
        format!("{}{}", self.language.folder(), self.path)
    }
}

/// The page: the template with `head` and `body` set in. Fails, naming what it missed, if the
/// template lacks a part the page needs.
pub fn page(
    template: &str,
    site: &SiteUrl,
    head: &Head,
    route: &Route,
    body: &str,
) -> Result<Page, String> {
    let path = head.full_path();
    let depth = path.matches('/').count();
    let base = "../".repeat(depth);
    // A canonical link must be absolute to mean anything (a relative one would even resolve
    // against the <base>, the site root): without the public address there is none.
    let absolute = site.get().map(|root| format!("{root}{path}"));

    let mut html = template.to_owned();
    if head.language != Language::EnUs {
        in_language(&mut html, head.language)?;
    }
    replace_between(&mut html, "<title>", "</title>", &escape(&head.title))?;
    replace_attribute(&mut html, "name=\"description\"", &head.description)?;
    replace_attribute(&mut html, "property=\"og:title\"", &head.title)?;
    replace_attribute(&mut html, "property=\"og:description\"", &head.description)?;
    if let Some(root) = site.get() {
        replace_attribute(
            &mut html,
            "property=\"og:image\"",
            &format!("{root}icon-512.png"),
        )?;
    }

    let mut extra = format!(
        "<base href=\"{base}\" />\n    <meta name=\"{PRERENDERED_ROUTE_META}\" content=\"{}\" />\n",
        escape(&route.href()),
    );
    if head.language != Language::EnUs {
        // The app reads it: a page in a language's folder is that language, chosen.
        extra.push_str(&format!(
            "    <meta name=\"{PAGE_LANGUAGE_META}\" content=\"{}\" />\n",
            head.language.tag()
        ));
        // The app downloads the language's files before it mounts (the first two, or all four
        // where the page shows later texts): fetched from the start, beside the wasm, they
        // are there when it asks. `crossorigin` makes the preload's request the app's own (a
        // same-origin fetch), so the browser reuses it.
        let later = (!shown_from_first_files(route)).then_some(LATER_FILES);
        for file in FIRST_FILES.iter().chain(later.iter().flatten()) {
            extra.push_str(&format!(
                "    <link rel=\"preload\" href=\"locales/{}/{file}\" as=\"fetch\" crossorigin=\"anonymous\" />\n",
                head.language.tag()
            ));
        }
    }
    if let Some(url) = &absolute {
        let url = escape(url);
        extra.push_str(&format!(
            "    <link rel=\"canonical\" href=\"{url}\" />\n    <meta property=\"og:url\" content=\"{url}\" />\n"
        ));
    }
    extra.push_str(&alternates(site, &head.path));
    if let Some(json) = &head.json_ld {
        // A data block, never run: the strict CSP does not apply to it.
        extra.push_str(&format!(
            "    <script type=\"application/ld+json\">{json}</script>\n"
        ));
    }
    insert_after_charset(&mut html, &extra)?;

    replace_between(
        &mut html,
        "<main id=\"main\">",
        "</main>",
        &path_links(body, head.language),
    )?;
    // The header's links, too, lead to real pages where there are some.
    Ok(Page {
        path: format!("{path}index.html"),
        html: path_links(&html, head.language),
    })
}

/// `html` (the start page) with the links to its versions in every language in its head.
pub fn with_alternates(html: &str, site: &SiteUrl, path: &str) -> Result<String, String> {
    let mut html = html.to_owned();
    insert_after_charset(&mut html, &alternates(site, path))?;
    Ok(html)
}

/// `<link rel="alternate" hreflang=…>` for the page at `path` in each language, and
/// `x-default`, English, for readers whose language is none of them. Relative addresses
/// resolve against the `<base>`, the site root; absolute ones need the site's address.
fn alternates(site: &SiteUrl, path: &str) -> String {
    let root = site.get().unwrap_or_default();
    let link = |hreflang: &str, language: Language| {
        let href = format!("{root}{}{path}", language.folder());
        // The English start page is the root itself; an empty href would name the page it is on.
        let href = if href.is_empty() {
            "./".to_owned()
        } else {
            href
        };
        format!(
            "    <link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\" />\n",
            escape(&href)
        )
    };
    let mut links: String = Language::ALL
        .into_iter()
        .map(|language| link(language.tag(), language))
        .collect();
    links.push_str(&link("x-default", Language::EnUs));
    links
}

/// The `<base>` must come before any relative address in the head: right after the charset.
fn insert_after_charset(html: &mut String, extra: &str) -> Result<(), String> {
    let charset = "<meta charset=\"utf-8\" />";
    let at = html
        .find(charset)
        .ok_or("the template has no <meta charset=\"utf-8\" />")?
        + charset.len();
    html.insert_str(at, &format!("\n    {}", extra.trim_start()));
    Ok(())
}

/// The template's parts that are not the page's own, in `language`: `<html lang>` and the
/// header's navigation. The rest of the template (the start screen) is replaced by the page.
fn in_language(html: &mut String, language: Language) -> Result<(), String> {
    let english = "<html lang=\"en\">";
    if !html.contains(english) {
        return Err(format!("the template has no {english}"));
    }
    *html = html.replacen(english, &format!("<html lang=\"{}\">", language.tag()), 1);
    let header_end = html
        .find("</header>")
        .ok_or("the template has no </header>")?;
    let mut header = html[..header_end].to_owned();
    let labels = [
        (
            "aria-label=\"Sections\"",
            format!("aria-label=\"{}\"", escape(t("nav.sections_label"))),
        ),
        (
            ">Troubleshoot<",
            format!(">{}<", escape(nav_label(&Route::TROUBLESHOOT))),
        ),
        (
            ">Decode a fault<",
            format!(">{}<", escape(nav_label(&Route::Decode))),
        ),
        (
            ">Fix steps<",
            format!(">{}<", escape(nav_label(&Route::Steps))),
        ),
        // The link the header offers without JavaScript.
        (
            "href=\"steps/\"",
            format!("href=\"{}steps/\"", language.folder()),
        ),
    ];
    for (english, translated) in labels {
        if !header.contains(english) {
            return Err(format!("the template's header has no {english}"));
        }
        header = header.replace(english, &translated);
    }
    html.replace_range(..header_end, &header);
    Ok(())
}

/// The schema.org `HowTo` of a step, as JSON-LD, in `language` (the step is in it already).
pub fn how_to_json(step: &Step, site: &SiteUrl, language: Language) -> String {
    let steps: Vec<serde_json::Value> = step
        .instructions
        .iter()
        .enumerate()
        .map(|(i, text)| {
            serde_json::json!({ "@type": "HowToStep", "position": i + 1, "text": text.as_str() })
        })
        .collect();
    let mut how_to = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "HowTo",
        "inLanguage": language.tag(),
        "name": step.title,
        "description": step.summary.as_str(),
        // The check alone: the conditional part only happens when the check finds its cause.
        "totalTime": format!("PT{}M", step.minutes),
        "step": steps,
    });
    if let Some(root) = site.get() {
        how_to["url"] = format!("{root}{}{}", language.folder(), super::step_path(step)).into();
    }
    // "</" inside a script element would end it early.
    how_to.to_string().replace("</", "<\\/")
}

/// The schema.org `FAQPage` of a common question, as JSON-LD, in `language`.
pub fn faq_json(question: &CommonQuestion, language: Language) -> String {
    let faq = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language.tag(),
        "mainEntity": [{
            "@type": "Question",
            "name": question.question,
            "acceptedAnswer": { "@type": "Answer", "text": question.answer.join(" ") },
        }],
    });
    faq.to_string().replace("</", "<\\/")
}

/// Replaces what lies between the first `open` and the next `close`.
fn replace_between(html: &mut String, open: &str, close: &str, with: &str) -> Result<(), String> {
    let start = html
        .find(open)
        .ok_or_else(|| format!("the template has no {open}"))?
        + open.len();
    let end = start
        + html[start..]
            .find(close)
            .ok_or_else(|| format!("the template has no {close} after {open}"))?;
    html.replace_range(start..end, with);
    Ok(())
}

/// Sets the `content` of the first tag that carries `marker`.
fn replace_attribute(html: &mut String, marker: &str, content: &str) -> Result<(), String> {
    let at = html
        .find(marker)
        .ok_or_else(|| format!("the template has no tag with {marker}"))?;
    let tag_end = at + html[at..].find('>').ok_or("an unclosed tag")?;
    let open = html[..at].rfind('<').unwrap_or(0);
    let tag = &html[open..tag_end];
    let value_start = open
        + tag
            .find("content=\"")
            .ok_or_else(|| format!("the tag with {marker} has no content"))?
        + "content=\"".len();
    let value_end = value_start
        + html[value_start..]
            .find('"')
            .ok_or("an unclosed attribute")?;
    html.replace_range(value_start..value_end, &escape(content));
    Ok(())
}

/// Text made safe for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
