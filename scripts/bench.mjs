// Prints the size of every file in the release build (dist/) and the total a first visit
// transfers, raw, gzip and brotli. Figures only: nothing here passes or fails.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** The files a first visit loads: index.html and every local file it references. */
function firstLoadSet(indexHtml) {
  const referenced = new Set(['index.html']);
  for (const [, url] of indexHtml.matchAll(/(?:href|src)=["']([^"'#?]+)["']/g)) {
    if (!/^[a-z]+:/i.test(url) && !url.startsWith('//')) referenced.add(url.replace(/^\.?\//, ''));
  }
  // The wasm is fetched by the JS glue rather than named in a tag when preloading is off.
  return referenced;
}

const files = (await filesUnder(dist)).sort();
const index = await readFile(join(dist, 'index.html'), 'utf8');
const firstLoad = firstLoadSet(index);

const rows = [];
for (const file of files) {
  const name = relative(dist, file);
  rows.push({ name, first: firstLoad.has(name) || name.endsWith('_bg.wasm'), ...sizes(await readFile(file)) });
}

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(40)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}  first load`);
for (const r of rows) {
  console.log(`${r.name.padEnd(40)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}  ${r.first ? 'yes' : ''}`);
}
const total = (key) => rows.filter((r) => r.first).reduce((sum, r) => sum + r[key], 0);
console.log(`${'first-load transfer'.padEnd(40)} ${kb(total('raw'))} ${kb(total('gzip'))} ${kb(total('brotli'))}`);
