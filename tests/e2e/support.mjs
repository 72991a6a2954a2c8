// Shared pieces for the end-to-end tests: a plain static file server for dist/ and a
// Chromium launcher that works on a machine with no outside network.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { moduleNamedIn } from '../../scripts/second_module.mjs';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const distDir = join(repoRoot, 'dist');
export const screenshotDir = join(repoRoot, 'tests/e2e/screenshots');

/**
 * The second wasm module's files as the built site in `site` names them (their names carry a
 * hash of their bytes, see scripts/second_module.mjs): { name, script, wasm, isFile(path) },
 * where isFile tells whether a URL path ends in one of the module's files, of any release.
 */
export function secondModule(site = distDir) {
  const name = moduleNamedIn(readFileSync(join(site, 'index.html'), 'utf8'));
  if (!name) throw new Error(`${site}/index.html names no second module`);
  return {
    name,
    script: `${name}.js`,
    wasm: `${name}_bg.wasm`,
    isFile: (path) => /\/plan_and_decoder(-[0-9a-f]+)?(_bg\.wasm|\.js)$/.test(path),
  };
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` under the URL path `prefix` (such as "/help/1002/") on a free loopback port,
 * as a plain static host would: no rewrites, and a 404 for anything that is not a file.
 * Options, each the habit of some real host:
 * - `compress`: answers brotli to browsers that accept it;
 * - `fallback`: answers a path that is no file with the file of the same name at the root, or
 *   else with index.html and status 200 (a single-page-app rewrite);
 * - `redirectIndex`: answers `<prefix>index.html` with a 301 to `<prefix>`;
 * - `headers`: extra headers for every HTML response;
 * - `cacheControl`: the Cache-Control of every response (by default no-cache: always ask).
 * Resolves to { url, close, requests, setRoot }, where url is the site's address, prefix
 * included, requests lists every path asked for, and setRoot(dir) serves another folder from
 * then on, at the same address (a release published over the last).
 */
export async function serveStatic(
  root = distDir,
  prefix = '/',
  { compress = false, fallback = false, redirectIndex = false, headers: extraHeaders = {}, cacheControl = 'no-cache' } = {},
) {
  const compressed = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      requests.push(path);
      if (!path.startsWith(prefix)) return notFound(res);
      if (redirectIndex && path === prefix + 'index.html') {
        res.writeHead(301, { location: prefix });
        return res.end();
      }
      let file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root + sep) && file !== root) return notFound(res);
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      if (fallback && !(await stat(file).catch(() => null))?.isFile()) {
        const sameName = join(root, basename(file));
        file = (await stat(sameName).catch(() => null))?.isFile() ? sameName : join(root, 'index.html');
      }
      let body = await readFile(file);
      const headers = {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheControl,
        ...(extname(file) === '.html' ? extraHeaders : {}),
      };
      if (compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, brotliCompressSync(body));
        body = compressed.get(file);
        headers['content-encoding'] = 'br';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      notFound(res);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    setRoot: (dir) => {
      root = dir;
    },
    // Closing waits for every connection to end; a browser still open (or its service
    // worker still precaching) could keep one busy for as long as it likes, so they are cut.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

/** Debian's Chromium, with the flags that keep it from calling out to the closed network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The browser's own language: English unless a test's context asks for another
      // (`locale`), whatever the machine's settings, since the app follows it.
      '--lang=en-US',
    ],
  });
}

/**
 * Records everything on a page that a user would call broken: console errors, uncaught
 * exceptions, failed requests and HTTP error responses. Check `problems` at the end of a test.
 */
export function watchForProblems(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    // A request cancelled because the page navigated or reloaded is not a failure.
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

/** The phone the owner's screens are tried on. */
export const PHONE = { width: 360, height: 740 };

/** Waits until the WebAssembly app has replaced the static first screen. */
export async function waitForApp(page) {
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}

/**
 * Does `act` (an answer, say) in `scope` (a page or a frame), then waits for the next screen's
 * heading: the next question, or the likely causes once the plan's module has arrived. Waiting
 * for any answer button instead could match the old screen's buttons before the page moved on.
 */
export async function untilNextScreen(scope, act) {
  const before = await scope.locator('h1').first().textContent();
  await act();
  // Locators, not a page function, so that a frame locator serves as well as a page.
  const exactly = new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await scope.locator('h1').filter({ hasNotText: exactly }).first().waitFor();
}

/**
 * For a test file: serves dist/ under `prefix` and launches Chromium before its tests, and
 * closes both after them. Returns an object whose `server` and `browser` are set by then.
 */
export function useAppAndBrowser(prefix = '/') {
  const shared = {
    server: null,
    browser: null,
    /** A new context at phone size (unless `options` say otherwise) on `fragment`, once the
     *  app has taken over, with its watch for console errors and failed requests. */
    async openOnPhone(fragment = '', options = {}) {
      const context = await shared.browser.newContext({ viewport: PHONE, ...options });
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.goto(shared.server.url + fragment);
      await waitForApp(page);
      return { context, page, problems };
    },
    /** The same, opened on the fault decoder through its link, the way a developer gets there. */
    async openDecoder(options = {}) {
      const opened = await shared.openOnPhone('', options);
      await opened.page.getByRole('link', { name: 'Decode a fault' }).first().click();
      await opened.page.getByLabel('SOAP response').waitFor();
      return opened;
    },
  };
  before(async () => {
    shared.server = await serveStatic(undefined, prefix);
    shared.browser = await launchChromium();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** The flattened messages and knowledge base of a language, as translators wrote them
 *  (locales/<tag>/): `words('home.heading')`. A key the catalogs lack fails the test. */
export function catalog(tag) {
  const flat = {};
  const walk = (prefix, value) => {
    if (typeof value === 'string') flat[prefix] = value;
    else if (value.other !== undefined) flat[prefix] = value;
    else for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
  };
  for (const file of ['messages.json', 'kb.json']) {
    walk('', JSON.parse(readFileSync(join(repoRoot, 'locales', tag, file), 'utf8')));
  }
  return (key) => {
    if (flat[key] === undefined) throw new Error(`${tag}: no ${key}`);
    return flat[key];
  };
}

/** Holds every WebAssembly download of `page` back until the returned function is called:
 *  the page as a phone sees it before the app has arrived. */
export async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** What the page's clipboard holds. page.evaluate has no timeout of its own: a clipboard that
 *  never answers fails here, saying so, rather than holding a whole file until the runner
 *  gives up on it. */
export function readClipboard(page) {
  return page.evaluate(() =>
    Promise.race([
      navigator.clipboard.readText(),
      new Promise((_, fail) => setTimeout(() => fail(new Error('the clipboard did not answer in 10 s')), 10000)),
    ]),
  );
}
