import { launchChromium, serveStatic, distDir } from './support.mjs';
const server = await serveStatic(distDir, '/', { compress: true });
const browser = await launchChromium();
for (let run = 0; run < 2; run++) {
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const reqs = {};
let t0;
cdp.on('Network.requestWillBeSent', (e) => { t0 ??= e.timestamp; reqs[e.requestId] = { url: e.request.url.replace(server.url, ''), start: e.timestamp, prio: e.request.initialPriority }; });
cdp.on('Network.responseReceived', (e) => { reqs[e.requestId].resp = e.timestamp; });
cdp.on('Network.loadingFinished', (e) => { Object.assign(reqs[e.requestId], { end: e.timestamp, bytes: e.encodedDataLength }); });
await page.goto(server.url + '#/troubleshoot', { waitUntil: 'load' });
await page.locator('button.answer').first().waitFor();
const ans = await page.evaluate(() => performance.now());
await page.waitForTimeout(500);
for (const r of Object.values(reqs)) console.log(r.url.padEnd(40), r.prio, ((r.start - t0) * 1000).toFixed(0), ((r.resp - t0) * 1000).toFixed(0), ((r.end - t0) * 1000).toFixed(0), r.bytes);
console.log('answer seen (approx)', ans.toFixed(0));
await context.close();
}
await browser.close(); await server.close();
