// The widget on a help site's page (issue 27): the site's own example (examples/widget-host/),
// served from another origin under a strict Content-Security-Policy, with its own launcher,
// its event handlers and its hand-over into its own support form and a mailto: link.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, repoRoot, serveStatic, untilNextScreen, watchForProblems } from './support.mjs';

let browser;
let app;
let host;
let hostDir;
before(async () => {
  browser = await launchChromium();
  // Where the example expects the widget: https://help.example.com/sonos/1002/.
  app = await serveStatic(undefined, '/sonos/1002/');
  hostDir = mkdtempSync(join(tmpdir(), 'fix1002-help-site-'));
  host = await serveStatic(hostDir, '/');
  const example = (name) => readFileSync(join(repoRoot, 'examples/widget-host', name), 'utf8');
  const widgetOrigin = new URL(app.url).origin;
  writeFileSync(join(hostDir, 'index.html'), example('index.html').replaceAll('https://help.example.com', widgetOrigin));
  writeFileSync(join(hostDir, 'host.js'), example('host.js'));
  // A browser asks every site for one.
  writeFileSync(join(hostDir, 'favicon.ico'), '');
  // The same page with a recorder of every payload beside the example's own handlers.
  writeFileSync(
    join(hostDir, 'recorded.html'),
    example('index.html')
      .replaceAll('https://help.example.com', widgetOrigin)
      .replace('<script src="host.js"></script>', '<script src="host.js"></script><script src="record.js"></script>'),
  );
  writeFileSync(
    join(hostDir, 'record.js'),
    `window.__events = [];
     ['open', 'close', 'question', 'plan', 'step', 'outcome', 'resolved', 'handover'].forEach(function (name) {
       Fix1002('on', name, function (payload) { window.__events.push(payload); });
     });`,
  );
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

const frameSelector = 'iframe[title="Fix 1002 help"]';
const MARKER = 'Zebra-Marker-4417';

async function newPage(t, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  t.after(() => context.close());
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  return { page, violations };
}

/** Answers until the plan can start, starts it, marks `failed` steps not fixed, then asks for
 *  support: the hand-over screen, in the frame. */
async function journeyToHandOver(frame, failed = 1) {
  await untilNextScreen(frame, () => frame.getByRole('button', { name: 'During a software update' }).click());
  const plan = frame.getByRole('button', { name: 'Start the fix plan' });
  for (let i = 0; i < 10 && !(await plan.count()); i++) {
    await untilNextScreen(frame, () => frame.getByRole('button', { name: 'Not sure', exact: true }).first().click());
  }
  await untilNextScreen(frame, () => plan.click());
  for (let i = 0; i < failed; i++) {
    await untilNextScreen(frame, () => frame.getByRole('button', { name: 'No, still error 1002' }).click());
  }
  await untilNextScreen(frame, () => frame.getByRole('button', { name: 'Contact Sonos support now' }).click());
}

describe("the widget on a help site's page", () => {
  test('a whole journey: every event in order, the hand-over fills the form and the mailto: link, and nothing else carries what the owner typed', async (t) => {
    const { page, violations } = await newPage(t);
    const problems = watchForProblems(page);
    await page.goto(host.url + 'recorded.html');
    const open = page.getByRole('button', { name: 'Find the fix' });
    // data-launcher="none": the site's own button is the only way in.
    await page.waitForFunction(() => window.Fix1002 && window.Fix1002.loaded);
    assert.equal(await page.getByRole('button', { name: 'Help with Sonos error 1002' }).count(), 0);
    await open.click();
    assert.equal(await open.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => Fix1002('isOpen')), true);
    const frame = page.frameLocator(frameSelector);
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    await journeyToHandOver(frame);

    // The owner types a model, a service and a note, which go into the summary.
    for (const id of ['model-name', 'service-name', 'summary-notes']) {
      const field = frame.locator(`#${id}`);
      if (await field.count()) await field.fill(`${MARKER} ${id}`);
    }
    const summary = await frame.getByTestId('support-summary').inputValue();
    assert.ok(summary.includes(`${MARKER} summary-notes`), summary);
    const handOver = frame.getByRole('button', { name: 'Contact our support team' });
    await handOver.waitFor();
    assert.ok(!(await page.evaluate(() => window.__events.some((e) => e.type === 'handover'))), 'nothing before the click');
    await handOver.click();

    // Example 1: the form, prefilled; example 2: the mailto: link.
    await page.waitForFunction(() => document.getElementById('support-message').value.length > 0);
    assert.equal(await page.locator('#support-message').inputValue(), summary);
    const mail = new URL(await page.locator('#support-mail').getAttribute('href'));
    assert.equal(mail.protocol, 'mailto:');
    assert.equal(new URLSearchParams(mail.search).get('body'), summary);
    assert.equal(new URLSearchParams(mail.search).get('subject'), 'Sonos error 1002');
    // The example closes the panel, and focus lands in its form.
    await page.locator(frameSelector).waitFor({ state: 'hidden' });
    assert.equal(await open.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'support-message');

    const events = await page.evaluate(() => window.__events);
    const names = events.map((e) => e.type);
    const plan = names.indexOf('plan');
    assert.equal(names[0], 'open');
    assert.ok(plan > 2 && names.slice(1, plan).every((n) => n === 'question'), names.join(' '));
    assert.deepEqual(names.slice(plan), ['plan', 'step', 'outcome', 'step', 'handover', 'close']);
    assert.ok(events.every((e) => e.version === 1));
    assert.equal(events[1].question, 'when');
    assert.equal(events[1].number, 1);
    assert.ok(events[plan].causes.length > 0);
    const outcome = events[plan + 2];
    assert.deepEqual(outcome, { type: 'outcome', version: 1, step: events[plan + 1].step, outcome: 'not-fixed' });
    const handover = events[plan + 4];
    assert.equal(handover.summary, summary);
    assert.deepEqual(handover.steps, [{ step: events[plan + 1].step, outcome: 'not-fixed' }]);
    assert.ok(handover.causes.length > 0);
    assert.equal(handover.language, 'en-US');
    // No payload but the consented hand-over carries what the owner typed.
    for (const event of events.filter((e) => e.type !== 'handover')) {
      assert.ok(!JSON.stringify(event).includes(MARKER), JSON.stringify(event));
    }
    assert.ok(JSON.stringify(handover).includes(MARKER));
    assert.deepEqual(violations, [], 'the strict policy was never broken');
    assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
  });

  test('a resolved journey is counted; the host button gets focus back when the panel closes', async (t) => {
    const { page } = await newPage(t);
    await page.goto(host.url + 'index.html');
    const open = page.getByRole('button', { name: 'Find the fix' });
    await page.waitForFunction(() => window.Fix1002 && window.Fix1002.loaded);
    await open.click();
    const frame = page.frameLocator(frameSelector);
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    await untilNextScreen(frame, () => frame.getByRole('button', { name: 'During a software update' }).click());
    const plan = frame.getByRole('button', { name: 'Start the fix plan' });
    for (let i = 0; i < 10 && !(await plan.count()); i++) {
      await untilNextScreen(frame, () => frame.getByRole('button', { name: 'Not sure', exact: true }).first().click());
    }
    await untilNextScreen(frame, () => plan.click());
    await untilNextScreen(frame, () => frame.getByRole('button', { name: 'Yes, it’s fixed' }).click());
    await page.locator('#resolved-count').filter({ hasText: '1' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator(frameSelector).waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'open-help');
    assert.equal(await open.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => Fix1002('isOpen')), false);
  });

  test('messages that are not the frame’s are ignored, and the frame takes orders from no page', async (t) => {
    const { page } = await newPage(t);
    await page.goto(host.url + 'recorded.html');
    await page.waitForFunction(() => window.Fix1002 && window.Fix1002.loaded);
    await page.getByRole('button', { name: 'Find the fix' }).click();
    const frame = page.frameLocator(frameSelector);
    const heading = frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' });
    await heading.waitFor();
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'question'));
    const before = await page.evaluate(() => window.__events.length);

    // The host page (or a script on it) forging the frame's messages.
    await page.evaluate(() => {
      window.postMessage({ type: 'fix1002:event', version: 1, event: 'resolved', detail: { step: 'forged' } }, '*');
      window.postMessage({ type: 'fix1002:close' }, '*');
    });
    // Another frame, of the widget's own origin but not the widget's, doing the same.
    await page.evaluate((src) => {
      const other = document.createElement('iframe');
      other.src = src;
      other.title = 'other';
      document.body.append(other);
    }, app.url + 'steps/');
    // Found by its element: the app in it may move its address as soon as it mounts.
    const other = await (await page.waitForSelector('iframe[title=other]')).contentFrame();
    await other.waitForLoadState();
    await other.evaluate(() => {
      parent.postMessage({ type: 'fix1002:event', version: 1, event: 'resolved', detail: { step: 'forged' } }, '*');
      parent.postMessage({ type: 'fix1002:close' }, '*');
    });
    // A hostile page's orders to the frame: the app listens to no message.
    await page.evaluate(() => {
      const widget = document.querySelector('fix1002-widget').shadowRoot.querySelector('iframe').contentWindow;
      widget.postMessage({ type: 'fix1002:close' }, '*');
      widget.postMessage({ type: 'fix1002:event', event: 'handover', detail: {} }, '*');
      widget.postMessage({ hash: '#/decode', navigate: '#/decode' }, '*');
    });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => Fix1002('isOpen')), true, 'the panel stayed open');
    const after = await page.evaluate(() => window.__events);
    assert.equal(after.length, before, `no forged event: ${JSON.stringify(after.slice(before))}`);
    await heading.waitFor();
    const frameUrl = page.frames().find((f) => f.url().includes('embed=1')).url();
    assert.match(frameUrl, /#\/troubleshoot$/);
  });

  test('open at a place, partway through the flow, or at a place it does not offer', async (t) => {
    const { page } = await newPage(t);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(host.url + 'recorded.html');
    await page.waitForFunction(() => window.Fix1002 && window.Fix1002.loaded);
    const frame = page.frameLocator(frameSelector);
    await page.evaluate(() => Fix1002('open', 'steps/restart-speaker'));
    await frame.getByRole('heading', { level: 1, name: 'Restart the speaker' }).waitFor();
    // Partway: "During a software update" already answered.
    await page.evaluate(() => Fix1002('open', 'troubleshoot', { when: 'update' }));
    await frame.getByRole('heading', { level: 1, name: 'Has a speaker stopped responding since a firmware update?' }).waitFor();
    await frame.getByTestId('question-number').filter({ hasText: '2' }).waitFor();
    // An answer that does not exist starts at the first question.
    await page.evaluate(() => Fix1002('open', 'troubleshoot', { when: 'yesterday' }));
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    // A place the widget does not offer: its first section, and the console says so.
    await page.evaluate(() => Fix1002('open', 'steps/restart-speaker'));
    await frame.getByRole('heading', { level: 1, name: 'Restart the speaker' }).waitFor();
    await page.evaluate(() => Fix1002('open', 'billing'));
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    assert.ok(warnings.some((w) => w.includes('"billing"')), warnings.join('\n'));
    // One open event for the panel's opening, not one per place.
    const opens = await page.evaluate(() => window.__events.filter((e) => e.type === 'open').length);
    assert.equal(opens, 1);
  });
});

describe('the launcher and the panel, shaped by the editor', () => {
  let pageNumber = 0;
  function publish(attributes) {
    const name = `shaped-${++pageNumber}.html`;
    writeFileSync(
      join(hostDir, name),
      `<!DOCTYPE html><html lang="en"><head><title>Shop</title><link rel="icon" href="data:,"></head><body>` +
        `<h1>Shop</h1><p>${'Text of the page. '.repeat(80)}</p>` +
        `<script src="${app.url}embed.js" ${attributes} async></script></body></html>`,
    );
    return host.url + name;
  }

  test('at 360 px the launcher is a round button with the same name; data-label still names it', async (t) => {
    for (const [attributes, name] of [
      ['', 'Help with Sonos error 1002'],
      ['data-label="Need help?"', 'Need help?'],
    ]) {
      const { page } = await newPage(t, { width: 360, height: 740 });
      await page.goto(publish(attributes));
      const launcher = page.getByRole('button', { name, exact: true });
      await launcher.waitFor();
      const box = await launcher.boundingBox();
      assert.ok(box.width <= 56 && box.height <= 56 && box.width >= 44 && box.height >= 44, JSON.stringify(box));
      await launcher.click();
      await page.locator(frameSelector).waitFor();
    }
    // On a wide screen it stays a pill with its words.
    const { page } = await newPage(t);
    await page.goto(publish(''));
    const box = await page.getByRole('button', { name: 'Help with Sonos error 1002' }).boundingBox();
    assert.ok(box.width > 150, JSON.stringify(box));
  });

  test('data-start opens the troubleshooter partway, with answers that exist only', async (t) => {
    for (const [start, heading] of [
      ['troubleshoot?when=update', 'Has a speaker stopped responding since a firmware update?'],
      ['troubleshoot?when=<b>x</b>', 'When do you see error 1002?'],
      ['troubleshoot?when=tomorrow', 'When do you see error 1002?'],
    ]) {
      const { page } = await newPage(t);
      await page.goto(publish(`data-start="${start.replaceAll('<', '&lt;').replaceAll('>', '&gt;')}"`));
      await page.getByRole('button', { name: 'Help with Sonos error 1002' }).click();
      await page.frameLocator(frameSelector).getByRole('heading', { level: 1, name: heading }).waitFor();
    }
  });

  test('data-title and data-offset are applied; values that are not plain are refused', async (t) => {
    const { page } = await newPage(t);
    await page.goto(publish('data-title="Example Audio help" data-offset="40" data-position="left"'));
    await page.getByRole('button', { name: 'Help with Sonos error 1002' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fix 1002 help' });
    await dialog.waitFor();
    assert.ok((await dialog.innerText()).startsWith('Example Audio help'));
    const place = await page.evaluate(() => {
      const widget = document.querySelector('fix1002-widget');
      return { bottom: getComputedStyle(widget).bottom, left: getComputedStyle(widget).left };
    });
    assert.deepEqual(place, { bottom: '40px', left: '40px' });

    const { page: other } = await newPage(t);
    await other.goto(publish('data-title="" data-offset="40px; top: 0" data-handover-label="<b>x</b>"'));
    await other.getByRole('button', { name: 'Help with Sonos error 1002' }).waitFor();
    const fallback = await other.evaluate(() => getComputedStyle(document.querySelector('fix1002-widget')).bottom);
    assert.equal(fallback, '16px');
  });

  test('destroy removes every listener, frame and style it added', async (t) => {
    const { page } = await newPage(t);
    // Counts the listeners the widget's script adds to and removes from the page's window and
    // document (by the script in the stack: Playwright adds listeners of its own).
    await page.addInitScript(() => {
      window.__listeners = new Map();
      for (const target of [window, document]) {
        const add = target.addEventListener.bind(target);
        const remove = target.removeEventListener.bind(target);
        target.addEventListener = (type, listener, options) => {
          if (new Error().stack.includes('embed.js')) {
            window.__listeners.set(listener, (window.__listeners.get(listener) ?? 0) + 1);
          }
          return add(type, listener, options);
        };
        target.removeEventListener = (type, listener, options) => {
          if (window.__listeners.has(listener)) window.__listeners.set(listener, window.__listeners.get(listener) - 1);
          return remove(type, listener, options);
        };
      }
    });
    await page.goto(publish('data-launcher="none"'));
    await page.waitForFunction(() => window.Fix1002 && window.Fix1002.loaded);
    const before = await page.evaluate(() => ({
      sheets: document.adoptedStyleSheets.length + document.styleSheets.length,
      style: document.documentElement.getAttribute('style'),
    }));
    assert.ok(await page.evaluate(() => [...window.__listeners.values()].some((n) => n > 0)), 'the widget listens');
    await page.evaluate(() => Fix1002('on', 'close', () => {}));
    await page.evaluate(() => Fix1002('open'));
    await page.locator(frameSelector).waitFor();
    await page.evaluate(() => Fix1002('destroy'));
    const after = await page.evaluate(() => ({
      listening: [...window.__listeners.values()].filter((n) => n > 0).length,
      widgets: document.querySelectorAll('fix1002-widget').length,
      frames: document.querySelectorAll('iframe').length,
      sheets: document.adoptedStyleSheets.length + document.styleSheets.length,
      style: document.documentElement.getAttribute('style'),
      global: typeof window.Fix1002,
    }));
    assert.deepEqual(after, { listening: 0, widgets: 0, frames: 0, sheets: before.sheets, style: before.style, global: 'undefined' });
  });
});
