// Renders the app icons (PNG) from public/favicon.svg with headless Chromium. Run by hand when
// the icon changes (`node scripts/icons.mjs`); the PNGs are committed like any other asset.
import { readFileSync } from 'node:fs';
import { launchChromium, repoRoot } from '../tests/e2e/support.mjs';

const svg = readFileSync(`${repoRoot}/public/favicon.svg`, 'utf8');
const browser = await launchChromium();
const page = await browser.newPage();

async function render(file, size, { maskable = false } = {}) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon fills its square and keeps the glyph inside the central 80% safe zone.
  const glyph = maskable ? `<div style="position:absolute;inset:0;background:#0f6b5c"></div>
    <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"
         style="position:absolute;left:10%;top:10%;width:80%;height:80%">`
    : `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" style="width:100%;height:100%">`;
  await page.setContent(`<body style="margin:0;background:transparent">${glyph}</body>`);
  await page.screenshot({ path: `${repoRoot}/public/${file}`, omitBackground: !maskable });
  console.log(`public/${file}`);
}

await render('icon-192.png', 192);
await render('icon-512.png', 512);
await render('icon-maskable-512.png', 512, { maskable: true });
await render('apple-touch-icon.png', 180, { maskable: true });
await browser.close();
