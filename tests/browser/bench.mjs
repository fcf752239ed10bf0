// Browser benchmark of the dashboard on a running citygraph (see BENCHMARKS.md):
//   time to first full map render: from navigation start to the first frame drawn with the map's
//     data (the page's `cg:first-render` performance mark);
//   redraw of one slider step: from the slider's input event to the next frame on screen (the
//     page's `cg:redraw` performance measure: filtering in memory, layer update and draw).
// Usage: CITYGRAPH_URL=http://127.0.0.1:8080 node bench.mjs [runs=5] [steps=20]

import { launch } from "./chromium.mjs";

const BASE = process.env.CITYGRAPH_URL ?? "http://127.0.0.1:8080";
const runs = Number(process.argv[2] ?? 5);
const steps = Number(process.argv[3] ?? 20);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const browser = await launch();
const first = [];
const data = [];
const redraw = [];
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/dashboard/?as_of=1990-06-01`);
  await page.waitForSelector("#map[data-rendered=true]", { timeout: 120_000 });
  const marks = await page.evaluate(() => ({
    first: performance.getEntriesByName("cg:first-render")[0].startTime,
    data: performance.getEntriesByName("cg:data-loaded")[0].startTime,
  }));
  first.push(marks.first);
  data.push(marks.data);
  // Let the first frames settle, then step the slider one year at a time.
  await page.waitForTimeout(1000);
  for (let k = 1; k <= steps; k++) {
    const seen = await page.evaluate(() => performance.getEntriesByName("cg:redraw").length);
    await page.locator("#year").fill(String(1990 + k));
    await page.waitForFunction((n) => performance.getEntriesByName("cg:redraw").length > n, seen, { timeout: 30_000 });
    redraw.push(await page.evaluate(() => performance.getEntriesByName("cg:redraw").at(-1).duration));
    await page.waitForTimeout(100);
  }
  await context.close();
}
await browser.close();
const fmt = (xs) => `median ${quantile(xs, 0.5).toFixed(0)} ms, p90 ${quantile(xs, 0.9).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms (n=${xs.length})`;
console.log(`map data in:          ${fmt(data)}`);
console.log(`first full render:    ${fmt(first)}`);
console.log(`slider step redraw:   ${fmt(redraw)}`);
console.log(JSON.stringify({ runs, steps, data, first, redraw }));
