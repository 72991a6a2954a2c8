//! The pre-rendered pages (src/prerender/), rendered natively from the app's own views into
//! the repository's index.html: one per fix step and an index, each with its own head, and the
//! sitemap only when the site's public URL is known. Native only, as the renderer is.
#![cfg(not(target_arch = "wasm32"))]

use fix1002_web::kb::{COMMON_QUESTIONS, KB};
use fix1002_web::prerender::{pages, robots, sitemap, Page, SiteUrl};

fn template() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap()
}

fn site(url: &str) -> SiteUrl {
    SiteUrl::parse(Some(url)).unwrap()
}

use fix1002_web::html_text::visible_text;

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
    // In each of the twelve languages: the steps, their index, the common questions and the
    // flow's first question; and a start page in each but English (whose is index.html).
    let per_language = KB.steps.len() + 1 + COMMON_QUESTIONS.len() + 1;
    assert_eq!(pages.len(), 12 * per_language + 11);
    for step in KB.steps {
        let html = &page(&pages, &format!("steps/{}/index.html", step.id)).html;
        assert_eq!(html.matches("<h1").count(), 1, "{}", step.id);
        assert!(visible_text(between(html, "<h1", "</h1>")).ends_with(step.title));
        let list = visible_text(between(html, "<ol class=\"instructions\">", "</ol>"));
        for line in step.instructions {
            assert!(list.contains(line.as_str()), "{}: {line}", step.id);
        }
        assert!(visible_text(html).contains(step.why));
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
        // The flow's first question has a page of its own now, which answers without the app.
        assert!(anchor.contains("href=\"troubleshoot/\""), "{anchor}");
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
        assert!(visible_text(between(html, "<h1", "</h1>")).ends_with(q.question));
        for paragraph in q.answer {
            assert!(visible_text(html).contains(paragraph), "{}", q.id);
        }
        assert!(visible_text(html).contains(&q.source.citation()));
        if let Some(also) = &q.also {
            assert!(
                visible_text(html).contains(&format!("Also from: {}", also.source.citation())),
                "{}",
                q.id
            );
        }
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
    // Every language's pages, too.
    assert!(xml.contains("<loc>https://help.example.com/sonos/1002/de/</loc>"));
    assert!(
        xml.contains("<loc>https://help.example.com/sonos/1002/ja/steps/restart-speaker/</loc>")
    );
    assert_eq!(xml.matches("<url>").count(), pages.len() + 1);
    assert!(robots(&url).contains("Sitemap: https://help.example.com/sonos/1002/sitemap.xml"));
}

#[test]
fn without_a_site_url_links_stay_relative_and_there_is_no_sitemap() {
    let none = SiteUrl::default();
    let pages = pages(&template(), &none).unwrap();
    assert_eq!(sitemap(&pages, &none), None);
    assert!(!robots(&none).contains("Sitemap"));
    let html = &page(&pages, "steps/index.html").html;
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

/// The seed's own words each entry rests on, for the tests: shown to no one as such.
fn quotes() -> Vec<(String, &'static str)> {
    let mut quotes = Vec::new();
    for c in KB.causes {
        quotes.push((format!("cause {}", c.id), c.quote));
    }
    for s in KB.steps {
        quotes.push((format!("step {}", s.id), s.quote));
    }
    for q in KB.questions {
        for a in q.answers {
            if let Some(cited) = &a.cited {
                quotes.push((format!("answer {}:{}", q.id, a.id), cited.quote));
            }
            if let Some(symptom) = a.symptom {
                quotes.push((format!("answer {}:{} symptom", q.id, a.id), symptom));
            }
        }
    }
    for q in COMMON_QUESTIONS {
        quotes.push((format!("common question {}", q.id), q.quote));
    }
    quotes
}

#[test]
fn no_reviewer_note_or_bare_quote_appears_on_any_page() {
    // Issue 23: the update step's page showed its `then.why`, a note on how the engine prices
    // the step. Every page the site serves without the app is checked for every note.
    let pages = pages(&template(), &SiteUrl::default()).unwrap();
    let texts: Vec<(String, String)> = pages
        .iter()
        .map(|p| (p.path.clone(), visible_text(&p.html)))
        .collect();
    let notes = KB.reviewer_notes();
    assert!(notes.len() > 100, "only {} notes", notes.len());
    for (label, note) in notes {
        assert!(!note.trim().is_empty(), "{label} is empty");
        for (path, text) in &texts {
            assert!(!text.contains(note), "{path} shows the {label}: {note:?}");
        }
    }
    // A quote may be on a page only inside a text written for owners that uses the guide's
    // own words (a menu path, an address); the quote field itself is never shown.
    let owner = owner_texts();
    for (label, quote) in quotes() {
        if owner.iter().any(|t| t.contains(quote)) {
            continue;
        }
        for (path, text) in &texts {
            assert!(
                !text.contains(quote),
                "{path} shows the quote of {label}: {quote:?}"
            );
        }
    }
}

/// What the knowledge base writes for owners, where a guide's words may be repeated on purpose.
fn owner_texts() -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for s in KB.steps {
        texts.push(s.title.to_owned());
        texts.push(s.summary.as_str().to_owned());
        texts.extend(s.instructions.iter().map(|i| i.as_str().to_owned()));
        texts.extend(s.in_update.iter().map(|i| i.as_str().to_owned()));
        texts.extend(s.advice.iter().map(|a| (*a).to_owned()));
        texts.push(s.why.to_owned());
    }
    for q in COMMON_QUESTIONS {
        texts.push(q.question.to_owned());
        texts.extend(q.answer.iter().map(|a| (*a).to_owned()));
    }
    for q in KB.questions {
        texts.push(q.text.to_owned());
        texts.extend(q.answers.iter().map(|a| a.label.to_owned()));
    }
    for c in KB.causes {
        texts.push(c.title.to_owned());
        texts.push(c.detail.to_owned());
    }
    texts
}

#[test]
fn what_the_guides_do_not_say_is_shown_apart_and_labelled() {
    // Issue 23: lines moved out of the cited instructions show under the general advice's
    // label, and the plan-or-trial inference says whose it is on the step's page.
    let pages = pages(&template(), &SiteUrl::default()).unwrap();
    for (id, phrase) in [
        (
            "check-online-restart-router",
            "wait until its lights settle",
        ),
        ("factory-reset-speaker", "set it up again in the Sonos app"),
        ("upgrade-service-account", "Fix 1002's inference"),
    ] {
        let html = &page(&pages, &format!("steps/{id}/index.html")).html;
        let list = visible_text(between(html, "<ol class=\"instructions\">", "</ol>"));
        assert!(!list.contains(phrase), "{id}: {phrase:?}");
        let advice = visible_text(between(html, "data-testid=\"general-advice\"", "</div>"));
        assert!(
            advice.contains("General advice, not from the guides") && advice.contains(phrase),
            "{id}: {advice}"
        );
    }
    let router = &page(&pages, "steps/check-online-restart-router/index.html").html;
    assert!(visible_text(router).contains("Fix 1002's suggestion: try playing music again"));
}

/// The start page's own text, shown before the app loads and without JavaScript, says whose
/// claim "not a broken speaker" is: the playback guide's, not the update guide's (issue 23).
#[test]
fn the_start_page_names_the_guide_that_calls_1002_no_broken_speaker() {
    let shell = visible_text(&template())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shell.contains("not a broken speaker"), "{shell}");
    assert!(
        shell.contains("The guide to error 1002 during playback calls it a software and network problem, not a broken speaker."),
        "the claim is shown without its guide: {shell}"
    );
}

/// The `href`s of a page's `<link rel="alternate" hreflang=…>`, by hreflang.
fn alternates(html: &str) -> Vec<(String, String)> {
    html.match_indices("<link rel=\"alternate\" hreflang=\"")
        .map(|(at, open)| {
            let rest = &html[at + open.len()..];
            let hreflang = &rest[..rest.find('"').unwrap()];
            let href = between(rest, "href=\"", "\"");
            (hreflang.to_owned(), href.to_owned())
        })
        .collect()
}

#[test]
fn each_page_exists_in_every_language_and_names_the_others() {
    let url = site("https://help.example.com/sonos/1002/");
    let pages = pages(&template(), &url).unwrap();
    let german = &page(&pages, "de/steps/restart-speaker/index.html").html;
    assert!(german.starts_with("<!DOCTYPE html>\n<html lang=\"de-DE\">"));
    assert!(german.contains("<meta name=\"fix1002-language\" content=\"de-DE\" />"));
    assert!(german.contains("<base href=\"../../../\" />"));
    // The language's files the app waits for are fetched from the start, beside the wasm:
    // all four on a step page, the first two on the flow's first question.
    let preloads = |html: &str| {
        html.match_indices("<link rel=\"preload\" href=\"locales/")
            .map(|(at, _)| between(&html[at..], "href=\"", "\"").to_owned())
            .collect::<Vec<_>>()
    };
    let files = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("locales/de-DE/{n}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        preloads(german),
        files(&[
            "messages.txt",
            "kb.txt",
            "messages.later.txt",
            "kb.later.txt"
        ])
    );
    assert!(german.contains("as=\"fetch\" crossorigin=\"anonymous\" />"));
    let first_question = &page(&pages, "de/troubleshoot/index.html").html;
    assert_eq!(preloads(first_question), files(&["messages.txt", "kb.txt"]));
    assert!(preloads(&page(&pages, "steps/restart-speaker/index.html").html).is_empty());
    // The app opens the same route when it takes over.
    assert!(german.contains("<meta name=\"fix1002-route\" content=\"#/steps/restart-speaker\" />"));
    assert!(german.contains(
        "<link rel=\"canonical\" href=\"https://help.example.com/sonos/1002/de/steps/restart-speaker/\" />"
    ));
    let links = alternates(german);
    assert_eq!(links.len(), 13, "{links:?}");
    for (hreflang, href) in &links {
        let folder = match hreflang.as_str() {
            "en-US" | "x-default" => String::new(),
            tag => format!("{}/", tag.split('-').next().unwrap()),
        };
        assert_eq!(
            href,
            &format!("https://help.example.com/sonos/1002/{folder}steps/restart-speaker/")
        );
        // The page each names exists.
        let path = format!("{folder}steps/restart-speaker/index.html");
        assert!(pages.iter().any(|p| p.path == path), "{path}");
    }
    // The English page names the same set.
    assert_eq!(
        alternates(&page(&pages, "steps/restart-speaker/index.html").html),
        links
    );
    // Links stay in the language, and the header is in it too.
    assert!(german.contains("href=\"de/steps/\""));
    assert!(!german.contains("href=\"steps/\""));
    assert!(german.contains("<nav aria-label=\"Bereiche\">"));
    assert!(!german.contains(">Fix steps<"));
    // The structured data is in German, and says so.
    let data = between(german, "<script type=\"application/ld+json\">", "</script>");
    let json: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(json["inLanguage"], "de-DE");
    assert_eq!(
        json["url"],
        "https://help.example.com/sonos/1002/de/steps/restart-speaker/"
    );
    let title = visible_text(between(german, "<h1", "</h1>"));
    assert!(title.ends_with(json["name"].as_str().unwrap()), "{title}");
    assert_ne!(json["name"], "Restart the speaker");
}

#[test]
fn the_flows_first_question_is_a_page_whose_answers_are_links_in_its_own_fragment() {
    let pages = pages(&template(), &SiteUrl::default()).unwrap();
    for (path, folder, lang) in [
        ("troubleshoot/index.html", "", "en"),
        ("ja/troubleshoot/index.html", "ja/", "ja-JP"),
    ] {
        let html = &page(&pages, path).html;
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
        let main = between(html, "<main id=\"main\">", "</main>");
        assert_eq!(main.matches("<h1").count(), 1);
        let answers: Vec<&str> = main
            .match_indices("class=\"answer\"")
            .map(|(at, _)| &main[main[..at].rfind('<').unwrap()..at])
            .collect();
        assert_eq!(answers.len(), 3, "{path}: {main}");
        for answer in answers {
            assert!(answer.starts_with("<a "), "{answer}");
            assert!(
                answer.contains(&format!(
                    "href=\"{folder}troubleshoot/#/troubleshoot?s=when:"
                )),
                "{answer}"
            );
        }
        // No Back or Start over before any answer.
        assert!(!main.contains("<button"), "{path}");
    }
}

#[test]
fn each_language_has_a_start_page_in_it() {
    let pages = pages(&template(), &SiteUrl::default()).unwrap();
    let french = &page(&pages, "fr/index.html").html;
    assert!(french.contains("<html lang=\"fr-FR\">"));
    assert!(french.contains("<base href=\"../\" />"));
    assert!(french.contains("href=\"fr/troubleshoot/\""));
    assert!(
        french.contains("href=\"fr/\""),
        "the brand leads to the French start page"
    );
    assert!(!french.contains(">Start troubleshooting<"));
}
