//! The start page without JavaScript: the troubleshooter and the decoder cannot run, but the
//! pre-rendered pages can be read. `index.html` marks, inside its `<noscript>` notice, where
//! the list of those pages goes; the build writes it there from the knowledge base, so a new
//! step or question is listed without anyone editing the HTML.

use super::head::escape;
use crate::kb::{COMMON_QUESTIONS, KB};
use crate::route::Route;

/// Where `index.html` wants the list: between these two comments inside its `<noscript>`
/// notice. They stay, so building the list again replaces it.
pub const OPEN: &str = "<!-- fix1002:no-script-pages -->";
pub const CLOSE: &str = "<!-- /fix1002:no-script-pages -->";

/// The start page with its `<noscript>` notice listing every pre-rendered page. Fails if the
/// template lacks the markers, so the notice never silently loses its links.
pub fn start_page(template: &str) -> Result<String, String> {
    let start = template
        .find(OPEN)
        .ok_or_else(|| format!("the template has no {OPEN} in its <noscript>"))?
        + OPEN.len();
    let end = start
        + template[start..]
            .find(CLOSE)
            .ok_or_else(|| format!("the template has no {CLOSE} after {OPEN}"))?;
    let mut html = template.to_owned();
    html.replace_range(start..end, &pages_list());
    Ok(html)
}

/// Links relative to the start page, which sits at the site root: they work under any path
/// the site is published at.
fn pages_list() -> String {
    let link = |route: Route, text: &str| {
        route
            .prerendered_path()
            .map(|path| format!("<li><a href=\"{path}\">{}</a></li>", escape(text)))
            .unwrap_or_default()
    };
    let steps: String = KB
        .steps
        .iter()
        .map(|s| link(Route::Step(s.id.to_owned()), s.title))
        .collect();
    let questions: String = COMMON_QUESTIONS
        .iter()
        .map(|q| link(Route::Question(q.id.to_owned()), q.question))
        .collect();
    format!(
        "<h3 id=\"no-script-steps\">Fix steps</h3>\n<ul aria-labelledby=\"no-script-steps\">{steps}</ul>\n\
         <h3 id=\"no-script-questions\">Common questions</h3>\n<ul aria-labelledby=\"no-script-questions\">{questions}</ul>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_lists_every_step_and_question_page_by_a_relative_link() {
        let template = format!("<noscript><p>x</p>{OPEN}{CLOSE}<p>y</p></noscript>");
        let html = start_page(&template).unwrap();
        // Built again, the list is replaced, not added twice.
        assert_eq!(start_page(&html).unwrap(), html);
        for step in KB.steps {
            assert!(
                html.contains(&format!("href=\"steps/{}/\"", step.id)),
                "{}",
                step.id
            );
        }
        for question in COMMON_QUESTIONS {
            assert!(
                html.contains(&format!("href=\"questions/{}/\"", question.id)),
                "{}",
                question.id
            );
        }
        assert!(html.ends_with("<p>y</p></noscript>"));
        assert!(start_page("<noscript></noscript>").is_err());
    }
}
