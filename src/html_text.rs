//! What a reader sees of rendered HTML. The checks of what a pre-rendered page or a screen says
//! (in `prerender`'s tests and the views' own) use it; it sits on the lowest floor so that a
//! view's test need not reach up into the prerender that renders the views.

/// The text of rendered HTML as a reader sees it: tags (a link inside a sentence, say) dropped
/// and entities read back. The checks of what a page or a screen says compare this with the
/// knowledge base's texts.
pub fn visible_text(html: &str) -> String {
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
