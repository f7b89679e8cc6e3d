//! The app's addresses: which page a path shows, and the values pages read from the query
//! and the path. The browser side (`ui::router`) keeps the address in signals and calls these.

/// The app's pages, by address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Home,
    /// `/flowchart` and `/flowchart/<node>`.
    Flowchart,
    Checklist,
    Report,
    About,
    /// The enterprise's daily ledger (防控台账).
    Ledger,
    NotFound,
}

impl Page {
    /// The page at `path`. A trailing slash names the same page.
    pub fn of(path: &str) -> Page {
        let path = match path.strip_suffix('/') {
            Some(rest) if !rest.is_empty() => rest,
            _ => path,
        };
        match path {
            "/" | "" => Page::Home,
            "/flowchart" => Page::Flowchart,
            "/checklist" => Page::Checklist,
            "/report" => Page::Report,
            "/about" => Page::About,
            "/ledger" => Page::Ledger,
            _ if path_rest(path, "/flowchart").is_some_and(|node| !node.contains('/')) => {
                Page::Flowchart
            }
            _ => Page::NotFound,
        }
    }
}

impl Page {
    /// Every page, for the tables the release build makes from them.
    pub const ALL: [Page; 7] = [
        Page::Home,
        Page::Flowchart,
        Page::Checklist,
        Page::Report,
        Page::About,
        Page::Ledger,
        Page::NotFound,
    ];

    /// The page's address; `NotFound` is every address the others are not.
    pub fn path(self) -> Option<&'static str> {
        match self {
            Page::Home => Some("/"),
            Page::Flowchart => Some("/flowchart"),
            Page::Checklist => Some("/checklist"),
            Page::Report => Some("/report"),
            Page::About => Some("/about"),
            Page::Ledger => Some("/ledger"),
            Page::NotFound => None,
        }
    }

    /// Whether the page shows the guide: it then waits for the guide's wasm part and the
    /// pages' stylesheet, which load with the guide.
    pub fn shows_guide(self) -> bool {
        matches!(
            self,
            Page::Flowchart | Page::Checklist | Page::Report | Page::About | Page::Ledger
        )
    }

    /// The split points (the names given to `split_fn!` in `ui`) whose wasm parts the page
    /// needs: its own and, if it shows the guide, the guide's. The release build
    /// (`crates/xtask`) makes the table of what a deep link preloads from this, and fails if a
    /// name here is not a split point of the wasm.
    pub fn split_points(self) -> &'static [&'static str] {
        match self {
            Page::Home | Page::NotFound => &[],
            Page::Flowchart => &["flowchart", "guide"],
            Page::Checklist => &["checklist", "guide"],
            Page::Report => &["report", "guide"],
            Page::About => &["about", "guide"],
            Page::Ledger => &["ledger", "guide"],
        }
    }
}

/// The query's value for `key`, decoded; the first if it is given more than once. `search` is
/// the query without its `?`.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    search.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(name, Part::Query) == key).then(|| decode(value, Part::Query))
    })
}

/// What follows `prefix` and a slash in `path` (the node of `/flowchart/<node>`), decoded;
/// `None` when nothing does.
pub fn path_rest(path: &str, prefix: &str) -> Option<String> {
    path.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('/'))
        .filter(|rest| !rest.is_empty())
        .map(|rest| decode(rest, Part::Path))
}

/// Whether `/flowchart/<node>` names a step the guide does not have (a mistyped or outdated
/// bookmark): the page then says "page not found", as for any other unknown address.
/// `ids` are the guide's node ids.
pub fn is_unknown_step<'a>(node: Option<&str>, mut ids: impl Iterator<Item = &'a str>) -> bool {
    node.is_some_and(|node| !ids.any(|id| id == node))
}

/// Whether a wasm part's HTTP `status` says it is gone from the server, not out of reach:
/// after a deploy the old build's hashed files are removed, so a retry cannot work and only a
/// reload (which takes the new build) helps.
pub fn part_gone(status: u16) -> bool {
    matches!(status, 404 | 410)
}

/// Whether `path` shows `href`'s page: equal, or below it (not for `/`, which would be every
/// page).
pub fn is_current(path: &str, href: &str) -> bool {
    path == href
        || (href != "/"
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// The part of an address a text comes from, which decides what a `+` in it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A path: a `+` is a plus sign.
    Path,
    /// A query's name or value (form encoding): a `+` is a space.
    Query,
}

/// Decodes `%XX` escapes as UTF-8, and in a query `+` as a space. Text whose escapes are broken
/// or do not make UTF-8 is returned with only its `+` decoded.
pub fn decode(text: &str, part: Part) -> String {
    let spaced = match part {
        Part::Path => text.to_string(),
        Part::Query => text.replace('+', " "),
    };
    let bytes = spaced.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = spaced
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(byte) => {
                    out.push(byte);
                    i += 3;
                    continue;
                }
                None => return spaced,
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or(spaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_names_its_page() {
        assert_eq!(Page::of("/"), Page::Home);
        assert_eq!(Page::of(""), Page::Home);
        assert_eq!(Page::of("/flowchart"), Page::Flowchart);
        assert_eq!(Page::of("/flowchart/"), Page::Flowchart);
        assert_eq!(Page::of("/flowchart/self-check"), Page::Flowchart);
        assert_eq!(Page::of("/flowchart/self-check/"), Page::Flowchart);
        assert_eq!(Page::of("/flowchart/a/b"), Page::NotFound);
        assert_eq!(Page::of("/checklist"), Page::Checklist);
        assert_eq!(Page::of("/checklist/"), Page::Checklist);
        assert_eq!(Page::of("/report"), Page::Report);
        assert_eq!(Page::of("/about"), Page::About);
        assert_eq!(Page::of("/ledger"), Page::Ledger);
        assert_eq!(Page::of("/ledger/"), Page::Ledger);
        assert_eq!(Page::of("/flowcharts"), Page::NotFound);
        assert_eq!(Page::of("/no/such/page"), Page::NotFound);
    }

    #[test]
    fn each_page_lives_at_its_path() {
        for page in Page::ALL {
            match page.path() {
                Some(path) => assert_eq!(Page::of(path), page, "{path}"),
                None => assert_eq!(page, Page::NotFound),
            }
        }
    }

    #[test]
    fn the_pages_that_show_the_guide_need_its_part() {
        for page in Page::ALL {
            let points = page.split_points();
            assert_eq!(points.contains(&"guide"), page.shows_guide(), "{page:?}");
            let own = points.iter().filter(|p| **p != "guide").count();
            assert!(own <= 1, "{page:?} has one part of its own at most");
        }
    }

    #[test]
    fn query_values_are_found_and_decoded() {
        assert_eq!(
            query_value("role=employee", "role").as_deref(),
            Some("employee")
        );
        assert_eq!(
            query_value("view=list&role=enterprise", "role").as_deref(),
            Some("enterprise")
        );
        assert_eq!(query_value("role=a&role=b", "role").as_deref(), Some("a"));
        assert_eq!(query_value("role", "role").as_deref(), Some(""));
        assert_eq!(query_value("", "role"), None);
        assert_eq!(query_value("roles=x", "role"), None);
        assert_eq!(
            query_value("q=%E5%91%98%E5%B7%A5+a", "q").as_deref(),
            Some("员工 a")
        );
    }

    #[test]
    fn the_rest_of_a_path_is_its_node() {
        assert_eq!(
            path_rest("/flowchart/self-check", "/flowchart").as_deref(),
            Some("self-check")
        );
        assert_eq!(
            path_rest("/flowchart/a%20b", "/flowchart").as_deref(),
            Some("a b")
        );
        // A plus sign is a space only in a query; in a path it is itself.
        assert_eq!(
            path_rest("/flowchart/a+b%2Bc", "/flowchart").as_deref(),
            Some("a+b+c")
        );
        assert_eq!(path_rest("/flowchart", "/flowchart"), None);
        assert_eq!(path_rest("/flowchart/", "/flowchart"), None);
        assert_eq!(path_rest("/flowcharts/x", "/flowchart"), None);
    }

    #[test]
    fn only_a_step_the_guide_lacks_is_unknown() {
        let ids = ["start", "self-check"];
        assert!(!is_unknown_step(None, ids.into_iter()));
        assert!(!is_unknown_step(Some("self-check"), ids.into_iter()));
        assert!(is_unknown_step(Some("no-such-step"), ids.into_iter()));
        assert!(is_unknown_step(Some("Self-Check"), ids.into_iter()));
        assert!(is_unknown_step(Some("self-check"), [].into_iter()));
    }

    #[test]
    fn only_a_missing_part_is_gone() {
        assert!(part_gone(404));
        assert!(part_gone(410));
        // A server error or a refusal may pass; a retry is still worth offering.
        for status in [200, 304, 403, 500, 503] {
            assert!(!part_gone(status), "{status}");
        }
    }

    #[test]
    fn a_link_is_current_on_its_page_and_below_it() {
        assert!(is_current("/flowchart", "/flowchart"));
        assert!(is_current("/flowchart/self-check", "/flowchart"));
        assert!(!is_current("/flowcharts", "/flowchart"));
        assert!(!is_current("/checklist", "/flowchart"));
        assert!(is_current("/", "/"));
        assert!(!is_current("/about", "/"));
    }

    #[test]
    fn broken_escapes_stay_as_they_are() {
        for part in [Part::Path, Part::Query] {
            assert_eq!(decode("100%", part), "100%");
            assert_eq!(decode("%zz", part), "%zz");
            assert_eq!(decode("%ff", part), "%ff");
        }
        assert_eq!(decode("a+b%zz", Part::Query), "a b%zz");
        assert_eq!(decode("a+b%zz", Part::Path), "a+b%zz");
    }
}
