// Trunk's post_build hook (see Trunk.toml): finishes the site in TRUNK_STAGING_DIR.
//  1. Moves Trunk's inline module loader into a file of its own, so the Content-Security-Policy
//     can forbid inline scripts altogether (script-src 'self' 'wasm-unsafe-eval').
//  2. Shortens the names each wasm module and its script share (scripts/short_names.mjs).
//  3. Minifies the stylesheet and the wasm-bindgen scripts (scripts/minify.mjs).
//  4. Renames the second wasm module's two files with a hash of their bytes and names them in
//     index.html (scripts/second_module.mjs), before anything below copies or lists them.
//  5. Writes the pre-rendered pages (steps/<id>/index.html, steps/index.html, robots.txt and,
//     with SITE_URL set, sitemap.xml) with the native `prerender` binary (src/bin/prerender.rs),
//     which sets the app's own views into the finished index.html.
//  6. Leaves index.html's comments out of every page.
//  7. Writes the service worker, whose precache list and version come from the finished files,
//     so it must run last.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyAssets, withoutComments } from './minify.mjs';
import { writeServiceWorker } from './precache.mjs';
import { hashSecondModule } from './second_module.mjs';
import { shortenNames } from './short_names.mjs';

const site = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!site) {
  console.error('usage: node scripts/postbuild.mjs SITE_DIR (or run as a Trunk hook)');
  process.exit(2);
}

const indexPath = join(site, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const loaders = [...html.matchAll(inline)];
if (loaders.length !== 1) {
  console.error(`postbuild: expected one inline module loader in index.html, found ${loaders.length}`);
  process.exit(1);
}
const code = loaders[0][1].trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(site, name), code);
writeFileSync(indexPath, html.replace(loaders[0][0], `<script type="module" src="./${name}"></script>`));
console.log(`postbuild: loader moved to ${name}`);

try {
  console.log(`postbuild: shorter names shared by ${shortenNames(site).join(', ')} and their wasm`);
} catch (error) {
  console.error(`postbuild: ${error.message}`);
  process.exit(1);
}
console.log(`postbuild: minified ${minifyAssets(site).join(', ')}`);

// Before pre-rendering: the pages are copies of index.html and must name the same files.
try {
  console.log(`postbuild: second module named ${hashSecondModule(site)}`);
} catch (error) {
  console.error(`postbuild: ${error.message}`);
  process.exit(1);
}

// Natively, in the debug profile the tests have already built: the release profile is tuned
// for the wasm's size and would compile everything again, slowly.
const prerender = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', site], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url),
});
if (prerender.status !== 0) {
  console.error('postbuild: pre-rendering the pages failed');
  process.exit(1);
}

// The comments in index.html are for whoever edits it; the build's pages leave them out.
console.log(`postbuild: comments left out of ${withoutComments(site)} pages`);

writeServiceWorker(site);
