// Gives the names between each wasm module and its wasm-bindgen script one or two letters.
// Run by scripts/postbuild.mjs before minifying, so esbuild sees the final script.
//
// Why: wasm-bindgen names every import after the Rust function plus a 16-digit hash
// (`__wbg_focus_d5e2fdbdb56416f0`), and both files spell out every name: the wasm in its
// import section, the script as the keys of its import object. The hashes do not compress,
// and there are about two hundred of them. binaryen's `--minify-imports-and-exports-and-modules`
// pass renames them in the wasm and prints what it renamed; this script applies the same
// renaming to the script. It saved 4.2 KB brotli of the main module's first download
// (issue 26): 2.1 KB in the wasm, 2.1 KB in its script.
//
// Only the names the two files share change. The functions the script exports to the page
// (`wasm_bindgen.mount_plan` and the like) keep their names: the script's wrappers call the
// wasm by the short name.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withIntegrity } from './minify.mjs';

/** The wasm-bindgen pairs Trunk writes: the app's (hashed by Trunk) and the second module's. */
const SCRIPTS = /^(fix1002-web-[0-9a-f]+|plan_and_decoder)\.js$/;

/** What rustc's wasm32 target emits by default, and wasm-bindgen's externref table. */
const FEATURES = [
  '--enable-bulk-memory',
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-reference-types',
  '--enable-sign-ext',
  '--enable-multivalue',
];

/** Renames the shared names of every pair in `site` and updates the wasm files' integrity
 *  hashes in index.html; returns the names of the pairs. */
export function shortenNames(site) {
  const indexPath = join(site, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const pairs = [];
  for (const script of readdirSync(site).filter((name) => SCRIPTS.test(name))) {
    const stem = script.slice(0, -'.js'.length);
    const wasm = `${stem}_bg.wasm`;
    if (!existsSync(join(site, wasm))) throw new Error(`${script} has no ${wasm} beside it`);
    const renamed = renameInWasm(join(site, wasm));
    const bytes = readFileSync(join(site, wasm));
    writeFileSync(join(site, script), renameInScript(readFileSync(join(site, script), 'utf8'), renamed, importedModule(bytes)));
    html = withIntegrity(html, wasm, bytes);
    pairs.push(stem);
  }
  writeFileSync(indexPath, html);
  return pairs;
}

/** Runs binaryen's pass over the file in place; returns its renaming: `imports` as
 *  [module, name, new name] and `exports` as [name, new name]. */
function renameInWasm(path) {
  // The features the wasm may use, named one by one: `-all` would let binaryen write newer
  // encodings that browsers (and Node) refuse. A feature missing here fails the build.
  const printed = execFileSync(
    'wasm-opt',
    [...FEATURES, '--minify-imports-and-exports-and-modules', path, '-o', path],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const renamed = JSON.parse(printed.slice(printed.indexOf('{')));
  if (!Array.isArray(renamed.imports) || !Array.isArray(renamed.exports)) {
    throw new Error(`${path}: wasm-opt printed no renaming`);
  }
  return renamed;
}

/** The one module `bytes` (a wasm) imports from, as the pass named it. */
function importedModule(bytes) {
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => i.module));
  if (modules.size !== 1) throw new Error(`expected imports from one module, found ${[...modules].join(', ')}`);
  return [...modules][0];
}

/** `code` (a wasm-bindgen script) with the wasm's new names: the import object's keys, the
 *  module's name it is given under (`moduleName`, as the pass named it), and each
 *  `wasm.<export>`. Throws if a name is missing,
 *  since a half-renamed pair would fail only when the browser instantiates it. */
export function renameInScript(code, { imports, exports }, moduleName) {
  const modules = new Set(imports.map(([module]) => module));
  if (modules.size > 1) throw new Error(`imports from several modules: ${[...modules].join(', ')}`);
  const replaceAll = (pattern, replacement, what) => {
    let found = 0;
    code = code.replace(pattern, () => {
      found += 1;
      return replacement;
    });
    if (found === 0) throw new Error(`the script does not name ${what}`);
  };
  const escape = (name) => name.replace(/[$]/g, '\\$');
  for (const [, name, short] of imports) {
    // A key of the import object: `__wbg_focus_d5e2fdbdb56416f0: function(arg0) {`.
    replaceAll(new RegExp(`(?<=[\\s{,])${escape(name)}(?=\\s*:)`, 'g'), JSON.stringify(short), `import ${name}`);
  }
  // The module the imports come from, a key of the object the script hands the wasm:
  // `"./fix1002-web_bg.js": import0`.
  const [module] = modules;
  replaceAll(new RegExp(`${JSON.stringify(module).replace(/[.$]/g, '\\$&')}(?=\\s*:)`, 'g'), JSON.stringify(moduleName), `module ${module}`);
  for (const [name, short] of exports) {
    // Exports the script never calls (wasm-bindgen's own bookkeeping) have nothing to rename.
    code = code.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, 'g'), `wasm[${JSON.stringify(short)}]`);
  }
  return code;
}
