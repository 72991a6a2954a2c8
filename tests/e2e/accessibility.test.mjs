// axe-core on every section and state of the app, in light and dark themes at phone size,
// with zero violations allowed; and the main flows done with the keyboard alone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { untilNextScreen, useAppAndBrowser, waitForApp } from './support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const app = useAppAndBrowser('/');

const FAULT =
  'HTTP/1.1 200 OK\nContent-Type: text/plain\n\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
  '<faultcode>s:Client.TokenRefreshRequired</faultcode><faultstring>x</faultstring><faultactor>y</faultactor>' +
  '<detail><refreshAuthTokenResult><authToken>t</authToken><privateKey>k</privateKey></refreshAuthTokenResult><SonosError>3</SonosError></detail>' +
  '</s:Fault></s:Body></s:Envelope>';

/** Every screen worth auditing: a fragment to open, and what to do there first. */
const STATES = [
  ['home', '#/', async () => {}],
  ['first question', '#/troubleshoot', async () => {}],
  ['phone check result', '#/troubleshoot?s=when:playback,recurring:yes,services:not-sure', async (page) => {
    await page.getByRole('button', { name: 'Check this phone’s connection' }).click();
    await page.getByTestId('phone-check-verdict').waitFor();
  }],
  ['likely causes', '#/troubleshoot?s=when:playback,recurring:not-sure,services:one,service-elsewhere:plays', async () => {}],
  ['fix step', '#/troubleshoot?s=when:playback,recurring:not-sure,services:one,service-elsewhere:plays,plan', async () => {}],
  ['relief step', '#/troubleshoot?s=when:playback,recurring:yes,services:not-sure,internet:not-sure,offline:yes,plan,improve-wifi-signal:skip,update-app-and-firmware:no', async () => {}],
  ['resolved', '#/troubleshoot?s=when:playback,recurring:not-sure,services:one,service-elsewhere:plays,plan,readd-service-account:fixed', async () => {}],
  ['escalation, asking the model', '#/troubleshoot?s=when:update', async (page) => {
    for (let i = 0; i < 30 && !(await page.getByTestId('support-summary').count()); i++) {
      const next = page.getByRole('button', { name: /^(Not sure|Start the fix plan|No, still error 1002)$/ }).first();
      await next.click();
      await page.waitForTimeout(60);
    }
  }],
  ['decoder, empty', '#/decode', async () => {}],
  ['decoder, fault with findings and resource', '#/decode', async (page) => {
    await page.getByLabel('SOAP response').fill(FAULT);
    await page.getByText('Custom messages: add your localization resource').click();
    await page.getByLabel('Localization resource').fill('{"en-US": {"Error3Message": "Hi"}}');
    await page.getByTestId('fault').waitFor();
  }],
  ['decoder, rejected input', '#/decode', async (page) => {
    await page.getByLabel('SOAP response').fill('<a><b></a>');
    await page.getByTestId('decode-error').waitFor();
  }],
  ['decoder, UPnP fault', '#/decode', async (page) => {
    await page.getByLabel('SOAP response').fill('<Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail><UPnPError><errorCode>402</errorCode></UPnPError></detail></Fault>');
    await page.getByTestId('upnp-fault').waitFor();
  }],
  ['fix steps index', '#/steps', async () => {}],
  ['fix step page', '#/steps/check-firmware-consistency', async () => {}],
  ['not found', '#/nowhere', async () => {}],
];

describe('axe-core finds no violation', () => {
  for (const scheme of ['light', 'dark']) {
    for (const [name, fragment, act] of STATES) {
      test(`${name} (${scheme})`, async () => {
        // axe is injected as a script, which the app's own CSP would rightly refuse.
        const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(app.server.url + fragment);
        await waitForApp(page);
        await act(page);
        // The plan's screens arrive with the second module, a moment after the app: audit the
        // page once its heading is there, not the empty host before it.
        await page.locator('h1').first().waitFor();
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const violations = result.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`,
        );
        assert.deepEqual(violations, []);
        await context.close();
      });
    }
  }
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element's text matches, then returns its text. */
  async function tabTo(page, pattern, limit = 40) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.innerText ?? '');
      if (pattern.test(text)) return text;
    }
    assert.fail(`Tab never reached ${pattern}`);
  }

  test('a troubleshooting story from the home page to a fixed problem', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await waitForApp(page);
    await tabTo(page, /^Start troubleshooting$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    const answerAndWait = () => untilNextScreen(page, () => page.keyboard.press('Enter'));
    for (const answer of [/^While playing/, /^No, this is the first time$/, /^Only with one service$/]) {
      await tabTo(page, answer);
      await answerAndWait();
    }
    for (let i = 0; i < 4 && !(await page.getByTestId('cause').count()); i++) {
      await tabTo(page, /^Not sure$/);
      await answerAndWait();
    }
    await tabTo(page, /^Start the fix plan$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('fix-step').waitFor();
    await tabTo(page, /^Yes, it’s fixed$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Error 1002 is fixed' }).waitFor();
    await context.close();
  });

  test('decoding a fault and changing the context', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(app.server.url + '#/decode');
    await waitForApp(page);
    await tabTo(page, /^$/, 20); // move into the page
    await page.getByLabel('SOAP response').focus();
    await page.keyboard.insertText('<Fault><faultcode>Client.ItemNotFound</faultcode><faultstring>x</faultstring></Fault>');
    await page.getByTestId('fault').waitFor();
    await page.keyboard.press('Tab'); // the file chooser
    await page.keyboard.press('Tab'); // Context
    assert.equal(await page.evaluate(() => document.activeElement.id), 'context');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.includes('searching'));
    await context.close();
  });
});
