//! The pre-rendered pages (src/prerender/), rendered natively from the app's own views into
//! the repository's index.html: one per fix step and an index, each with its own head, and the
//! sitemap only when the site's public URL is known. Native only, as the renderer is.
#![cfg(not(target_arch = "wasm32"))]

use fix1002::kb::{COMMON_QUESTIONS, KB};
use fix1002::prerender::{pages, robots, sitemap, Page, SiteUrl};

fn template() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap()
}

fn site(url: &str) -> SiteUrl {
    SiteUrl::parse(Some(url)).unwrap()
}

/// Text as it reads in HTML, for comparing with the knowledge base.
/// The text of an HTML fragment: its tags (links inside a sentence, say) dropped, and its
/// entities read back.
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = start + html[start..].find(close).unwrap();
    &html[start..end]
}

fn page<'a>(pages: &'a [Page], path: &str) -> &'a Page {
    pages.iter().find(|p| p.path == path).unwrap()
}

#[test]
fn every_step_has_a_page_with_its_heading_instructions_and_links() {
    let pages = pages(&template(), &SiteUrl::default()).unwrap();
    assert_eq!(pages.len(), KB.steps.len() + 1 + COMMON_QUESTIONS.len());
    for step in KB.steps {
        let html = &page(&pages, &format!("steps/{}/index.html", step.id)).html;
        assert_eq!(html.matches("<h1").count(), 1, "{}", step.id);
        assert!(text_of(between(html, "<h1", "</h1>")).ends_with(step.title));
        let list = text_of(between(html, "<ol class=\"instructions\">", "</ol>"));
        for line in step.instructions {
            assert!(list.contains(line.as_str()), "{}: {line}", step.id);
        }
        assert!(text_of(html).contains(step.why));
        // A web address in the text is a real link, on the static page too.
        if step.id == "check-service-status" {
            assert!(list.contains("status.sonos.com"));
            assert!(
                html.contains("href=\"https://status.sonos.com\""),
                "{}",
                step.id
            );
        }
        assert!(html.contains("(an estimate)"));
        assert!(html.contains(&format!("<title>{}", step.title.replace('&', "&amp;"))));
        // Links lead to real pages, resolved against the page's <base> (the site root).
        assert!(html.contains("<base href=\"../../\" />"));
        assert!(html.contains("href=\"steps/\""), "{}", step.id);
        let start = html
            .find(">Start troubleshooting</a>")
            .expect("a Start troubleshooting link");
        let anchor = &html[html[..start].rfind("<a ").unwrap()..start];
        assert!(anchor.contains("href=\"#/troubleshoot\""), "{anchor}");
        assert!(
            !html.contains("href=\"#/steps"),
            "{}: a fragment link to a page",
            step.id
        );
        // The app opens the same route when it takes over.
        assert!(html.contains(&format!(
            "<meta name=\"fix1002-route\" content=\"#/steps/{}\" />",
            step.id
        )));
        // The first screen of the home page is gone.
        assert!(!html.contains("Loading the assistant"));
    }
    let index = &page(&pages, "steps/index.html").html;
    assert!(index.contains("<base href=\"../\" />"));
    for step in KB.steps {
        assert!(index.contains(&format!("href=\"steps/{}/\"", step.id)));
    }
}

#[test]
fn each_step_page_carries_how_to_structured_data() {
    let pages = pages(&template(), &site("https://help.example.com/sonos/1002")).unwrap();
    for step in KB.steps {
        let html = &page(&pages, &format!("steps/{}/index.html", step.id)).html;
        let json = between(html, "<script type=\"application/ld+json\">", "</script>");
        let data: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["@type"], "HowTo");
        assert_eq!(data["name"], step.title);
        assert_eq!(data["totalTime"], format!("PT{}M", step.minutes));
        let steps = data["step"].as_array().unwrap();
        assert_eq!(steps.len(), step.instructions.len());
        assert_eq!(steps[0]["@type"], "HowToStep");
        assert_eq!(steps[0]["text"], step.instructions[0].as_str());
        let url = format!("https://help.example.com/sonos/1002/steps/{}/", step.id);
        assert_eq!(data["url"], url.as_str());
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{url}\" />")));
        assert!(html.contains(&format!("<meta property=\"og:url\" content=\"{url}\" />")));
        assert!(html.contains("content=\"https://help.example.com/sonos/1002/icon-512.png\""));
    }
}

#[test]
fn every_common_question_has_a_page_with_its_answer_and_faq_data() {
    let pages = pages(&template(), &site("https://help.example.com/")).unwrap();
    for q in COMMON_QUESTIONS {
        let html = &page(&pages, &format!("questions/{}/index.html", q.id)).html;
        assert!(text_of(between(html, "<h1", "</h1>")).ends_with(q.question));
        for paragraph in q.answer {
            assert!(text_of(html).contains(paragraph), "{}", q.id);
        }
        assert!(text_of(html).contains(&q.source.citation()));
        for step in q.steps {
            assert!(
                html.contains(&format!("href=\"steps/{step}/\"")),
                "{}: {step}",
                q.id
            );
        }
        let json = between(html, "<script type=\"application/ld+json\">", "</script>");
        let data: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(data["@type"], "FAQPage");
        assert_eq!(data["mainEntity"][0]["@type"], "Question");
        assert_eq!(data["mainEntity"][0]["name"], q.question);
        assert_eq!(data["mainEntity"][0]["acceptedAnswer"]["@type"], "Answer");
        assert!(html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://help.example.com/questions/{}/\" />",
            q.id
        )));
    }
    // The index of steps leads to the questions too, so a crawler finds them by links.
    let index = &page(&pages, "steps/index.html").html;
    for q in COMMON_QUESTIONS {
        assert!(index.contains(&format!("href=\"questions/{}/\"", q.id)));
    }
}

#[test]
fn with_a_site_url_the_sitemap_lists_every_page_and_robots_names_it() {
    let url = site("https://help.example.com/sonos/1002/");
    let pages = pages(&template(), &url).unwrap();
    let xml = sitemap(&pages, &url).unwrap();
    assert!(xml.contains("<loc>https://help.example.com/sonos/1002/</loc>"));
    assert!(xml.contains("<loc>https://help.example.com/sonos/1002/steps/</loc>"));
    for step in KB.steps {
        assert!(xml.contains(&format!(
            "<loc>https://help.example.com/sonos/1002/steps/{}/</loc>",
            step.id
        )));
    }
    assert_eq!(xml.matches("<url>").count(), pages.len() + 1);
    assert!(robots(&url).contains("Sitemap: https://help.example.com/sonos/1002/sitemap.xml"));
}

#[test]
fn without_a_site_url_links_stay_relative_and_there_is_no_sitemap() {
    let none = SiteUrl::default();
    let pages = pages(&template(), &none).unwrap();
    assert_eq!(sitemap(&pages, &none), None);
    assert!(!robots(&none).contains("Sitemap"));
    let html = &pages[1].html;
    assert!(!html.contains("rel=\"canonical\""));
    assert!(!html.contains("og:url"));
    assert!(!html.contains("https://help"));
}

#[test]
fn a_site_url_that_is_not_an_absolute_web_address_is_refused() {
    for bad in [
        "help.example.com",
        "ftp://help.example.com/",
        "https://x/\"><script>",
    ] {
        assert!(SiteUrl::parse(Some(bad)).is_err(), "{bad}");
    }
    assert_eq!(SiteUrl::parse(Some("")).unwrap(), SiteUrl::default());
    assert_eq!(
        site("https://help.example.com/a").get(),
        Some("https://help.example.com/a/")
    );
}

#[test]
fn a_template_without_the_parts_a_page_needs_is_refused_by_name() {
    let error = pages(
        "<html><head></head><body></body></html>",
        &SiteUrl::default(),
    )
    .unwrap_err();
    assert!(error.contains("<title>"), "{error}");
}
