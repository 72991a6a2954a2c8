//! The widget's loader (`public/embed.js`) keeps the section names it knows from a host page's
//! `data-sections` and passes them to the app as `?sections=`, where `Sections::from_list` reads
//! them. The loader is plain JavaScript that runs on other sites, so it cannot import the app's
//! list; this test keeps its copy equal to `route::SECTION_NAMES`.

use fix1002_core::route::{Route, Sections, SECTIONS, SECTION_NAMES};

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
    // The names the app reads are the sections' own, as their URLs spell them.
    let app: Vec<String> = SECTIONS.iter().map(url_name).collect();
    assert_eq!(
        app, SECTION_NAMES,
        "route::SECTION_NAMES must name route::SECTIONS"
    );
    // In order too: the loader opens the first one offered when no start is given.
    assert_eq!(
        loader, SECTION_NAMES,
        "public/embed.js's SECTIONS must be src/route.rs's SECTION_NAMES, in navigation order"
    );
    // Each name, passed on alone, is one the app reads: it offers that section and no other.
    for (name, section) in loader.iter().zip(SECTIONS.iter()) {
        let offered: Vec<Route> = Sections::from_list(Some(name)).list().collect();
        assert_eq!(offered, vec![section.clone()], "?sections={name}");
    }
}
