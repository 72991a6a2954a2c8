//! The app's URL scheme, as pure functions.
//!
//! Fix 1002 routes on the URL's *fragment* (`#/decode`), not its path. A help site may copy the
//! built `dist/` folder under any sub-path of any static host; with the route in the fragment,
//! the server only ever sees a request for `index.html`, so deep links and reloads work with no
//! rewrite rules and no build-time knowledge of the sub-path. See the README for the trade-off.

/// A screen of the app, as named by the URL fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/` or no fragment at all.
    Home,
    /// `#/troubleshoot`: the guided diagnosis.
    Troubleshoot,
    /// `#/decode`: the SMAPI fault decoder.
    Decode,
    /// `#/steps`: the index of fix steps.
    Steps,
    /// `#/steps/<id>`: one fix step, at a link that stays stable across releases.
    Step(String),
    /// `#/questions/<id>`: one of the questions owners ask, answered.
    Question(String),
    /// Anything else; carries the path that was asked for, to show it back to the reader.
    NotFound(String),
}

/// The top-level sections, in navigation order.
pub const SECTIONS: [Route; 3] = [Route::Troubleshoot, Route::Decode, Route::Steps];

/// The sections a page offers. A help site for owners embeds the widget with
/// `data-sections="troubleshoot steps"`, and the loader passes that on in the frame's query
/// (`?sections=troubleshoot,steps`) so that the developers' decoder is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offered {
    troubleshoot: bool,
    decode: bool,
    steps: bool,
}

impl Offered {
    pub const ALL: Offered = Offered {
        troubleshoot: true,
        decode: true,
        steps: true,
    };

    /// Reads a comma-separated list of section names. Unknown names are ignored; a list with
    /// none known (or no list) offers every section, so a typo never empties the app.
    pub fn from_list(list: Option<&str>) -> Offered {
        let names: Vec<&str> = list.unwrap_or_default().split(',').collect();
        let offered = Offered {
            troubleshoot: names.contains(&"troubleshoot"),
            decode: names.contains(&"decode"),
            steps: names.contains(&"steps"),
        };
        if offered.troubleshoot || offered.decode || offered.steps {
            offered
        } else {
            Offered::ALL
        }
    }

    /// Whether `route` may open. A single fix step always may: the plan and the decoder link
    /// to them.
    pub fn offers(&self, route: &Route) -> bool {
        match route {
            Route::Troubleshoot => self.troubleshoot,
            Route::Decode => self.decode,
            Route::Steps => self.steps,
            _ => true,
        }
    }

    /// The offered sections, in navigation order.
    pub fn sections(self) -> impl Iterator<Item = Route> {
        SECTIONS.into_iter().filter(move |s| self.offers(s))
    }
}

impl Route {
    /// Reads a route from a URL fragment such as `#/steps/restart-speaker?x=1`.
    ///
    /// The leading `#`, a leading `/`, a trailing `/` and any `?query` are ignored, so that
    /// hand-typed and shared links still land where their author meant.
    pub fn from_fragment(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = fragment.split('?').next().unwrap_or_default();
        let path = path.trim_matches('/');
        let mut parts = path.split('/');
        match (parts.next().unwrap_or_default(), parts.next(), parts.next()) {
            ("", None, None) => Route::Home,
            ("troubleshoot", None, None) => Route::Troubleshoot,
            ("decode", None, None) => Route::Decode,
            ("steps", None, None) => Route::Steps,
            ("steps", Some(id), None) if is_slug(id) => Route::Step(id.to_owned()),
            ("questions", Some(id), None) if is_slug(id) => Route::Question(id.to_owned()),
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The fragment that leads to this route, `#` included, ready for an `href`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Troubleshoot => "#/troubleshoot".to_owned(),
            Route::Decode => "#/decode".to_owned(),
            Route::Steps => "#/steps".to_owned(),
            Route::Step(id) => format!("#/steps/{id}"),
            Route::Question(id) => format!("#/questions/{id}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The name the navigation shows (and screen readers announce) for a top-level section.
    pub fn nav_label(&self) -> &'static str {
        match self {
            Route::Home => "Home",
            Route::Troubleshoot => "Troubleshoot",
            Route::Decode => "Decode a fault",
            Route::Steps | Route::Step(_) => "Fix steps",
            Route::Question(_) => "Common questions",
            Route::NotFound(_) => "Page not found",
        }
    }

    /// The top-level section this route belongs to, for highlighting the navigation.
    pub fn section(&self) -> Option<Route> {
        match self {
            Route::Troubleshoot | Route::Decode | Route::Steps => Some(self.clone()),
            Route::Step(_) => Some(Route::Steps),
            Route::Home | Route::Question(_) | Route::NotFound(_) => None,
        }
    }

    /// The document title for this route, so browser history and tabs say where they lead.
    pub fn document_title(&self) -> String {
        const PRODUCT: &str = "Fix 1002";
        match self {
            Route::Home => format!("{PRODUCT}: help with Sonos error 1002"),
            Route::Step(id) => match crate::kb::KB.step(id) {
                Some(step) => format!("{} · {PRODUCT}", step.title),
                None => format!("Fix step not found · {PRODUCT}"),
            },
            Route::Question(id) => match crate::kb::common_question(id) {
                Some(q) => format!("{} · {PRODUCT}", q.question),
                None => format!("Question not found · {PRODUCT}"),
            },
            other => format!("{} · {PRODUCT}", other.nav_label()),
        }
    }
}

/// The value of `key` in the fragment's query (`#/troubleshoot?s=when:playback` → `s`), if any.
///
/// Values in this app are made of ids, `:` and `,`, so no percent-decoding is needed.
pub fn fragment_param<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    let (_, query) = fragment.split_once('?')?;
    query_param(query, key)
}

/// The value of `key` in a query string such as `embed=1&sections=steps` (a leading `?` is
/// allowed), whether the page's own or the fragment's.
pub fn query_param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// The link to the troubleshooting flow at a given point (`journey` in its text form).
pub fn troubleshoot_href(journey: &str) -> String {
    if journey.is_empty() {
        Route::Troubleshoot.href()
    } else {
        format!("{}?s={journey}", Route::Troubleshoot.href())
    }
}

// Step ids are lowercase words joined by hyphens; anything else cannot be a step.
use crate::slug::is_slug;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_query_and_the_fragment_query_read_alike() {
        assert_eq!(
            query_param("?embed=1&sections=steps", "sections"),
            Some("steps")
        );
        assert_eq!(query_param("embed=1", "embed"), Some("1"));
        assert_eq!(query_param("?embedded=1", "embed"), None);
        assert_eq!(
            fragment_param("#/troubleshoot?s=when:update", "s"),
            Some("when:update")
        );
    }

    #[test]
    fn a_help_site_may_leave_sections_out_but_never_all_of_them() {
        let owners = Offered::from_list(Some("troubleshoot,steps"));
        assert!(!owners.offers(&Route::Decode));
        assert!(owners.offers(&Route::Troubleshoot));
        assert!(owners.offers(&Route::Step("restart-speaker".to_owned())));
        assert_eq!(
            owners.sections().collect::<Vec<_>>(),
            [Route::Troubleshoot, Route::Steps]
        );
        assert_eq!(Offered::from_list(None), Offered::ALL);
        assert_eq!(Offered::from_list(Some("billing,<b>")), Offered::ALL);
        let decode_only = Offered::from_list(Some("decode"));
        assert!(!decode_only.offers(&Route::Troubleshoot));
        assert!(decode_only.offers(&Route::Home));
    }

    #[test]
    fn empty_and_root_fragments_are_home() {
        for fragment in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::from_fragment(fragment), Route::Home, "{fragment:?}");
        }
    }

    #[test]
    fn sections_parse_with_or_without_slashes_and_queries() {
        assert_eq!(Route::from_fragment("#/troubleshoot"), Route::Troubleshoot);
        assert_eq!(Route::from_fragment("#decode/"), Route::Decode);
        assert_eq!(
            Route::from_fragment("#/troubleshoot?a=playback"),
            Route::Troubleshoot
        );
        assert_eq!(Route::from_fragment("#/steps"), Route::Steps);
    }

    #[test]
    fn step_pages_take_slug_ids_only() {
        assert_eq!(
            Route::from_fragment("#/steps/restart-speaker"),
            Route::Step("restart-speaker".into())
        );
        assert_eq!(
            Route::from_fragment("#/steps/Restart<script>"),
            Route::NotFound("steps/Restart<script>".into())
        );
        assert_eq!(
            Route::from_fragment("#/steps/a/b"),
            Route::NotFound("steps/a/b".into())
        );
        assert_eq!(
            Route::from_fragment("#/questions/is-my-speaker-broken"),
            Route::Question("is-my-speaker-broken".into())
        );
    }

    #[test]
    fn unknown_paths_are_not_found_and_keep_the_path() {
        assert_eq!(
            Route::from_fragment("#/settings"),
            Route::NotFound("settings".into())
        );
    }

    #[test]
    fn href_round_trips_through_the_parser() {
        let routes = [
            Route::Home,
            Route::Troubleshoot,
            Route::Decode,
            Route::Steps,
            Route::Step("restart-speaker".into()),
            Route::Question("is-my-speaker-broken".into()),
        ];
        for route in routes {
            assert_eq!(Route::from_fragment(&route.href()), route);
        }
    }

    #[test]
    fn step_pages_belong_to_the_fix_steps_section() {
        assert_eq!(Route::Step("x".into()).section(), Some(Route::Steps));
        assert_eq!(Route::Home.section(), None);
    }

    #[test]
    fn the_journey_rides_in_the_fragment_query() {
        let href = troubleshoot_href("when:playback,model:one");
        assert_eq!(href, "#/troubleshoot?s=when:playback,model:one");
        assert_eq!(Route::from_fragment(&href), Route::Troubleshoot);
        assert_eq!(fragment_param(&href, "s"), Some("when:playback,model:one"));
        assert_eq!(fragment_param("#/troubleshoot?x=1&s=a", "s"), Some("a"));
        assert_eq!(fragment_param("#/troubleshoot", "s"), None);
        assert_eq!(troubleshoot_href(""), "#/troubleshoot");
    }

    #[test]
    fn navigation_labels_are_the_test_contract_names() {
        let labels: Vec<_> = SECTIONS.iter().map(Route::nav_label).collect();
        assert_eq!(labels, ["Troubleshoot", "Decode a fault", "Fix steps"]);
    }
}
