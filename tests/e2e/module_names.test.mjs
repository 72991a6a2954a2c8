// The second wasm module (the decoder and the fix plan) under names that carry a hash of its
// bytes (scripts/second_module.mjs), read by the app from its page's <meta name="fix1002-module">
// (src/web/later_module.rs): what the build writes, a release through a host whose every file
// may be cached for a year, pre-rendered pages under a sub-path, and a page that names no module.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildServiceWorker } from '../../scripts/precache.mjs';
import { MODULE, hashedName, moduleNamedIn, withModuleName } from '../../scripts/second_module.mjs';
import { distDir, launchChromium, secondModule, serveStatic, waitForApp, watchForProblems } from './support.mjs';

const PHONE = { width: 360, height: 740 };
const PREFIX = '/help/1002/';
// What a host may send for files it considers static, here for every file, the page included.
const A_YEAR = 'public, max-age=31536000, immutable';
const FAULT = '<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>x</faultstring></Fault>';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** Closes what a test opened, even when one of its assertions fails. */
function cleanUp(t, ...things) {
  t.after(async () => {
    for (const thing of things) await thing.close();
  });
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A private copy of `site`, removed after the test. */
function copyOf(t, site) {
  const dir = mkdtempSync(join(tmpdir(), 'fix1002-release-'));
  cpSync(site, dir, { recursive: true });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Replaces `from` with `to` in every page and script of `site`, as a build would write them. */
function replaceEverywhere(site, from, to) {
  for (const file of filesUnder(site).filter((f) => /\.(html|js)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    if (text.includes(from)) writeFileSync(file, text.split(from).join(to));
  }
}

const sha = (algorithm, ...parts) => parts.reduce((h, part) => h.update(part), createHash(algorithm));

/** `wasm` with a custom section added: other bytes, which every engine skips, so it still runs. */
function withCustomSection(wasm, label) {
  const name = Buffer.from(label);
  const body = Buffer.concat([Buffer.from([name.length]), name]);
  assert.ok(body.length < 128, 'a one-byte section size');
  return Buffer.concat([wasm, Buffer.from([0, body.length]), body]);
}

/**
 * Gives the wasm-bindgen pair `<stem>.js` and `<stem>_bg.wasm` in `site` new bytes that still
 * run, renames both to `rename(script, wasm)` (or keeps their names without it), and points every
 * reference, Trunk's integrity attributes included, at the new files. Returns the new stem.
 */
function changePair(site, stem, label, rename) {
  const files = { script: join(site, `${stem}.js`), wasm: join(site, `${stem}_bg.wasm`) };
  const before = { script: readFileSync(files.script), wasm: readFileSync(files.wasm) };
  const after = {
    script: Buffer.concat([before.script, Buffer.from(`\n// ${label}\n`)]),
    wasm: withCustomSection(before.wasm, label),
  };
  const next = rename ? rename(after.script, after.wasm) : stem;
  rmSync(files.script);
  rmSync(files.wasm);
  writeFileSync(join(site, `${next}.js`), after.script);
  writeFileSync(join(site, `${next}_bg.wasm`), after.wasm);
  for (const kind of ['script', 'wasm']) {
    const integrity = (bytes) => `sha384-${sha('sha384', bytes).digest('base64')}`;
    replaceEverywhere(site, integrity(before[kind]), integrity(after[kind]));
  }
  if (next !== stem) replaceEverywhere(site, stem, next);
  // The pair itself must not have named itself, or the integrity set above would be stale.
  assert.deepEqual(readFileSync(join(site, `${next}.js`)), after.script);
  return next;
}

/**
 * The next release of the built `site`, as a copy: the app's and the second module's code have
 * changed (other bytes that still run), so the app's files, its loader and the module get new
 * names, as a real build names them, and the service worker is written again. Deterministic and
 * fast: no second build. With `fixedModuleNames`, the module keeps its name, as Trunk's
 * worker-type output did before it carried a hash.
 */
function nextRelease(t, site, { fixedModuleNames = false } = {}) {
  const dir = copyOf(t, site);
  const label = 'the next release';
  // Trunk's hash is a number in hex, so it is sometimes shorter than 16 digits.
  const app = readFileSync(join(dir, 'index.html'), 'utf8').match(/fix1002-web-[0-9a-f]+(?=_bg\.wasm)/)[0];
  changePair(dir, app, label, (script, wasm) => `fix1002-web-${sha('sha256', script, wasm).digest('hex').slice(0, 16)}`);
  changePair(dir, secondModule(dir).name, label, fixedModuleNames ? null : hashedName);
  // The app's loader names the app's files, so it changed too: a new name, as postbuild gives it.
  const boot = readdirSync(dir).find((f) => /^boot-[0-9a-f]{16}\.js$/.test(f));
  const code = readFileSync(join(dir, boot));
  const newBoot = `boot-${sha('sha256', code).digest('hex').slice(0, 16)}.js`;
  renameSync(join(dir, boot), join(dir, newBoot));
  replaceEverywhere(dir, boot, newBoot);
  writeFileSync(join(dir, 'sw.js'), buildServiceWorker(dir).source);
  return dir;
}

/** A copy of the built `site` with the module under the fixed names it had before. */
function withFixedNames(t, site) {
  const dir = copyOf(t, site);
  const { script, wasm } = secondModule(dir);
  renameSync(join(dir, script), join(dir, `${MODULE}.js`));
  renameSync(join(dir, wasm), join(dir, `${MODULE}_bg.wasm`));
  for (const page of filesUnder(dir).filter((f) => f.endsWith('.html'))) {
    writeFileSync(page, withModuleName(readFileSync(page, 'utf8'), MODULE));
  }
  writeFileSync(join(dir, 'sw.js'), buildServiceWorker(dir).source);
  return dir;
}

/** Pastes a fault into the decoder and waits until the second module has decoded it. */
async function decodeOne(page) {
  await page.getByLabel('SOAP response').fill(FAULT);
  assert.equal(await page.getByTestId('fault-code').innerText(), 'LoginInvalid');
}

/**
 * Publishes `first`, from a host that lets the browser keep every file for a year, and opens
 * the decoder with no service worker; then publishes `second` at the same address and reloads.
 * Checks that the decoder draws both times and that the cache is really in play; returns the
 * module files the page asked for after the release (`loaded`) and those of them that reached
 * the server (`served`), as paths.
 */
async function releaseThroughLongCache(t, first, second) {
  const server = await serveStatic(first, PREFIX, { cacheControl: A_YEAR });
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  cleanUp(t, context, server);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  let loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto(server.url + '#/decode');
  await waitForApp(page);
  await decodeOne(page);
  const { isFile } = secondModule(first);
  assert.equal(loaded.filter(isFile).length, 2, 'the first release’s module, script and wasm');

  server.setRoot(second);
  const sent = server.requests.length;
  loaded = [];
  await page.reload();
  await waitForApp(page);
  await decodeOne(page);
  const served = server.requests.slice(sent);
  // A reload asks again for the page itself, so the new release's page arrives, and with it
  // the new app (its loader has a new name)...
  assert.ok(served.includes(PREFIX), `the page is asked for again (server saw ${served.join(', ')})`);
  const boot = readFileSync(join(second, 'index.html'), 'utf8').match(/boot-[0-9a-f]{16}\.js/)[0];
  assert.ok(served.includes(PREFIX + boot), 'the new release’s app runs');
  // ...and everything else may come from the cache: the stylesheet, the same in both
  // releases, does. Without this the test could pass with a cache that keeps nothing.
  const css = readdirSync(second).find((f) => f.endsWith('.css'));
  assert.ok(loaded.includes(PREFIX + css), 'the page uses the stylesheet');
  assert.ok(!served.includes(PREFIX + css), 'the unchanged stylesheet came from the browser’s cache');
  assert.deepEqual(problems, []);
  return { loaded: loaded.filter(isFile).sort(), served: served.filter(isFile).sort() };
}

test('the build names the second module by a hash of its bytes, in index.html and every pre-rendered page', () => {
  const { name, script, wasm } = secondModule();
  assert.match(name, /^plan_and_decoder-[0-9a-f]{16}$/);
  assert.equal(hashedName(readFileSync(join(distDir, script)), readFileSync(join(distDir, wasm))), name, 'the hash is of the files’ bytes');
  assert.ok(!existsSync(join(distDir, `${MODULE}.js`)) && !existsSync(join(distDir, `${MODULE}_bg.wasm`)), 'no file keeps the fixed name');
  const pages = filesUnder(distDir).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length > 1, 'pre-rendered pages too');
  for (const page of pages) {
    assert.equal(moduleNamedIn(readFileSync(page, 'utf8')), name, relative(distDir, page));
  }
  // The service worker lists the files as they are named, so they work offline after one visit.
  const urls = buildServiceWorker(distDir).precache.map((entry) => entry.url);
  assert.ok(urls.includes(`./${script}`) && urls.includes(`./${wasm}`));
});

test('after a release, a cache that keeps every file for a year still gets the new module', async (t) => {
  const next = nextRelease(t, distDir);
  const [before, after] = [secondModule(distDir), secondModule(next)];
  assert.notEqual(after.name, before.name, 'the release changed the module, and so its name');

  const { loaded, served } = await releaseThroughLongCache(t, distDir, next);
  const wanted = [PREFIX + after.script, PREFIX + after.wasm];
  assert.deepEqual(loaded, wanted, 'the page loads the module its new index.html names, and no other');
  assert.deepEqual(served, wanted, 'from the server: the new release’s bytes, not the cache’s');
});

// The same release with the names the module had before: the test above would fail on it.
// This shows that the set-up really catches what hashed names prevent.
test('with fixed names, the same cache would hand the new app the old module', async (t) => {
  const fixed = withFixedNames(t, distDir);
  const next = nextRelease(t, fixed, { fixedModuleNames: true });
  const fixedName = [PREFIX + `${MODULE}.js`, PREFIX + `${MODULE}_bg.wasm`];
  assert.notDeepEqual(readFileSync(join(next, `${MODULE}_bg.wasm`)), readFileSync(join(fixed, `${MODULE}_bg.wasm`)), 'the release changed the module');

  const { loaded, served } = await releaseThroughLongCache(t, fixed, next);
  assert.deepEqual(loaded, fixedName, 'the new page names the same files');
  assert.deepEqual(served, [], 'so the new release’s module never left the server: the old one ran');
});

test('a pre-rendered page under a sub-path loads the module it names', async (t) => {
  const server = await serveStatic(distDir, PREFIX);
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  cleanUp(t, context, server);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  // A step page one level down, which finds the site's files through its <base>.
  await page.goto(server.url + 'steps/restart-speaker/');
  await waitForApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Decode a fault' }).click();
  await decodeOne(page);
  const { script, wasm, isFile } = secondModule();
  assert.deepEqual(loaded.filter(isFile).sort(), [PREFIX + script, PREFIX + wasm]);
  assert.deepEqual(problems, []);
});

test('a page that names no module says the decoder could not be loaded, and fetches no guess', async (t) => {
  // index.html as it is before the build fills the name in.
  const site = copyOf(t, distDir);
  const index = join(site, 'index.html');
  writeFileSync(index, withModuleName(readFileSync(index, 'utf8'), ''));
  const server = await serveStatic(site, PREFIX);
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  cleanUp(t, context, server);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(server.url + '#/decode');
  const alert = page.getByTestId('decoder-unavailable');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be loaded/);
  // Trying again finds no name either: a second failure, told the same way.
  await alert.getByRole('button', { name: 'Try again' }).click();
  for (let waited = 0; problems.length < 2 && waited < 5000; waited += 50) await page.waitForTimeout(50);
  await alert.waitFor();
  assert.equal(problems.length, 2, 'each attempt fails on the missing name');
  assert.equal(await page.getByLabel('SOAP response').count(), 0);
  assert.deepEqual(server.requests.filter(secondModule().isFile), [], 'no module file asked for');
  // The reader is told it could not be loaded; whoever publishes the site, why.
  assert.ok(problems.length > 0 && problems.every((p) => /names no second module/.test(p)), problems.join('\n'));
});
