// A pseudo-locale, built by this test only (issue 26): every English message and knowledge-base
// text accented, 40% longer and wrapped in ⟦ ⟧, served in place of a real language's files
// (Danish's) to a Danish browser. The owner's main flows then run in it at 360 px: any text
// on screen outside ⟦ ⟧ is text still written in the code rather than read from a catalog,
// and any page wider than the phone is a layout a long language breaks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE, distDir, repoRoot, screenshotDir, untilNextScreen, useAppAndBrowser } from './support.mjs';

const app = useAppAndBrowser('/help/1002/');

const ACCENTS = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ', y: 'ý',
  A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ç', N: 'Ñ', Y: 'Ý',
};

/** The pseudo form of one text: placeholders and web addresses kept, the rest accented,
 *  padded to 140% with words (a long language is long in words, not in one unbreakable run)
 *  and bracketed. */
function pseudo(text) {
  const kept = text.split(/(\{[a-z_]+\}|\b[a-z0-9.-]+\.(?:com|org|net|io)(?:\/[\w/-]*)?)/);
  const accented = kept.map((part, i) => (i % 2 ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c))).join('');
  const extra = Math.ceil(text.length * 0.4);
  const padding = ' ·····'.repeat(Math.ceil(extra / 6)).slice(0, extra);
  return `⟦${accented}${padding}⟧`;
}

/** A JSON catalog as the flat lines the page reads (crates/core/src/i18n/flat.rs), pseudo. */
function flatPseudo(json) {
  const PLURALS = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const lines = [];
  const escape = (t) => t.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  const walk = (prefix, value) => {
    for (const [name, inner] of Object.entries(value)) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (typeof inner === 'string') lines.push(`${key}\t\t${escape(pseudo(inner))}`);
      else if ('other' in inner && Object.keys(inner).every((k) => PLURALS.includes(k))) {
        // Danish has one and other; the pseudo-locale gives every form English has.
        for (const [form, text] of Object.entries(inner)) lines.push(`${key}\t${form}\t${escape(pseudo(text))}`);
      } else walk(key, inner);
    }
  };
  walk('', json);
  return lines.join('\n') + '\n';
}

const english = (file) => JSON.parse(readFileSync(join(repoRoot, 'locales/en-US', file), 'utf8'));
const PSEUDO = { messages: flatPseudo(english('messages.json')), kb: flatPseudo(english('kb.json')) };

/** The pseudo-locale split as the build splits Danish into its first and later files
 *  (crates/core/src/language_files.rs): each file holds the pseudo lines of the keys the
 *  built Danish file holds. So a text the first screens show but the split sends later is
 *  found below, as text outside ⟦ ⟧ while the later files are held back. */
const FILES = Object.fromEntries(
  ['messages.txt', 'kb.txt', 'messages.later.txt', 'kb.later.txt'].map((name) => {
    const keys = new Set(
      readFileSync(join(distDir, 'locales/da-DK', name), 'utf8')
        .split('\n')
        .map((line) => line.split('\t')[0]),
    );
    const lines = PSEUDO[name.split('.')[0]].split('\n').filter((line) => keys.has(line.split('\t')[0]));
    return [name, lines.join('\n') + '\n'];
  }),
);

/** A Danish browser whose Danish files are the pseudo-locale's. With `holdLater`, the later
 *  files are not answered until `release()` is called. */
async function openPseudo(fragment = '', { holdLater = false } = {}) {
  const context = await app.browser.newContext({ viewport: PHONE, locale: 'da-DK' });
  let release;
  const released = new Promise((resolve) => (release = resolve));
  if (!holdLater) release();
  await context.route('**/locales/da-DK/*.txt', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name.includes('.later.')) await released;
    return route.fulfill({ contentType: 'text/plain; charset=utf-8', body: FILES[name] });
  });
  const page = await context.newPage();
  await page.goto(app.server.url + fragment);
  await page.locator('html[lang="da-DK"]').waitFor();
  await page.locator('h1').first().waitFor();
  return { context, page, release };
}

/** Text on screen that is not from a catalog: outside ⟦ ⟧, with a word in it. What is English
 *  by design is left out: the guides' names in source lines (the source line keeps the English
 *  original), the product's name, and the languages' own names in the switcher. */
async function hardCoded(page) {
  return page.evaluate(() => {
    const found = [];
    // Whole blocks, not text nodes: a text with a link in it, or a message with another in a
    // placeholder (⟦Suggested because ⟦…⟧⟧), spans several nodes.
    const BLOCKS = 'h1, h2, h3, p, li, button, label, summary, a, td, th, legend';
    for (const block of document.body.querySelectorAll(BLOCKS)) {
      if (block.closest('script, style, option, [hidden], .brand, select')) continue;
      // The innermost blocks only: a list item's paragraphs are read as themselves.
      if (block.querySelector(BLOCKS)) continue;
      let text = block.textContent;
      if (block.closest('.source')) text = text.replace(/Guide: [^⟦]*/g, '');
      // Innermost first, until no bracket is left.
      for (let before = ''; before !== text; ) {
        before = text;
        text = text.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      }
      text = text
        .replace(/\b[a-z0-9.-]+\.(?:com|org|net|io)(?:\/[\w/-]*)?/g, ' ')
        .replace(/\bFix 1002\b|\bSonos\b/g, ' ');
      if (/[A-Za-z]{2,}/.test(text)) found.push(text.trim().replace(/\s+/g, ' ').slice(0, 80));
    }
    return [...new Set(found)];
  });
}

async function wider(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('the pseudo-locale finds hard-coded text and layouts that break', () => {
  test('start page, fix steps, a step page and a common question', async () => {
    const { context, page } = await openPseudo();
    const problems = [];
    for (const fragment of ['', '#/steps', '#/steps/check-online-restart-router', '#/questions/is-my-speaker-broken']) {
      await page.goto(app.server.url + fragment);
      // Not the static first screen the page is served with: the app, mounted in the language.
      await page.getByTestId('language-switcher').waitFor();
      await page.locator('h1').first().waitFor();
      for (const text of await hardCoded(page)) problems.push(`${fragment || '#/'}: “${text}”`);
      const width = await wider(page);
      if (width > PHONE.width) problems.push(`${fragment || '#/'}: ${width} px wide`);
      if (fragment === '') await page.screenshot({ path: join(screenshotDir, 'language-pseudo-start-360.png'), fullPage: true });
      if (fragment.startsWith('#/steps/')) await page.screenshot({ path: join(screenshotDir, 'language-pseudo-step-360.png'), fullPage: true });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the flow, the likely causes, a step of the plan and the hand-over to support', async () => {
    const { context, page } = await openPseudo('#/troubleshoot');
    const problems = [];
    const look = async (where) => {
      for (const text of await hardCoded(page)) problems.push(`${where}: “${text}”`);
      const width = await wider(page);
      if (width > PHONE.width) problems.push(`${where}: ${width} px wide`);
    };
    await look('first question');
    // The first answer of each question until the likely causes, then the plan, then
    // "I can't do this" on every step until the hand-over.
    for (let i = 0; i < 12; i++) {
      if (await page.getByTestId('cause').count()) {
        await look('likely causes');
        await untilNextScreen(page, () => page.locator('button.primary').first().click());
        break;
      }
      await untilNextScreen(page, () => page.locator('.answers button').first().click());
      await look(`question ${i + 2}`);
    }
    for (let i = 0; i < 15 && (await page.getByTestId('fix-step').count()); i++) {
      await look(`plan step ${i + 1}`);
      if (i === 0) await page.screenshot({ path: join(screenshotDir, 'language-pseudo-plan-step-360.png'), fullPage: true });
      await untilNextScreen(page, () => page.locator('.answer.quiet').click());
    }
    await page.getByTestId('support-summary').waitFor();
    await look('hand-over');
    const summary = await page.getByTestId('support-summary').inputValue();
    assert.ok(summary.startsWith('⟦'), summary.slice(0, 80));
    await page.screenshot({ path: join(screenshotDir, 'language-pseudo-hand-over-360.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('before the later files arrive, the start page and the first question are whole in the language', async () => {
    const { context, page, release } = await openPseudo('', { holdLater: true });
    await page.getByTestId('language-switcher').waitFor();
    assert.deepEqual(await hardCoded(page), [], 'start page');
    await page.locator('a.button.primary[href*="troubleshoot"]').click();
    await page.locator('.answers button').first().waitFor();
    assert.deepEqual(await hardCoded(page), [], 'first question');
    // An answer before the later texts are here: a loading line, then the second question,
    // in the language, once they arrive.
    await page.locator('.answers button').first().click();
    await page.getByTestId('texts-loading').waitFor();
    release();
    await page.getByTestId('texts-loading').waitFor({ state: 'detached' });
    await page.locator('.answers button').first().waitFor();
    assert.match(await page.locator('h1').innerText(), /^⟦/);
    // The question that replaced the loading line has the focus, as after any answer.
    await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
    assert.deepEqual(await hardCoded(page), [], 'second question');
    await context.close();
  });
});
