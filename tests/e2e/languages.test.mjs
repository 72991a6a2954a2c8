// The owner side in Sonos' twelve languages (issue 26), in Chromium at phone size: the first
// visit follows the browser's languages, the switcher changes the language and the device
// remembers it, the widget takes data-lang, the plan (the second wasm module) speaks the
// page's language, and a language read once works offline. Expected words come from the
// catalogs in locales/, so a test reads what a translator wrote, not a copy of it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog, PHONE, screenshotDir, serveStatic, untilNextScreen, useAppAndBrowser } from './support.mjs';

const app = useAppAndBrowser('/help/1002/');

/** A new context whose browser speaks `locales` (best first), on `fragment`, once the app has
 *  mounted in `expected` (its `<html lang>`). */
async function openIn(locales, expected, fragment = '', options = {}) {
  const context = await app.browser.newContext({ viewport: PHONE, locale: locales[0], ...options });
  // navigator.languages as a browser with several preferences gives them.
  await context.addInitScript((list) => {
    Object.defineProperty(navigator, 'languages', { get: () => list });
  }, locales);
  const page = await context.newPage();
  await page.goto(app.server.url + fragment);
  await page.locator(`html[lang="${expected}"]`).waitFor();
  await page.getByTestId('language-switcher').waitFor();
  return { context, page };
}

const h1 = (page) => page.getByRole('heading', { level: 1 });

describe('the first visit follows the browser', () => {
  test('a German browser gets the start page in German, its sections and facts too', async () => {
    const de = catalog('de-DE');
    const { context, page } = await openIn(['de-DE', 'en'], 'de-DE');
    assert.equal(await h1(page).innerText(), de('home.heading'));
    await page.getByRole('navigation', { name: de('nav.sections_label') }).waitFor();
    await page.getByRole('link', { name: de('home.start') }).waitFor();
    assert.ok((await page.locator('.facts').innerText()).includes(de('fact.not-hardware.text')));
    assert.equal(await page.title(), de('title.home'));
    assert.equal(await page.getByTestId('language-switcher').inputValue(), 'de-DE');
    await page.screenshot({ path: join(screenshotDir, 'language-de-start-360.png'), fullPage: true });
    await context.close();
  });

  test('Norwegian written no or nn reads Bokmål; a language of none of the twelve reads English; the first served preference wins', async () => {
    for (const [locales, expected] of [
      [['nn-NO'], 'nb-NO'],
      [['no'], 'nb-NO'],
      [['fi-FI'], 'en-US'],
      [['fi-FI', 'zh-TW', 'sv-SE'], 'sv-SE'],
    ]) {
      const { context, page } = await openIn(locales, expected);
      const words = catalog(expected);
      assert.equal(await h1(page).innerText(), words('home.heading'), locales.join(','));
      await context.close();
    }
  });
});

/** The texts of the elements `selector` finds that the browser broke inside a word (a line
 *  ends between two letters with neither a space nor a soft hyphen between them), or that
 *  left one character alone on a line. Each line is read off the characters' own boxes, so
 *  it is the layout as drawn. */
function brokenWords(page, selector) {
  return page.evaluate((selector) => {
    const broken = [];
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let previousTop = null;
      let previous = '';
      let between = '';
      // Letters per line.
      const lines = [0];
      let found = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // The last box: a letter after a soft hyphen where the line broke has two, the
          // hyphen drawn at the end of the line and the letter itself on the next.
          const boxes = range.getClientRects();
          const box = boxes[boxes.length - 1];
          const c = node.data[i];
          if (!box || box.width === 0 || /\s|\u00ad/.test(c)) {
            between += c;
            continue;
          }
          const newLine = previousTop !== null && box.top > previousTop + box.height / 2;
          // Japanese and Chinese lines break between characters, as they should.
          const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
          if (newLine && !/\s|\u00ad/.test(between) && !(cjk.test(c) && cjk.test(previous))) found = true;
          if (newLine) lines.push(0);
          lines[lines.length - 1] += 1;
          previousTop = box.top;
          previous = c;
          between = '';
        }
      }
      // A line of one character: a word's last letter, or a Japanese label's, left alone.
      if (lines.length > 1 && lines.includes(1)) found = true;
      if (found) broken.push(element.textContent.replace(/\u00ad/g, ''));
    }
    return broken;
  }, selector);
}

describe('every language reads at 360 px', () => {
  test('no page of the owner side is wider than a 360 px phone, in any of the twelve', async () => {
    const tags = ['en-US', 'da-DK', 'de-DE', 'es-ES', 'fr-FR', 'it-IT', 'ja-JP', 'nb-NO', 'nl-NL', 'pt-BR', 'sv-SE', 'zh-CN'];
    const pages = ['', '#/steps', '#/steps/check-online-restart-router', '#/troubleshoot', '#/questions/is-my-speaker-broken'];
    const wide = [];
    const broken = [];
    for (const tag of tags) {
      const { context, page } = await openIn([tag], tag);
      for (const fragment of pages) {
        await page.goto(app.server.url + fragment);
        await page.locator(`html[lang="${tag}"]`).waitFor();
        await h1(page).first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) wide.push(`${tag} ${fragment || '#/'}: ${width} px`);
      }
      for (const label of await brokenWords(page, '.site-header nav a')) broken.push(`${tag}: ${label}`);
      await context.close();
    }
    assert.deepEqual(wide, []);
    // The sections' names wrap between words, or at the soft hyphens their long compounds
    // carry, never inside a word ("Dépa / nnage") nor leaving a character alone ("…ティン / グ").
    assert.deepEqual(broken, []);
  });
});

describe('accessible in other languages too', () => {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  test('axe-core finds no violation in German, Japanese and Chinese pages, lang included', async () => {
    const found = [];
    for (const tag of ['de-DE', 'ja-JP', 'zh-CN']) {
      for (const fragment of ['', '#/steps/check-online-restart-router', '#/troubleshoot']) {
        // axe is injected as a script, which the app's own CSP would rightly refuse.
        const { context, page } = await openIn([tag], tag, fragment, { bypassCSP: true });
        await h1(page).first().waitFor();
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations) found.push(`${tag} ${fragment || '#/'}: ${v.id}`);
        await context.close();
      }
    }
    assert.deepEqual(found, []);
  });
});

describe('the owner can switch, and the device remembers', () => {
  test('choosing 日本語 reloads the page in Japanese and keeps it; English comes back the same way', async () => {
    const ja = catalog('ja-JP');
    const en = catalog('en-US');
    const { context, page } = await openIn(['en-US'], 'en-US', '#/steps');
    const switcher = page.getByLabel(en('shell.language'));
    // Each language offered by its own name.
    const names = await switcher.locator('option').allTextContents();
    assert.deepEqual(names.slice(0, 3), ['English', 'Dansk', 'Deutsch']);
    assert.ok(names.includes('日本語') && names.includes('Norsk bokmål'));
    await Promise.all([page.waitForEvent('load'), switcher.selectOption({ label: '日本語' })]);
    await page.locator('html[lang="ja-JP"]').waitFor();
    // Still on the same page: the fix steps, now in Japanese.
    await page.getByRole('heading', { level: 1, name: ja('steps.heading') }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('fix1002.language')), 'ja-JP');

    // A page opened later on this device, whatever the browser says, is Japanese.
    const later = await context.newPage();
    await later.goto(app.server.url);
    await later.locator('html[lang="ja-JP"]').waitFor();
    assert.equal(await h1(later).innerText(), ja('home.heading'));
    await later.screenshot({ path: join(screenshotDir, 'language-ja-start-360.png'), fullPage: true });

    await Promise.all([
      later.waitForEvent('load'),
      later.getByTestId('language-switcher').selectOption('en-US'),
    ]);
    await later.locator('html[lang="en-US"]').waitFor();
    assert.equal(await h1(later).innerText(), en('home.heading'));
    await context.close();
  });
});

describe('the flow and the plan speak the page language', () => {
  test('in German: the questions, the likely causes from the second module, and a step with the menu note', async () => {
    const de = catalog('de-DE');
    const { context, page } = await openIn(['de-DE'], 'de-DE', '#/troubleshoot');
    await h1(page).filter({ hasText: de('question.when.text') }).waitFor();
    await untilNextScreen(page, () =>
      page.getByRole('button', { name: de('question.when.answer.playback.label'), exact: true }).click(),
    );
    // "Not sure" to whatever else is asked, until the likely causes.
    for (let i = 0; i < 12; i++) {
      if ((await h1(page).innerText()) === de('causes.heading')) break;
      await untilNextScreen(page, () =>
        page.getByRole('button', { name: de('question.when.answer.not-sure.label'), exact: true }).click(),
      );
    }
    assert.equal(await h1(page).innerText(), de('causes.heading'));
    await page.getByRole('button', { name: de('causes.start_plan') }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'language-de-causes-360.png'), fullPage: true });
    await untilNextScreen(page, () => page.getByRole('button', { name: de('causes.start_plan') }).click());
    await page.getByRole('heading', { level: 2, name: de('fix.did_it_work') }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'language-de-step-360.png'), fullPage: true });
    await context.close();
  });

  test('a step page in French names its menu in English, with the note that says why', async () => {
    const fr = catalog('fr-FR');
    const { context, page } = await openIn(['fr-FR'], 'fr-FR', '#/steps/readd-service-account');
    await h1(page).filter({ hasText: fr('step.readd-service-account.title') }).waitFor();
    const instructions = await page.locator('.instructions').innerText();
    assert.ok(instructions.includes('Settings > Services and Voice'), instructions);
    assert.equal(await page.getByTestId('menu-note').innerText(), fr('common.menu_note'));
    await context.close();
  });
});

describe('the widget and offline use', () => {
  test('the panel takes data-lang, and else the host page lang; so do the launcher and the panel\'s name', async () => {
    const hostDir = mkdtempSync(join(tmpdir(), 'fix1002-lang-host-'));
    const host = await serveStatic(hostDir, '/');
    try {
      for (const [name, attributes, hostLang, tag] of [
        ['data-lang.html', 'data-lang="es"', 'en', 'es-ES'],
        ['host-lang.html', '', 'it-IT', 'it-IT'],
        // Norwegian as browsers and pages often tag it, and as the app matches it.
        ['host-no.html', '', 'no', 'nb-NO'],
        // A page in a language of none of the twelve: the browser's (English here) decides.
        ['host-ko.html', '', 'ko', 'en-US'],
      ]) {
        writeFileSync(
          join(hostDir, name),
          `<!DOCTYPE html><html lang="${hostLang}"><head><title>Host</title><link rel="icon" href="data:,"></head>` +
            `<body><h1>Host</h1><script src="${app.server.url}embed.js" ${attributes} async></script></body></html>`,
        );
        const words = catalog(tag);
        const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
        const page = await context.newPage();
        await page.goto(host.url + name);
        const launcher = page.getByRole('button', { name: words('widget.launcher') });
        assert.equal(await launcher.getAttribute('lang'), tag);
        await launcher.click();
        await page.getByRole('dialog', { name: words('widget.panel') }).waitFor();
        await page.getByRole('button', { name: words('widget.close') }).waitFor();
        const frame = page.frameLocator(`iframe[title="${words('widget.panel')}"]`);
        await frame.locator(`html[lang="${tag}"]`).waitFor();
        await frame.getByRole('heading', { level: 1 }).filter({ hasText: words('question.when.text') }).waitFor();
        await context.close();
      }
    } finally {
      await host.close();
      rmSync(hostDir, { recursive: true, force: true });
    }
  });

  test('a language read once works offline; one never downloaded says so and shows English', async () => {
    const de = catalog('de-DE');
    const en = catalog('en-US');
    const { context, page } = await openIn(['de-DE'], 'de-DE');
    const consoleLines = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The worker keeps the language's files once it is active: all four can be read back whole
    // from the cache (a listed entry alone could still be being written).
    await page.waitForFunction(async () => {
      const base = new URL('locales/de-DE/', document.baseURI).href;
      const bodies = await Promise.all(
        ['messages.txt', 'kb.txt', 'messages.later.txt', 'kb.later.txt'].map(async (file) => {
          const hit = await caches.match(base + file);
          return hit ? (await hit.text()).length : 0;
        }),
      );
      return bodies.every((length) => length > 0);
    });
    await context.setOffline(true);
    await page.reload();
    // Whatever language the app mounts in, say which and why, rather than only timing out.
    await page.getByTestId('language-switcher').waitFor();
    const lang = await page.locator('html').getAttribute('lang');
    assert.equal(lang, 'de-DE', `offline reload mounted in ${lang}; console:\n${consoleLines.join('\n')}`);
    assert.equal(await h1(page).innerText(), de('home.heading'));

    // Choosing Swedish offline: never downloaded here.
    await Promise.all([page.waitForEvent('load'), page.getByTestId('language-switcher').selectOption('sv-SE')]);
    await page.locator('html[lang="en-US"]').waitFor();
    assert.equal(await h1(page).innerText(), en('home.heading'));
    const note = await page.getByTestId('language-unavailable').innerText();
    assert.ok(note.startsWith('Svenska'), note);
    await context.close();
  });
});

describe('the pages in each language', () => {
  test('a German step page opens the app in German in an English browser, and the device keeps German', async () => {
    const de = catalog('de-DE');
    const context = await app.browser.newContext({ viewport: PHONE, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.server.url + 'de/steps/restart-speaker/');
    await page.getByTestId('language-switcher').waitFor();
    await page.locator('html[lang="de-DE"]').waitFor();
    assert.equal(await h1(page).innerText(), de('step.restart-speaker.title'));
    // The app moved the address to its route at the root, and the language stays on reload.
    assert.equal(new URL(page.url()).pathname, '/help/1002/');
    await page.reload();
    await page.getByTestId('language-switcher').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de-DE');
    assert.equal(await h1(page).innerText(), de('step.restart-speaker.title'));
    await context.close();
  });

  test('each page names its version in every language, x-default English, and each named page is that language', async () => {
    const context = await app.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.server.url + 'ja/steps/');
    const links = await page.locator('link[rel=alternate][hreflang]').evaluateAll((all) =>
      all.map((l) => [l.getAttribute('hreflang'), l.href]),
    );
    assert.equal(links.length, 13);
    const hreflangs = links.map(([lang]) => lang);
    for (const tag of ['en-US', 'da-DK', 'de-DE', 'es-ES', 'fr-FR', 'it-IT', 'ja-JP', 'nb-NO', 'nl-NL', 'pt-BR', 'sv-SE', 'zh-CN', 'x-default']) {
      assert.ok(hreflangs.includes(tag), tag);
    }
    for (const [hreflang, href] of links) {
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, href);
      const lang = /<html lang="([^"]+)"/.exec(await response.text())[1];
      assert.equal(lang, hreflang === 'x-default' || hreflang === 'en-US' ? 'en' : hreflang, href);
    }
    await context.close();
  });
});
