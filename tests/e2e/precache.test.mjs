// The service worker that the build writes: what it precaches, how each file is checked, and
// what its version covers. (No browser: this reads the generated source.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServiceWorker } from '../../scripts/precache.mjs';
import { distDir, repoRoot } from './support.mjs';

const template = readFileSync(join(repoRoot, 'public/sw.js'), 'utf8');

test('every built file is precached once, with the hash of its bytes as integrity', () => {
  const { precache, pages } = buildServiceWorker(distDir);
  const urls = precache.map((entry) => entry.url);
  assert.ok(!urls.includes('./'), 'the folder is not cached beside index.html');
  assert.equal(new Set(urls).size, urls.length, 'no file twice');
  assert.ok(urls.includes('./index.html'));
  assert.ok(urls.some((url) => url.endsWith('.wasm')));
  assert.ok(!urls.includes('./sw.js') && !urls.includes('./embed.js'));
  for (const { url, integrity } of precache) {
    const bytes = readFileSync(join(distDir, url));
    assert.equal(integrity, `sha256-${createHash('sha256').update(bytes).digest('base64')}`, url);
  }
  assert.deepEqual(pages, urls.filter((url) => url.endsWith('.html')), 'pages are exactly the built HTML files');
});

test('a release that changes only the service worker template gets a version of its own', () => {
  const today = buildServiceWorker(distDir, template);
  const changed = buildServiceWorker(distDir, template.replace('// Fix 1002', '// Fix 1002 (changed)'));
  assert.equal(today.version, buildServiceWorker(distDir, template).version, 'the version is stable');
  assert.notEqual(changed.version, today.version);
  assert.match(changed.source, new RegExp(`'${changed.version}'|"${changed.version}"`));
});
