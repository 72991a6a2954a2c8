// The pre-rendered pages (src/prerender/): every fix step and the index as real pages under a
// sub-path, readable with JavaScript off and taken over in place by the app when it is on.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, waitForApp, watchForProblems } from './support.mjs';

const PHONE = { width: 360, height: 740 };
const app = useAppAndBrowser('/help/1002/');

const instructions = (page) =>
  page.locator('ol.instructions > li').evaluateAll((items) => items.map((li) => li.textContent.trim()));

describe('pre-rendered pages', () => {
  test('with JavaScript off, a step page reads fully and its links lead to real pages', async () => {
    const context = await app.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    const failed = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
    await page.goto(app.server.url + 'steps/check-service-status/');
    await page.getByRole('heading', { level: 1, name: 'Check whether Sonos or your music service has an outage' }).waitFor();
    assert.match(await page.title(), /^Check whether Sonos or your music service has an outage · Fix 1002$/);
    const lines = await instructions(page);
    assert.equal(lines.length, 3);
    assert.match(lines[0], /status\.sonos\.com/);
    const main = await page.getByRole('main').innerText();
    assert.match(main, /Why it helps:/);
    assert.match(main, /About 2 minutes \(an estimate\)/);
    assert.match(main, /Source: /);
    // The shared assets, one level up from the step's folder, were found.
    assert.deepEqual(failed, []);

    // The index, a step, then one of its related steps: all without JavaScript.
    await page.getByRole('link', { name: 'Fix steps' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Fix steps' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/help/1002/steps/');
    assert.equal(await page.getByRole('main').locator('.step-list h3 a').count(), 14);
    await page.getByRole('link', { name: 'Restart the speaker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Restart the speaker' }).waitFor();
    await page.getByRole('link', { name: 'Remove and re-add your music service account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Remove and re-add your music service account' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/help/1002/steps/readd-service-account/');
    // "Start troubleshooting" leads to the flow's own page, its first question.
    const start = page.getByRole('main').getByRole('link', { name: 'Start troubleshooting' });
    assert.equal(new URL(await start.evaluate((a) => a.href)).href, app.server.url + 'troubleshoot/');
    assert.deepEqual(failed, []);
    await context.close();
  });

  test('with JavaScript on, the app takes over in place: same words, same place, its own links', async () => {
    const context = await app.browser.newContext({ viewport: PHONE });
    const plain = await (await app.browser.newContext({ viewport: PHONE, javaScriptEnabled: false })).newPage();
    await plain.goto(app.server.url + 'steps/improve-wifi-signal/');
    const before = await instructions(plain);
    const beforeHeading = await plain.getByRole('heading', { level: 1 }).innerText();
    await plain.context().close();

    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(app.server.url + 'steps/improve-wifi-signal/');
    // The app moves the address to its own route at the site root, without a reload.
    await page.waitForFunction(() => location.hash === '#/steps/improve-wifi-signal');
    await page.getByText('Fix 1002 is an independent tool').waitFor();
    assert.equal(new URL(page.url()).pathname, '/help/1002/');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), beforeHeading);
    assert.deepEqual(await instructions(page), before);

    // The app's own step page, reached by its old fragment link, shows the same instructions.
    const other = await context.newPage();
    await other.goto(app.server.url + '#/steps/improve-wifi-signal');
    await waitForApp(other);
    await other.getByTestId('step-page').waitFor();
    assert.deepEqual(await instructions(other), before);

    // Links are the app's again.
    await page.getByRole('link', { name: 'Check whether the speaker is online, and restart the router' }).click();
    await page.waitForFunction(() => location.hash === '#/steps/check-online-restart-router');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a common question reads fully without JavaScript, and the app takes it over', async () => {
    const plain = await app.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(app.server.url + 'questions/why-does-error-1002-keep-coming-back/');
    const heading = 'Why does error 1002 keep coming back every few days?';
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const text = await page.getByRole('main').innerText();
    assert.match(text, /Sonos Boost or a mesh node/);
    assert.match(text, /Source: Guide: error 1002 during playback/);
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(data['@type'], 'FAQPage');
    assert.equal(data.mainEntity[0].name, heading);
    await page.getByRole('link', { name: 'Give the speaker a stronger Wi-Fi signal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Give the speaker a stronger Wi-Fi signal' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/help/1002/steps/improve-wifi-signal/');
    await plain.close();

    const context = await app.browser.newContext({ viewport: PHONE });
    const live = await context.newPage();
    const problems = watchForProblems(live);
    await live.goto(app.server.url + 'questions/why-does-error-1002-keep-coming-back/');
    await live.waitForFunction(() => location.hash === '#/questions/why-does-error-1002-keep-coming-back');
    await live.getByText('Fix 1002 is an independent tool').waitFor();
    assert.equal(await live.getByRole('heading', { level: 1 }).innerText(), heading);
    assert.equal(await live.getByRole('main').innerText(), text);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the structured data of a step page is a schema.org HowTo', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.server.url + 'steps/restart-speaker/');
    const json = await page.locator('script[type="application/ld+json"]').textContent();
    const data = JSON.parse(json);
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'HowTo');
    assert.equal(data.name, 'Restart the speaker');
    assert.match(data.totalTime, /^PT\d+M$/);
    assert.deepEqual(data.step.map((s) => s.text), await instructions(page));
    // Built without SITE_URL: no canonical link, as only an absolute one means anything.
    assert.equal(await page.locator('link[rel="canonical"]').count(), 0);
    await context.close();
  });
});
