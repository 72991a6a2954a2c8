// The fault card and the copied report say the same thing, for every fault fixture in every
// Context (issue 24 §3): both render one explanation, so every row, what the user sees, each
// note, each finding and the owner's fix steps must appear in both, in the same order. The
// only differences allowed are the ones privacy asks for: a household or device id is shown on
// screen and hidden in the report.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readClipboard, repoRoot, useAppAndBrowser } from './support.mjs';

const app = useAppAndBrowser('/');
const HIDDEN = 'present, hidden';
const CONTEXTS = ['Browse', 'Search', 'Account setup', 'Streaming'];
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** Every fixture file under tests/fixtures/faults that is UTF-8 text, by path. */
function fixtures() {
  const root = join(repoRoot, 'tests/fixtures/faults');
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return walk(root)
    .filter((path) => !path.endsWith('README.md'))
    .flatMap((path) => {
      try {
        return [{ name: relative(root, path), text: decoder.decode(readFileSync(path)) }];
      } catch {
        return []; // Not UTF-8 (a body still gzipped): the decoder refuses it, no card to compare.
      }
    });
}

/** What each drawn card shows, read from the page in its own terms. */
function readCards() {
  const text = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('button, .visually-hidden').forEach((e) => e.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  return [...document.querySelectorAll('[data-testid=fault], [data-testid=upnp-fault]')].map((card) => ({
    heading: text(card.querySelector('h2')),
    lead: card.querySelector('.lead') ? text(card.querySelector('.lead')) : null,
    sections: [...card.querySelectorAll('dl.fault-facts')].map((dl) => ({
      heading: dl.dataset.section,
      rows: [...dl.querySelectorAll('dt')].map((dt) => {
        const dd = dt.nextElementSibling;
        // The value as drawn, its line breaks kept: the report keeps them too.
        const value = dd.cloneNode(true);
        value.querySelectorAll('button, .visually-hidden').forEach((e) => e.remove());
        return { label: text(dt), value: value.textContent, privacy: dd.dataset.privacy ?? 'public' };
      }),
    })),
    seen: card.querySelector('[data-testid=user-message]') ? text(card.querySelector('[data-testid=user-message]')) : null,
    notes: [...card.querySelectorAll('.seen-notes p')].map(text),
    log: card.querySelector('.log-note') ? text(card.querySelector('.log-note')) : null,
    findings: [...card.querySelectorAll('[data-testid=finding]')].map((f) => ({
      tag: f.dataset.tag,
      severity: text(f.querySelector('.severity')),
      found: text(f.querySelectorAll('p')[1]),
    })),
    steps: [...card.querySelectorAll('.owner-steps a')].map(text),
  }));
}

/** The report's lines for each fault, keyed by the fault's heading line. */
function reportBlocks(report) {
  const blocks = new Map();
  let current = null;
  for (const line of report.split('\n')) {
    if (/^Fault \d+/.test(line)) {
      current = [];
      blocks.set(line, current);
    } else if (current && line !== '') {
      current.push(line);
    }
  }
  return blocks;
}

/** The report lines a card's content calls for, in the card's order. */
function expectedLines(card) {
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const lines = [];
  if (card.lead) lines.push(`  ${card.lead}`);
  for (const section of card.sections) {
    const facts = section.heading === 'Fault';
    if (!facts) lines.push(`  ${section.heading}:`);
    const indent = facts ? '  ' : '    ';
    for (const row of section.rows) {
      const value = row.privacy === 'identifier' ? HIDDEN : row.value;
      // A value of several lines: its first on the label's line, the others indented below.
      const [first, ...more] = value.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
      lines.push(`${indent}${row.label}: ${first}`, ...more.map((line) => `${indent}  ${line}`));
    }
  }
  return { lines, squash };
}

describe('the card and the copied report agree', () => {
  test('for every fixture in every Context', async () => {
    const { context, page, problems } = await app.openDecoder(CLIPBOARD);

    let compared = 0;
    for (const { name, text } of fixtures()) {
      await page.getByLabel('SOAP response').fill('');
      await page.getByText('Results appear here').waitFor();
      await page.getByLabel('SOAP response').fill(text);
      await page.locator('[data-testid=fault], [data-testid=upnp-fault], [data-testid=decode-error]').first().waitFor();
      if (await page.getByTestId('decode-error').count()) continue;
      for (const label of CONTEXTS) {
        await page.getByLabel('Context').selectOption({ label });
        // Let the cards follow the new choice before reading them.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
        const cards = await page.evaluate(readCards);
        await page.getByRole('button', { name: 'Copy report' }).click();
        const report = await readClipboard(page);
        assert.ok(report.includes(`Context: ${label}`), `${name}: the report is for ${label}`);
        const blocks = reportBlocks(report);
        for (const card of cards) {
          const where = `${name}, ${label}, ${card.heading}`;
          const block = blocks.get(card.heading);
          assert.ok(block, `${where}: no block in the report\n${report}`);
          const { lines, squash } = expectedLines(card);
          // The rows, in order, and nothing else before what the user sees.
          // Line for line, indentation included; only trailing spaces are let go.
          const rowLines = block.slice(0, lines.length).map((l) => l.trimEnd());
          assert.deepEqual(rowLines, lines.map((l) => l.trimEnd()), where);
          const rest = block.slice(lines.length).map(squash);
          const seenLine = rest.find((l) => l.startsWith('User sees'));
          if (card.seen === null) {
            assert.equal(seenLine, undefined, where);
          } else {
            assert.ok(seenLine?.endsWith(`: ${squash(card.seen)}`), `${where}: ${seenLine} / ${card.seen}`);
          }
          assert.deepEqual(
            rest.filter((l) => l.startsWith('Note: ')).map((l) => l.slice(6)),
            card.notes.map(squash),
            `${where}: notes`,
          );
          assert.equal(rest.find((l) => l.startsWith('Log: '))?.slice(5) ?? null, card.log && squash(card.log), `${where}: log`);
          assert.deepEqual(
            rest.filter((l) => l.startsWith('[')).map((l) => l.replace(/ \(([^()]|\([^()]*\))*\)$/, '')),
            card.findings.map((f) => squash(`[${f.severity}] ${f.tag}: ${f.found}`)),
            `${where}: findings`,
          );
          const steps = rest.find((l) => l.startsWith('Fix steps for the Sonos owner'));
          assert.equal(steps ? steps.slice(steps.indexOf('): ') + 3) : '', card.steps.join('; '), `${where}: owner steps`);
          compared += 1;
        }
      }
    }
    // Every decodable fixture was compared, in four contexts each.
    assert.ok(compared >= 4 * 30, `only ${compared} cards compared`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('a long value', () => {
  test('is shown cut with its length, can be shown whole, and the report says its length', async () => {
    const { context, page, problems } = await app.openDecoder(CLIPBOARD);
    const value = 'y'.repeat(50_000);
    await page.getByLabel('SOAP response').fill(
      `<Fault><faultcode>Server.ServiceUnknownError</faultcode><faultstring>${value}</faultstring></Fault>`,
    );
    const card = page.getByTestId('fault');
    await card.waitFor();
    const length = card.getByTestId('value-length');
    assert.equal(await length.innerText(), '(50000 characters in all)');
    const row = card.locator('dd:has([data-testid=value-length])');
    assert.ok((await row.innerText()).length < 1000, 'the card draws only the start of the value');
    // The page stays within a phone's width: the one long word wraps instead of widening it.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await row.getByRole('button', { name: 'Show all of faultstring' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=value-length]').parentElement.textContent.length > 50_000);
    assert.equal(await row.getByRole('button').count(), 0);

    await page.getByRole('button', { name: 'Copy report' }).click();
    const report = await readClipboard(page);
    assert.match(report, /\n  faultstring: y{300}… \(50000 characters in all\)\n/);
    assert.ok(!report.includes(value), 'the report does not carry the whole value');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
