// The troubleshooter's first question does not wait for the wasm (issue 26): it is a
// pre-rendered page in each language whose answers are links. A tap before the app has arrived
// is kept, the page never flashes back to the start page, and the app continues from the
// answer over the same words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog, holdWasm, PHONE, useAppAndBrowser } from './support.mjs';

const app = useAppAndBrowser('/help/1002/');

const english = {
  'home.heading': 'Sonos says error 1002? Let’s fix it.',
  'question.when.text': 'When do you see error 1002?',
  'question.when.answer.update.label': 'During a software update',
};

for (const [tag, folder] of [
  ['en-US', ''],
  ['de-DE', 'de/'],
]) {
  test(`${tag}: an answer tapped before the wasm has arrived is where the app continues`, async () => {
    const words = tag === 'en-US' ? (key) => english[key] : catalog(tag);
    // An English browser either way: the page's folder, not the browser, names the language.
    const context = await app.browser.newContext({ viewport: PHONE, locale: 'en-US' });
    const page = await context.newPage();
    const release = await holdWasm(page);
    // Every heading the page ever shows, to prove it never went back to a start page.
    await page.addInitScript(() => {
      window.__headings = [];
      new MutationObserver(() => {
        const text = document.querySelector('h1')?.textContent;
        if (text && window.__headings.at(-1) !== text) window.__headings.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${app.server.url}${folder}troubleshoot/`);
    const first = page.getByRole('heading', { level: 1, name: words('question.when.text') });
    await first.waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), tag === 'en-US' ? 'en' : tag);

    // The answers are links, tappable now, with no app.
    const answer = page.getByRole('link', { name: words('question.when.answer.update.label') });
    await answer.click();
    assert.equal(new URL(page.url()).pathname, `/help/1002/${folder}troubleshoot/`, 'no page load');
    assert.equal(new URL(page.url()).hash, '#/troubleshoot?s=when:update');
    await first.waitFor();

    release();
    // The app mounts at the answer: the second question, at the site root.
    await page.getByTestId('question-number').filter({ hasText: '2' }).waitFor();
    await page.locator('button.answer').first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/help/1002/');
    assert.equal(new URL(page.url()).hash, '#/troubleshoot?s=when:update');
    assert.equal(await page.locator('html').getAttribute('lang'), tag);
    const headings = await page.evaluate(() => window.__headings);
    assert.equal(headings[0], words('question.when.text'));
    assert.ok(!headings.includes(words('home.heading')), `never the start page: ${headings}`);
    assert.equal(headings.length, 2, `the first question, then the second: ${headings}`);
    await context.close();
  });
}
