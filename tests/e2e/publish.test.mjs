// One release build, three ways to ship it: a static site under a sub-path, an offline PWA
// with a safe update path, and an embeddable help widget on someone else's page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, launchChromium, repoRoot, serveStatic, untilNextScreen, waitForApp, watchForProblems } from './support.mjs';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** A private copy of the build, so a test can change it without touching dist/. */
function copyOfBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'fix1002-site-'));
  cpSync(distDir, dir, { recursive: true });
  return dir;
}

/** Closes what a test opened even when one of its assertions fails. */
function cleanUp(t, ...things) {
  t.after(async () => {
    for (const thing of things) await thing.close();
  });
}

/**
 * A private copy of the build, served (with `serveStatic`'s `options`) and visited once, so its
 * service worker is in control.
 */
async function installedCopy(t, options = {}, { prefix = '/', viewport } = {}) {
  const site = copyOfBuild();
  const server = await serveStatic(site, prefix, options);
  const context = await browser.newContext(viewport ? { viewport } : {});
  cleanUp(t, context, server);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(server.url);
  await waitForApp(page);
  await waitForServiceWorkerControl(page);
  return { site, server, context, page, problems };
}

/** Publishes a changed build into `site`: different bytes, same names, new service worker. */
function publishChange(site, note) {
  const css = readdirSync(site).find((f) => f.endsWith('.css'));
  appendFileSync(join(site, css), `\n/* ${note} */\n`);
  execFileSync('node', [join(repoRoot, 'scripts/precache.mjs'), site]);
  return css;
}

/** Asks the page's registration for an update and waits until the new worker is done. */
function updateAndSettle(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const found = new Promise((resolve) =>
      registration.addEventListener('updatefound', () => resolve(registration.installing), { once: true }),
    );
    await registration.update().catch(() => {});
    const worker = registration.installing || (await found);
    while (!['installed', 'activated', 'redundant'].includes(worker.state)) {
      await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
    }
    return worker.state;
  });
}

async function waitForServiceWorkerControl(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('static website', () => {
  test('the page is described for sharing, installable, and readable before the wasm arrives', async (t) => {
    const server = await serveStatic(undefined, '/help/1002/');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    cleanUp(t, context, server);
    const page = await context.newPage();
    // Withhold the WebAssembly: what remains is the first paint a slow phone sees.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /error 1002/ }).waitFor();
    for (const name of ['Troubleshoot', 'Decode a fault', 'Fix steps']) {
      const href = await page.getByRole('navigation').getByRole('link', { name, exact: true }).getAttribute('href');
      assert.match(href, /^#\//);
    }
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), 'Fix 1002: help with Sonos error 1002');
    assert.ok(await page.locator('meta[property="og:description"]').getAttribute('content'));
    assert.ok(await page.locator('meta[name="description"]').getAttribute('content'));
    assert.match(await page.locator('link[rel="icon"]').getAttribute('href'), /favicon.*\.svg$/);

    const manifest = await (await page.request.get(server.url + 'manifest.webmanifest')).json();
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.theme_color && manifest.background_color && manifest.short_name);
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
    assert.deepEqual(sizes, ['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const response = await page.request.get(server.url + icon.src);
      assert.equal(response.status(), 200, icon.src);
      assert.equal(response.headers()['content-type'], 'image/png');
    }
  });
});

describe('offline PWA', () => {
  test('after one visit, a pre-rendered step page opens offline and the app takes it over', async (t) => {
    const { server, context, page, problems } = await installedCopy(t, {}, {
      prefix: '/help/1002/',
      viewport: { width: 360, height: 740 },
    });

    await context.setOffline(true);
    await page.goto(server.url + 'steps/restart-speaker/');
    await page.getByRole('heading', { level: 1, name: 'Restart the speaker' }).waitFor();
    await page.waitForFunction(() => location.hash === '#/steps/restart-speaker');
    await page.getByText('Fix 1002 is an independent tool').waitFor();
    assert.deepEqual(problems, []);
  });

  test('after one visit every section works offline: a troubleshooting story to its hand-over, and a decode', async (t) => {
    const { server, context, page, problems } = await installedCopy(t, {}, {
      prefix: '/help/1002/',
      viewport: { width: 360, height: 740 },
    });

    await context.setOffline(true);
    await page.goto(server.url + '#/troubleshoot');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    await page.getByRole('button', { name: 'While playing or browsing music' }).click();
    await page.getByRole('heading', { level: 1, name: /keep coming back/ }).waitFor();
    await page.getByRole('button', { name: 'No, this is the first time' }).click();
    await page.getByRole('heading', { level: 1, name: /one music service/ }).waitFor();
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Only with one service' }).click());
    for (let i = 0; i < 6; i++) {
      if (await page.getByTestId('cause').count()) break;
      await untilNextScreen(page, () => page.getByRole('button', { name: 'Not sure', exact: true }).click());
    }
    assert.equal(await page.getByTestId('cause').first().getAttribute('data-cause'), 'expired-credentials');
    await page.getByRole('button', { name: 'Start the fix plan' }).click();
    assert.equal(await page.getByTestId('fix-step').getAttribute('data-step'), 'readd-service-account');
    // The plan is drawn by the second module, which the service worker holds too.
    await page.getByRole('button', { name: 'Contact Sonos support now' }).click();
    assert.match(await page.getByTestId('support-summary').inputValue(), /Steps tried:/);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByTestId('fix-step').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Decode a fault' }).click();
    await page.getByLabel('SOAP response').fill(
      '<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>bad password</faultstring></Fault>',
    );
    assert.equal(await page.getByTestId('fault-code').innerText(), 'LoginInvalid');
    await page.getByRole('navigation').getByRole('link', { name: 'Fix steps' }).click();
    await page.getByRole('link', { name: 'Restart the speaker' }).click();
    await page.getByTestId('step-page').waitFor();
    assert.deepEqual(problems, []);
  });

  test('a changed build is detected, offered, and replaces the old one cleanly', async (t) => {
    const { site, page } = await installedCopy(t);
    const [oldCache] = await page.evaluate(() => caches.keys());
    assert.match(oldCache, /^fix1002:http:\/\/127\.0\.0\.1:\d+\/:[0-9a-f]{16}$/, 'named after scope and version');

    // Publish a changed build: different bytes, same names, new service worker.
    const css = readdirSync(site).find((f) => f.endsWith('.css'));
    appendFileSync(join(site, css), '\n/* a changed build */\n');
    execFileSync('node', [join(repoRoot, 'scripts/precache.mjs'), site]);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.getByTestId('update-banner');
    await banner.waitFor();
    // Until the owner says yes, the old version keeps serving.
    assert.ok((await page.evaluate(() => caches.keys())).includes(oldCache));
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload to update' }).click()]);
    await waitForApp(page);
    await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), oldCache);
    const css_text = await page.evaluate(async (name) => (await (await caches.open((await caches.keys())[0])).match('./' + name)).text(), css);
    assert.match(css_text, /a changed build/);
  });
});

test('a half-finished update never breaks the app: the old version keeps serving', async (t) => {
  const { site, context, page } = await installedCopy(t);
  const before = await page.evaluate(() => caches.keys());

  // A broken publish: the new worker lists a file the server no longer has.
  const css = readdirSync(site).find((f) => f.endsWith('.css'));
  appendFileSync(join(site, css), '\n/* half published */\n');
  execFileSync('node', [join(repoRoot, 'scripts/precache.mjs'), site]);
  rmSync(join(site, 'icon-192.png'));

  // Follow the new worker until its installation has failed for good.
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const found = new Promise((resolve) =>
      registration.addEventListener('updatefound', () => resolve(registration.installing), { once: true }),
    );
    await registration.update().catch(() => {});
    const worker = registration.installing || (await found);
    if (worker.state !== 'redundant') {
      await new Promise((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'redundant' && resolve()),
      );
    }
    return worker.state;
  });
  assert.equal(state, 'redundant', 'the broken version never installs');
  assert.equal(await page.getByTestId('update-banner').count(), 0, 'nothing to offer');
  assert.deepEqual(await page.evaluate(() => caches.keys()), before, 'the old cache is untouched');
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
});

describe('service worker rules', () => {
  test('it answers navigations only for the pages the build wrote, not for the rest of the origin', async (t) => {
    const { site, server, page } = await installedCopy(t);
    writeFileSync(join(site, 'other.html'), '<!DOCTYPE html><title>Other</title><h1>A sibling page</h1>');
    let response = await page.goto(server.url + 'other.html');
    assert.equal(await page.locator('h1').innerText(), 'A sibling page', 'a sibling page of the host is not replaced by the app');
    response = await page.goto(server.url + 'deep/nested/');
    assert.equal(response.status(), 404, 'a path the build did not write is left to the host');
    response = await page.goto(server.url + 'index.html?embed=1#/decode');
    assert.ok(response.fromServiceWorker(), 'index.html with a query is served from the cache');
    await waitForApp(page);
  });

  test('a host that redirects index.html to its folder still gives a working offline app', async (t) => {
    const { context, page, server } = await installedCopy(t, { redirectIndex: true });
    // A stored redirect would be refused as the answer to a navigation by a stricter browser:
    // every stored page must be a plain, final response.
    const redirected = await page.evaluate(async () => {
      const found = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if ((await cache.match(request)).redirected) found.push(request.url);
        }
      }
      return found;
    });
    assert.deepEqual(redirected, [], 'no stored response is a followed redirect');
    await context.setOffline(true);
    await page.goto(server.url + '#/steps');
    await waitForApp(page);
    await page.getByRole('link', { name: 'Restart the speaker' }).click();
    await page.getByTestId('step-page').waitFor();
  });

  test('a host that answers a missing file with its index page fails the update instead of caching HTML', async (t) => {
    const { site, context, page } = await installedCopy(t, { fallback: true });
    const before = await page.evaluate(() => caches.keys());
    publishChange(site, 'published without its icon');
    rmSync(join(site, 'icon-192.png'));
    assert.equal(await updateAndSettle(page), 'redundant', 'the HTML answer fails its integrity check');
    assert.equal(await page.getByTestId('update-banner').count(), 0, 'nothing to offer');
    assert.deepEqual(await page.evaluate(() => caches.keys()), before);
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
  });

  test('two deployments on one origin keep their own caches through each other\'s updates', async (t) => {
    const site = mkdtempSync(join(tmpdir(), 'fix1002-origin-'));
    cpSync(distDir, join(site, 'prod'), { recursive: true });
    cpSync(distDir, join(site, 'staging'), { recursive: true });
    const server = await serveStatic(site, '/');
    const context = await browser.newContext();
    cleanUp(t, context, server);
    const page = await context.newPage();
    for (const deployment of ['prod', 'staging']) {
      await page.goto(`${server.url}${deployment}/`);
      await waitForApp(page);
      await waitForServiceWorkerControl(page);
    }
    const [prodCache] = (await page.evaluate(() => caches.keys())).filter((k) => k.includes('/prod/'));
    assert.ok(prodCache, 'the production deployment has a cache named after its scope');

    publishChange(join(site, 'staging'), 'staging only');
    assert.equal(await updateAndSettle(page), 'installed');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByTestId('update-banner').getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await waitForApp(page);
    await page.waitForFunction(
      () => caches.keys().then((keys) => keys.filter((k) => k.includes('/staging/')).length === 1),
    );
    await page.waitForTimeout(300);
    assert.ok((await page.evaluate(() => caches.keys())).includes(prodCache), 'staging left production alone');
    await context.setOffline(true);
    await page.goto(`${server.url}prod/#/steps`);
    await waitForApp(page);
  });

  test('an update accepted in one tab leaves every other tab with a Reload that works', async (t) => {
    const { site, context, page: first, server } = await installedCopy(t);
    const second = await context.newPage();
    await second.goto(server.url + '#/steps');
    await waitForApp(second);
    publishChange(site, 'two tabs');
    assert.equal(await updateAndSettle(first), 'installed');
    for (const page of [first, second]) await page.getByTestId('update-banner').waitFor();
    await Promise.all([
      first.waitForEvent('load'),
      first.getByTestId('update-banner').getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await waitForApp(first);
    // The other tab is now controlled by the new version; its button must still do something.
    await second.getByTestId('update-banner').waitFor();
    await Promise.all([
      second.waitForEvent('load', { timeout: 5000 }),
      second.getByTestId('update-banner').getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await waitForApp(second);
    assert.equal(await second.getByTestId('update-banner').count(), 0);
  });

  test('the app still starts where reading the service-worker container throws', async (t) => {
    const server = await serveStatic(undefined, '/');
    const context = await browser.newContext();
    cleanUp(t, context, server);
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'serviceWorker', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    await page.goto(server.url + '#/troubleshoot');
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
  });
});

test('restoring a saved journey never leaves the page\'s own origin', async (t) => {
  // A host that answers any path with the app, as single-page-app rewrites do, and a second
  // origin standing for somewhere else.
  const app = await serveStatic(undefined, '/', { fallback: true });
  const elsewhere = await serveStatic(mkdtempSync(join(tmpdir(), 'fix1002-elsewhere-')), '/');
  const context = await browser.newContext();
  cleanUp(t, context, app, elsewhere);
  const page = await context.newPage();
  await page.goto(app.url + '#/troubleshoot');
  await page.getByRole('button', { name: 'During a software update' }).click();
  await page.getByRole('heading', { level: 1, name: 'Has a speaker stopped responding since a firmware update?' }).waitFor();

  // The same origin, at a path that reads as another host when written on its own.
  const tricky = `${app.origin}${elsewhere.origin.replace('http:', '')}/#/troubleshoot`;
  assert.equal(new URL(tricky).pathname, `${elsewhere.origin.replace('http:', '')}/`);
  await page.goto(tricky);
  await page.getByRole('button', { name: 'Continue where I left off' }).click();
  await page.getByRole('heading', { level: 1, name: 'Has a speaker stopped responding since a firmware update?' }).waitFor();
  assert.equal(new URL(page.url()).origin, app.origin);
  assert.match(page.url(), /#\/troubleshoot\?s=when:update$/);
  assert.deepEqual(elsewhere.requests, [], 'nothing was asked of the other origin');
});
