// Writes the service worker into a built site: the list of every file to precache and a
// version taken from the files' bytes (Trunk keeps hashed names when only optimisation
// settings change, so names alone would miss an update).
//
// Run after every build by scripts/postbuild.mjs, or by hand on any built site:
// node scripts/precache.mjs path/to/site
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const template = readFileSync(fileURLToPath(new URL('../public/sw.js', import.meta.url)), 'utf8');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes `site`/sw.js and returns its version. */
export function writeServiceWorker(site) {
const files = filesUnder(site)
  .map((path) => relative(site, path).split(sep).join('/'))
  // The worker does not cache itself; the embed loader runs on other sites, never offline here.
  .filter((name) => name !== 'sw.js' && name !== 'embed.js')
  .sort();
const hash = createHash('sha256');
for (const name of files) {
  hash.update(name);
  hash.update(readFileSync(join(site, name)));
}
const version = hash.digest('hex').slice(0, 16);
const precache = ['./', ...files.map((name) => `./${name}`)];
const worker = template
  .replace("'__FIX1002_VERSION__'", JSON.stringify(version))
  .replace('__FIX1002_PRECACHE__', JSON.stringify(precache));
writeFileSync(join(site, 'sw.js'), worker);
console.log(`sw.js: version ${version}, ${precache.length} files precached`);
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
