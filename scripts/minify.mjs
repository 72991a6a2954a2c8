// Minifies the stylesheet and the wasm-bindgen scripts Trunk wrote, with esbuild, and puts the
// new Subresource Integrity hashes into index.html. Run by scripts/postbuild.mjs before the
// second module is named and the pages are pre-rendered, so both see the final bytes.
//
// Why not Trunk's own `minify`: it minifies index.html too, and the pre-renderer sets its
// pages into index.html by the template's exact text (src/prerender/head.rs). And it left the
// app's own module script as it was. Minifying these three files saved 3.5 KB brotli of an
// owner's first download (issue 26).
//
// esbuild's transform keeps top-level names: the no-modules script of the second module still
// defines `wasm_bindgen` for the page.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

/** The files to minify: the stylesheet and the wasm-bindgen scripts (not the hand-written
 *  embed.js and sw.js, nor the one-line loader). */
const MINIFIED = /^(main-[0-9a-f]+\.css|fix1002-web-[0-9a-f]+\.js|plan_and_decoder\.js)$/;

/** Minifies the files in `site` and updates index.html's integrity attributes; returns the
 *  names of the files minified. */
export function minifyAssets(site) {
  const indexPath = join(site, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const names = readdirSync(site).filter((name) => MINIFIED.test(name));
  for (const name of names) {
    const path = join(site, name);
    const { code } = transformSync(readFileSync(path, 'utf8'), {
      loader: name.endsWith('.css') ? 'css' : 'js',
      minify: true,
      // The browsers the app supports run what wasm-bindgen wrote; nothing is lowered.
      target: 'esnext',
    });
    writeFileSync(path, code);
    html = withIntegrity(html, name, code);
  }
  writeFileSync(indexPath, html);
  return names;
}

/** `html` with the integrity hash of `bytes` in the tags that name `file`: a stale one would
 *  make the browser refuse the file. The name comes after whatever public URL the build was
 *  given: `./` for `make build`, `/` for `make serve`. */
export function withIntegrity(html, file, bytes) {
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const named = new RegExp(`<[^>]*"(?:[^"]*/)?${file.replace(/\./g, '\\.')}"[^>]*>`, 'g');
  return html.replace(named, (tag) => tag.replace(/integrity="sha384-[^"]*"/, `integrity="${integrity}"`));
}

/** Removes every HTML comment from the pages under `site` (index.html's notes for its editors,
 *  and the pre-renderer's markers, which have done their work); returns how many pages. */
export function withoutComments(site) {
  let pages = 0;
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        writeFileSync(path, readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, ''));
        pages += 1;
      }
    }
  })(site);
  return pages;
}
