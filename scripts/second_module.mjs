// Gives the second wasm module's files (src/bin/plan_and_decoder.rs: the decoder and the fix
// plan) names that carry a hash of their bytes, as Trunk gives the app's own, and writes that
// name into index.html for the app to read (src/web/later_module.rs). Run by
// scripts/postbuild.mjs, before it pre-renders pages from index.html and lists the files for
// the service worker, so both see the final names.
//
// Why: Trunk builds the module as a worker-type asset, which keeps fixed names
// (plan_and_decoder.js, plan_and_decoder_bg.wasm). Where a host lets browsers keep files for
// long and no service worker answers (a browser without one, or storage blocked in the
// widget's frame), the HTTP cache can then pair a new release's app with the old module, and
// the plan or the decoder cannot load. A new module under a new name is a URL that no cache
// holds yet.
//
// Why a <meta name="fix1002-module" content="plan_and_decoder-<hash>"> in index.html:
// - the app's wasm is built before the module's name exists, so it cannot carry it; the page
//   can, and a release starts from the page: what it names is what the browser fetches;
// - the CSP (script-src 'self') forbids inline scripts, and a meta is data, not script;
// - pre-rendered pages are index.html with their own content set in, so they carry it too;
// - it is relative to the page like every other asset, so any sub-path works;
// - not a <link rel="prefetch">: the browser would fetch the module on every first visit,
//   which is what keeping it apart avoids;
// - one name for both files, since wasm-bindgen's script and wasm only work as a pair: the
//   script is <name>.js and the wasm <name>_bg.wasm, which is also the wasm path
//   wasm-bindgen's script derives from its own.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The binary's name, which Trunk gives its files (`data-bin` in index.html). */
export const MODULE = 'plan_and_decoder';

/** index.html's placeholder, or the meta once filled in: group 1 is the name. */
const META = /<meta name="fix1002-module" content="([^"]*)"\s*\/?>/g;

/** The name both files share: the binary's and a hash of both files' bytes. */
export function hashedName(script, wasm) {
  const hash = createHash('sha256').update(script).update(wasm).digest('hex').slice(0, 16);
  return `${MODULE}-${hash}`;
}

/** The module's name as `html` gives it, or null if it gives none (or more than one). */
export function moduleNamedIn(html) {
  const names = [...html.matchAll(META)].map((match) => match[1]);
  return names.length === 1 && names[0] ? names[0] : null;
}

/** `html` with the module named `name`; throws unless it has exactly one such meta. */
export function withModuleName(html, name) {
  const found = [...html.matchAll(META)].length;
  if (found !== 1) throw new Error(`expected one <meta name="fix1002-module"> in index.html, found ${found}`);
  return html.replace(META, `<meta name="fix1002-module" content="${name}" />`);
}

/**
 * Renames `site`'s plan_and_decoder.js and plan_and_decoder_bg.wasm to
 * plan_and_decoder-<hash>.js and plan_and_decoder-<hash>_bg.wasm and names them in its
 * index.html. Returns the name.
 */
export function hashSecondModule(site) {
  const script = join(site, `${MODULE}.js`);
  const wasm = join(site, `${MODULE}_bg.wasm`);
  for (const file of [script, wasm]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: did Trunk build the second module?`);
  }
  const name = hashedName(readFileSync(script), readFileSync(wasm));
  const indexPath = join(site, 'index.html');
  // The page first: if it has no place for the name, the files keep their names and the
  // build fails before anything is half done.
  const html = withModuleName(readFileSync(indexPath, 'utf8'), name);
  renameSync(script, join(site, `${name}.js`));
  renameSync(wasm, join(site, `${name}_bg.wasm`));
  writeFileSync(indexPath, html);
  return name;
}
