//! The app's links are fragments (`#/steps/<id>`), which only the app can follow. On a
//! pre-rendered page, the ones that have a page of their own become paths (`steps/<id>/`,
//! resolved against the page's `<base>`, the site root), so they work with no JavaScript.
//! The same goes for the common questions (`#/questions/<id>`). The others (`#/troubleshoot`,
//! `#/decode`) lead to the app at the site root.

use crate::route::Route;

/// `html` with every `href="#/steps…"` that names a pre-rendered page turned into its path.
pub fn path_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    const OPEN: &str = "href=\"#/";
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let Some(end) = after.find('"') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let route = &after[..end];
        match page_path(route) {
            Some(path) => out.push_str(&format!("href=\"{path}\"")),
            None => out.push_str(&rest[at..at + OPEN.len() + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The pre-rendered page for a fragment route (`steps/<id>`, without its `#/`), if there is
/// one. The route is read as the app reads it.
fn page_path(route: &str) -> Option<String> {
    Route::from_fragment(route).prerendered_path()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_links_become_paths_and_app_links_stay() {
        let html = r##"<a href="#/steps/restart-speaker">a</a><a href="#/steps">b</a><a href="#/troubleshoot">c</a><a href="#/steps/no-such">d</a>"##;
        assert_eq!(
            path_links(html),
            r##"<a href="steps/restart-speaker/">a</a><a href="steps/">b</a><a href="#/troubleshoot">c</a><a href="#/steps/no-such">d</a>"##
        );
    }
}
