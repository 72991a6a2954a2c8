//! The app's URL scheme, as pure functions: the one place that reads a URL into a [`Route`]
//! and writes a route back into a link.
//!
//! Fix 1002 routes on the URL's *fragment* (`#/decode`), not its path. A help site may copy the
//! built `dist/` folder under any sub-path of any static host; with the route in the fragment,
//! the server only ever sees a request for `index.html`, so deep links and reloads work with no
//! rewrite rules and no build-time knowledge of the sub-path. See the README for the trade-off.
//!
//! The troubleshooting flow keeps its whole state, the owner's journey, in the fragment's query
//! (`#/troubleshoot?s=when:playback,plan`). It is read here, through the engine's
//! [`replay`](crate::diagnose::replay) (which keeps only what the flow would have accepted),
//! and written here, by [`Route::href`]: no other code encodes or decodes a journey for a link.

use crate::diagnose::{replay, Journey};
use crate::kb::KB;

/// A screen of the app, as named by the URL fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/` or no fragment at all.
    Home,
    /// `#/troubleshoot?s=…`: the guided diagnosis, at the point the journey has reached.
    Troubleshoot { journey: Journey },
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
pub const SECTIONS: [Route; 3] = [Route::TROUBLESHOOT, Route::Decode, Route::Steps];

/// The names a help site may list in the widget's `data-sections` (`public/embed.js` passes
/// them on), in navigation order.
pub const SECTION_NAMES: [&str; 3] = ["troubleshoot", "decode", "steps"];

/// The `<meta name=…>` by which a pre-rendered page (`steps/<id>/index.html`) names the
/// fragment route it shows: written by the pre-renderer, read by the app at start-up.
pub const PRERENDERED_ROUTE_META: &str = "fix1002-route";

/// The `<meta name=…>` by which a pre-rendered page in a language's folder (`de/steps/<id>/`)
/// names its language: written by the pre-renderer, read by the app, which takes it as the
/// owner's choice.
pub const PAGE_LANGUAGE_META: &str = "fix1002-language";

/// The key of the journey in the troubleshooting route's query.
const JOURNEY_KEY: &str = "s";

/// The sections a page offers. A help site for owners embeds the widget with
/// `data-sections="troubleshoot steps"`, and the loader passes that on in the frame's query
/// (`?sections=troubleshoot,steps`) so that the developers' decoder is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections {
    troubleshoot: bool,
    decode: bool,
    steps: bool,
}

impl Sections {
    pub const ALL: Sections = Sections {
        troubleshoot: true,
        decode: true,
        steps: true,
    };

    /// Reads a comma-separated list of section names ([`SECTION_NAMES`]). Unknown names are
    /// ignored; a list with none known (or no list) offers every section, so a typo never
    /// empties the app.
    pub fn from_list(list: Option<&str>) -> Sections {
        let names: Vec<&str> = list.unwrap_or_default().split(',').collect();
        let [troubleshoot, decode, steps] = SECTION_NAMES.map(|name| names.contains(&name));
        let offered = Sections {
            troubleshoot,
            decode,
            steps,
        };
        if offered.troubleshoot || offered.decode || offered.steps {
            offered
        } else {
            Sections::ALL
        }
    }

    /// Whether `route` may open. A single fix step always may: the plan and the decoder link
    /// to them.
    pub fn offers(&self, route: &Route) -> bool {
        match route {
            Route::Troubleshoot { .. } => self.troubleshoot,
            Route::Decode => self.decode,
            Route::Steps => self.steps,
            _ => true,
        }
    }

    /// The offered sections, in navigation order.
    pub fn list(self) -> impl Iterator<Item = Route> {
        SECTIONS.into_iter().filter(move |s| self.offers(s))
    }
}

impl Route {
    /// The troubleshooting flow at its start.
    pub const TROUBLESHOOT: Route = Route::Troubleshoot {
        journey: Journey::new(),
    };

    /// The troubleshooting flow at the point `journey` has reached.
    pub fn troubleshoot(journey: Journey) -> Route {
        Route::Troubleshoot { journey }
    }

    /// The page of a fix step of the knowledge base.
    pub fn step(id: crate::kb::StepId) -> Route {
        Route::Step(KB.steps[id].id.to_owned())
    }

    /// Reads a route from a URL fragment such as `#/steps/restart-speaker?x=1`.
    ///
    /// The leading `#`, a leading `/`, a trailing `/` and any `?query` other than the
    /// troubleshooting flow's journey are ignored, so that hand-typed and shared links still
    /// land where their author meant.
    pub fn from_fragment(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let path = path.trim_matches('/');
        let mut parts = path.split('/');
        match (parts.next().unwrap_or_default(), parts.next(), parts.next()) {
            ("", None, None) => Route::Home,
            ("troubleshoot", None, None) => {
                let text = query_param(query, JOURNEY_KEY).unwrap_or_default();
                Route::troubleshoot(replay(&KB, text).journey)
            }
            ("decode", None, None) => Route::Decode,
            ("steps", None, None) => Route::Steps,
            ("steps", Some(id), None) if is_slug(id) => Route::Step(id.to_owned()),
            ("questions", Some(id), None) if is_slug(id) => Route::Question(id.to_owned()),
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The journey saved on the device ([`journey_text`]), if it reads back exactly. One
    /// that reads back otherwise (edited, or from an older knowledge base) is not
    /// half-restored.
    pub fn saved_journey(saved: &str) -> Option<Journey> {
        let journey = replay(&KB, saved).journey;
        (!journey.is_empty() && journey_text(&journey) == saved).then_some(journey)
    }

    /// The fragment that leads to this route, `#` included, ready for an `href`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Troubleshoot { journey } if journey.is_empty() => "#/troubleshoot".to_owned(),
            Route::Troubleshoot { journey } => {
                format!("#/troubleshoot?{JOURNEY_KEY}={}", journey_text(journey))
            }
            Route::Decode => "#/decode".to_owned(),
            Route::Steps => "#/steps".to_owned(),
            Route::Step(id) => format!("#/steps/{id}"),
            Route::Question(id) => format!("#/questions/{id}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The journey a troubleshooting route carries.
    pub fn journey(&self) -> Option<&Journey> {
        match self {
            Route::Troubleshoot { journey } => Some(journey),
            _ => None,
        }
    }

    /// The same page with no state of its own: the troubleshooting flow at its start, any
    /// other route as it is. Two routes with the same page show the same component, which
    /// keeps what it holds (such as the answer given before going back) while its state moves.
    pub fn page(&self) -> Route {
        match self {
            Route::Troubleshoot { .. } => Route::TROUBLESHOOT,
            other => other.clone(),
        }
    }

    /// The path of the page the build writes for this route (`steps/<id>/`), relative to the
    /// site root, if it writes one: the fix steps, their index, the common questions and the
    /// troubleshooting flow's first question (`src/prerender/`). Such a page is the route's
    /// real address, which works with no JavaScript and is the one to share. (The build
    /// writes each again under every other language's folder, `de/steps/<id>/`.)
    pub fn prerendered_path(&self) -> Option<String> {
        match self {
            Route::Troubleshoot { journey } if journey.is_empty() => {
                Some("troubleshoot/".to_owned())
            }
            Route::Steps => Some("steps/".to_owned()),
            Route::Step(id) => KB.step(id).map(|step| format!("steps/{}/", step.id)),
            Route::Question(id) => {
                crate::kb::common_question(id).map(|q| format!("questions/{}/", q.id))
            }
            _ => None,
        }
    }

    /// The name the navigation shows (and screen readers announce) for a top-level section.
    pub fn nav_label(&self) -> &'static str {
        match self {
            Route::Home => "Home",
            Route::Troubleshoot { .. } => "Troubleshoot",
            Route::Decode => "Decode a fault",
            Route::Steps | Route::Step(_) => "Fix steps",
            Route::Question(_) => "Common questions",
            Route::NotFound(_) => "Page not found",
        }
    }

    /// The top-level section this route belongs to, for highlighting the navigation.
    pub fn section(&self) -> Option<Route> {
        match self {
            Route::Troubleshoot { .. } | Route::Decode | Route::Steps => Some(self.page()),
            Route::Step(_) => Some(Route::Steps),
            Route::Home | Route::Question(_) | Route::NotFound(_) => None,
        }
    }

    /// The document title for this route, so browser history and tabs say where they lead.
    pub fn document_title(&self) -> String {
        const PRODUCT: &str = "Fix 1002";
        match self {
            Route::Home => format!("{PRODUCT}: help with Sonos error 1002"),
            Route::Step(id) => match KB.step(id) {
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

/// The journey as its link holds it (`when:playback,plan`), which is also how the device
/// saves it: the one place a journey is written as text.
pub fn journey_text(journey: &Journey) -> String {
    journey.encode(&KB)
}

/// The site's root address, given the address a page resolves its links against (its base
/// URI): everything up to the last `/` of the path, without query or fragment. The start page
/// (`…/help/index.html?embed=1`), a pre-rendered page (whose `<base>` names the root) and the
/// root itself (`…/help/`) all give `…/help/`, wherever the site is published.
pub fn site_root(base_uri: &str) -> &str {
    // `get` and `split` rather than indexing: no slicing panic path (and its formatting code)
    // reaches the first download for this.
    let address = base_uri.split(['?', '#']).next().unwrap_or(base_uri);
    address
        .rfind('/')
        .and_then(|slash| address.get(..=slash))
        .unwrap_or(address)
}

/// The value of `key` in a query string such as `embed=1&sections=steps` (a leading `?` is
/// allowed), whether the page's own or the fragment's.
///
/// Values in this app are made of ids, `:` and `,`, so no percent-decoding is needed.
pub fn query_param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// `text` if it is a web page's origin, `https://help.example.com` or
/// `http://127.0.0.1:8080` (scheme, host and port only), as the help widget's loader passes
/// the host page's (`?host=`): the only address the frame posts its events to.
pub fn web_origin(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || rest.starts_with('[') => (host, Some(port)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.[]:".contains(&b));
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then_some(text)
}

/// Step ids are lowercase words joined by hyphens; anything else cannot be a step.
use crate::slug::is_slug;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_scheme_host_and_port_is_an_origin() {
        for origin in [
            "https://help.example.com",
            "http://127.0.0.1:8080",
            "http://[::1]:3000",
        ] {
            assert_eq!(web_origin(origin), Some(origin));
        }
        for not in [
            "",
            "null",
            "*",
            "https://",
            "javascript:alert(1)",
            "https://help.example.com/",
            "https://help.example.com/path",
            "https://a.example?x=1",
            "https://a.example#x",
            "https://a.example:80a",
            "ftp://a.example",
            "https://a example",
        ] {
            assert_eq!(web_origin(not), None, "{not}");
        }
    }

    #[test]
    fn the_page_query_and_the_fragment_query_read_alike() {
        assert_eq!(
            query_param("?embed=1&sections=steps", "sections"),
            Some("steps")
        );
        assert_eq!(query_param("embed=1", "embed"), Some("1"));
        assert_eq!(query_param("?embedded=1", "embed"), None);
    }

    #[test]
    fn a_help_site_may_leave_sections_out_but_never_all_of_them() {
        let owners = Sections::from_list(Some("troubleshoot,steps"));
        assert!(!owners.offers(&Route::Decode));
        assert!(owners.offers(&Route::TROUBLESHOOT));
        assert!(owners.offers(&Route::Step("restart-speaker".to_owned())));
        assert_eq!(
            owners.list().collect::<Vec<_>>(),
            [Route::TROUBLESHOOT, Route::Steps]
        );
        assert_eq!(Sections::from_list(None), Sections::ALL);
        assert_eq!(Sections::from_list(Some("billing,<b>")), Sections::ALL);
        let decode_only = Sections::from_list(Some("decode"));
        assert!(!decode_only.offers(&Route::TROUBLESHOOT));
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
        assert_eq!(Route::from_fragment("#/troubleshoot"), Route::TROUBLESHOOT);
        assert_eq!(Route::from_fragment("#decode/"), Route::Decode);
        assert_eq!(
            Route::from_fragment("#/troubleshoot?a=playback"),
            Route::TROUBLESHOOT
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
            Route::TROUBLESHOOT,
            Route::troubleshoot(replay(&KB, "when:playback").journey),
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
        let journey = replay(&KB, "when:playback").journey;
        assert!(
            !journey.is_empty(),
            "the test needs a journey of one answer"
        );
        let href = Route::troubleshoot(journey.clone()).href();
        assert_eq!(href, "#/troubleshoot?s=when:playback");
        assert_eq!(Route::from_fragment(&href).journey(), Some(&journey));
        // Other keys are ignored, and the journey is found among them.
        assert_eq!(
            Route::from_fragment("#/troubleshoot?x=1&s=when:playback").journey(),
            Some(&journey)
        );
        assert_eq!(Route::TROUBLESHOOT.href(), "#/troubleshoot");
    }

    #[test]
    fn a_journey_the_flow_would_not_accept_is_cut_where_it_stops_making_sense() {
        let route = Route::from_fragment("#/troubleshoot?s=when:playback,no-such:answer");
        assert_eq!(route.journey().map(|j| j.events().len()), Some(1));
        assert_eq!(route.href(), "#/troubleshoot?s=when:playback");
        let nonsense = Route::from_fragment("#/troubleshoot?s=<script>");
        assert_eq!(nonsense, Route::TROUBLESHOOT);
    }

    #[test]
    fn a_saved_journey_is_restored_only_if_it_reads_back_exactly() {
        let journey = replay(&KB, "when:playback").journey;
        assert_eq!(Route::saved_journey(&journey_text(&journey)), Some(journey));
        assert_eq!(Route::saved_journey("when:playback,no-such:answer"), None);
        assert_eq!(Route::saved_journey(""), None);
        assert_eq!(Route::saved_journey("#/decode"), None);
    }

    #[test]
    fn the_troubleshooting_page_is_one_page_whatever_its_journey() {
        let later = Route::from_fragment("#/troubleshoot?s=when:playback");
        assert_eq!(later.page(), Route::TROUBLESHOOT);
        assert_eq!(later.section(), Some(Route::TROUBLESHOOT));
        assert_eq!(Route::Decode.page(), Route::Decode);
    }

    #[test]
    fn pre_rendered_pages_have_real_addresses_under_the_site_root() {
        assert_eq!(
            Route::Step("restart-speaker".into())
                .prerendered_path()
                .as_deref(),
            Some("steps/restart-speaker/")
        );
        assert_eq!(Route::Steps.prerendered_path().as_deref(), Some("steps/"));
        assert_eq!(Route::Step("no-such-step".into()).prerendered_path(), None);
        assert_eq!(
            Route::TROUBLESHOOT.prerendered_path().as_deref(),
            Some("troubleshoot/")
        );
        assert_eq!(
            Route::from_fragment("#/troubleshoot?s=when:update").prerendered_path(),
            None
        );
        for base in [
            "https://help.example/sonos/1002/",
            "https://help.example/sonos/1002/index.html",
            "https://help.example/sonos/1002/index.html?embed=1#/steps/x",
            "https://help.example/sonos/1002/?embed=1&sections=steps",
        ] {
            assert_eq!(
                site_root(base),
                "https://help.example/sonos/1002/",
                "{base}"
            );
        }
        // A `/` in the query or fragment is not the path's.
        assert_eq!(
            site_root("https://a.example/x?next=/b/c"),
            "https://a.example/"
        );
    }

    #[test]
    fn navigation_labels_are_the_test_contract_names() {
        let labels: Vec<_> = SECTIONS.iter().map(Route::nav_label).collect();
        assert_eq!(labels, ["Troubleshoot", "Decode a fault", "Fix steps"]);
    }
}
