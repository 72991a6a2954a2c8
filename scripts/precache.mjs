// Writes the service worker into a built site: every file to precache with its Subresource
// Integrity hash, the HTML pages that navigations may be answered with, and a version taken
// from the bytes of the service-worker template and of every file (Trunk keeps hashed names
// when only optimisation settings change, so names alone would miss an update, and a release
// that changes only public/sw.js must get a cache of its own too).
//
// Run after every build by scripts/postbuild.mjs, or by hand on any built site:
// node scripts/precache.mjs path/to/site
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultTemplate = readFileSync(fileURLToPath(new URL('../public/sw.js', import.meta.url)), 'utf8');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The service worker for the built site in `site`, from `template` (public/sw.js unless given):
 * { source, version, precache, pages }.
 */
export function buildServiceWorker(site, template = defaultTemplate) {
  const all = filesUnder(site).map((path) => relative(site, path).split(sep).join('/'));
  // Each language but English has its files (locales/de-DE/…) and a folder of pre-rendered
  // pages named by its primary subtag (de/…).
  const folders = [
    ...new Set(all.filter((n) => n.startsWith('locales/')).map((n) => n.split('/')[1].split('-')[0].toLowerCase())),
  ].sort();
  const files = all
    // The worker does not cache itself; the embed loader runs on other sites, never offline here.
    // The languages' files are cached one language at a time, the one the owner reads, when
    // the page first downloads it (public/sw.js), not all twelve at install; and the app shows
    // any language at the root, so the languages' pages are left to the network.
    .filter((name) => name !== 'sw.js' && name !== 'embed.js' && !name.startsWith('locales/'))
    .filter((name) => !folders.includes(name.split('/')[0]) || !name.includes('/'))
    .sort();
  const hash = createHash('sha256');
  hash.update(template);
  const precache = files.map((name) => {
    const bytes = readFileSync(join(site, name));
    hash.update(name);
    hash.update(bytes);
    return { url: `./${name}`, integrity: `sha256-${createHash('sha256').update(bytes).digest('base64')}` };
  });
  const pages = files.filter((name) => name.endsWith('.html')).map((name) => `./${name}`);
  const version = hash.digest('hex').slice(0, 16);
  const source = template
    .replace("'__FIX1002_VERSION__'", JSON.stringify(version))
    .replace('__FIX1002_PRECACHE__', JSON.stringify(precache))
    .replace('__FIX1002_PAGES__', JSON.stringify(pages))
    .replace('__FIX1002_LANGUAGE_FOLDERS__', JSON.stringify(folders));
  return { source, version, precache, pages };
}

/** Writes `site`/sw.js and returns its version. */
export function writeServiceWorker(site) {
  const { source, version, precache, pages } = buildServiceWorker(site);
  writeFileSync(join(site, 'sw.js'), source);
  console.log(`sw.js: version ${version}, ${precache.length} files precached, ${pages.length} pages`);
  return version;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const site = process.argv[2];
  if (!site) {
    console.error('usage: node scripts/precache.mjs SITE_DIR');
    process.exit(2);
  }
  writeServiceWorker(site);
}
