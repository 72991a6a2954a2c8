// Decoder speed in headless Chromium: a 5 MB controller log with 1,000 faults pasted into the
// "Decode a fault" section, timed from the input event until the results are on screen
// (decoding plus rendering the first 200 fault cards). Prints figures; enforces nothing.
import { launchChromium, serveStatic } from '../tests/e2e/support.mjs';

const RUNS = 5;
const server = await serveStatic(undefined, '/');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(server.url + '#/decode');
await page.locator('#soap-response').waitFor();

const times = [];
for (let run = 0; run < RUNS; run++) {
  const ms = await page.evaluate(async () => {
    const padding = 'x'.repeat(5_000_000 / 1000 - 420);
    let log = '';
    for (let i = 0; i < 1000; i++) {
      log += `<ApplicationData><Time>2026-11-20</Time><Note>${padding}</Note>\n<Response><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client.ItemNotFound</faultcode><faultstring>No such item ${i}</faultstring><detail><ExceptionInfo>lookup ${i}</ExceptionInfo></detail></s:Fault></s:Body></s:Envelope></Response></ApplicationData>\n`;
    }
    const area = document.querySelector('#soap-response');
    // Start from an empty decoder so every run does the same work.
    area.value = '';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    const start = performance.now();
    area.value = log;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      const line = document.querySelector('.summary-line')?.textContent ?? '';
      if (line.includes('1000 faults')) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    return performance.now() - start;
  });
  times.push(ms);
}
times.sort((a, b) => a - b);
console.log(
  `Chromium: 5 MB log with 1000 faults decoded and shown in ${times[Math.floor(RUNS / 2)].toFixed(0)} ms (median of ${RUNS}; fastest ${times[0].toFixed(0)} ms)`,
);
await browser.close();
await server.close();
