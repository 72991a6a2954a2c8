// The app's takeover of a pre-rendered page keeps the reader where they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdWasm, useAppAndBrowser } from './support.mjs';

const app = useAppAndBrowser('/help/1002/');

test('the app takes over a pre-rendered page without moving it: same heading, same scroll position', async () => {
  const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  // Hold the WebAssembly back until the reader has scrolled down the pre-rendered page.
  const release = await holdWasm(page);
  await page.goto(app.server.url + 'steps/improve-wifi-signal/');
  await page.getByRole('heading', { level: 1, name: 'Give the speaker a stronger Wi-Fi signal' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 400));
  const before = await page.evaluate(() => ({ y: window.scrollY, text: document.querySelector('main').innerText }));
  assert.equal(before.y, 400);
  release();
  await page.waitForFunction(() => location.hash === '#/steps/improve-wifi-signal');
  await page.getByText('Fix 1002 is an independent tool').waitFor();
  const after = await page.evaluate(() => ({ y: window.scrollY, text: document.querySelector('main').innerText }));
  assert.equal(after.text, before.text, 'the words did not change');
  assert.equal(after.y, before.y, 'the page did not move');
  await context.close();
});
