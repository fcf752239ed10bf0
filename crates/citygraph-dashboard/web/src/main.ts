// The dashboard: state in the URL, one map request (then every slider step in memory), panels
// that read the REST API for the chosen day and filters, and a poll that follows the graph live.

import { ApiError, download, getIfChanged, getJson, onTokenNeeded, qs, setToken, token } from "./api";
import { TwinningMap } from "./map";
import {
  ACTIVE,
  ENDED,
  HIDDEN,
  Selection,
  cityLinks,
  drawnStatus,
  epochDays,
  isoDay,
  linkPieces,
  membersOn,
  sameSelection,
  type CityLinks,
  type Filters,
  type MapData,
  type Pieces,
  type View,
} from "./mapdata";
import { PANELS, RENDER, ranking, showError, type PanelContext, type PanelName, type Query } from "./panels";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const REGION_NAMES: Record<string, string> = {
  "africa-middle-east": "Africa and the Middle East",
  "asia-pacific": "Asia and the Pacific",
  europe: "Europe",
  "north-america": "North America",
  "south-america": "South America",
};
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });
const POLL_MS = 5000;

/** Everything a view is made of; mirrored in the URL. */
interface State {
  asOf: string;
  city: string | null;
  network: string | null;
  networkOnly: boolean;
  region: string | null;
  country: string | null;
  kind: string | null;
  ended: boolean;
  panel: PanelName;
  survivalBy: string;
}

function today(): string {
  const t = new Date();
  return isoDay(Math.floor(t.getTime() / 86400000));
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to the day it stands for (the first day of the period). */
function normaliseDay(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw);
  if (!m) return null;
  const iso = `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`;
  return isoDay(epochDays(iso)) === iso ? iso : null;
}

function readUrl(): State {
  const u = new URLSearchParams(location.search);
  const panel = u.get("panel") as PanelName;
  return {
    asOf: normaliseDay(u.get("as_of")) ?? today(),
    city: u.get("city") || null,
    network: u.get("network") || null,
    networkOnly: u.get("network_mode") === "only",
    region: u.get("region") || null,
    country: u.get("country")?.toUpperCase() || null,
    kind: u.get("kind") || null,
    ended: u.get("ended") === "1" || u.get("ended") === "true",
    panel: PANELS.includes(panel) ? panel : "brokers",
    survivalBy: u.get("survival_by") === "region-pair" ? "region-pair" : "decade",
  };
}

function writeUrl(s: State) {
  const q = qs({
    as_of: s.asOf === today() ? null : s.asOf,
    city: s.city,
    network: s.network,
    network_mode: s.network && s.networkOnly ? "only" : null,
    region: s.region,
    country: s.country,
    kind: s.kind,
    ended: s.ended ? 1 : null,
    panel: s.panel === "brokers" ? null : s.panel,
    survival_by: s.survivalBy === "decade" ? null : s.survivalBy,
  });
  if (q !== location.search) history.replaceState(null, "", location.pathname + q);
}

const state: State = readUrl();
let data: MapData | null = null;
let view: View | null = null;
let etag: string | null = null;
let mapScope: Record<string, string> = {};

const map = new TwinningMap($<HTMLDivElement>("map"), { onCity: (c) => data && openCity(data.cities.id[c]) }, (msg) => {
  const p = $("map-message");
  p.textContent = msg;
  p.hidden = false;
});

// ----- filters and the view --------------------------------------------------------------------

function filters(m: MapData): Filters {
  return {
    network: state.network ? m.networks.id.indexOf(state.network) : -1,
    networkOnly: state.networkOnly,
    region: state.region ? m.regions.indexOf(state.region) : -1,
    country: state.country ?? "",
    kind: state.kind ? m.kinds.indexOf(state.kind) : -1,
    showEnded: state.ended,
  };
}

/** What the API calls of the panels filter by (the network only when it restricts the view). */
function apiQuery(): Query {
  return {
    as_of: state.asOf,
    region: state.region ?? undefined,
    country: state.country ?? undefined,
    kind: state.kind ?? undefined,
    network: state.network && state.networkOnly ? state.network : undefined,
  };
}

function legend(v: View, m: MapData) {
  const el = $("legend");
  const shown = v.active + v.suspended;
  const parts: string[] = [];
  if (state.network) {
    const name = m.networks.name[m.networks.id.indexOf(state.network)] ?? state.network;
    parts.push(state.networkOnly ? `links between members of ${name}` : `members of ${name} highlighted`);
  }
  if (state.region) parts.push(REGION_NAMES[state.region] ?? state.region);
  if (state.country) parts.push(countryNames.of(state.country) ?? state.country);
  if (state.kind) parts.push(state.kind.replace(/_/g, " ") + " links");
  if (state.ended) parts.push(`${v.ended.toLocaleString("en")} ended links shown faded`);
  el.dataset.links = String(shown);
  el.dataset.active = String(v.active);
  el.dataset.suspended = String(v.suspended);
  el.dataset.ended = String(v.ended);
  el.dataset.cities = String(v.cityCount);
  el.dataset.asOf = state.asOf;
  el.dataset.version = String(m.version);
  const main = document.createElement("strong");
  main.id = "legend-main";
  main.textContent = `${shown.toLocaleString("en")} links, ${v.cityCount.toLocaleString("en")} cities, as of ${state.asOf}`;
  const detail = document.createElement("span");
  detail.id = "legend-detail";
  detail.textContent = `${v.active.toLocaleString("en")} active, ${v.suspended.toLocaleString("en")} suspended` + (parts.length ? ` · ${parts.join(" · ")}` : "");
  el.replaceChildren(main, document.createElement("br"), detail);
}

/** What is derived once per map data: the links' pieces and every city's links. */
let derived: { data: MapData; pieces: Pieces; cityLinks: CityLinks } | null = null;
/** The links and cities of the filters in force, kept while they stay the same. */
let selection: Selection | null = null;

function derive(m: MapData) {
  if (derived?.data !== m) {
    derived = { data: m, pieces: linkPieces(m), cityLinks: cityLinks(m) };
    selection = null;
  }
  return derived;
}

function redraw(measure?: string, start = performance.now()) {
  if (!data) return;
  const day = epochDays(state.asOf);
  const f = filters(data);
  const d = derive(data);
  const member = membersOn(data, f.network, day);
  // Members change with the day: "only links between members" selects again on each day.
  if (!selection || !sameSelection(selection.filters, f) || (f.network >= 0 && f.networkOnly)) {
    selection = new Selection(data, d.pieces, f, member);
  }
  view = { ...selection.on(day), member };
  legend(view, data);
  map.draw(data, d.pieces, view, {
    highlightMembers: !!state.network && !state.networkOnly,
    showEnded: state.ended,
    measure: measure ? { name: measure, start } : undefined,
  });
  drawnOfCity();
}

/** The selected city's links drawn on the map now (from the view, not the API). */
function drawnOfCity() {
  const out = document.getElementById("city-drawn");
  if (!out || !data || !view || !state.city) return;
  const c = data.cities.id.indexOf(state.city);
  const partners: { id: string; name: string; status: number }[] = [];
  const d = derive(data);
  for (let k = c < 0 ? 0 : d.cityLinks.first[c]; c >= 0 && k < d.cityLinks.first[c + 1]; k++) {
    const i = d.cityLinks.link[k];
    if (!view.linkOk[i]) continue;
    const status = drawnStatus(d.pieces, i, view.day);
    if (status === HIDDEN || (status === ENDED && !state.ended)) continue;
    const a = data.links.a[i];
    const o = a === c ? data.links.b[i] : a;
    partners.push({ id: data.cities.id[o], name: data.cities.name[o], status });
  }
  partners.sort((x, y) => x.name.localeCompare(y.name));
  const active = partners.filter((p) => p.status === ACTIVE).length;
  out.dataset.partners = partners.map((p) => p.id).join(" ");
  out.dataset.count = String(partners.length);
  out.textContent = `On the map as of ${state.asOf}: ${partners.length} links (${active} active)` + (partners.length ? `: ${partners.map((p) => p.name).join(", ")}` : "");
}

// ----- controls --------------------------------------------------------------------------------

function option(sel: HTMLSelectElement, value: string, label: string) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  sel.append(o);
}

function fillControls(m: MapData) {
  const keepFirst = (sel: HTMLSelectElement) => sel.replaceChildren(sel.options[0]);
  const net = $<HTMLSelectElement>("network");
  keepFirst(net);
  m.networks.id
    .map((id, i) => ({ id, name: m.networks.name[i] }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .forEach((n) => option(net, n.id, n.name));
  const reg = $<HTMLSelectElement>("region");
  keepFirst(reg);
  m.regions.forEach((r) => option(reg, r, REGION_NAMES[r] ?? r));
  const ctry = $<HTMLSelectElement>("country");
  keepFirst(ctry);
  [...new Set(m.cities.country)]
    .map((c) => ({ c, name: countryNames.of(c) ?? c }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .forEach((x) => option(ctry, x.c, `${x.name} (${x.c})`));
  const kind = $<HTMLSelectElement>("kind");
  keepFirst(kind);
  m.kinds.forEach((k) => option(kind, k, k.replace(/_/g, " ")));
  const year = $<HTMLInputElement>("year");
  const last = Number(today().slice(0, 4));
  year.min = String(Math.min(m.first_year ?? last - 50, Number(state.asOf.slice(0, 4))));
  year.max = String(Math.max(last, Number(state.asOf.slice(0, 4))));
  syncControls();
}

function syncControls() {
  $<HTMLSelectElement>("network").value = state.network ?? "";
  $<HTMLSelectElement>("network-mode").value = state.networkOnly ? "only" : "highlight";
  $<HTMLSelectElement>("region").value = state.region ?? "";
  $<HTMLSelectElement>("country").value = state.country ?? "";
  $<HTMLSelectElement>("kind").value = state.kind ?? "";
  $<HTMLInputElement>("ended").checked = state.ended;
  $<HTMLInputElement>("year").value = state.asOf.slice(0, 4);
  $<HTMLInputElement>("year").setAttribute("aria-valuetext", state.asOf);
  $<HTMLInputElement>("as-of").value = state.asOf;
  for (const p of PANELS) $(`tab-${p}`).setAttribute("aria-selected", String(p === state.panel));
  for (const p of PANELS) $(`tab-${p}`).tabIndex = p === state.panel ? 0 : -1;
  exportLinks();
}

/** Moves the day to `year`, keeping the month and day (29 February falls back to the 28th). */
function dayInYear(year: number): string {
  const md = state.asOf.slice(4);
  const iso = `${String(year).padStart(4, "0")}${md}`;
  return normaliseDay(iso) ?? `${String(year).padStart(4, "0")}-02-28`;
}

function changed(what: { panels?: boolean; measure?: string; start?: number } = {}) {
  writeUrl(state);
  syncControls();
  redraw(what.measure, what.start);
  if (what.panels !== false) schedulePanel();
  if (state.city) void refreshCity();
}

function bindControls() {
  $<HTMLInputElement>("year").addEventListener("input", (e) => {
    const start = performance.now();
    state.asOf = dayInYear(Number((e.target as HTMLInputElement).value));
    changed({ measure: "cg:redraw", start });
  });
  $<HTMLInputElement>("as-of").addEventListener("change", (e) => {
    const v = normaliseDay((e.target as HTMLInputElement).value);
    if (v) {
      state.asOf = v;
      changed({ measure: "cg:redraw" });
    }
  });
  const sel = (id: string, set: (v: string) => void) =>
    $<HTMLSelectElement>(id).addEventListener("change", (e) => {
      set((e.target as HTMLSelectElement).value);
      changed();
    });
  sel("network", (v) => (state.network = v || null));
  sel("network-mode", (v) => (state.networkOnly = v === "only"));
  sel("region", (v) => (state.region = v || null));
  sel("country", (v) => (state.country = v || null));
  sel("kind", (v) => (state.kind = v || null));
  $<HTMLInputElement>("ended").addEventListener("change", (e) => {
    state.ended = (e.target as HTMLInputElement).checked;
    changed({ panels: false });
  });
  let timer: number | null = null;
  const play = $<HTMLButtonElement>("play");
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  };
  play.addEventListener("click", () => {
    if (timer !== null) return stop();
    const year = $<HTMLInputElement>("year");
    if (Number(state.asOf.slice(0, 4)) >= Number(year.max)) state.asOf = dayInYear(Number(year.min));
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    changed({ panels: false });
    timer = window.setInterval(() => {
      const y = Number(state.asOf.slice(0, 4)) + 1;
      if (y > Number(year.max)) return stop();
      const start = performance.now();
      state.asOf = dayInYear(y);
      changed({ measure: "cg:redraw", start, panels: y === Number(year.max) });
    }, 700);
  });
  const tabs = PANELS.map((p) => $<HTMLButtonElement>(`tab-${p}`));
  tabs.forEach((t, k) => {
    t.addEventListener("click", () => {
      state.panel = t.dataset.panel as PanelName;
      changed();
    });
    t.addEventListener("keydown", (e) => {
      const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!d) return;
      const next = tabs[(k + d + tabs.length) % tabs.length];
      next.focus();
      next.click();
    });
  });
  $<HTMLButtonElement>("export-png").addEventListener("click", () => {
    const url = map.png();
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = `twinning-${state.asOf}.png`;
    a.click();
  });
  for (const [id, name] of [
    ["export-geojson", "twinning.geojson"],
    ["export-gexf", "twinning.gexf"],
  ]) {
    const a = $<HTMLAnchorElement>(id);
    a.addEventListener("click", (e) => {
      // A link cannot send the token: with one, the file is fetched and saved from memory.
      if (!token()) return;
      e.preventDefault();
      download(a.getAttribute("href") ?? "", name).catch((err) => setStatus(`Export failed: ${err instanceof ApiError ? err.message : err}`));
    });
  }
  bindToken();
  bindSearch();
}

/** The token form: shown when the service answers 401; a token given is kept for the tab and the
 * page starts again with it. */
function bindToken() {
  const form = $<HTMLFormElement>("token-form");
  const input = $<HTMLInputElement>("token");
  onTokenNeeded(() => {
    if (!form.hidden) return;
    form.hidden = false;
    const note = $("token-note");
    note.textContent = token() ? "The service refused this token; give another." : "This service needs a token to read; it is kept for this tab only.";
    setStatus("This service needs an access token to read.");
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setToken(input.value.trim() || null);
    location.reload();
  });
}

function exportLinks() {
  const q = apiQuery();
  const params = { as_of: q.as_of, region: q.region, country: q.country, kind: q.kind, network: state.network ?? undefined };
  $<HTMLAnchorElement>("export-geojson").href = "/v1/export/geojson" + qs(params);
  $<HTMLAnchorElement>("export-gexf").href = "/v1/export/gexf" + qs(params);
}

// ----- search ----------------------------------------------------------------------------------

interface CityItem {
  id: string;
  name: string;
  country: string;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function bindSearch() {
  const input = $<HTMLInputElement>("search");
  const list = $<HTMLUListElement>("suggestions");
  let items: CityItem[] = [];
  let active = -1;
  let seq = 0;
  let timer: number | undefined;
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const choose = (c: CityItem) => {
    input.value = c.name;
    close();
    openCity(c.id);
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((c, k) => {
        const li = document.createElement("li");
        li.id = `suggestion-${k}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", String(k === active));
        li.dataset.city = c.id;
        li.textContent = `${c.name} (${countryNames.of(c.country) ?? c.country})`;
        li.addEventListener("mousedown", (e) => {
          e.preventDefault();
          choose(c);
        });
        return li;
      }),
    );
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      items = [];
      return render();
    }
    timer = window.setTimeout(async () => {
      const mine = ++seq;
      try {
        const page = await getJson<{ items: CityItem[] }>("/v1/cities" + qs({ q, limit: 50 }));
        if (mine !== seq) return;
        const f = fold(q);
        const score = (c: CityItem) => (fold(c.name) === f ? 0 : fold(c.name).startsWith(f) ? 1 : 2);
        items = page.items.sort((a, b) => score(a) - score(b) || a.name.localeCompare(b.name)).slice(0, 10);
        active = items.length ? 0 : -1;
        render();
      } catch (e) {
        console.warn("search:", e);
      }
    }, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!items.length) return;
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      render();
    } else if (e.key === "Enter" && active >= 0 && items[active]) {
      e.preventDefault();
      choose(items[active]);
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}

// ----- the city panel --------------------------------------------------------------------------

interface Partners {
  count: number;
  partners: { city: { id: string; name: string; country: string }; kind: string; status: string }[];
}
interface Timeline {
  entries: { date: string; subject: string; event: string; partner_name?: string; network_name?: string; reason?: string; sources?: string[] }[];
}
interface Networks {
  networks: { network: { id: string; name: string }; role?: string }[];
}
interface City {
  id: string;
  name: string;
  country: string;
  region: string;
  population?: number;
}

let citySeq = 0;

function openCity(id: string) {
  state.city = id;
  writeUrl(state);
  if (data) {
    const c = data.cities.id.indexOf(id);
    if (c >= 0) map.flyTo(c);
  }
  void refreshCity();
}

async function refreshCity() {
  const id = state.city;
  const panel = $("city-panel");
  if (!id) {
    panel.hidden = true;
    return;
  }
  const mine = ++citySeq;
  const asOf = state.asOf;
  const enc = encodeURIComponent(id);
  panel.hidden = false;
  try {
    const [city, partners, timeline, networks] = await Promise.all([
      getJson<City>(`/v1/cities/${enc}`),
      getJson<Partners>(`/v1/cities/${enc}/partners` + qs({ as_of: asOf })),
      getJson<Timeline>(`/v1/cities/${enc}/timeline`),
      getJson<Networks>(`/v1/cities/${enc}/networks` + qs({ as_of: asOf })),
    ]);
    if (mine !== citySeq) return;
    const h = document.createElement("h2");
    h.id = "city-name";
    h.textContent = city.name;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = "Close";
    close.setAttribute("aria-label", `Close ${city.name}`);
    close.addEventListener("click", () => {
      state.city = null;
      writeUrl(state);
      panel.hidden = true;
      map.selectCity(-1);
    });
    const facts = document.createElement("p");
    facts.className = "note";
    facts.textContent = `${countryNames.of(city.country) ?? city.country} · ${REGION_NAMES[city.region] ?? city.region}` + (city.population ? ` · population ${city.population.toLocaleString("en")}` : "");
    const count = document.createElement("p");
    count.id = "city-partner-count";
    count.dataset.count = String(partners.count);
    count.textContent = `${partners.count} partners on ${asOf}`;
    const plist = document.createElement("ul");
    plist.className = "partners";
    for (const p of partners.partners) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = p.city.name;
      b.addEventListener("click", () => openCity(p.city.id));
      li.append(b, ` ${p.city.country} · ${p.kind.replace(/_/g, " ")}` + (p.status === "active" ? "" : ` · ${p.status}`));
      plist.append(li);
    }
    const nets = document.createElement("p");
    nets.id = "city-networks";
    nets.textContent = networks.networks.length
      ? `Networks on ${asOf}: ` + networks.networks.map((n) => n.network.name).join(", ")
      : `No network memberships on ${asOf}.`;
    const ranks = document.createElement("p");
    ranks.id = "city-ranks";

    const hist = document.createElement("ol");
    hist.className = "history";
    hist.setAttribute("aria-label", "History");
    const entries = [...timeline.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const e of entries) {
      const li = document.createElement("li");
      const what = e.subject === "partnership" ? `${e.event} link with ${e.partner_name ?? "?"}` : `${e.event} ${e.network_name ?? "a network"}`;
      li.append(`${e.date}: ${what}` + (e.reason ? ` (${e.reason})` : ""));
      for (const [k, s] of (e.sources ?? []).entries()) {
        if (!/^https?:\/\//.test(s)) continue;
        const a = document.createElement("a");
        a.href = s;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        a.textContent = ` [${k + 1}]`;
        li.append(a);
      }
      hist.append(li);
    }
    const sec = (title: string, ...kids: Node[]) => {
      const d = document.createElement("details");
      const s = document.createElement("summary");
      s.textContent = title;
      d.append(s, ...kids);
      return d;
    };
    const partnersBox = sec(`Partners (${partners.count})`, plist);
    (partnersBox as HTMLDetailsElement).open = true;
    const drawn = document.createElement("p");
    drawn.id = "city-drawn";
    drawn.className = "note";
    panel.replaceChildren(h, close, facts, count, drawn, nets, ranks, partnersBox, sec(`History (${entries.length} events)`, hist));
    drawnOfCity();
    ranks_(id, ranks, mine);
  } catch (e) {
    if (mine === citySeq) showError(panel, e);
  }
}

/** Degree and betweenness ranks of the city, on request (each is a ranking of every city; the
 * betweenness one is shared with the brokers panel). */
function ranks_(id: string, out: HTMLElement, mine: number) {
  const q = apiQuery();
  const rankOf = (x: { results: { id: string; rank: number }[] }) => x.results.find((y) => y.id === id)?.rank ?? "–";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link";
  button.textContent = `Centrality ranks on ${q.as_of}`;
  button.addEventListener("click", async () => {
    out.textContent = "Centrality ranks: computing…";
    try {
      const deg = await ranking("degree", q);
      const btw = await ranking("betweenness", q);
      if (mine === citySeq)
        out.textContent = `Centrality ranks on ${q.as_of} among ${deg.results.length.toLocaleString("en")} cities: degree ${rankOf(deg)}, betweenness ${rankOf(btw)}.`;
    } catch (e) {
      if (mine === citySeq) out.textContent = `Centrality ranks unavailable: ${e instanceof ApiError ? e.message : e}`;
    }
  });
  out.replaceChildren(button);
}

// ----- panels ----------------------------------------------------------------------------------

let panelTimer: number | undefined;
let panelSeq = 0;

function schedulePanel() {
  clearTimeout(panelTimer);
  panelTimer = window.setTimeout(renderPanel, 250);
}

async function renderPanel() {
  if (!data) return;
  const root = $("panel");
  root.setAttribute("aria-labelledby", `tab-${state.panel}`);
  root.dataset.panel = state.panel;
  root.dataset.ready = "false";
  const mine = ++panelSeq;
  const ctx: PanelContext = {
    data,
    query: apiQuery(),
    day: epochDays(state.asOf),
    chosenNetwork: state.network,
    survivalBy: state.survivalBy,
    setSurvivalBy: (by) => {
      state.survivalBy = by;
      changed();
    },
    openCity,
    selectLinks: (links) => map.select(links),
    highlightCities: (ids) => {
      const m = data;
      if (!m) return;
      const index = new Map(m.cities.id.map((c, i) => [c, i]));
      map.highlight(ids.map((x) => index.get(x)).filter((x): x is number => x !== undefined));
    },
  };
  // A panel drawn for an older state is not shown over a newer one.
  const guard = document.createElement("div");
  root.replaceChildren(guard);
  guard.textContent = "Loading…";
  try {
    const tmp = document.createElement("div");
    const work = RENDER[state.panel](tmp, ctx);
    // Show progress (the brokers' bar) while it runs.
    root.replaceChildren(tmp);
    await work;
    if (mine !== panelSeq) return;
    root.dataset.ready = "true";
  } catch (e) {
    if (mine === panelSeq) {
      showError(root, e);
      root.dataset.ready = "error";
    }
  }
}

// ----- loading and following the graph ---------------------------------------------------------

function setStatus(text: string) {
  $("status").textContent = text;
}

async function loadMap(): Promise<boolean> {
  try {
    const r = await getIfChanged<MapData>("/v1/map" + qs(mapScope), etag);
    if (!r) return false;
    const first = data === null;
    data = r.body;
    etag = r.etag;
    if (first) {
      performance.mark("cg:data-loaded");
      fillControls(data);
    }
    setStatus(`Graph version ${data.version} · ${data.cities.id.length.toLocaleString("en")} cities, ${data.links.id.length.toLocaleString("en")} links recorded · updated ${new Date().toLocaleTimeString("en-GB")}`);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.code === "map_too_large" && !mapScope.region) {
      const p = $("map-message");
      p.textContent = `${e.message}. Choose a region to draw it.`;
      p.hidden = false;
      const reg = $<HTMLSelectElement>("region");
      reg.replaceChildren(reg.options[0]);
      Object.entries(REGION_NAMES).forEach(([k, v]) => option(reg, k, v));
      reg.addEventListener("change", () => {
        mapScope = reg.value ? { region: reg.value } : {};
        etag = null;
        void loadMap().then((ok) => ok && changed());
      }, { once: true });
    } else {
      setStatus(`Could not load the map: ${e instanceof ApiError ? `${e.message} (${e.code})` : e}`);
    }
    return false;
  }
}

async function follow() {
  try {
    if (await loadMap()) {
      // The graph changed: redraw the map and what the panels show, without a reload.
      changed();
    }
  } finally {
    setTimeout(follow, POLL_MS);
  }
}

async function start() {
  bindControls();
  syncControls();
  if (await loadMap()) {
    changed();
    if (state.city) openCity(state.city);
  }
  setTimeout(follow, POLL_MS);
}

void start();
