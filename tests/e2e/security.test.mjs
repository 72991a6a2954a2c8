// The strict Content-Security-Policy holds everywhere: no inline script or style in the build,
// and no violation while every section is used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, useAppAndBrowser, waitForApp, watchForProblems } from './support.mjs';

const app = useAppAndBrowser('/');

test('the built page declares the strict policy and carries no inline script or style', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  assert.ok(policy, 'a CSP meta tag');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /style-src 'self'(;|$)/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(attrs, /src=/, 'every script is a file');
    assert.equal(body.trim(), '');
  }
  assert.doesNotMatch(html, /<style|style="/);
});

test('using every section raises no policy violation', async () => {
  const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(app.server.url);
  await waitForApp(page);
  await page.getByRole('link', { name: 'Start troubleshooting' }).click();
  await page.getByRole('button', { name: 'While playing or browsing music' }).click();
  await page.getByRole('button', { name: 'Yes, it keeps coming back' }).click();
  await page.getByRole('heading', { level: 1, name: /one music service/ }).waitFor();
  await page.getByRole('button', { name: 'Not sure', exact: true }).click();
  await page.getByRole('button', { name: 'Check this phone’s connection' }).click();
  await page.getByTestId('phone-check-verdict').waitFor();
  await page.getByRole('link', { name: 'Decode a fault' }).click();
  await page.getByLabel('SOAP response').fill(
    '<Fault><faultcode>Client.LoginInvalid</faultcode><faultstring>&lt;style&gt;body{display:none}&lt;/style&gt;</faultstring></Fault>',
  );
  await page.getByTestId('fault').waitFor();
  await page.getByRole('link', { name: 'Fix steps' }).click();
  await page.getByRole('link', { name: 'Restart the speaker' }).click();
  await page.getByTestId('step-page').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
