// The dashboard in headless Chromium (Playwright over Debian's chromium) against a running
// citygraph on the seed data. Started by tests/tests/dashboard.rs with:
//   CITYGRAPH_URL   the server (http://127.0.0.1:PORT)
//   CITYGRAPH_TOKEN a write token (for the live-update check)
//   CITYGRAPH_LOCKED_URL a second server that answers reads only with that token
//   CHROMIUM        the browser binary (default /usr/bin/chromium)
//   ARTIFACT_DIR    where the screenshot goes
// Every page must load with no console error and no request leaving the server's origin.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import path from "node:path";
import { mkdirSync } from "node:fs";

import { launch } from "./chromium.mjs";

const BASE = process.env.CITYGRAPH_URL;
const TOKEN = process.env.CITYGRAPH_TOKEN;
const ARTIFACTS = process.env.ARTIFACT_DIR ?? "artifacts";
assert.ok(BASE, "CITYGRAPH_URL is set");
const ORIGIN = new URL(BASE).origin;
const RENDER_TIMEOUT = 90_000;

let browser;
let context;
let page;
let current = "";
const problems = [];
const outside = [];
const responses = [];

// One page for every check: a navigation keeps the browser's GPU process and its compiled shaders.
before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
  page = await context.newPage();
  context.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(ORIGIN + "/") && !u.startsWith("data:") && !u.startsWith("blob:")) outside.push(u);
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error on ${current}: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`page error on ${current}: ${e.message}`));
  page.on("response", (r) => responses.push({ url: r.url(), status: r.status() }));
});

after(async () => {
  await browser?.close();
});

async function api(p) {
  const r = await fetch(BASE + p);
  assert.equal(r.status, 200, `${p}: ${r.status}`);
  return r.json();
}

/** Active links on `day` as the API lists them (every page of /v1/partnerships). */
async function activeLinks(day) {
  let n = 0;
  let next = `/v1/partnerships?as_of=${day}&status=active&limit=1000`;
  while (next) {
    const page = await api(next);
    n += page.items.length;
    next = page.next;
  }
  return n;
}

/** Opens the dashboard at `query` (through the `/` redirect) and waits for its legend. */
async function open(query) {
  current = query;
  const res = await page.goto(`${BASE}/${query}`);
  assert.equal(res.status(), 200);
  const csp = res.headers()["content-security-policy"] ?? "";
  assert.match(csp, /default-src 'self'/, "the page carries its Content-Security-Policy");
  // The legend is drawn once the map data is in, whether or not WebGL can draw the map.
  await page.waitForSelector(`#legend[data-links]`, { timeout: RENDER_TIMEOUT });
  return page;
}

/** Waits until the panel has its answer, so no computation is left running on the server when
 * the next check navigates (the server's analytics slots are few). */
async function settle() {
  await page.waitForSelector('#panel[data-ready="true"], #panel[data-ready="error"]', { timeout: RENDER_TIMEOUT });
}

async function mapDrawn() {
  if (await page.locator("#map-message").isVisible()) {
    console.log("# no WebGL here: the map is not drawn; checks go on without it");
    return false;
  }
  await page.waitForSelector("#map[data-rendered=true]", { timeout: RENDER_TIMEOUT });
  return true;
}

function legendNumber(text, label) {
  const m = new RegExp(`([\\d,]+) ${label}`).exec(text);
  assert.ok(m, `"${label}" in the legend: ${text}`);
  return Number(m[1].replaceAll(",", ""));
}

test("the legend of ?as_of=2018-06-01 counts the links the API reports active that day, and 2020 drops Prague-Beijing", async () => {
  await open("?as_of=2018-06-01&city=cz-prague&panel=lapses");
  const drawn = await mapDrawn();
  const legend = await page.locator("#legend").innerText();
  assert.match(legend, /links, [\d,]+ cities, as of 2018-06-01/);
  const expected = await activeLinks("2018-06-01");
  assert.equal(legendNumber(legend, "active"), expected, legend);
  assert.equal(Number(await page.locator("#legend").getAttribute("data-active")), expected);

  // Prague's drawn links on 2018-06-01 include Beijing (established 2016-02, terminated 2019-10-07).
  await page.waitForSelector("#city-drawn[data-partners]", { timeout: 30_000 });
  const before2018 = (await page.locator("#city-drawn").getAttribute("data-partners")).split(" ");
  assert.ok(before2018.includes("cn-beijing"), `Beijing drawn in 2018: ${before2018}`);
  const history = await api("/v1/partnerships/cn-beijing--cz-prague/history?as_of=2020-06-01");
  assert.equal(history.status_on_as_of, "terminated");

  const mapLoads = responses.filter((r) => r.url.includes("/v1/map") && r.status === 200).length;
  await page.locator("#year").fill("2020");
  await page.waitForSelector('#legend[data-as-of="2020-06-01"]');
  const after2020 = (await page.locator("#city-drawn").getAttribute("data-partners")).split(" ");
  assert.ok(!after2020.includes("cn-beijing"), `Beijing gone in 2020: ${after2020}`);
  assert.equal(Number(await page.locator("#legend").getAttribute("data-active")), await activeLinks("2020-06-01"));
  assert.match(page.url(), /as_of=2020-06-01/, "the day is in the URL");
  const mapLoadsAfter = responses.filter((r) => r.url.includes("/v1/map") && r.status === 200).length;
  assert.equal(mapLoadsAfter, mapLoads, "moving the slider does not fetch the map again");

  mkdirSync(ARTIFACTS, { recursive: true });
  // The frame of the step to 2020 is on screen once its redraw measure is taken.
  if (drawn) await page.waitForFunction(() => performance.getEntriesByName("cg:redraw").length > 0, null, { timeout: RENDER_TIMEOUT });
  await page.screenshot({ path: path.join(ARTIFACTS, "dashboard-prague-2020.png") });
  await settle();
});

/** Where (lon, lat) is on the map at the page's first view (Web Mercator, centre 10 E 25 N, zoom
 * 1.2), in page pixels. */
async function onFirstView(lon, lat) {
  const box = await page.locator("#map").boundingBox();
  const scale = 512 * 2 ** 1.2;
  const x = (l) => (scale * (l + 180)) / 360;
  const y = (l) => (scale * (Math.PI - Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360)))) / (2 * Math.PI);
  return { x: box.x + box.width / 2 + x(lon) - x(10), y: box.y + box.height / 2 + y(lat) - y(25) };
}

test("a slider step redraws only the canvas of what the day changes; the links and cities underneath still answer the pointer", async () => {
  await open("?as_of=2018-06-01&panel=lapses");
  if (!(await mapDrawn())) return;
  await settle();
  const frames = async () => ({
    under: Number(await page.locator("#map").getAttribute("data-under-frames")),
    top: Number(await page.locator("#map").getAttribute("data-top-frames")),
  });
  const was = await frames();
  assert.ok(was.under > 0 && was.top > 0, JSON.stringify(was));
  const seen = await page.evaluate(() => performance.getEntriesByName("cg:redraw").length);
  await page.locator("#year").fill("2019");
  await page.waitForFunction((n) => performance.getEntriesByName("cg:redraw").length > n, seen, { timeout: RENDER_TIMEOUT });
  const stepped = await frames();
  assert.ok(stepped.top > was.top, `the top canvas is drawn again: ${JSON.stringify([was, stepped])}`);
  assert.equal(stepped.under, was.under, "the canvas underneath is left as it was");

  // Khartoum's links have no dated event: the city and its links are drawn underneath, and a
  // pointer on it names it all the same.
  const khartoum = await api("/v1/cities/sd-khartoum");
  const history = await api("/v1/cities/sd-khartoum/timeline");
  assert.equal(history.entries.length, 0, "no dated event on Khartoum's links");
  const at = await onFirstView(khartoum.lon, khartoum.lat);
  let named = "";
  for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1], [1, 1], [-1, -1]]) {
    await page.mouse.move(at.x + dx, at.y + dy);
    named = await page
      .locator(".deck-tooltip")
      .filter({ hasText: "Khartoum" })
      .innerText({ timeout: 1_500 })
      .catch(() => "");
    if (named) break;
  }
  assert.match(named, /Khartoum \(SD\)\n\d+ active links/, "the tooltip of a city drawn underneath");

  // The PNG export lays both canvases on one: Khartoum's point (underneath) is in it.
  await page.mouse.move(0, 0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-png").click()]);
  const png = (await import("node:fs")).readFileSync(await download.path()).toString("base64");
  const box = await page.locator("#map").boundingBox();
  const pixel = await page.evaluate(
    async ({ png, x, y }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d");
      ctx.drawImage(img, 0, 0);
      // The image has the canvas's pixels; the page's pixels map onto them by the ratio of sizes.
      const k = img.width / document.getElementById("map").clientWidth;
      return Array.from(ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data);
    },
    { png, x: at.x - box.x, y: at.y - box.y },
  );
  // A city point is dark and opaque: neither the transparent sea nor the pale land.
  assert.ok(pixel[3] > 200 && pixel[0] < 160, `Khartoum's pixel in the PNG: ${pixel}`);

  // A filter changes what is underneath too: both canvases are drawn again.
  const filtered = await frames();
  await page.locator("#kind").selectOption({ index: 1 });
  await page.waitForFunction((n) => Number(document.getElementById("map").dataset.underFrames) > n, filtered.under, { timeout: RENDER_TIMEOUT });
  await page.mouse.move(0, 0);
  await settle();
});

test("searching Taipei opens its panel with the partner count of the API", async () => {
  await open("?as_of=2019-06-01&panel=lapses");
  await page.locator("#search").fill("Taipei");
  const option = page.locator('#suggestions [role=option][data-city="tw-taipei"]');
  await option.waitFor({ timeout: 30_000 });
  // The exact name comes first ("New Taipei City" after it): Enter takes it.
  assert.equal(await page.locator("#suggestions [role=option]").first().getAttribute("data-city"), "tw-taipei");
  await page.locator("#search").press("Enter");
  await page.waitForSelector("#city-partner-count[data-count]", { timeout: 30_000 });
  const expected = (await api("/v1/cities/tw-taipei/partners?as_of=2019-06-01")).count;
  assert.equal(Number(await page.locator("#city-partner-count").getAttribute("data-count")), expected);
  assert.equal(await page.locator("#city-name").innerText(), "Taipei");
  assert.match(page.url(), /city=tw-taipei/, "the city is in the URL");
  await settle();
});

test("the overlap cell C40 x GCoM shows the shared count of the API", async () => {
  // C40 is chosen, so the heat map shows it beside the largest networks whatever their number
  // (GCoM is one of the largest).
  await open("?as_of=2019-06-01&panel=overlap&network=c40");
  const cell = page.locator('button.cell[data-a="c40"][data-b="gcom"]');
  await cell.waitFor({ timeout: 60_000 });
  const report = await api("/v1/analytics/overlap?networks=c40,gcom&as_of=2019-06-01");
  assert.equal(Number(await cell.innerText()), report.pairs[0].shared);
  assert.ok(report.pairs[0].shared > 0);
  await cell.click();
  await settle();
});

// On one region, so the check waits for the page and not for betweenness over the whole graph
// (the panel passes the map's filters to the API: the region is one of them).
test("the brokers panel ranks cities as the centrality API does", async () => {
  await open("?as_of=2019-06-01&panel=brokers&region=south-america");
  const first = page.locator("ol.ranking li button").first();
  await first.waitFor({ timeout: 90_000 });
  const top = await api("/v1/analytics/centrality?metric=betweenness&as_of=2019-06-01&region=south-america&top=1");
  assert.equal(await first.getAttribute("data-city"), top.results[0].id);
  await settle();
});

test("a lapse bar puts the links that ended that year on the map", async () => {
  await open("?as_of=2024-06-01&panel=lapses");
  const bar = page.locator("svg.chart rect.pickable").last();
  await bar.waitFor({ timeout: 60_000 });
  const value = Number(await bar.getAttribute("data-value"));
  const year = await bar.getAttribute("data-label");
  await bar.focus();
  await page.keyboard.press("Enter");
  const note = await page.locator(`#panel p.note >> text=/ended in ${year}/`).innerText();
  assert.equal(legendNumber(note, "links"), value, note);
  await settle();

  // With the map's filters, the bars are those of the API in the same scope, and a bar puts only
  // the links in scope on the map.
  await open("?as_of=2024-06-01&panel=lapses&region=europe&kind=sister_city");
  const scoped = page.locator("svg.chart rect.pickable").last();
  await scoped.waitFor({ timeout: 60_000 });
  const y = await scoped.getAttribute("data-label");
  const report = await api(`/v1/analytics/lapses?by=year&from=${y}&to=${y}&region=europe&kind=sister_city`);
  const row = report.rows.find((r) => String(r.year) === y);
  const inScope = Number(await scoped.getAttribute("data-value"));
  assert.equal(inScope, row.lapsed + row.terminated);
  assert.ok(inScope < value || y !== year, `the scope narrows the bar: ${inScope} of ${value}`);
  await scoped.focus();
  await page.keyboard.press("Enter");
  const scopedNote = await page.locator(`#panel p.note >> text=/ended in ${y}/`).innerText();
  assert.equal(legendNumber(scopedNote, "links"), inScope, scopedNote);
  await settle();
});

test("the page follows a write without a reload", async () => {
  assert.ok(TOKEN, "CITYGRAPH_TOKEN is set");
  await open("?panel=lapses");
  const before = Number(await page.locator("#legend").getAttribute("data-active"));
  const version = Number(await page.locator("#legend").getAttribute("data-version"));
  const r = await fetch(`${BASE}/v1/partnerships`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ cities: ["fr-paris", "jp-tokyo"], kind: "memorandum", events: [{ type: "established", date: "2001" }] }),
  });
  assert.equal(r.status, 201, await r.text());
  await page.waitForFunction((v) => Number(document.getElementById("legend").dataset.version) > v, version, { timeout: 30_000 });
  assert.equal(Number(await page.locator("#legend").getAttribute("data-active")), before + 1);
  await settle();
});

test("with reads behind a token, the page asks for one and reads with it", async () => {
  const LOCKED = process.env.CITYGRAPH_LOCKED_URL;
  assert.ok(LOCKED, "CITYGRAPH_LOCKED_URL is set");
  const origin = new URL(LOCKED).origin;
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 760 } });
  const p = await ctx.newPage();
  const errors = [];
  const sent = [];
  p.on("pageerror", (e) => errors.push(e.message));
  ctx.on("request", (r) => {
    if (!r.url().startsWith(origin + "/") && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) outside.push(r.url());
    if (r.url().includes("/v1/map")) sent.push(r.headers()["authorization"] ?? "");
  });
  try {
    await p.goto(`${LOCKED}/dashboard/?as_of=2019-06-01&panel=lapses`);
    const form = p.locator("#token-form");
    await form.waitFor({ state: "visible", timeout: 30_000 });
    assert.equal(await p.locator("#legend").getAttribute("data-links"), null, "nothing is read without the token");
    await p.locator("#token").fill(TOKEN);
    await p.locator("#token-form button[type=submit]").click();
    await p.waitForSelector("#legend[data-links]", { timeout: RENDER_TIMEOUT });
    assert.ok(await form.isHidden(), "the form is gone once the token is accepted");
    assert.ok(sent.includes(`Bearer ${TOKEN}`), `the map was read with the token: ${sent}`);
    assert.equal(await p.evaluate(() => sessionStorage.getItem("citygraph-token")), TOKEN);
    assert.match(await p.locator("#legend").innerText(), /0 links, 0 cities, as of 2019-06-01/);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test("no page logged an error or reached beyond the service's origin", () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(outside, []);
});
