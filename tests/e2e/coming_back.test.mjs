// Coming back to Fix 1002 at phone size (issue 23 §4): the start page offers a check saved on
// this device, a check that ended with a fix asks whether error 1002 came back, Start over can
// be undone, and the support summary carries the date and the owner's own notes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, untilNextScreen, useAppAndBrowser, waitForApp, watchForProblems } from './support.mjs';

const app = useAppAndBrowser('/help/1002/');

const FIRST = 'When do you see error 1002?';
const SERVICES = 'Does error 1002 happen with one music service, or with every service you try?';
const RECURRING = 'Does error 1002 keep coming back every few days?';
const CAUSES = 'What is most likely behind it';

const open = (fragment = '') => app.openOnPhone(fragment);

const h1 = (page) => page.getByRole('heading', { level: 1 });

/** Answers whatever is asked, from `story` by heading or else "Not sure", until the causes. */
async function tellUntilCauses(page, story) {
  for (let i = 0; i < 20; i++) {
    await h1(page).first().waitFor();
    const heading = await h1(page).innerText();
    if (heading === CAUSES) return;
    await untilNextScreen(page, () =>
      page.getByRole('button', { name: story[heading] ?? 'Not sure', exact: true }).click(),
    );
  }
  assert.fail('the questions never ended');
}

/** One music service fails, the first time: re-adding its account is the first step. */
async function toFirstStep(page) {
  await tellUntilCauses(page, {
    [FIRST]: 'While playing or browsing music',
    [SERVICES]: 'Only with one service',
    [RECURRING]: 'No, this is the first time',
  });
  await untilNextScreen(page, () => page.getByRole('button', { name: 'Start the fix plan' }).click());
  await page.getByTestId('fix-step').waitFor();
}

/** Whether the element lies wholly inside the first screen of the phone. */
async function inFirstScreen(locator) {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
}

describe('the start page offers a check saved on this device', () => {
  test('a check that ended with a fix asks whether error 1002 came back, and leads into the recurring path', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await toFirstStep(page);
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Yes, it’s fixed' }).click());
    await page.getByRole('heading', { level: 1, name: 'Error 1002 is fixed' }).waitFor();
    // The fixed journey is kept on the device.
    assert.match(await page.evaluate(() => localStorage.getItem('fix1002.journey')), /readd-service-account:fixed$/);
    await page.close();

    // Coming back later by the home-screen icon: the start page.
    const again = await context.newPage();
    const problemsAgain = watchForProblems(again);
    await again.goto(app.server.url);
    await waitForApp(again);
    // The start page keeps its heading and its primary button.
    await again.getByRole('heading', { level: 1, name: 'Sonos says error 1002? Let’s fix it.' }).waitFor();
    await again.getByRole('link', { name: 'Start troubleshooting' }).waitFor();
    const offer = again.getByTestId('saved-check');
    await offer.getByRole('heading', { level: 2, name: 'Did error 1002 come back?' }).waitFor();
    assert.match(await offer.innerText(), /Last time, “remove and re-add your music service account” fixed it\./);
    const cameBack = offer.getByRole('button', { name: 'Yes, it came back' });
    assert.ok(await inFirstScreen(cameBack), 'the offer is within the first screen of a phone');
    assert.ok(await inFirstScreen(offer.getByRole('button', { name: 'No, all fine' })));

    // Into the recurring problem's path: the earlier answers kept, "keeps coming back" given.
    await untilNextScreen(again, () => cameBack.click());
    await again.getByRole('heading', { level: 1, name: CAUSES }).waitFor();
    const journey = decodeURIComponent(new URL(again.url()).hash.split('s=')[1] ?? '');
    assert.match(journey, /recurring:yes/);
    assert.match(journey, /when:playback/);
    assert.doesNotMatch(journey, /fixed/);
    assert.deepEqual(problems, []);
    assert.deepEqual(problemsAgain, []);
    await context.close();
  });

  test('"No, all fine" puts the fixed check away for good', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await toFirstStep(page);
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Yes, it’s fixed' }).click());
    await page.goto(app.server.url + '#/');
    await page.getByTestId('saved-check').getByRole('button', { name: 'No, all fine' }).click();
    await page.getByTestId('saved-check').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => localStorage.getItem('fix1002.journey')), null);
    await page.reload();
    await waitForApp(page);
    await page.getByRole('link', { name: 'Start troubleshooting' }).waitFor();
    assert.equal(await page.getByTestId('saved-check').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a check in progress is offered to continue, where it left off', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await untilNextScreen(page, () =>
      page.getByRole('button', { name: 'While playing or browsing music', exact: true }).click(),
    );
    await page.close();
    const again = await context.newPage();
    await again.goto(app.server.url);
    await waitForApp(again);
    const offer = again.getByTestId('saved-check');
    await offer.getByRole('heading', { level: 2, name: 'Your check on this device' }).waitFor();
    assert.match(await offer.innerText(), /saved .*\d{4}.*: 1 answer\./);
    const go = offer.getByRole('button', { name: 'Continue where I left off' });
    assert.ok(await inFirstScreen(go));
    await go.click();
    await again.getByRole('heading', { level: 1, name: RECURRING }).waitFor();
    assert.match(again.url(), /#\/troubleshoot\?s=when:playback$/);
    // Back returns to the start page, which it came from.
    await again.goBack();
    await again.getByRole('heading', { level: 1, name: 'Sonos says error 1002? Let’s fix it.' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"Start a new check" from the start page forgets the saved check and starts one', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await untilNextScreen(page, () =>
      page.getByRole('button', { name: 'During a software update', exact: true }).click(),
    );
    await page.goto(app.server.url + '#/');
    await untilNextScreen(page, () =>
      page.getByTestId('saved-check').getByRole('button', { name: 'Start a new check' }).click(),
    );
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor();
    assert.equal(await page.locator('button.answer.earlier').count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('fix1002.journey')), null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with nothing saved, the start page offers nothing', async () => {
    const { context, page, problems } = await open();
    await page.getByRole('link', { name: 'Start troubleshooting' }).waitFor();
    assert.equal(await page.getByTestId('saved-check').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('Start over can be undone', () => {
  test('Start over clears the answers, says so, and Undo brings them back with the typed names', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await toFirstStep(page);
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Contact Sonos support now' }).click());
    await page.getByLabel('Which music service fails?').fill('Spotify');
    const before = page.url();

    const startOver = page.getByRole('button', { name: 'Start over' });
    await untilNextScreen(page, () => startOver.click());
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'Your answers were cleared.' });
    await status.waitFor();
    // Starting over is not going back: no answer is marked as the one given before.
    assert.equal(await page.locator('button.answer.earlier').count(), 0);
    assert.equal(await page.getByText('Your answer before you went back is marked.').count(), 0);
    // Cleared from the device, as before Undo existed.
    assert.equal(await page.evaluate(() => localStorage.getItem('fix1002.journey')), null);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('name'))), []);
    const undo = status.getByRole('button', { name: 'Undo' });
    // Start over sits at the foot of a long screen: the page goes back to its top (smoothly,
    // unless the reader asks for less motion), where the message is.
    await page.waitForFunction(() => scrollY === 0);
    assert.ok(await inFirstScreen(undo), 'Undo is within the first screen of a phone');
    const box = await undo.boundingBox();
    assert.ok(box.height >= 44, `Undo is ${box.height}px tall`);

    await untilNextScreen(page, () => undo.click());
    await page.getByRole('heading', { level: 1, name: 'Time to contact Sonos support' }).or(
      page.getByRole('heading', { level: 1, name: 'Who can help from here' }),
    ).waitFor();
    assert.equal(page.url(), before);
    assert.equal(await page.getByLabel('Which music service fails?').inputValue(), 'Spotify');
    assert.match(await page.getByTestId('support-summary').inputValue(), /Music service that fails: Spotify/);
    assert.ok(await page.evaluate(() => localStorage.getItem('fix1002.journey')));
    assert.equal(await page.getByText('Your answers were cleared.').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('once the owner answers again, there is nothing left to undo', async () => {
    const { context, page, problems } = await open('#/troubleshoot?s=when:playback');
    await page.getByRole('heading', { level: 1, name: RECURRING }).waitFor();
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Start over' }).click());
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await untilNextScreen(page, () =>
      page.getByRole('button', { name: 'During a software update', exact: true }).click(),
    );
    assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0);
    // Back to the first question: still nothing to undo, the old answers are gone.
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Back' }).click());
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Start over from "Error 1002 is fixed" can be undone too', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await toFirstStep(page);
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Yes, it’s fixed' }).click());
    await page.getByRole('heading', { level: 1, name: 'Error 1002 is fixed' }).waitFor();
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Start over' }).click());
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Undo' }).click());
    await page.getByRole('heading', { level: 1, name: 'Error 1002 is fixed' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the hand-over reads as an owner would say it, and its summary is complete', () => {
  test('"Who can help" is plain sentences, labelled as Fix 1002’s suggestion', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await toFirstStep(page);
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Contact Sonos support now' }).click());
    const note = await page.getByTestId('who-can-help-note').innerText();
    assert.match(note, /^This list is Fix 1002’s suggestion, based on the causes that are still likely\. The guides name only Sonos support\./);
    assert.doesNotMatch(note, /suggestion from the causes/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('notes typed for support are kept through a reload and go into the summary with the date, as text', async () => {
    const { context, page, problems } = await open('#/troubleshoot');
    await toFirstStep(page);
    await untilNextScreen(page, () => page.getByRole('button', { name: 'Contact Sonos support now' }).click());
    const summary = page.getByTestId('support-summary');
    // The date and time it was prepared, in the reader's own words.
    const year = String(new Date().getFullYear());
    const prepared = (await summary.inputValue()).split('\n')[1];
    assert.match(prepared, /^Prepared: .*\d{1,2}:\d{2}/);
    assert.ok(prepared.includes(year), prepared);

    const notes = page.getByLabel('Anything else support should know');
    assert.equal(await notes.evaluate((el) => el.tagName), 'TEXTAREA');
    assert.ok(Number(await notes.getAttribute('maxlength')) > 0);
    await notes.fill('Started after the new router.\nKitchen <i>only</i>');
    assert.match(await summary.inputValue(), /\n\nNotes from the owner:\nStarted after the new router\.\nKitchen <i>only<\/i>$/);
    assert.equal(await page.locator('main i').count(), 0, 'typed text is never markup');

    await page.reload();
    await waitForApp(page);
    await page.getByTestId('support-summary').waitFor();
    assert.equal(await page.getByLabel('Anything else support should know').inputValue(), 'Started after the new router.\nKitchen <i>only</i>');
    assert.match(await page.getByTestId('support-summary').inputValue(), /Notes from the owner:\nStarted after the new router\.\nKitchen <i>only<\/i>$/);

    // The reminder about a diagnostic from the Sonos app cites Sonos' own page.
    const reminder = page.getByTestId('diagnostic-reminder');
    assert.match(await reminder.innerText(), /Sonos support may ask you to send a diagnostic report from the Sonos app/);
    assert.match(await reminder.getByRole('link').getAttribute('href'), /^https:\/\/en\.community\.sonos\.com\//);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
