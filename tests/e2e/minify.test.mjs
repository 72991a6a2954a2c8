// The build's minifier (scripts/minify.mjs) must leave every tag's integrity hash matching the
// minified bytes, whatever public URL the build was given (`./` for `make build`, `/` for
// `make serve`): a stale hash makes the browser refuse the stylesheet or the script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minifyAssets, withoutComments } from '../../scripts/minify.mjs';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

for (const publicUrl of ['./', '/', 'https://cdn.example/help/']) {
  test(`integrity hashes follow the minified files, with the public URL ${publicUrl}`, () => {
    const site = mkdtempSync(join(tmpdir(), 'fix1002-minify-'));
    const css = 'main-0123456789abcdef.css';
    const js = 'fix1002-web-0123456789abcdef.js';
    writeFileSync(join(site, css), '.answer {\n  color : red ;\n}\n');
    writeFileSync(join(site, js), 'export function start ( ) {\n  return 1 + 1 ;\n}\n');
    writeFileSync(
      join(site, 'index.html'),
      `<!DOCTYPE html><html><head><!-- a note -->` +
        `<link rel="stylesheet" href="${publicUrl}${css}" integrity="sha384-stale"/>` +
        `<link rel="modulepreload" href="${publicUrl}${js}" crossorigin="anonymous" integrity="sha384-stale">` +
        `</head><body></body></html>`,
    );
    assert.deepEqual(minifyAssets(site).sort(), [js, css].sort());
    const html = readFileSync(join(site, 'index.html'), 'utf8');
    for (const name of [css, js]) {
      const bytes = readFileSync(join(site, name));
      assert.ok(bytes.length < 40, `${name} was minified: ${bytes}`);
      const tag = html.match(new RegExp(`<[^>]*${name.replace(/\./g, '\\.')}[^>]*>`))[0];
      assert.ok(tag.includes(`integrity="${sri(bytes)}"`), tag);
    }
    assert.equal(withoutComments(site), 1);
    assert.ok(!readFileSync(join(site, 'index.html'), 'utf8').includes('<!--'));
  });
}
