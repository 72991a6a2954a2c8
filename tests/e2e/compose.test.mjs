// Compose (issue 25 §4): from what the user should see to the exact fault to send, on a phone.
// What compose writes must decode, through the same decoder, with no finding above info.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser } from './support.mjs';

const app = useAppAndBrowser('/');

describe('compose the fault to send', () => {
  test('a custom message: the response to send decodes clean, and the user sees the message', async () => {
    const { context, page, problems } = await app.openDecoder();
    await page.getByText('Compose the fault to send').click();
    await page.getByLabel('Fault code').selectOption('LoginUnsupported');
    await page.getByLabel('Custom message number (SonosError, optional)').fill('27');
    await page.getByLabel('Custom message text').fill('Rating is only for premium members.');
    const http = page.getByTestId('compose-http');
    await page.waitForFunction(() => document.querySelector('[data-testid=compose-http]')?.textContent.includes('<SonosError>27</SonosError>'));
    const response = await http.innerText();
    assert.match(response, /^HTTP\/1\.1 500 Internal Server Error\r?\nContent-Type: text\/xml; charset=utf-8/);
    assert.match(await page.getByTestId('compose-strings').innerText(), /"Error27Message": "Rating is only for premium members\."/);
    const seen = await page.getByTestId('compose-user-sees').locator('dd').allInnerTexts();
    assert.deepEqual(seen, Array(4).fill('Rating is only for premium members.'));
    // The page stays within a phone's width: the response scrolls inside its box.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));

    // Round trip through the decoder on the same page.
    await page.getByLabel('SOAP response').fill(response);
    const fault = page.getByTestId('fault');
    await fault.waitFor();
    assert.equal(await fault.getByTestId('fault-code').innerText(), 'LoginUnsupported');
    const severities = await fault.getByTestId('finding').evaluateAll((els) => els.map((e) => e.className));
    assert.ok(severities.every((c) => c.includes('info')), severities.join());
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a number that is not one says so, and the tokens appear only for TokenRefreshRequired', async () => {
    const { context, page, problems } = await app.openDecoder();
    await page.getByText('Compose the fault to send').click();
    assert.equal(await page.getByLabel('New authToken').count(), 0);
    await page.getByLabel('Custom message number (SonosError, optional)').fill('twelve');
    assert.match(await page.getByTestId('compose-error').innerText(), /SonosError must be a whole number, not “twelve”/);
    await page.getByLabel('Custom message number (SonosError, optional)').fill('');
    await page.getByLabel('Fault code').selectOption('TokenRefreshRequired');
    await page.getByLabel('New authToken').fill('tok-1');
    await page.getByLabel('New privateKey').fill('key-1');
    await page.waitForFunction(() => document.querySelector('[data-testid=compose-http]')?.textContent.includes('<privateKey>key-1</privateKey>'));
    const seen = await page.getByTestId('compose-user-sees').locator('dd').allInnerTexts();
    assert.ok(seen.every((s) => s.startsWith('Nothing is shown')), seen.join());
    assert.deepEqual(problems, []);
    await context.close();
  });
});
