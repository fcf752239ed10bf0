// Browser benchmark of the dashboard on a running citygraph (see BENCHMARKS.md):
//   map data in: from navigation start to the map's one request answered and parsed (the page's
//     `cg:data-loaded` mark);
//   time to first full map render: from navigation start to the first frame drawn with every
//     layer, its pixels done (the page's `cg:first-render` mark);
//   redraw of one slider step: from the slider's input event to the end of the next frame on
//     screen (the page's `cg:redraw` measure).
// Usage: node bench.mjs [runs=5] [steps=20] [label=URL ...]
//   With no label=URL, the one server of CITYGRAPH_URL (default http://127.0.0.1:8080). With
//   several, the pages are measured side by side: run r of each, then run r+1 of each, so that a
//   change in the machine's load falls on all of them alike.
// Every page opens on the lapses panel (a cached report), so no analytics run on the server while
// the map is measured; the same browser flags as the browser test (chromium.mjs).

import { launch } from "./chromium.mjs";

const runs = Number(process.argv[2] ?? 5);
const steps = Number(process.argv[3] ?? 20);
const targets = process.argv.slice(4).map((a) => {
  const k = a.indexOf("=");
  return { label: a.slice(0, k), url: a.slice(k + 1) };
});
if (!targets.length) targets.push({ label: "dashboard", url: process.env.CITYGRAPH_URL ?? "http://127.0.0.1:8080" });
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const browser = await launch();
const results = targets.map(() => ({ data: [], first: [], redraw: [] }));
for (let r = 0; r < runs; r++) {
  for (const [t, target] of targets.entries()) {
    const out = results[t];
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${target.url}/dashboard/?as_of=1990-06-01&panel=lapses`);
    await page.waitForSelector("#map[data-rendered=true]", { timeout: 180_000 });
    const marks = await page.evaluate(() => ({
      first: performance.getEntriesByName("cg:first-render")[0].startTime,
      data: performance.getEntriesByName("cg:data-loaded")[0].startTime,
    }));
    out.first.push(marks.first);
    out.data.push(marks.data);
    // Let the panel's request and the first frames settle, then step the slider a year at a time.
    await page.waitForSelector('#panel[data-ready="true"], #panel[data-ready="error"]', { timeout: 60_000 });
    for (let k = 1; k <= steps; k++) {
      const seen = await page.evaluate(() => performance.getEntriesByName("cg:redraw").length);
      await page.locator("#year").fill(String(1990 + k));
      await page.waitForFunction((n) => performance.getEntriesByName("cg:redraw").length > n, seen, { timeout: 60_000 });
      out.redraw.push(await page.evaluate(() => performance.getEntriesByName("cg:redraw").at(-1).duration));
    }
    await context.close();
  }
}
await browser.close();
const fmt = (xs) => `median ${quantile(xs, 0.5).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`;
for (const [t, target] of targets.entries()) {
  const x = results[t];
  console.log(`${target.label} (${target.url})`);
  console.log(`  map data in:          ${fmt(x.data)}`);
  console.log(`  first full render:    ${fmt(x.first)}`);
  console.log(`  slider step redraw:   ${fmt(x.redraw)}`);
}
if (targets.length > 1) {
  const m = (t, k) => quantile(results[t][k], 0.5);
  for (let t = 1; t < targets.length; t++) {
    const ratio = (k) => (m(0, k) / m(t, k)).toFixed(1);
    console.log(`${targets[0].label} / ${targets[t].label} (medians): first render ${ratio("first")}x, slider step ${ratio("redraw")}x`);
  }
}
console.log(JSON.stringify({ runs, steps, targets, results }));
