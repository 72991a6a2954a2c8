// The fault decoder, end to end: paste, context and names, a localization resource, a file,
// the copy report, UPnP faults, rejected input, pasted markup that must stay text, and no
// request that could carry what was pasted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readClipboard, repoRoot, secondModule, useAppAndBrowser, watchForProblems } from './support.mjs';

const fixturePath = (name) => join(repoRoot, 'tests/fixtures/faults', name);
const fixture = (name) => readFileSync(fixturePath(name), 'utf8');

const app = useAppAndBrowser('/');

const openDecoder = (options) => app.openDecoder(options);

const tagsOf = async (fault) =>
  (await fault.getByTestId('finding').evaluateAll((els) => els.map((e) => e.dataset.tag))).sort();

describe('real captures', () => {
  const capture = (name) => fixture(`captures/${name}`);

  test('curl -v output decodes, and its operation preselects the Context as an inference', async () => {
    const { context, page, problems } = await openDecoder();
    await page.getByLabel('SOAP response').fill(capture('curl-v-get-media-uri.txt'));
    const fault = page.getByTestId('fault');
    await fault.waitFor();
    assert.equal(await fault.getByTestId('fault-code').innerText(), 'UnsupportedTerritory');
    assert.match(await fault.getByTestId('fault-operation').innerText(), /^getMediaURI \(from the request’s SOAPAction header\)$/);
    assert.equal(await page.getByLabel('Context').inputValue(), 'streaming');
    const inferred = page.getByTestId('context-inferred');
    assert.match(await inferred.innerText(), /getMediaURI.*infers the Context/);
    assert.match(await fault.innerText(), /logs this fault in the player/);
    assert.deepEqual(await tagsOf(fault), ['capture-chunked-already-decoded']);

    // The user's own choice stands, and the note says what was inferred.
    await page.getByLabel('Context').selectOption({ label: 'Browse' });
    await page.waitForFunction(() => /You chose Browse instead of the inferred Streaming/.test(document.querySelector('[data-testid=context-inferred]').textContent));
    await page.getByLabel('Service name').fill('Acme Music');
    assert.equal(await page.getByLabel('Context').inputValue(), 'browse');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a HAR file from Chromium decodes every SOAP response and counts the rest', async () => {
    const { context, page } = await openDecoder();
    await page.locator('.drop-zone input[type=file]').setInputFiles(fixturePath('captures/chromium-get-device-auth-token.har'));
    await page.getByTestId('fault').nth(1).waitFor();
    assert.deepEqual(await page.getByTestId('fault-code').allInnerTexts(), ['NOT_LINKED_RETRY', 'UnsupportedTerritory']);
    const responses = await page.getByTestId('fault-response').allInnerTexts();
    assert.match(responses[0], /^HAR entry 3 of 4: POST http:\/\/127\.0\.0\.1:\d+\/smapi \(HTTP 500 Internal Server Error\)$/);
    assert.match(await page.locator('.summary-line').innerText(), /a HAR file with 2 faults\. 2 other responses held no SOAP fault/);
    assert.equal(await page.getByLabel('Context').inputValue(), 'account-setup');
    await context.close();
  });
});

describe('decode a fault', () => {
  test('a pasted response shows code, type, the exact user message per context, and findings', async () => {
    const { context, page, problems } = await openDecoder();
    // The example in the empty box reads as a response, line by line.
    const example = await page.getByLabel('SOAP response').getAttribute('placeholder');
    assert.match(example, /^HTTP\/1\.1 500 Internal Server Error\nContent-Type: text\/xml\n\n<soap:Envelope/);
    await page.getByLabel('SOAP response').fill(fixture('http-500-login-unauthorized.http'));
    const fault = page.getByTestId('fault');
    await fault.waitFor();
    assert.equal(await fault.getByTestId('fault-code').innerText(), 'LoginUnauthorized');
    assert.equal(await fault.getByTestId('fault-type').innerText(), 'Client');
    assert.deepEqual(await tagsOf(fault), []);

    await page.getByLabel('Service name').fill('Acme Music');
    await page.getByLabel('Item name').fill('Blue in Green');
    const message = fault.getByTestId('user-message');
    assert.equal(await message.innerText(), 'Unable to browse music - your Acme Music trial has expired.');

    await page.getByLabel('Context').selectOption({ label: 'Streaming' });
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.startsWith('Unable to play'));
    assert.equal(
      await message.innerText(),
      'Unable to play Blue in Green - your Acme Music trial has expired. Please upgrade your account with Acme Music.',
    );
    assert.match(await fault.innerText(), /logs this fault in the player/);

    await page.getByLabel('Context').selectOption({ label: 'Account setup' });
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.startsWith('Sonos defines no message'));

    // A broken response: every finding has its tag.
    await page.getByLabel('SOAP response').fill(fixture('http-200-lf-session-id.http'));
    await page.waitForFunction(() => document.querySelector('[data-testid=fault-code]')?.textContent === 'SessionIdInvalid');
    assert.deepEqual(await tagsOf(page.getByTestId('fault')), [
      'content-type-not-text-xml',
      'faultstring-empty',
      'http-status-not-500',
      'session-id-deprecated',
      'sonos-error-out-of-range',
    ]);
    // Each rule names where it comes from; one from outside the seed links to its source.
    const soapRule = page.locator('[data-tag=content-type-not-text-xml] .rule');
    assert.match(await soapRule.innerText(), /^Rule \(SOAP 1\.1, W3C Note\): /);
    assert.equal(await soapRule.getByRole('link').getAttribute('href'), 'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/');
    assert.match(
      await page.locator('[data-tag=http-status-not-500] .rule').innerText(),
      /^Rule \(Sonos SMAPI reference: error handling\): /,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('typing is decoded once it pauses, not on every keystroke', async () => {
    const { context, page } = await openDecoder();
    // Count every change to the results while a fault is typed key by key.
    await page.evaluate(() => {
      window.resultChanges = 0;
      new MutationObserver(() => window.resultChanges++).observe(document.querySelector('.results'), {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    const text = '<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>x</faultstring></Fault>';
    await page.getByLabel('SOAP response').pressSequentially(text, { delay: 5 });
    await page.getByTestId('fault-code').waitFor();
    assert.equal(await page.getByTestId('fault-code').innerText(), 'LoginInvalid');
    const changes = await page.evaluate(() => window.resultChanges);
    assert.ok(changes < text.length / 4, `${changes} result changes for ${text.length} keystrokes`);
    await context.close();
  });

  test('a fault with thousands of detail rows draws the first hundred and counts the rest', async () => {
    const { context, page } = await openDecoder();
    const rows = '<row>v</row>'.repeat(20000);
    await page.getByLabel('SOAP response').fill(
      `<Fault><faultcode>Client.ItemNotFound</faultcode><faultstring>x</faultstring><detail>${rows}</detail></Fault>`,
    );
    const more = page.getByTestId('detail-more');
    await more.waitFor();
    assert.match(await more.innerText(), /^19900 more detail elements, not shown/);
    assert.equal(await page.locator('.fault dt code', { hasText: 'row' }).count(), 100);
    await context.close();
  });

  test('a controller log decodes every fault in order', async () => {
    const { context, page } = await openDecoder();
    await page.getByLabel('SOAP response').fill(fixture('controller-log-three-faults.xml'));
    await page.getByTestId('fault').first().waitFor();
    const codes = await page.getByTestId('fault-code').allInnerTexts();
    assert.deepEqual(codes, ['AuthTokenExpired', 'ItemNotFound', 'ServiceUnavailable']);
    const first = page.getByTestId('fault').first();
    assert.match(await first.getByTestId('user-message').innerText(), /re-authorization wizard/);
    // The owner's fix step is one click away.
    await first.getByRole('link', { name: 'Remove and re-add your music service account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Remove and re-add your music service account' }).waitFor();
    await context.close();
  });

  test('a localization resource puts the custom message in place and checks it', async () => {
    const { context, page, problems } = await openDecoder();
    await page.getByLabel('SOAP response').fill(fixture('envelope-soapenv-prefix-custom-message.xml'));
    await page.getByTestId('fault').waitFor();
    await page.getByText('Custom messages: add your localization resource').click();
    await page.getByLabel('Localization resource').fill(
      JSON.stringify({
        'en-US': { integration: { Error27Message: 'Rating is only available to premium members.' } },
        'de-DE': { integration: { Error27Message: 'Bewertung nur für Premium-Mitglieder.' } },
      }),
    );
    const message = page.getByTestId('user-message');
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.startsWith('Rating'));
    await page.getByLabel('Language', { exact: true }).selectOption('de-DE');
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.startsWith('Bewertung'));
    assert.equal(await message.innerText(), 'Bewertung nur für Premium-Mitglieder.');
    const tags = await tagsOf(page.getByTestId('fault'));
    assert.ok(tags.includes('custom-message-languages-missing'), tags.join());
    assert.ok(tags.includes('custom-message-replaces-action'), tags.join());

    await page.getByLabel('Localization resource').fill('{"en-US": {');
    await page.getByTestId('strings-error').waitFor();
    assert.match(await page.getByTestId('strings-error').innerText(), /line 1/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a custom message missing in the chosen language gives Sonos’ retry error, on screen and in the report alike', async () => {
    const { context, page } = await openDecoder({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByLabel('SOAP response').fill(fixture('envelope-soapenv-prefix-custom-message.xml'));
    await page.getByTestId('fault').waitFor();
    await page.getByText('Custom messages: add your localization resource').click();
    await page.getByLabel('Localization resource').fill(
      JSON.stringify({ 'en-US': { Error27Message: 'Rating is only for premium members.' }, 'fr-FR': { common: {} } }),
    );
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.startsWith('Rating'));
    await page.getByLabel('Language', { exact: true }).selectOption('fr-FR');
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.startsWith('An error saying'));
    const fault = page.getByTestId('fault');
    const shown = await fault.getByTestId('user-message').innerText();
    assert.match(await fault.innerText(), /Error27Message is not in the fr-FR strings/);

    await page.getByRole('button', { name: 'Copy report' }).click();
    await page.getByText('Report copied').waitFor();
    const report = await readClipboard(page);
    assert.ok(report.includes(`User sees (Sonos’ retry error): ${shown}`), report);
    assert.match(report, /Note: Error27Message is not in the fr-FR strings/);
    await context.close();
  });

  test('Copy report puts a summary on the clipboard with the secrets redacted', async () => {
    const { context, page } = await openDecoder({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByLabel('SOAP response').fill(fixture('http-chunked-token-refresh.http'));
    const fault = page.getByTestId('fault');
    await fault.waitFor();
    assert.equal(await fault.getByTestId('fault-code').innerText(), 'TokenRefreshRequired');
    assert.doesNotMatch(await fault.innerText(), /pk-7f3a9c2e-private/);
    await fault.getByRole('button', { name: 'Reveal secrets' }).click();
    assert.match(await fault.innerText(), /pk-7f3a9c2e-private/);

    await page.getByRole('button', { name: 'Copy report' }).click();
    await page.getByText('Report copied').waitFor();
    const report = await readClipboard(page);
    assert.match(report, /TokenRefreshRequired/);
    assert.match(report, /privateKey: present, hidden/);
    assert.doesNotMatch(report, /characters/, 'no secret\'s length is given away');
    assert.match(await page.getByText('Report copied').innerText(), /hidden: authToken, privateKey\. Free text \(faultstring, ExceptionInfo\) is copied as sent/);
    assert.doesNotMatch(report, /pk-7f3a9c2e-private/);
    await context.close();
  });

  test('a speaker’s UPnP fault is named as such, with its code explained', async () => {
    const { context, page } = await openDecoder();
    await page.getByLabel('SOAP response').fill(fixture('upnp-701-from-speaker.xml'));
    const upnp = page.getByTestId('upnp-fault');
    await upnp.waitFor();
    assert.equal(await upnp.getByTestId('upnp-code').innerText(), '701');
    assert.match(await upnp.innerText(), /not from a music service/);
    assert.match(await upnp.innerText(), /Transition not available/);
    await page.getByLabel('SOAP response').fill(fixture('upnp-701-from-speaker.xml').replace('701', '1024'));
    await page.waitForFunction(() => document.querySelector('[data-testid=upnp-code]')?.textContent === '1024');
    assert.match(await upnp.innerText(), /unknown/);
    await context.close();
  });

  test('input without a fault gets one specific message', async () => {
    const { context, page, problems } = await openDecoder();
    const cases = [
      ['proxy-502-html.http', /HTML web page.*502 Bad Gateway/],
      ['doctype-entity.xml', /DOCTYPE/],
      ['truncated.xml', /line 5/],
      ['success-response.xml', /no Fault: its Body holds <getMetadataResponse>/],
      ['not-soap.xml', /not SOAP: its root element is <rss>/],
    ];
    // Each message replaces the last one once typing pauses: wait for the expected one.
    const errorMatching = (pattern) =>
      page.waitForFunction(
        (source) => new RegExp(source).test(document.querySelector('[data-testid=decode-error]')?.textContent ?? ''),
        pattern.source,
      );
    for (const [name, expected] of cases) {
      await page.getByLabel('SOAP response').fill(fixture(name));
      await errorMatching(expected);
      assert.match(await page.getByTestId('decode-error').innerText(), expected, name);
    }
    await page.getByLabel('SOAP response').fill('my speaker shows error 1002');
    await errorMatching(/plain text/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a chosen file is decoded, and a file that is not UTF-8 is refused', async () => {
    const { context, page } = await openDecoder();
    await page.locator('.drop-zone input[type=file]').setInputFiles(fixturePath('bare-fault-device-link.xml'));
    await page.getByTestId('fault').waitFor();
    assert.equal(await page.getByTestId('fault-code').innerText(), 'NOT_LINKED_FAILURE');
    assert.match(await page.getByTestId('user-message').innerText(), /DeviceLink/);
    await page.locator('.drop-zone input[type=file]').setInputFiles({
      name: 'latin1.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]),
    });
    await page.getByTestId('decode-error').waitFor();
    assert.match(await page.getByTestId('decode-error').innerText(), /not UTF-8/);
    await context.close();
  });

  test('a localization file that is too large or not text is reported, not silently dropped', async () => {
    const { context, page } = await openDecoder();
    await page.getByText('Custom messages: add your localization resource').click();
    const chooser = page.locator('.strings-panel input[type=file]');
    await chooser.setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(5 * 1024 * 1024, 0x20),
    });
    await page.getByTestId('strings-error').waitFor();
    assert.match(await page.getByTestId('strings-error').innerText(), /5\.2 MB.*up to 4 MB.*right file/);
    await chooser.setInputFiles({
      name: 'latin1.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"en-US": {"integration": {"Error1Message": "caf\xe9"}}}', 'latin1'),
    });
    await page.getByText(/not UTF-8 text/).waitFor();
    assert.equal(await page.getByLabel('Localization resource').inputValue(), '', 'nothing half-read was put in the box');
    // A good file replaces the message with what was read.
    await chooser.setInputFiles({
      name: 'strings.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"en-US": {"integration": {"Error1Message": "Try later."}}}'),
    });
    await page.getByText('Read 1 language from the JSON resource.').waitFor();
    assert.equal(await page.getByTestId('strings-error').count(), 0);
    await context.close();
  });

  test('pasted markup is shown as text and nothing pasted leaves the device', async () => {
    const { context, page, problems } = await openDecoder();
    const requests = [];
    page.on('request', (r) => requests.push(r.url() + ' ' + (r.postData() ?? '')));
    const marker = 'MARKER-8c1f';
    const payload =
      `<Fault><faultcode>Client.LoginInvalid</faultcode>` +
      `<faultstring>&lt;img src=x onerror="window.pwned=1"&gt; ${marker}</faultstring>` +
      `<detail><ExceptionInfo>&lt;script&gt;window.pwned=2&lt;/script&gt;</ExceptionInfo>` +
      `<svg onload="window.pwned=3"><x>&lt;svg onload=window.pwned=4&gt;</x></svg></detail></Fault>`;
    await page.getByLabel('SOAP response').fill(payload);
    await page.getByTestId('fault').waitFor();
    assert.match(await page.locator('.results').innerText(), /<img src=x onerror="window.pwned=1">/);
    assert.equal(await page.locator('.results').locator('img, script, svg').count(), 0);
    await page.getByLabel('Service name').fill('<b onmouseover=window.pwned=5>Acme</b>');
    await page.waitForTimeout(300);
    assert.match(await page.getByTestId('user-message').innerText(), /<b onmouseover=window.pwned=5>Acme<\/b>/);

    // Markup in a localization resource's message stays text too.
    await page.getByLabel('SOAP response').fill(
      '<Fault><faultcode>Client.ItemNotFound</faultcode><faultstring>x</faultstring><detail><SonosError>7</SonosError></detail></Fault>',
    );
    await page.getByText('Custom messages: add your localization resource').click();
    await page.getByLabel('Localization resource').fill(
      JSON.stringify({ 'en-US': { Error7Message: `<img src=x onerror="window.pwned=6"><svg onload="window.pwned=7"></svg> ${marker}` } }),
    );
    await page.waitForFunction(() => document.querySelector('[data-testid=user-message]').textContent.includes('<img'));
    const results = page.locator('.results');
    assert.equal(await results.locator('img, script, svg, b').count(), 0);
    assert.match(await page.getByTestId('user-message').innerText(), /<svg onload="window.pwned=7"><\/svg>/);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.deepEqual(requests.filter((r) => r.includes(marker)), []);
    assert.deepEqual(requests, [], 'decoding makes no request at all');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the decoder is in the second module (issue 13)', () => {
  // Its files' names carry a hash; index.html says which.
  const second = secondModule();
  const isDecoderFile = (url) => second.isFile(new URL(url).pathname);

  test('an owner’s visit never downloads it; opening the section does, once', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const fetched = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(app.server.url + '#/troubleshoot');
    await page.getByRole('button', { name: 'While playing or browsing music' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Fix steps' }).click();
    await page.getByRole('link', { name: 'Restart the speaker' }).click();
    await page.getByTestId('step-page').waitFor();
    assert.deepEqual(fetched.filter(isDecoderFile), [], 'no decoder file before its section opens');

    await page.getByRole('navigation').getByRole('link', { name: 'Decode a fault' }).click();
    // The section's heading is the main app's own, there before the module arrives.
    await page.getByRole('heading', { level: 1, name: 'Decode a SMAPI fault' }).waitFor();
    await page.getByLabel('SOAP response').fill('<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>x</faultstring></Fault>');
    assert.equal(await page.getByTestId('fault-code').innerText(), 'LoginInvalid');
    assert.equal(await page.getByTestId('decoder-status').innerText(), '');

    // Away and back: the module is not fetched again.
    await page.getByRole('navigation').getByRole('link', { name: 'Troubleshoot' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Decode a fault' }).click();
    await page.getByLabel('SOAP response').waitFor();
    // What was pasted is still there, and so is its result (kept in memory, issue 14).
    assert.match(await page.getByLabel('SOAP response').inputValue(), /Client\.LoginInvalid/);
    assert.equal(await page.getByTestId('fault-code').innerText(), 'LoginInvalid');
    assert.deepEqual(fetched.filter(isDecoderFile).map((u) => new URL(u).pathname).sort(), [`/${second.script}`, `/${second.wasm}`]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a module that cannot be fetched is explained, and Try again loads it', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    let refuse = true;
    await page.route(`**/${second.wasm}`, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(app.server.url + '#/decode');
    const alert = page.getByTestId('decoder-unavailable');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be loaded/);
    assert.equal(await page.getByLabel('SOAP response').count(), 0);

    refuse = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByLabel('SOAP response').fill('<Fault><faultcode>Client.ItemNotFound</faultcode><faultstring>x</faultstring></Fault>');
    assert.equal(await page.getByTestId('fault-code').innerText(), 'ItemNotFound');
    assert.equal(await alert.count(), 0);
    await context.close();
  });
});

describe('large input never holds the page (issue 13)', () => {
  /** Builds, in the page, a log of `faults` faults padded to about `bytes`: in a task of its
   * own, so that a long-task watch started afterwards sees only the app's work. */
  const prepareLog = (page, faults, bytes) =>
    page.evaluate(([faults, bytes]) => {
      const padding = 'x'.repeat(Math.max(0, Math.floor(bytes / faults) - 400));
      let log = '';
      for (let i = 0; i < faults; i++) {
        log += `<ApplicationData><Note>${padding}</Note>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>No such item ${i}</faultstring></s:Fault></s:Body></s:Envelope></ApplicationData>\n`;
      }
      window.pasteText = log;
    }, [faults, bytes]);

  /** Makes the paste event for the prepared text, in a task of its own. */
  const preparePasteEvent = (page) =>
    page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', window.pasteText);
      window.pasteEvent = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    });

  /** Pastes `text` into the SOAP response box, as a browser would. */
  const paste = async (page, text) => {
    await page.evaluate((text) => (window.pasteText = text), text);
    await preparePasteEvent(page);
    await page.getByLabel('SOAP response').evaluate((area) => {
      const event = window.pasteEvent;
      area.dispatchEvent(event);
      // What the browser does with a paste the page leaves alone.
      if (!event.defaultPrevented) {
        area.value = window.pasteText;
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }
    });
  };

  test('a 5 MB paste is held, not laid out: the box shows its start, every fault is decoded, and no task runs past 50 ms', async () => {
    const { context, page, problems } = await openDecoder({ viewport: { width: 1280, height: 800 } });
    await prepareLog(page, 300, 5_000_000);
    await preparePasteEvent(page);
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    await page.getByLabel('SOAP response').evaluate((area) => area.dispatchEvent(window.pasteEvent));
    await page.waitForFunction(() => /with 300 faults/.test(document.querySelector('.summary-line')?.textContent ?? ''));
    const box = page.getByLabel('SOAP response');
    const shown = await box.inputValue();
    assert.ok(shown.length < 10_000, `the box holds ${shown.length} characters`);
    assert.match(shown, /\n\n\[… and 4\.\d MB more, not shown here\. The decoder reads the whole text\.\]$/);
    assert.equal(await box.getAttribute('readonly'), '');
    assert.match(await page.getByTestId('held-input').innerText(), /^4\.\d MB of text: too long to edit here/);

    // A page of cards at a time; the rest on request.
    assert.equal(await page.getByTestId('fault').count(), 20);
    assert.equal(await page.getByTestId('faults-shown').innerText(), 'Showing 20 of 300 faults. Copy report covers them all.');
    await page.getByTestId('show-more-faults').click();
    await page.getByTestId('fault').nth(39).waitFor();
    assert.equal(await page.getByTestId('fault').count(), 40);
    assert.equal(await page.getByTestId('fault-code').nth(39).innerText(), 'ItemNotFound');
    assert.match(await page.getByTestId('fault').nth(39).innerText(), /Fault 40/);

    await page.waitForTimeout(300);
    const longTasks = await page.evaluate(() => window.longTasks);
    assert.deepEqual(longTasks.filter((ms) => ms > 50), [], 'no task over 50 ms');

    // Clear gives back an empty, editable box, and the results go.
    await page.getByTestId('held-input').getByRole('button', { name: 'Clear' }).click();
    await page.getByText('Results appear here as you paste or type.').waitFor();
    assert.equal(await box.inputValue(), '');
    assert.equal(await box.getAttribute('readonly'), null);
    assert.ok(await page.getByTestId('held-input').isHidden());
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a small paste is the browser’s own, and typing after it decodes as before', async () => {
    const { context, page } = await openDecoder();
    await paste(page, '<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>x</faultstring></Fault>');
    await page.getByTestId('fault-code').waitFor();
    assert.equal(await page.getByTestId('fault-code').innerText(), 'LoginInvalid');
    assert.ok(await page.getByTestId('held-input').isHidden());
    assert.equal(await page.getByLabel('SOAP response').getAttribute('readonly'), null);
    await context.close();
  });

  test('the input, the context and the names survive a visit to a fix step and back', async () => {
    const { context, page } = await openDecoder();
    const fault = '<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>x</faultstring></Fault>';
    await page.getByLabel('SOAP response').fill(fault);
    await page.getByLabel('Context').selectOption('search');
    await page.getByLabel('Service name').fill('Acme Music');
    await page.getByTestId('fault-code').waitFor();
    await page.getByTestId('fault').getByRole('link').first().click();
    await page.getByTestId('step-page').waitFor();
    await page.goBack();
    await page.getByTestId('fault-code').waitFor();
    assert.equal(await page.getByLabel('SOAP response').inputValue(), fault);
    assert.equal(await page.getByLabel('Context').inputValue(), 'search');
    assert.equal(await page.getByLabel('Service name').inputValue(), 'Acme Music');
    assert.equal(await page.getByTestId('fault-code').innerText(), 'LoginInvalid');
    await context.close();
  });
});

describe('a developer’s first visit and a wide screen (issue 14)', () => {
  test('Try an example decodes a sample log, and is offered only while the box is empty', async () => {
    const { context, page, problems } = await openDecoder();
    const offer = page.getByTestId('try-example');
    await offer.click();
    await page.getByTestId('fault').nth(1).waitFor();
    assert.deepEqual(await page.getByTestId('fault-code').allInnerTexts(), ['AuthTokenExpired', 'QuotaExceeded']);
    assert.match(await page.getByLabel('SOAP response').inputValue(), /^<ApplicationData><Time>2026-11-20 18:02:11<\/Time>/);
    assert.equal(await offer.count(), 0, 'no offer once there is text');
    await page.getByLabel('SOAP response').fill('');
    await offer.waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a wide screen the results sit beside the input; on a phone, below it', async () => {
    for (const [viewport, beside] of [[{ width: 1280, height: 900 }, true], [{ width: 360, height: 740 }, false]]) {
      const { context, page } = await openDecoder({ viewport });
      await page.getByTestId('try-example').click();
      await page.getByTestId('fault').first().waitFor();
      const input = await page.getByLabel('SOAP response').boundingBox();
      const results = await page.locator('.results').boundingBox();
      if (beside) {
        assert.ok(results.x >= input.x + input.width, `results at x=${results.x}, input ends at ${input.x + input.width}`);
        assert.ok(Math.abs(results.y - input.y) < 80, 'results start level with the input');
      } else {
        assert.ok(results.y >= input.y + input.height, 'results below the input');
      }
      await context.close();
    }
  });
});
