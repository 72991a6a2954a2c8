// Whole troubleshooting stories at phone size, as an owner would go through them: answers,
// Not sure, Back, a reload part-way, a shared link, the phone check, and both endings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, waitForApp, watchForProblems } from './support.mjs';

const PHONE = { width: 360, height: 740 };
const app = useAppAndBrowser('/help/1002/');

async function openFlow(fragment = '#/troubleshoot', options = {}) {
  const context = await app.browser.newContext({ viewport: PHONE, ...options });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(app.server.url + fragment);
  await waitForApp(page);
  return { context, page, problems };
}

const h1 = (page) => page.getByRole('heading', { level: 1 });

/**
 * Waits for a question to be the page's heading, clicks the answer named `answerName`, and
 * waits until the next screen has replaced the question.
 */
async function answer(page, question, answerName) {
  await page.getByRole('heading', { level: 1, name: question }).waitFor();
  await clickAndWaitForNextScreen(page, page.getByRole('button', { name: answerName, exact: true }));
}

async function clickAndWaitForNextScreen(page, button) {
  const heading = await h1(page).innerText();
  const url = page.url();
  await button.click();
  await page.waitForFunction(
    ([oldUrl, oldHeading]) =>
      location.href !== oldUrl && document.querySelector('h1')?.textContent !== oldHeading,
    [url, heading],
  );
}

/** Answers "Not sure" to every question until the likely causes appear. */
async function notSureUntilCauses(page) {
  for (let i = 0; i < 12; i++) {
    const heading = await h1(page).innerText();
    if (heading === 'What is most likely behind it') return;
    await answer(page, heading, heading === 'Which speaker shows the error?' ? 'Another model, or not sure' : 'Not sure');
  }
  assert.fail('the questions never ended');
}

const journeyOf = (page) => new URL(page.url()).hash.split('s=')[1] ?? '';

describe('troubleshooting stories', () => {
  test('only one music service fails: re-adding its account comes first and fixes it', async () => {
    const { context, page, problems } = await openFlow();
    await answer(page, 'When do you see error 1002?', 'While playing or browsing music');
    await answer(page, 'Which speaker shows the error?', 'Sonos One');
    await answer(page, 'Can other devices at home reach the internet right now?', 'Not sure');
    await answer(page, 'In the Sonos app, does the speaker show as Offline?', 'No, it shows Online');
    await answer(page, /one music service, or with every service/, 'Only with one service');
    await notSureUntilCauses(page);

    const causes = page.getByTestId('cause');
    assert.equal(await causes.first().getAttribute('data-cause'), 'expired-credentials');
    assert.match(await causes.first().innerText(), /Because only one music service fails/);

    await page.getByRole('button', { name: 'Start the fix plan' }).click();
    const step = page.getByTestId('fix-step');
    await step.waitFor();
    assert.equal(await step.getAttribute('data-step'), 'readd-service-account');
    assert.match(await step.innerText(), /Settings > Services and Voice > \[your music service\]/);
    assert.match(await step.innerText(), /Suggested because only one music service fails/);

    await page.getByRole('button', { name: 'Yes, it’s fixed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Error 1002 is fixed' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an update stalls in one room: Back and a reload part-way keep the place', async () => {
    const { context, page, problems } = await openFlow();
    await answer(page, 'When do you see error 1002?', 'During a software update');
    await answer(page, 'Which speaker shows the error?', 'Another model, or not sure');

    // Reload part-way: the same question comes back.
    const question = 'Can other devices at home reach the internet right now?';
    await page.getByRole('heading', { level: 1, name: question }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: question }).waitFor();

    // Back returns to the previous question, with the answer undone.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Which speaker shows the error?' }).waitFor();
    assert.equal(journeyOf(page), 'when:update');
    await answer(page, 'Which speaker shows the error?', 'Sonos Five');

    await answer(page, question, 'Yes, the internet works');
    await answer(page, 'What happens during the update?', 'The progress bar stalls near the end');
    await answer(page, 'Do all rooms fail the update, or only some?', 'Only some rooms fail');
    await notSureUntilCauses(page);
    assert.equal(await page.getByTestId('cause').first().getAttribute('data-cause'), 'mixed-firmware');

    await page.getByRole('button', { name: 'Start the fix plan' }).click();
    const step = page.getByTestId('fix-step');
    await step.waitFor();
    assert.equal(await step.getAttribute('data-step'), 'update-in-small-batches');
    await page.getByRole('button', { name: 'No, still error 1002' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=fix-step]')?.dataset.step !== 'update-in-small-batches');
    assert.equal(await step.getAttribute('data-step'), 'check-firmware-consistency');
    assert.match(await step.innerText(), /Ethernet cable/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a shared link reopens the same point, and the plan ends in a summary for support', async () => {
    const shared = '#/troubleshoot?s=when:playback,model:arc,internet:no';
    const { context, page, problems } = await openFlow(shared, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.getByRole('heading', { level: 1, name: 'In the Sonos app, does the speaker show as Offline?' }).waitFor();
    await notSureUntilCauses(page);
    assert.equal(await page.getByTestId('cause').first().getAttribute('data-cause'), 'internet-down');
    await page.getByRole('button', { name: 'Start the fix plan' }).click();
    await page.getByTestId('fix-step').waitFor();

    // Skip the first step, then let every other step fail.
    await clickAndWaitForNextScreen(page, page.getByRole('button', { name: 'I can’t do this' }));
    for (let i = 0; i < 20; i++) {
      const heading = await h1(page).innerText();
      if (heading === 'Time to contact Sonos support') break;
      await clickAndWaitForNextScreen(page, page.getByRole('button', { name: 'No, still error 1002' }));
    }
    await page.getByRole('heading', { level: 1, name: 'Time to contact Sonos support' }).waitFor();
    const summary = await page.getByTestId('support-summary').inputValue();
    assert.match(summary, /Speaker: Sonos Arc/);
    assert.match(summary, /Can other devices at home reach the internet right now\? No, nothing gets online/);
    assert.match(summary, /: could not do it/);
    assert.match(summary, /: did not help/);

    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.getByText('Summary copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), summary);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('closing the tab loses nothing: the flow resumes from local storage', async () => {
    const { context, page } = await openFlow();
    await answer(page, 'When do you see error 1002?', 'While playing or browsing music');
    await page.getByRole('heading', { level: 1, name: 'Which speaker shows the error?' }).waitFor();
    await page.close();
    const again = await context.newPage();
    await again.goto(app.server.url + '#/troubleshoot');
    await again.getByRole('heading', { level: 1, name: 'Which speaker shows the error?' }).waitFor();
    // Start over clears it.
    await again.getByRole('button', { name: 'Start over' }).click();
    await again.getByRole('heading', { level: 1, name: 'When do you see error 1002?' }).waitFor();
    assert.equal(await again.evaluate(() => localStorage.getItem('fix1002.journey')), null);
    await context.close();
  });

  test('the phone check answers the internet question when the phone is offline', async () => {
    const { context, page, problems } = await openFlow('#/troubleshoot?s=when:playback,model:move');
    await page.getByRole('heading', { level: 1, name: 'Can other devices at home reach the internet right now?' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Check this phone’s connection' }).click();
    const verdict = page.getByTestId('phone-check-verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'offline');
    assert.match(await verdict.innerText(), /offline/);
    await page.getByRole('button', { name: /Use this result/ }).click();
    await page.waitForFunction(() => location.hash.includes('internet:no'));
    assert.notEqual(await h1(page).innerText(), 'Can other devices at home reach the internet right now?');
    // The check's own requests fail while offline; that is the point, not a fault.
    assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
    await context.close();
  });

  test('the phone check measures a working connection with figures', async () => {
    const { context, page, problems } = await openFlow('#/troubleshoot?s=when:playback,model:move');
    await page.getByRole('button', { name: 'Check this phone’s connection' }).click();
    const verdict = page.getByTestId('phone-check-verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'good');
    assert.match(await verdict.innerText(), /Median round trip \d+ ms, spread \d+ ms, 5 of 5 requests answered/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('fix steps section', () => {
  test('the index links every step to a page of its own that survives a reload', async () => {
    const { context, page, problems } = await openFlow('#/steps');
    const links = page.getByRole('main').locator('.step-list a');
    assert.equal(await links.count(), 14);
    await page.getByRole('link', { name: 'Remove and re-add your music service account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Remove and re-add your music service account' }).waitFor();
    assert.equal(new URL(page.url()).hash, '#/steps/readd-service-account');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Remove and re-add your music service account' }).waitFor();
    assert.match(await page.getByRole('main').innerText(), /Settings > Services and Voice > \[your music service\]/);
    assert.match(await page.title(), /Remove and re-add your music service account/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a mistyped step link says so and leads back to the index', async () => {
    const { context, page } = await openFlow('#/steps/restart-the-moon');
    await page.getByRole('heading', { level: 1, name: 'No fix step with this link' }).waitFor();
    await page.getByRole('link', { name: 'See all fix steps' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fix steps' }).waitFor();
    await context.close();
  });
});
