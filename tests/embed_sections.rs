//! The widget's loader (`public/embed.js`) keeps the section names it knows from a host page's
//! `data-sections` and passes them to the app as `?sections=`, where `Offered::from_list` reads
//! them. The loader is plain JavaScript that runs on other sites, so it cannot import the app's
//! list; this test keeps its copy equal to `route::SECTIONS`.

use fix1002::route::{Offered, Route, SECTIONS};

const LOADER: &str = include_str!("../public/embed.js");

/// The names in the loader's `var SECTIONS = ['…', …];`, in its order.
fn loader_sections() -> Vec<&'static str> {
    let opening = "var SECTIONS = [";
    let start = LOADER
        .find(opening)
        .expect("public/embed.js declares `var SECTIONS = [...]`")
        + opening.len();
    let end = start + LOADER[start..].find(']').expect("the list closes");
    LOADER[start..end]
        .split(',')
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .map(|name| {
            name.strip_prefix('\'')
                .and_then(|name| name.strip_suffix('\''))
                .unwrap_or_else(|| panic!("{name}: not a name in single quotes"))
        })
        .collect()
}

/// A section's name as the app's URLs spell it: `#/decode` gives `decode`.
fn url_name(section: &Route) -> String {
    section.href().trim_start_matches("#/").to_owned()
}

#[test]
fn the_widget_loader_knows_exactly_the_sections_the_app_accepts() {
    let loader = loader_sections();
    let app: Vec<String> = SECTIONS.iter().map(url_name).collect();
    // In order too: the loader opens the first one offered when no start is given.
    assert_eq!(
        loader, app,
        "public/embed.js's SECTIONS must name src/route.rs's SECTIONS, in navigation order"
    );
    // Each name, passed on alone, is one the app reads: it offers that section and no other.
    for (name, section) in loader.iter().zip(SECTIONS.iter()) {
        let offered: Vec<Route> = Offered::from_list(Some(name)).sections().collect();
        assert_eq!(offered, vec![section.clone()], "?sections={name}");
    }
}
