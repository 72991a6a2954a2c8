// The embedded help widget: a guest on someone else's page. It works there, leaves the page as
// it was, can't be turned against it through its own data attributes, keeps focus while its
// panel is open, and goes away for good when told to.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveStatic, untilNextScreen, watchForProblems } from './support.mjs';

let browser;
let app;
let host;
let hostDir;
before(async () => {
  browser = await launchChromium();
  app = await serveStatic(undefined, '/help/');
  hostDir = mkdtempSync(join(tmpdir(), 'fix1002-host-'));
  host = await serveStatic(hostDir, '/');
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

/** A retailer's page of another origin, with aggressive global CSS of its own. */
function hostPage(body, { head = '' } = {}) {
  return `<!DOCTYPE html><html lang="en"><head><title>Retailer</title><link rel="icon" href="data:,">${head}
    <style>* { font-family: serif !important; color: rgb(200, 0, 0) !important; }
      button { display: none !important; } iframe { width: 10px !important; }
      div { border: 5px solid lime !important; }</style></head>
    <body><h1 id="host-title">Retailer support</h1><p>Our own page, with <a href="#a">a link</a>
    and <a href="#b">another</a>.</p>${body}</body></html>`;
}

/** Writes a host page and returns its URL. */
function publish(name, html) {
  writeFileSync(join(hostDir, name), html);
  return host.url + name;
}

const tag = (attrs = '') => `<script src="${app.url}embed.js" ${attrs} async></script>`;
const frameSelector = 'iframe[title="Fix 1002 help"]';

async function newPage(t, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  t.after(() => context.close());
  return context.newPage();
}

/** Publishes a host page carrying the widget with `attrs`, opens its panel, returns both. */
async function openPanel(t, name, attrs) {
  const url = publish(name, hostPage(tag(attrs)));
  const page = await newPage(t, { width: 1280, height: 800 });
  await page.goto(url);
  await page.getByRole('button', { name: 'Help with Sonos error 1002' }).click();
  return { page, frame: page.frameLocator(frameSelector) };
}

const hostState = (page) =>
  page.evaluate(() => {
    const title = getComputedStyle(document.getElementById('host-title'));
    return {
      globals: Object.keys(window).sort(),
      sheets: document.styleSheets.length,
      head: document.head.innerHTML,
      title: [...title].map((p) => title.getPropertyValue(p)).join(';'),
    };
  });

describe('embedded help widget', () => {
  test('opens from its launcher, runs a flow, closes with Escape, and leaves the host page as it was', async (t) => {
    const plain = publish('plain.html', hostPage(''));
    const widget = publish(
      'widget.html',
      hostPage(tag('data-start="troubleshoot" data-label="Need help?" data-accent="#223399"')),
    );
    const page = await newPage(t);
    const problems = watchForProblems(page);
    await page.goto(plain);
    const before = await hostState(page);
    await page.goto(widget);
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
    assert.equal(
      await launcher.evaluate((b) => getComputedStyle(b).backgroundColor),
      'rgb(34, 51, 153)',
      'the accent is applied',
    );

    await launcher.click();
    const frame = page.frameLocator(frameSelector);
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    const box = await page.locator(frameSelector).boundingBox();
    assert.ok(box.width > 300, 'the host CSS did not squash the panel');
    await frame.getByRole('button', { name: 'During a software update' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Has a speaker stopped responding since a firmware update?' }).waitFor();
    assert.equal(await frame.getByRole('link', { name: 'Fix 1002' }).count(), 0, 'no site header in the panel');

    // Escape inside the assistant closes the panel and gives focus back to the launcher.
    await frame.getByRole('button', { name: 'Yes, a speaker is unresponsive' }).focus();
    await page.keyboard.press('Escape');
    await page.locator(frameSelector).waitFor({ state: 'hidden' });
    assert.equal(
      await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.textContent),
      'Need help?',
    );
    // The close button does the same.
    await launcher.click();
    await page.getByRole('button', { name: 'Close help' }).click();
    await page.locator(frameSelector).waitFor({ state: 'hidden' });
    assert.equal(await hostState(page).then((s) => s.title), before.title);
    assert.deepEqual(problems, []);
  });

  test('fills a phone screen, and the API queued before loading works, then destroy removes it', async (t) => {
    const url = publish(
      'queued.html',
      hostPage(`<script>window.Fix1002 = window.Fix1002 || function () { (Fix1002.q = Fix1002.q || []).push(arguments) };
        Fix1002('open');</script>${tag('data-start="decode"')}`),
    );
    const page = await newPage(t, { width: 360, height: 740 });
    await page.goto(url);
    const frame = page.frameLocator(frameSelector);
    await frame.getByRole('heading', { level: 1, name: 'Decode a SMAPI fault' }).waitFor();
    const box = await page.locator(frameSelector).boundingBox();
    assert.equal(box.width, 360, 'full width on a phone');
    assert.ok(box.height > 600, 'full height on a phone');
    // The decoder's own module loads inside the panel (from the assistant's origin) and decodes.
    await frame.getByLabel('SOAP response').fill('<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>x</faultstring></Fault>');
    assert.equal(await frame.getByTestId('fault-code').innerText(), 'LoginInvalid');
    await page.evaluate(() => window.Fix1002.destroy());
    assert.equal(await page.locator('fix1002-widget').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.Fix1002), 'undefined');
  });

  test('hostile data attributes neither run script in the host page nor reach its DOM', async (t) => {
    const payload = (n) => `<img src=x onerror=window.__pwned=${n}>`;
    const hostile = {
      'data-accent': `var(--x, </style>${payload(1)})`,
      'data-label': payload(2),
      'data-start': `decode"><svg onload=window.__pwned=3>`,
      'data-position': `left;background:url(javascript:window.__pwned=4)`,
      'data-lang': `de#/decode"><img src=x onerror=window.__pwned=5>`,
    };
    const attrs = Object.entries(hostile)
      .map(([name, value]) => `${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
      .join(' ');
    const url = publish('hostile.html', hostPage(tag(attrs)));
    const page = await newPage(t);
    await page.goto(url);
    const launcher = page.locator('fix1002-widget').locator('button.launcher');
    await launcher.waitFor();
    await launcher.click();
    await page.frameLocator(frameSelector).getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
    const inside = await page.evaluate(() => {
      const root = document.querySelector('fix1002-widget').shadowRoot;
      return {
        elements: [...root.querySelectorAll('*')].map((e) => e.localName).sort(),
        label: root.querySelector('.launcher').textContent,
        accent: getComputedStyle(root.querySelector('.launcher')).backgroundColor,
        side: getComputedStyle(document.querySelector('fix1002-widget')).right,
        frame: root.querySelector('iframe').src,
      };
    });
    assert.deepEqual(inside.elements, ['button', 'button', 'div', 'div', 'iframe', 'span', 'span', 'span']);
    assert.equal(inside.label, hostile['data-label'], 'the label is shown as text');
    assert.equal(inside.accent, 'rgb(15, 107, 92)', 'a nested accent falls back to the default');
    assert.equal(inside.side, '16px', 'an unknown position falls back to the right');
    // A language that is not a plain tag is dropped, not passed on (issue 26).
    assert.match(inside.frame, /index\.html\?embed=1#\/troubleshoot$/, 'an unknown start falls back');

    // Colours written plainly still work; nothing that nests or carries a URL does.
    for (const [value, expected] of [
      ['#c0ffee', 'rgb(192, 255, 238)'],
      ['rebeccapurple', 'rgb(102, 51, 153)'],
      ['rgb(10 20 30 / 50%)', 'rgba(10, 20, 30, 0.5)'],
      ['hsl(120deg 50% 40%)', 'rgb(51, 153, 51)'],
      ['var(--x)', 'rgb(15, 107, 92)'],
      ['rgb(var(--r), 0, 0)', 'rgb(15, 107, 92)'],
      ['color-mix(in srgb, red, blue)', 'rgb(15, 107, 92)'],
      ['red;background:red', 'rgb(15, 107, 92)'],
      ['env(x)', 'rgb(15, 107, 92)'],
    ]) {
      const colourPage = await newPage(t);
      await colourPage.goto(publish('colour.html', hostPage(tag(`data-accent="${value}"`))));
      const background = await colourPage
        .locator('fix1002-widget')
        .locator('button.launcher')
        .evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(background, expected, `data-accent="${value}"`);
      await colourPage.close();
    }
  });

  test('works, fully styled, on a host whose CSP forbids inline styles', async (t) => {
    const policy = `default-src 'none'; script-src ${app.origin}; style-src 'self'; frame-src ${app.origin}; img-src data:`;
    const url = publish(
      'strict.html',
      `<!DOCTYPE html><html lang="en"><head><title>Strict host</title>
        <meta http-equiv="Content-Security-Policy" content="${policy}"></head>
        <body><h1>Strict host</h1>${tag('data-label="Help" data-position="left"')}</body></html>`,
    );
    const page = await newPage(t);
    const violations = [];
    await page.exposeFunction('__violation', (v) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    await page.goto(url);
    const launcher = page.getByRole('button', { name: 'Help' });
    await launcher.waitFor();
    const styles = await page.evaluate(() => {
      const widget = document.querySelector('fix1002-widget');
      const button = widget.shadowRoot.querySelector('.launcher');
      return {
        position: getComputedStyle(widget).position,
        left: getComputedStyle(widget).left,
        radius: getComputedStyle(button).borderTopLeftRadius,
        background: getComputedStyle(button).backgroundColor,
      };
    });
    assert.deepEqual(styles, { position: 'fixed', left: '16px', radius: '999px', background: 'rgb(15, 107, 92)' });
    await launcher.click();
    await page.frameLocator(frameSelector).getByRole('heading', { level: 1 }).first().waitFor();
    assert.deepEqual(violations, []);
  });

  test('the frame may copy and share but never navigate the host page, and sends no referrer', async (t) => {
    const url = publish('frame.html', hostPage(tag('data-start="decode"')));
    const page = await newPage(t);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.goto(url);
    await page.locator('fix1002-widget').locator('button.launcher').click();
    const iframe = page.locator(frameSelector);
    assert.deepEqual(
      (await iframe.getAttribute('sandbox')).split(/\s+/).sort(),
      ['allow-downloads', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts'],
    );
    assert.equal(await iframe.getAttribute('referrerpolicy'), 'no-referrer');
    assert.match(await iframe.getAttribute('allow'), /clipboard-write/);
    assert.match(await iframe.getAttribute('allow'), /web-share/);

    // Copy report works inside the widget.
    const frame = page.frameLocator(frameSelector);
    await frame.getByLabel('SOAP response').fill(
      '<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>bad password</faultstring></Fault>',
    );
    await frame.getByRole('button', { name: 'Copy report' }).click();
    await frame.getByText('Report copied. Nothing in it is named like a secret.', { exact: false }).waitFor();

    // The assistant cannot send the host page anywhere.
    const hostUrl = page.url();
    const inner = page.frames().find((f) => f.url().startsWith(app.origin));
    await inner.evaluate(() => {
      try {
        window.top.location.href = 'about:blank';
      } catch {
        /* blocked, as it should be */
      }
    });
    await page.waitForTimeout(300);
    assert.equal(page.url(), hostUrl);
    assert.ok(!app.requests.some((path) => path.includes('referrer')));
    const referrer = await inner.evaluate(() => document.referrer);
    assert.equal(referrer, '', 'the host page address is not passed on');
  });

  test('while open, the panel is modal and Tab never leaves it for the page behind', async (t) => {
    const url = publish('focus.html', hostPage(tag('data-label="Need help?"')));
    const page = await newPage(t, { width: 360, height: 740 });
    await page.goto(url);
    const launcher = page.getByRole('button', { name: 'Need help?' });
    await launcher.click();
    const frame = page.frameLocator(frameSelector);
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    assert.equal(await page.getByRole('dialog', { name: 'Fix 1002 help' }).getAttribute('aria-modal'), 'true');

    const whereIsFocus = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        if (active?.localName !== 'fix1002-widget') return `host page: ${active?.outerHTML.slice(0, 60)}`;
        const inside = active.shadowRoot.activeElement;
        return inside?.localName === 'iframe' ? 'assistant' : inside?.className || inside?.localName;
      });
    const seen = new Set();
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press(key);
        const where = await whereIsFocus();
        assert.ok(!where.startsWith('host page'), `${key} #${i + 1} reached the ${where}`);
        seen.add(where);
      }
    }
    assert.ok(seen.has('close') && seen.has('assistant'), `focus went round the panel: ${[...seen]}`);
    await page.getByRole('button', { name: 'Close help' }).click();
    await page.keyboard.press('Tab');
    assert.match(await whereIsFocus(), /^host page/, 'closed, Tab reaches the page again');
  });

  test('destroy() called before the page has loaded keeps the widget from ever mounting', async (t) => {
    const url = publish(
      'early-destroy.html',
      `<!DOCTYPE html><html lang="en"><head><title>Early</title>
        <script src="${app.url}embed.js"></script><script>Fix1002.destroy();</script></head>
        <body><h1>Early</h1></body></html>`,
    );
    const page = await newPage(t);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    assert.equal(await page.locator('fix1002-widget').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.Fix1002), 'undefined');
  });
});

describe('the widget is a guest in the host page’s history and scrolling (issue 14)', () => {
  test('answers inside the panel add no host history: one Back after closing leaves the page', async (t) => {
    const plain = publish('before.html', hostPage(''));
    const widget = publish('history.html', hostPage(tag('data-start="troubleshoot"')));
    const page = await newPage(t, { width: 1280, height: 800 });
    await page.goto(plain);
    await page.goto(widget);
    await page.getByRole('button', { name: 'Help with Sonos error 1002' }).click();
    const frame = page.frameLocator(frameSelector);
    await frame.getByRole('button', { name: 'While playing or browsing music' }).click();
    await frame.getByRole('heading', { level: 1, name: /keep coming back/ }).waitFor();
    await frame.getByRole('button', { name: 'No, this is the first time' }).click();
    await frame.getByRole('heading', { level: 1, name: /one music service/ }).waitFor();
    // A link inside the panel too: the section links are plain fragment links.
    await frame.getByRole('link', { name: 'Fix steps' }).first().click();
    await frame.getByRole('heading', { level: 1, name: 'Fix steps' }).waitFor();
    // The app's own Back still walks back through the flow.
    await frame.getByRole('link', { name: 'Troubleshoot' }).first().click();
    await frame.getByRole('button', { name: 'Back' }).click();
    await frame.getByRole('heading', { level: 1, name: /keep coming back/ }).waitFor();
    await page.getByRole('button', { name: 'Close help' }).click();
    await page.goBack();
    await page.waitForURL(plain);
    assert.equal(page.url(), plain);
  });

  test('while the panel fills a phone screen the page behind stays still, and is as it was after', async (t) => {
    const url = publish('tall.html', hostPage(`<div style="height:4000px">Long page</div>${tag('data-start="troubleshoot"')}`));
    const page = await newPage(t, { width: 360, height: 740 });
    await page.goto(url);
    const launcher = page.getByRole('button', { name: 'Help with Sonos error 1002' });
    await launcher.click();
    const frame = page.frameLocator(frameSelector);
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(180, 400);
      await page.mouse.wheel(0, 800);
      await page.waitForTimeout(100);
    }
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the host page did not scroll');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden');
    await page.getByRole('button', { name: 'Close help' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('style')), null, 'the page’s own style is back');
    await page.mouse.wheel(0, 800);
    await page.waitForFunction(() => window.scrollY > 0);
  });

  test('data-sections="troubleshoot steps" leaves the developers’ decoder out of the panel, not the plan', async (t) => {
    const { page, frame } = await openPanel(t, 'owners.html', 'data-sections="troubleshoot steps" data-start="decode"');
    // A start in a section left out falls back to the first one offered.
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    const nav = frame.getByRole('navigation', { name: 'Sections' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['Troubleshoot', 'Fix steps']);
    // Even a hand-made link to the decoder inside the panel does not open it.
    await frame.locator('body').evaluate(() => { location.hash = '#/decode'; });
    await frame.getByRole('heading', { level: 1, name: 'Not offered here' }).waitFor();
    assert.equal(await frame.getByRole('textbox').count(), 0, 'no paste box');
    // Nor does the home page offer it.
    await frame.locator('body').evaluate(() => { location.hash = '#/'; });
    await frame.getByRole('heading', { level: 1, name: /error 1002/ }).waitFor();
    assert.deepEqual(await frame.locator('.cards h2').allTextContents(), ['Troubleshoot', 'Fix steps']);
    await frame.getByRole('link', { name: 'Troubleshoot' }).last().click();
    await frame.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    // Fix-step pages stay reachable: the plan links to them.
    await frame.getByRole('link', { name: 'Fix steps' }).first().click();
    await frame.getByRole('heading', { level: 1, name: 'Fix steps' }).waitFor();
    // The plan comes from the second module, which holds the decoder's code too: the owners'
    // panel draws it all the same.
    await untilNextScreen(frame, () => frame.locator('body').evaluate(() => { location.hash = '#/troubleshoot?s=when:update,unresponsive:yes'; }));
    const plan = frame.getByRole('button', { name: 'Start the fix plan' });
    for (let i = 0; i < 8 && !(await plan.count()); i++) {
      await untilNextScreen(frame, () => frame.getByRole('button', { name: 'Not sure', exact: true }).first().click());
    }
    await plan.click();
    await frame.getByRole('button', { name: 'Contact Sonos support now' }).click();
    assert.match(await frame.getByTestId('support-summary').inputValue(), /Steps tried:/);
    assert.equal(await frame.getByRole('textbox', { name: 'SOAP response' }).count(), 0, 'still no paste box');
  });

  test('without data-sections, or with only unknown names, every section is offered', async (t) => {
    const { page, frame } = await openPanel(t, 'every.html', 'data-sections="<img src=x> billing"');
    const nav = frame.getByRole('navigation', { name: 'Sections' });
    await nav.waitFor();
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['Troubleshoot', 'Decode a fault', 'Fix steps']);
    assert.ok(!(await page.locator(frameSelector).getAttribute('src')).includes('sections='));
  });
});
