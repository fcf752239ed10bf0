// The analytics panels. Each reads the REST API for the chosen day and filters and draws its
// answer; clicks hand cities or links back to the map.

import { interpolateBlues } from "d3-scale-chromatic";

import { ApiError, getJson, qs, runJob } from "./api";
import { barChart, lineChart, seriesKey, stepChart, type Series } from "./charts";
import { endedInYear, inLinkScope, memberCounts, type MapData } from "./mapdata";

/** The filters the API understands, for the chosen day. */
export interface Query {
  as_of: string;
  region?: string;
  country?: string;
  kind?: string;
  network?: string;
}

export interface PanelContext {
  data: MapData;
  query: Query;
  day: number;
  /** Network the user chose (for the overlap heat map), also when it only highlights. */
  chosenNetwork: string | null;
  survivalBy: string;
  setSurvivalBy: (by: string) => void;
  openCity: (id: string) => void;
  selectLinks: (links: number[], caption: string) => void;
  highlightCities: (ids: string[], caption: string) => void;
}

export type PanelName = "brokers" | "overlap" | "survival" | "lapses" | "saturation";
export const PANELS: PanelName[] = ["brokers", "overlap", "survival", "lapses", "saturation"];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function fmt(x: number, digits = 2): string {
  return Number.isInteger(x) ? x.toLocaleString("en") : x.toFixed(digits);
}

export function showError(root: HTMLElement, e: unknown) {
  const p = el("p", "", "error");
  if (e instanceof ApiError) p.textContent = `${e.message} (${e.code})`;
  else if (e instanceof DOMException && e.name === "AbortError") return;
  else p.textContent = String(e);
  root.replaceChildren(p);
}

// ----- brokers: betweenness as a job -----------------------------------------------------------

export interface Ranked {
  rank: number;
  id: string;
  name: string;
  value: number;
}
export interface Ranking {
  graph: { nodes: number; edges: number; version: number };
  results: Ranked[];
}

const rankings = new Map<string, Promise<Ranking>>();
let runningJob: { key: string; cancel: () => void } | null = null;

/**
 * The full ranking of `metric` on the query: betweenness runs as a job (with progress), other
 * metrics as a plain GET. Kept per query so the city panel's ranks reuse the brokers' result.
 */
function rankingKey(metric: string, q: Query): { key: string; params: Record<string, string> } {
  const params: Record<string, string> = { metric, ...(q as unknown as Record<string, string>) };
  for (const k of Object.keys(params)) if (params[k] === undefined) delete params[k];
  return { key: JSON.stringify(params), params };
}

/** Whether the ranking of `metric` on `q` has been asked for already (it may still be running). */
export function rankingKnown(metric: string, q: Query): boolean {
  return rankings.has(rankingKey(metric, q).key);
}

export function ranking(metric: string, q: Query, onProgress: (f: number, eta: number | null) => void = () => undefined): Promise<Ranking> {
  const { key, params } = rankingKey(metric, q);
  const known = rankings.get(key);
  if (known) return known;
  if (rankings.size > 20) rankings.clear();
  let p: Promise<Ranking>;
  const path = "/v1/analytics/centrality" + qs(params);
  if (metric === "betweenness") {
    if (runningJob && runningJob.key !== key) {
      runningJob.cancel();
      rankings.delete(runningJob.key);
    }
    const job = runJob<Ranking>("centrality", params, path, onProgress);
    runningJob = { key, cancel: job.cancel };
    p = job.result;
  } else {
    p = getJson<Ranking>(path);
  }
  rankings.set(key, p);
  p.catch(() => rankings.delete(key));
  return p;
}

async function brokers(root: HTMLElement, ctx: PanelContext) {
  const head = el("p", "Top brokers of the twinning graph: betweenness centrality (the share of shortest twinning chains through a city).", "note");
  const bar = el("progress");
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", "Betweenness computation progress");
  const eta = el("span", "", "note");
  root.replaceChildren(head, bar, eta);
  const r = await ranking("betweenness", ctx.query, (f, s) => {
    bar.value = f;
    eta.textContent = s ? ` about ${Math.ceil(s)} s left` : "";
  });
  const ol = el("ol", undefined, "ranking");
  ol.setAttribute("aria-label", "Top brokers");
  for (const x of r.results.slice(0, 15)) {
    const li = el("li");
    const b = el("button", x.name, "link");
    b.type = "button";
    b.dataset.city = x.id;
    b.addEventListener("click", () => ctx.openCity(x.id));
    li.append(b, el("span", ` ${x.value.toFixed(4)}`, "value"));
    li.value = x.rank;
    ol.append(li);
  }
  root.replaceChildren(head, el("p", `${fmt(r.graph.nodes)} cities, ${fmt(r.graph.edges)} links on ${ctx.query.as_of}.`, "note"), ol);
}

// ----- overlap heat map ------------------------------------------------------------------------

interface OverlapReport {
  networks: { network: string; name: string; members: number }[];
  matrix: { shared: number[][]; jaccard: number[][] };
  cell?: { count: number; cities: { id: string; name: string }[] };
}

async function overlap(root: HTMLElement, ctx: PanelContext) {
  const m = ctx.data;
  const counts = memberCounts(m, ctx.day);
  const order = counts
    .map((c, i) => ({ c, i }))
    .filter((x) => x.c > 0)
    .sort((a, b) => b.c - a.c || m.networks.id[a.i].localeCompare(m.networks.id[b.i]));
  let chosen = order.slice(0, 12).map((x) => m.networks.id[x.i]);
  if (ctx.chosenNetwork && !chosen.includes(ctx.chosenNetwork)) chosen = [...chosen.slice(0, 11), ctx.chosenNetwork];
  if (chosen.length < 2) {
    root.replaceChildren(el("p", `Fewer than two networks have members on ${ctx.query.as_of}.`, "note"));
    return;
  }
  const q = { networks: chosen.join(","), as_of: ctx.query.as_of, region: ctx.query.region, country: ctx.query.country };
  const r = await getJson<OverlapReport>("/v1/analytics/overlap" + qs(q));
  const table = el("table", undefined, "heat");
  table.setAttribute("aria-label", "Network overlap: shared members, coloured by Jaccard");
  const thead = el("tr");
  thead.append(el("th"));
  r.networks.forEach((n) => {
    const th = el("th", n.network);
    th.title = `${n.name}: ${n.members} members`;
    th.scope = "col";
    thead.append(th);
  });
  table.append(thead);
  r.networks.forEach((a, i) => {
    const tr = el("tr");
    const th = el("th", a.network);
    th.scope = "row";
    th.title = a.name;
    tr.append(th);
    r.networks.forEach((b, j) => {
      const td = el("td");
      const shared = r.matrix.shared[i][j];
      const jac = r.matrix.jaccard[i][j];
      const btn = el("button", String(shared), "cell");
      btn.type = "button";
      btn.dataset.a = a.network;
      btn.dataset.b = b.network;
      btn.dataset.shared = String(shared);
      btn.setAttribute("aria-label", `${a.network} and ${b.network}: ${shared} shared members, Jaccard ${jac.toFixed(3)}`);
      btn.title = `${a.name} × ${b.name}\n${shared} shared, Jaccard ${jac.toFixed(3)}`;
      const t = i === j ? 0.15 : Math.min(1, Math.sqrt(jac));
      btn.style.backgroundColor = interpolateBlues(0.05 + 0.9 * t);
      if (t > 0.55) btn.classList.add("dark");
      btn.addEventListener("click", async () => {
        try {
          const cq = { networks: `${a.network},${b.network}`, members: "true", as_of: ctx.query.as_of, region: ctx.query.region, country: ctx.query.country };
          const c = await getJson<OverlapReport>("/v1/analytics/overlap" + qs(i === j ? { ...cq, networks: a.network } : cq));
          const ids = (c.cell?.cities ?? []).map((x) => x.id);
          ctx.highlightCities(ids, i === j ? `${ids.length} members of ${a.network}` : `${ids.length} members shared by ${a.network} and ${b.network}`);
        } catch (e) {
          showError(root, e);
        }
      });
      td.append(btn);
      tr.append(td);
    });
    table.append(tr);
  });
  root.replaceChildren(
    el("p", `Shared members of the ${r.networks.length} largest networks on ${ctx.query.as_of}; darker is a larger Jaccard index. Choose a cell to mark the shared members on the map.`, "note"),
    table,
  );
}

// ----- survival --------------------------------------------------------------------------------

interface SurvivalReport {
  links: number;
  undated_links: number;
  groups: {
    group: string;
    links: number;
    events: number;
    median_years: number | null;
    table: { time_years: number; survival: number; ci_lower: number; ci_upper: number }[];
  }[];
}

async function survival(root: HTMLElement, ctx: PanelContext) {
  const by = ctx.survivalBy;
  const sel = el("select");
  sel.id = "survival-by";
  for (const [v, label] of [
    ["decade", "decade of signing"],
    ["region-pair", "region pair"],
  ]) {
    const o = el("option", label);
    o.value = v;
    o.selected = v === by;
    sel.append(o);
  }
  sel.addEventListener("change", () => ctx.setSurvivalBy(sel.value));
  const label = el("label", "Curves by ");
  label.append(sel);
  root.replaceChildren(label, el("p", "Loading…", "note"));
  const r = await getJson<SurvivalReport>("/v1/analytics/survival" + qs({ group_by: by, as_of: ctx.query.as_of, ...linkScope(ctx) }));
  const groups = r.groups
    .filter((g) => g.links > 0)
    .sort((a, b) => b.links - a.links)
    .slice(0, 6)
    .sort((a, b) => a.group.localeCompare(b.group));
  const series: Series[] = groups.map((g) => ({
    name: `${g.group}: ${g.links} links, median ${g.median_years === null ? "not reached" : g.median_years.toFixed(1) + " y"}`,
    points: g.table.map((t) => ({ x: t.time_years, y: t.survival, lo: t.ci_lower, hi: t.ci_upper })),
  }));
  root.replaceChildren(
    label,
    el("p", `Kaplan-Meier survival of the ${fmt(r.links)} dated links ${scopeText(ctx)}(95% bands); ${fmt(r.undated_links)} links without a signing date are left out.`, "note"),
    stepChart(series, { caption: "Share of links still in force by years since signing", xLabel: "years since signing" }),
    seriesKey(series.map((s) => s.name)),
  );
}

// ----- lapses ----------------------------------------------------------------------------------

interface LapseReport {
  rows: { year: number | null; lapsed: number; terminated: number; suspended: number }[];
}

/** The map's filters that the link-history reports (survival, lapses) apply: region, country and
 * kind. The network is not one of them. */
function linkScope(ctx: PanelContext): { region?: string; country?: string; kind?: string } {
  const { region, country, kind } = ctx.query;
  return { region, country, kind };
}

function scopeText(ctx: PanelContext): string {
  const s = linkScope(ctx);
  const parts = [s.region && `in ${s.region}`, s.country && `in ${s.country}`, s.kind && `of kind ${s.kind.replace(/_/g, " ")}`].filter(Boolean);
  return parts.length ? `(${parts.join(", ")}) ` : "";
}

async function lapses(root: HTMLElement, ctx: PanelContext) {
  const to = Number(ctx.query.as_of.slice(0, 4));
  const from = Math.max(1, Math.min(to, ctx.data.first_year ?? to - 30));
  const scope = linkScope(ctx);
  const r = await getJson<LapseReport>("/v1/analytics/lapses" + qs({ by: "year", from, to, ...scope }));
  const rows = r.rows.filter((x) => x.year !== null);
  const bars = rows.map((x) => ({
    label: String(x.year),
    value: x.lapsed + x.terminated,
    title: `${x.year}: ${x.lapsed} lapsed, ${x.terminated} terminated`,
  }));
  const out = el("p", "", "note");
  root.replaceChildren(
    el(
      "p",
      `Links ${scopeText(ctx)}that lapsed or were terminated, per year, ${from} to ${to} (the region, country and kind filters apply; the network does not). Choose a bar to draw those links on the map.`,
      "note",
    ),
    barChart(bars, {
      caption: "Lapses and terminations per year",
      onPick: (i) => {
        const year = rows[i].year as number;
        const links = endedInYear(ctx.data, year, (i) => inLinkScope(ctx.data, i, scope));
        ctx.selectLinks(links, `${links.length} links that ended in ${year}`);
        out.textContent = `${links.length} links that ended in ${year} are drawn in red.`;
      },
    }),
    out,
  );
}

// ----- saturation ------------------------------------------------------------------------------

interface Stats {
  cities: number;
  memberships: number;
  mean: number;
  median: number;
  gini: number;
  histogram: number[];
  at_least: { k: number; cities: number; share: number }[];
}
interface SaturationReport {
  overall: Stats;
}
interface SaturationTimeline {
  years: { year: number; overall: Stats }[];
}

async function saturation(root: HTMLElement, ctx: PanelContext) {
  const q = { as_of: ctx.query.as_of, region: ctx.query.region, country: ctx.query.country };
  const to = Number(ctx.query.as_of.slice(0, 4));
  const [r, t] = await Promise.all([
    getJson<SaturationReport>("/v1/analytics/saturation" + qs(q)),
    getJson<SaturationTimeline>("/v1/analytics/saturation/timeline" + qs({ region: ctx.query.region, country: ctx.query.country, from: Math.max(1, to - 35), to })),
  ]);
  const o = r.overall;
  const bars = o.histogram.map((n, k) => ({ label: String(k), value: n, title: `${n} cities in ${k} networks` }));
  const series: Series[] = [1, 2, 3].map((k) => ({
    name: `share of cities in at least ${k} networks`,
    points: t.years.map((y) => ({ x: y.year, y: y.overall.at_least.find((a) => a.k === k)?.share ?? 0 })),
  }));
  root.replaceChildren(
    el("p", `Memberships per city on ${ctx.query.as_of}: mean ${o.mean.toFixed(2)}, median ${fmt(o.median)}, Gini ${o.gini.toFixed(2)} over ${fmt(o.cities)} cities.`, "note"),
    barChart(bars, { caption: "Cities by number of networks", tickEvery: 1 }),
    lineChart(series, { caption: "Saturation by year", yLabel: "share" }),
    seriesKey(series.map((s) => s.name)),
  );
}

export const RENDER: Record<PanelName, (root: HTMLElement, ctx: PanelContext) => Promise<void>> = {
  brokers,
  overlap,
  survival,
  lapses,
  saturation,
};
