// One release build, three ways to ship it: a static site under a sub-path, an offline PWA
// with a safe update path, and an embeddable help widget on someone else's page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, launchChromium, repoRoot, serveStatic, waitForApp, watchForProblems } from './support.mjs';

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

/** A private copy of the build, served and visited once, so its service worker is in control. */
async function installedCopy(t) {
  const site = copyOfBuild();
  const server = await serveStatic(site, '/');
  const context = await browser.newContext();
  cleanUp(t, context, server);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await waitForServiceWorkerControl(page);
  return { site, context, page };
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
  test('after one visit every section works offline: a troubleshooting story and a decode', async (t) => {
    const server = await serveStatic(copyOfBuild(), '/help/1002/');
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    cleanUp(t, context, server);
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(server.url);
    await waitForApp(page);
    await waitForServiceWorkerControl(page);

    await context.setOffline(true);
    await page.goto(server.url + '#/troubleshoot');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    await page.getByRole('button', { name: 'While playing or browsing music' }).click();
    await page.getByRole('button', { name: 'Sonos One' }).click();
    await page.getByRole('heading', { level: 1, name: /reach the internet/ }).waitFor();
    await page.getByRole('button', { name: 'No, nothing gets online' }).click();
    for (let i = 0; i < 6; i++) {
      if (await page.getByTestId('cause').count()) break;
      await page.getByRole('button', { name: 'Not sure', exact: true }).click();
      await page.waitForTimeout(100);
    }
    assert.equal(await page.getByTestId('cause').first().getAttribute('data-cause'), 'internet-down');
    await page.getByRole('button', { name: 'Start the fix plan' }).click();
    assert.equal(await page.getByTestId('fix-step').getAttribute('data-step'), 'check-online-restart-router');

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
    assert.match(oldCache, /^fix1002-[0-9a-f]{16}$/);

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

describe('embedded help widget', () => {
  let app;
  let host;
  before(async () => {
    app = await serveStatic(undefined, '/help/');
    const dir = mkdtempSync(join(tmpdir(), 'fix1002-host-'));
    // A host page with aggressive global CSS of its own, with and without the widget.
    const page = (widget) => `<!DOCTYPE html><html><head><title>Retailer</title><link rel="icon" href="data:,">
      <style>* { font-family: serif !important; color: rgb(200, 0, 0) !important; }
        button { display: none !important; } iframe { width: 10px !important; }
        div { border: 5px solid lime !important; }</style></head>
      <body><h1 id="host-title">Retailer support</h1><p>Our own page.</p>${widget}</body></html>`;
    const tag = (attrs) => `<script src="${app.url}embed.js" ${attrs} async></script>`;
    writeFileSync(join(dir, 'plain.html'), page(''));
    writeFileSync(join(dir, 'widget.html'), page(tag('data-start="troubleshoot" data-label="Need help?" data-accent="#223399"')));
    writeFileSync(
      join(dir, 'queued.html'),
      page(`<script>window.Fix1002 = window.Fix1002 || function () { (Fix1002.q = Fix1002.q || []).push(arguments) };
        Fix1002('open');</script>${tag('data-start="decode"')}`),
    );
    host = await serveStatic(dir, '/');
  });
  after(async () => {
    await app?.close();
    await host?.close();
  });

  const hostState = (page) =>
    page.evaluate(() => ({
      globals: Object.keys(window).sort(),
      sheets: document.styleSheets.length,
      head: document.head.innerHTML,
      title: getComputedStyle(document.getElementById('host-title')).cssText ||
        JSON.stringify([...getComputedStyle(document.getElementById('host-title'))].map((p) => getComputedStyle(document.getElementById('host-title')).getPropertyValue(p))),
    }));

  test('opens from its launcher, runs a flow, closes with Escape, and leaves the host page as it was', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    cleanUp(t, context);
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(host.url + 'plain.html');
    const before = await hostState(page);
    await page.goto(host.url + 'widget.html');
    const launcher = page.getByRole('button', { name: 'Need help?' });
    await launcher.waitFor();
    const afterLoad = await hostState(page);
    assert.deepEqual(
      afterLoad.globals.filter((g) => !before.globals.includes(g)),
      ['Fix1002'],
      'one global name at most',
    );
    assert.equal(afterLoad.sheets, before.sheets, 'no stylesheet added to the host page');
    assert.equal(afterLoad.head, before.head, 'nothing added to the head');
    assert.equal(afterLoad.title, before.title, 'the host page looks the same');

    await launcher.click();
    const frame = page.frameLocator('iframe[title="Fix 1002 help"]');
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    const box = await page.locator('iframe[title="Fix 1002 help"]').boundingBox();
    assert.ok(box.width > 300, 'the host CSS did not squash the panel');
    await frame.getByRole('button', { name: 'During a software update' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Which speaker shows the error?' }).waitFor();
    assert.equal(await frame.getByRole('link', { name: 'Fix 1002' }).count(), 0, 'no site header in the panel');

    // Escape inside the assistant closes the panel and gives focus back to the launcher.
    await frame.getByRole('button', { name: 'Sonos Beam' }).focus();
    await page.keyboard.press('Escape');
    await page.locator('iframe[title="Fix 1002 help"]').waitFor({ state: 'hidden' });
    assert.equal(
      await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.textContent),
      'Need help?',
    );
    // The close button does the same.
    await launcher.click();
    await page.getByRole('button', { name: 'Close help' }).click();
    await page.locator('iframe[title="Fix 1002 help"]').waitFor({ state: 'hidden' });
    assert.equal(await hostState(page).then((s) => s.title), before.title);
    assert.deepEqual(problems, []);
  });

  test('fills a phone screen, and the API queued before loading works, then destroy removes it', async (t) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    cleanUp(t, context);
    const page = await context.newPage();
    await page.goto(host.url + 'queued.html');
    const frame = page.frameLocator('iframe[title="Fix 1002 help"]');
    await frame.getByRole('heading', { level: 1, name: 'Decode a SMAPI fault' }).waitFor();
    const box = await page.locator('iframe[title="Fix 1002 help"]').boundingBox();
    assert.equal(box.width, 360, 'full width on a phone');
    assert.ok(box.height > 600, 'full height on a phone');
    await page.evaluate(() => window.Fix1002.destroy());
    assert.equal(await page.locator('fix1002-widget').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.Fix1002), 'undefined');
  });
});
