// The app shell, end to end: the release build served from a sub-path of a plain static server,
// driven in headless Chromium. Guards navigation, deep links, reloads, the footer notice, and
// a clean console; leaves screenshots at phone and desktop sizes in tests/e2e/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  launchChromium,
  screenshotDir,
  serveStatic,
  waitForApp,
  watchForProblems,
} from './support.mjs';

// A help site publishes the build under its own path; the app must not assume the root.
const SUB_PATH = '/help/1002/';

const SECTIONS = [
  { link: 'Troubleshoot', fragment: '#/troubleshoot', heading: 'When do you see error 1002?' },
  { link: 'Decode a fault', fragment: '#/decode', heading: 'Decode a SMAPI fault' },
  { link: 'Fix steps', fragment: '#/steps', heading: 'Fix steps' },
];

const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
};

let server;
let browser;

before(async () => {
  server = await serveStatic(undefined, SUB_PATH);
  browser = await launchChromium();
  await mkdir(screenshotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(viewport = VIEWPORTS.phone) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  return { context, page, problems };
}

describe('app shell', () => {
  test('every section is reachable by clicking its link, and the URL names it', async () => {
    const { context, page, problems } = await openPage();
    await page.goto(server.url);
    await waitForApp(page);
    await assert.doesNotReject(
      page.getByRole('heading', { level: 1, name: /error 1002/ }).waitFor(),
    );

    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const section of SECTIONS) {
      await nav.getByRole('link', { name: section.link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: section.heading }).waitFor();
      assert.equal(new URL(page.url()).hash, section.fragment);
      assert.equal(
        await nav.getByRole('link', { name: section.link, exact: true }).getAttribute('aria-current'),
        'page',
      );
      // Focus moves to the new page's heading, so screen readers announce the arrival.
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a deep link opens its section and survives a reload', async () => {
    for (const section of SECTIONS) {
      const { context, page, problems } = await openPage();
      await page.goto(server.url + section.fragment);
      await page.getByRole('heading', { level: 1, name: section.heading }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: section.heading }).waitFor();
      assert.match(await page.title(), new RegExp(section.link));
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('Back returns to the previous section', async () => {
    const { context, page, problems } = await openPage();
    await page.goto(server.url + '#/decode');
    await waitForApp(page);
    await page.getByRole('link', { name: 'Fix steps', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fix steps' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Decode a SMAPI fault' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an unknown link gets a helpful page, not a blank screen', async () => {
    const { context, page, problems } = await openPage();
    await page.goto(server.url + '#/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Troubleshoot' }).click();
    await page.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a step page keeps general advice apart from the cited instructions, and gives durations as estimates', async () => {
    const { context, page, problems } = await openPage();
    await page.goto(server.url + '#/steps/keep-phone-near-access-point');
    const advice = page.getByTestId('general-advice');
    await advice.waitFor();
    assert.match(await advice.innerText(), /^General advice, not from the guides:[\s\S]*Wi-Fi Assist/);
    assert.doesNotMatch(await page.locator('ol.instructions').innerText(), /Wi-Fi Assist/);
    assert.match(await page.locator('p.minutes').innerText(), /^About \d+ minutes \(an estimate\)/);
    assert.match(await page.locator('p.source').innerText(), /^Source: /);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the footer says the tool is independent of Sonos', async () => {
    const { context, page } = await openPage();
    await page.goto(server.url);
    await waitForApp(page);
    const footer = page.getByRole('contentinfo');
    assert.match(await footer.innerText(), /not made by, endorsed by or affiliated with Sonos/);
    await context.close();
  });

  test('the keyboard reaches the skip link first, and it jumps to the content', async () => {
    const { context, page } = await openPage(VIEWPORTS.desktop);
    await page.goto(server.url + '#/troubleshoot');
    await waitForApp(page);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.innerText(), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    assert.equal(new URL(page.url()).hash, '#/troubleshoot', 'the route is kept');
    await context.close();
  });

  test('nothing overflows sideways on a 360 px phone', async () => {
    const { context, page } = await openPage(VIEWPORTS.phone);
    for (const fragment of ['#/', ...SECTIONS.map((s) => s.fragment)]) {
      await page.goto(server.url + fragment);
      await waitForApp(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `${fragment} is wider than the screen by ${overflow}px`);
    }
    // All three sections stay in sight on a phone: none hidden behind a sideways scroll.
    for (const section of SECTIONS) {
      const box = await page.getByRole('link', { name: section.link, exact: true }).first().boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= VIEWPORTS.phone.width, `${section.link} is cut off`);
      assert.ok(box.height >= 44, `${section.link} is a small touch target (${box.height}px)`);
    }
    await context.close();
  });

  test('screenshots at phone and desktop sizes', async () => {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { context, page, problems } = await openPage(viewport);
      for (const fragment of ['#/', ...SECTIONS.map((s) => s.fragment)]) {
        await page.goto(server.url + fragment);
        await waitForApp(page);
        const slug = fragment.replace(/[#/]/g, '') || 'home';
        await page.screenshot({ path: join(screenshotDir, `${slug}-${name}.png`), fullPage: true });
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});

describe('touch screens (issue 14)', () => {
  test('hover styles apply only where a pointer can hover, so a tapped screen shows no false choice', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url + '#/troubleshoot');
    await page.getByRole('button', { name: 'While playing or browsing music' }).waitFor();
    const found = await page.evaluate(() => {
      const loose = [];
      const visit = (rules, insideHoverMedia) => {
        for (const rule of rules) {
          if (rule instanceof CSSMediaRule) {
            visit(rule.cssRules, insideHoverMedia || /\(hover:\s*hover\)/.test(rule.conditionText));
          } else if (rule.selectorText?.includes(':hover') && !insideHoverMedia) {
            loose.push(rule.selectorText);
          }
        }
      };
      let hoverRules = 0;
      for (const sheet of document.styleSheets) {
        visit(sheet.cssRules, false);
        hoverRules += [...sheet.cssRules].filter((r) => r.cssText.includes(':hover')).length;
      }
      return { loose, hoverRules, canHover: matchMedia('(hover: hover)').matches };
    });
    assert.deepEqual(found.loose, [], 'every :hover rule sits inside @media (hover: hover)');
    assert.ok(found.hoverRules > 0, 'the stylesheet has hover rules to check');
    assert.equal(found.canHover, false, 'the emulated phone cannot hover');

    // Tap an answer; the answer that lands under the finger on the next question looks plain.
    const first = page.getByRole('button', { name: 'While playing or browsing music' });
    const box = await first.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole('heading', { level: 1, name: /keep coming back/ }).waitFor();
    const under = await page.evaluate(([x, y]) => {
      const button = document.elementFromPoint(x, y)?.closest('button.answer');
      const plain = document.querySelector('button.answer:not(:hover)');
      return button && plain ? [getComputedStyle(button).borderColor, getComputedStyle(plain).borderColor] : null;
    }, [box.x + box.width / 2, box.y + box.height / 2]);
    if (under) assert.equal(under[0], under[1], 'the button under the finger looks like the others');
    await context.close();
  });
});
