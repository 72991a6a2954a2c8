//! Writes the pre-rendered pages into a built site: `prerender SITE_DIR`.
//!
//! Run by scripts/postbuild.mjs after each Trunk build, before the service worker's precache
//! list is made, so the pages are cached for offline use too. `SITE_URL` (the site's public
//! address) makes canonical links absolute and adds `sitemap.xml`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::Path;
    use std::process::exit;

    use fix1002_web::prerender::{
        language_files, loader_with_words, pages, robots, sitemap, start_page, SiteUrl,
    };

    let Some(site) = std::env::args().nth(1) else {
        eprintln!("usage: prerender SITE_DIR");
        exit(2);
    };
    let site = Path::new(&site);
    let fail = |message: String| -> ! {
        eprintln!("prerender: {message}");
        exit(1)
    };
    let url = SiteUrl::parse(std::env::var("SITE_URL").ok().as_deref()).unwrap_or_else(|e| fail(e));
    let template = std::fs::read_to_string(site.join("index.html"))
        .unwrap_or_else(|e| fail(format!("cannot read {}/index.html: {e}", site.display())));
    let pages = pages(&template, &url).unwrap_or_else(|e| fail(e));
    for page in &pages {
        let path = site.join(&page.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .unwrap_or_else(|e| fail(format!("{}: {e}", dir.display())));
        }
        std::fs::write(&path, &page.html)
            .unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    }
    for (name, text) in language_files().unwrap_or_else(|e| fail(e)) {
        let path = site.join(&name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .unwrap_or_else(|e| fail(format!("{}: {e}", dir.display())));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    }
    // The widget's loader, with its words in every language.
    let loader_path = site.join("embed.js");
    let loader = std::fs::read_to_string(&loader_path)
        .unwrap_or_else(|e| fail(format!("{}: {e}", loader_path.display())));
    let loader = loader_with_words(&loader).unwrap_or_else(|e| fail(e));
    std::fs::write(&loader_path, loader)
        .unwrap_or_else(|e| fail(format!("{}: {e}", loader_path.display())));
    // The start page's notice for browsers without JavaScript lists the pages just written.
    let start = start_page(&template, &url).unwrap_or_else(|e| fail(e));
    std::fs::write(site.join("index.html"), start)
        .unwrap_or_else(|e| fail(format!("{}/index.html: {e}", site.display())));
    std::fs::write(site.join("robots.txt"), robots(&url)).unwrap_or_else(|e| fail(e.to_string()));
    match sitemap(&pages, &url) {
        Some(xml) => {
            std::fs::write(site.join("sitemap.xml"), xml).unwrap_or_else(|e| fail(e.to_string()));
            println!("prerender: {} pages and sitemap.xml for {}", pages.len(), url.get().unwrap_or_default());
        }
        None => println!(
            "prerender: {} pages; no sitemap.xml, canonical links or og:url, as SITE_URL is not set (e.g. SITE_URL=https://help.example.com/sonos/1002/ make build)",
            pages.len()
        ),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
