//! Setting a rendered page into the built `index.html`: its own title, description, canonical
//! link, Open Graph tags and structured data, a `<base>` that points at the site root (so the
//! shared assets, the service worker and the app's links resolve as on the home page, at any
//! depth and under any sub-path), and the route the app opens when it takes over.

use super::links::path_links;
use super::SiteUrl;
use crate::kb::{CommonQuestion, Step};
use crate::route::{Route, PRERENDERED_ROUTE_META};

/// What a page says about itself in its `<head>`.
pub struct Head {
    pub title: String,
    pub description: String,
    /// The page's path relative to the site root, ending in `/`.
    pub path: String,
    pub json_ld: Option<String>,
}

/// The template with `head` and `body` set in. Fails, naming what it missed, if the template
/// lacks a part the page needs.
pub fn fill(
    template: &str,
    site: &SiteUrl,
    head: &Head,
    route: &Route,
    body: &str,
) -> Result<String, String> {
    let depth = head.path.matches('/').count();
    let base = "../".repeat(depth);
    // A canonical link must be absolute to mean anything (a relative one would even resolve
    // against the <base>, the site root): without the public address there is none.
    let absolute = site.get().map(|root| format!("{root}{}", head.path));

    let mut html = template.to_owned();
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
    if let Some(url) = &absolute {
        let url = escape(url);
        extra.push_str(&format!(
            "    <link rel=\"canonical\" href=\"{url}\" />\n    <meta property=\"og:url\" content=\"{url}\" />\n"
        ));
    }
    if let Some(json) = &head.json_ld {
        // A data block, never run: the strict CSP does not apply to it.
        extra.push_str(&format!(
            "    <script type=\"application/ld+json\">{json}</script>\n"
        ));
    }
    // The <base> must come before any relative address in the head.
    let charset = "<meta charset=\"utf-8\" />";
    let at = html
        .find(charset)
        .ok_or("the template has no <meta charset=\"utf-8\" />")?
        + charset.len();
    html.insert_str(at, &format!("\n    {extra}"));

    replace_between(
        &mut html,
        "<main id=\"main\">",
        "</main>",
        &path_links(body),
    )?;
    // The header's links, too, lead to real pages where there are some.
    Ok(path_links(&html))
}

/// The schema.org `HowTo` of a step, as JSON-LD.
pub fn how_to_json(step: &Step, site: &SiteUrl) -> String {
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
        "name": step.title,
        "description": step.summary.as_str(),
        // The check alone: the conditional part only happens when the check finds its cause.
        "totalTime": format!("PT{}M", step.minutes),
        "step": steps,
    });
    if let Some(root) = site.get() {
        how_to["url"] = format!("{root}{}", super::step_path(step)).into();
    }
    // "</" inside a script element would end it early.
    how_to.to_string().replace("</", "<\\/")
}

/// The schema.org `FAQPage` of a common question, as JSON-LD.
pub fn faq_json(question: &CommonQuestion) -> String {
    let faq = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
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
