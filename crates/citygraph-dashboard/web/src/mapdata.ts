// The map of GET /v1/map (columnar; days in epoch days) and what the page derives from it for one
// day and one set of filters. Everything the slider changes is computed here, in memory: moving
// the slider never calls the server.

export interface MapData {
  version: number;
  first_year: number | null;
  regions: string[];
  kinds: string[];
  statuses: string[];
  events: string[];
  reasons: string[];
  cities: { id: string[]; name: string[]; country: string[]; region: number[]; lat: number[]; lon: number[] };
  networks: { id: string[]; name: string[] };
  memberships: { city: number[]; network: number[]; from: (number | null)[]; to: (number | null)[] };
  links: { id: (string | null)[]; a: number[]; b: number[]; kind: number[]; initial: (number | null)[]; changes_from: number[] };
  changes: { day: number[]; precision: number[]; event: number[]; status: number[]; reason: number[] };
}

export const ACTIVE = 0;
export const SUSPENDED = 1;

/** Days since 1970-01-01 of an ISO day `YYYY-MM-DD` (proleptic Gregorian, like the server). */
export function epochDays(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0..99 as 1900..1999
  return Math.round(t.getTime() / 86400000);
}

/** The ISO day of an epoch-day number. */
export function isoDay(days: number): string {
  const t = new Date(0);
  t.setUTCFullYear(1970, 0, 1 + days);
  const y = t.getUTCFullYear();
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

/** A change's date as precise as it was recorded (`1957`, `1957-06`, `1957-06-14`). */
export function recordedDate(days: number, precision: number): string {
  const iso = isoDay(days);
  return precision === 0 ? iso.slice(0, 4) : precision === 1 ? iso.slice(0, 7) : iso;
}

/** The id of link `i`: given when it is not the default id of its cities and kind. */
export function linkId(m: MapData, i: number): string {
  const given = m.links.id[i];
  if (given) return given;
  const a = m.cities.id[m.links.a[i]];
  const b = m.cities.id[m.links.b[i]];
  const [x, y] = a <= b ? [a, b] : [b, a];
  const kind = m.kinds[m.links.kind[i]];
  return kind === "sister_city" ? `${x}--${y}` : `${x}--${y}--${kind.replace(/_/g, "-")}`;
}

/** The status index of link `i` on `day`, or null when the link does not exist yet. */
export function statusOn(m: MapData, i: number, day: number): number | null {
  let s = m.links.initial[i];
  const hi = m.links.changes_from[i + 1];
  for (let c = m.links.changes_from[i]; c < hi; c++) {
    if (m.changes.day[c] > day) break;
    s = m.changes.status[c];
  }
  return s;
}

/** The index into `changes` of the last change of link `i` in force on `day`, or -1. */
export function lastChange(m: MapData, i: number, day: number): number {
  let last = -1;
  const hi = m.links.changes_from[i + 1];
  for (let c = m.links.changes_from[i]; c < hi; c++) {
    if (m.changes.day[c] > day) break;
    last = c;
  }
  return last;
}

export interface Filters {
  network: number; // index, -1 for any
  networkOnly: boolean; // only links between members (else members are highlighted)
  region: number; // index, -1 for any
  country: string; // "" for any
  kind: number; // index, -1 for any
  showEnded: boolean;
}

// ----- link histories as pieces ------------------------------------------------------------------
//
// The status of a link is a step function of the day. The map keeps it as *pieces*, one or more per
// link, each five days t0 <= t1 <= t2 <= t3 <= t4 that say, for a day d:
//   hidden     when d < t0 or d >= t4
//   suspended  when t1 <= d < t2
//   ended      when d >= t3 (lapsed or terminated)
//   active     otherwise
// One piece holds "established, perhaps suspended and resumed once, perhaps ended"; a history with
// more turns (a second suspension, a renewal after an end) takes more pieces, which never overlap.
// The shader that draws the links and the counts of the legend read the same pieces, so what is
// drawn and what is counted cannot differ. Days are epoch days, exact in a float32.

/** A day before every recorded day (an undated link is active since then). */
export const ALWAYS = -1e8;
/** A day after every recorded day (a piece that has not ended). */
export const NEVER = 1e8;

export const HIDDEN = -1;
export const ENDED = 2;

/** Drawn status of a status index of `statuses`: 0 active, 1 suspended, 2 ended. */
function category(status: number): number {
  return status === ACTIVE ? ACTIVE : status === SUSPENDED ? SUSPENDED : ENDED;
}

export interface Pieces {
  /** The link of each piece. */
  link: Int32Array;
  /** t0, t1, t2, t3, t4 of piece k at 5k .. 5k+4. */
  t: Float64Array;
  /** The pieces of link i are first[i] .. first[i+1]. */
  first: Int32Array;
}

/** The pieces of every link of `m` (see above). */
export function linkPieces(m: MapData): Pieces {
  const n = m.links.a.length;
  const link: number[] = [];
  const t: number[] = [];
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    first[i] = link.length;
    // The constant stretches of the link's status: the state from each change day on, the last
    // change of a day winning (as in `statusOn`).
    const days: number[] = [];
    const cats: number[] = [];
    const initial = m.links.initial[i];
    let cur = initial === null ? HIDDEN : category(initial);
    days.push(ALWAYS);
    cats.push(cur);
    const hi = m.links.changes_from[i + 1];
    for (let c = m.links.changes_from[i]; c < hi; c++) {
      const day = m.changes.day[c];
      const cat = category(m.changes.status[c]);
      if (days[days.length - 1] === day) {
        cats[cats.length - 1] = cat;
      } else {
        days.push(day);
        cats.push(cat);
      }
    }
    // Pack the stretches into pieces.
    let open = false;
    let phase = 0; // 0 active, 1 suspended, 2 active again, 3 ended
    let p = [0, 0, 0, 0, 0];
    const close = (day: number) => {
      if (!open) return;
      if (phase === 0) p = [p[0], p[0], p[0], day, day];
      else if (phase === 1) p = [p[0], p[1], day, day, day];
      else if (phase === 2) p = [p[0], p[1], p[2], day, day];
      else p[4] = day;
      link.push(i);
      t.push(...p);
      open = false;
    };
    const start = (day: number, cat: number) => {
      open = true;
      if (cat === ACTIVE) {
        phase = 0;
        p = [day, day, day, NEVER, NEVER];
      } else if (cat === SUSPENDED) {
        phase = 1;
        p = [day, day, NEVER, NEVER, NEVER];
      } else {
        phase = 3;
        p = [day, day, day, day, NEVER];
      }
    };
    cur = HIDDEN;
    for (let k = 0; k < days.length; k++) {
      const day = days[k];
      const cat = cats[k];
      if (cat === cur) continue;
      cur = cat;
      if (cat === HIDDEN) {
        close(day);
      } else if (!open) {
        start(day, cat);
      } else if (phase === 0 && cat === SUSPENDED) {
        p[1] = day;
        phase = 1;
      } else if ((phase === 0 || phase === 2) && cat === ENDED) {
        if (phase === 0) p[1] = p[2] = p[0];
        p[3] = day;
        phase = 3;
      } else if (phase === 1 && cat === ACTIVE) {
        p[2] = day;
        phase = 2;
      } else if (phase === 1 && cat === ENDED) {
        p[2] = day;
        p[3] = day;
        phase = 3;
      } else {
        // A second suspension, or a link in force again after it ended: a new piece.
        close(day);
        start(day, cat);
      }
    }
    if (open) {
      if (phase === 0) p = [p[0], p[0], p[0], NEVER, NEVER];
      else if (phase === 1) p = [p[0], p[1], NEVER, NEVER, NEVER];
      else if (phase === 2) p = [p[0], p[1], p[2], NEVER, NEVER];
      link.push(i);
      t.push(...p);
    }
  }
  first[n] = link.length;
  return { link: Int32Array.from(link), t: Float64Array.from(t), first };
}

/** The drawn status of piece `k` on `day`: HIDDEN, ACTIVE, SUSPENDED or ENDED. */
export function pieceStatus(p: Pieces, k: number, day: number): number {
  const t = p.t;
  const o = 5 * k;
  if (day < t[o] || day >= t[o + 4]) return HIDDEN;
  if (day >= t[o + 3]) return ENDED;
  if (day >= t[o + 1] && day < t[o + 2]) return SUSPENDED;
  return ACTIVE;
}

/** The drawn status of link `i` on `day` (HIDDEN when it does not exist yet). */
export function drawnStatus(p: Pieces, i: number, day: number): number {
  for (let k = p.first[i]; k < p.first[i + 1]; k++) {
    const s = pieceStatus(p, k, day);
    if (s !== HIDDEN) return s;
  }
  return HIDDEN;
}

// ----- counting by day -----------------------------------------------------------------------------

/** Intervals [from, to) kept as two sorted lists, so the count of those holding a day is two
 * binary searches: #(from <= d) - #(to <= d). */
class IntervalCount {
  private from: Float64Array;
  private to: Float64Array;
  constructor(from: number[], to: number[]) {
    this.from = Float64Array.from(from).sort();
    this.to = Float64Array.from(to).sort();
  }
  at(day: number): number {
    return upperBound(this.from, day) - upperBound(this.to, day);
  }
}

/** The number of values of sorted `xs` that are <= `x`. */
export function upperBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What is drawn on one day with one set of filters. */
export interface View {
  day: number;
  active: number;
  suspended: number;
  ended: number;
  /** Cities drawn (passing the filters). */
  cityCount: number;
  /** Whether city c passes the filters (1) or not (0). */
  cityOk: Uint8Array;
  /** Whether link i passes the filters (1) or not (0), whatever its status on the day. */
  linkOk: Uint8Array;
  /** Active links per city on the day (filters applied), by city index. */
  degree: Uint16Array;
  /** Members of the chosen network on the day, by city index (all 0 when none is chosen). */
  member: Uint8Array;
}

/**
 * The links and cities that pass one set of filters, with what is needed to count them on any
 * day: sorted interval bounds (the legend, two binary searches per status) and the changes of
 * every city's active links in day order (the size of the cities, applied from the last day seen).
 * The same rules as the API's filters: a region or country keeps a link when both ends are in it;
 * "only links between members" keeps a link when both ends are members (on the day: then the
 * selection is made again for each day).
 */
export class Selection {
  readonly cityOk: Uint8Array;
  readonly linkOk: Uint8Array;
  readonly cityCount: number;
  private active: IntervalCount;
  private suspended: IntervalCount;
  private ended: IntervalCount;
  private evDay: Float64Array;
  private evCity: Int32Array;
  private evDelta: Int8Array;
  private degree: Uint16Array;
  private applied = 0;

  constructor(
    readonly m: MapData,
    readonly pieces: Pieces,
    readonly filters: Filters,
    readonly member: Uint8Array,
  ) {
    const nc = m.cities.id.length;
    const f = filters;
    this.cityOk = new Uint8Array(nc);
    let cities = 0;
    for (let c = 0; c < nc; c++) {
      if (f.region >= 0 && m.cities.region[c] !== f.region) continue;
      if (f.country && m.cities.country[c] !== f.country) continue;
      if (f.network >= 0 && f.networkOnly && !member[c]) continue;
      this.cityOk[c] = 1;
      cities++;
    }
    this.cityCount = cities;
    const { a, b, kind } = m.links;
    const n = a.length;
    this.linkOk = new Uint8Array(n);
    const act: [number[], number[]] = [[], []];
    const sus: [number[], number[]] = [[], []];
    const end: [number[], number[]] = [[], []];
    const ev: [number, number, number][] = [];
    const t = pieces.t;
    for (let i = 0; i < n; i++) {
      if (f.kind >= 0 && kind[i] !== f.kind) continue;
      if (!this.cityOk[a[i]] || !this.cityOk[b[i]]) continue;
      this.linkOk[i] = 1;
      for (let k = pieces.first[i]; k < pieces.first[i + 1]; k++) {
        const [t0, t1, t2, t3, t4] = [t[5 * k], t[5 * k + 1], t[5 * k + 2], t[5 * k + 3], t[5 * k + 4]];
        const span = (into: [number[], number[]], from: number, to: number) => {
          if (from >= to) return;
          into[0].push(from);
          into[1].push(to);
          if (into === act) ev.push([from, a[i], 1], [from, b[i], 1], [to, a[i], -1], [to, b[i], -1]);
        };
        span(act, t0, t1);
        span(act, t2, t3);
        span(sus, t1, t2);
        span(end, t3, t4);
      }
    }
    this.active = new IntervalCount(...act);
    this.suspended = new IntervalCount(...sus);
    this.ended = new IntervalCount(...end);
    ev.sort((x, y) => x[0] - y[0]);
    this.evDay = Float64Array.from(ev, (e) => e[0]);
    this.evCity = Int32Array.from(ev, (e) => e[1]);
    this.evDelta = Int8Array.from(ev, (e) => e[2]);
    this.degree = new Uint16Array(nc);
  }

  /** Active links per city on `day`: the changes between the last day asked and this one. */
  private degreeOn(day: number): Uint16Array {
    const target = upperBound(this.evDay, day);
    const d = this.degree;
    for (; this.applied < target; this.applied++) d[this.evCity[this.applied]] += this.evDelta[this.applied];
    for (; this.applied > target; this.applied--) d[this.evCity[this.applied - 1]] -= this.evDelta[this.applied - 1];
    return d;
  }

  on(day: number): View {
    return {
      day,
      active: this.active.at(day),
      suspended: this.suspended.at(day),
      ended: this.filters.showEnded ? this.ended.at(day) : 0,
      cityCount: this.cityCount,
      cityOk: this.cityOk,
      linkOk: this.linkOk,
      degree: this.degreeOn(day),
      member: this.member,
    };
  }
}

/** Which cities are members of network `n` on `day` (1) or not (0). */
export function membersOn(m: MapData, n: number, day: number): Uint8Array {
  const out = new Uint8Array(m.cities.id.length);
  if (n < 0) return out;
  const ms = m.memberships;
  for (let k = 0; k < ms.city.length; k++) {
    if (ms.network[k] !== n) continue;
    const from = ms.from[k];
    const to = ms.to[k];
    if ((from === null || from <= day) && (to === null || day < to)) out[ms.city[k]] = 1;
  }
  return out;
}

/** Members on `day` per network index. */
export function memberCounts(m: MapData, day: number): number[] {
  const counts = new Array<number>(m.networks.id.length).fill(0);
  const seen = new Set<string>();
  const ms = m.memberships;
  for (let k = 0; k < ms.city.length; k++) {
    const from = ms.from[k];
    const to = ms.to[k];
    if ((from === null || from <= day) && (to === null || day < to)) {
      const key = `${ms.network[k]}:${ms.city[k]}`;
      if (!seen.has(key)) {
        seen.add(key);
        counts[ms.network[k]]++;
      }
    }
  }
  return counts;
}

/** The links of every city: those of city c are `link[first[c] .. first[c+1]]`. */
export interface CityLinks {
  first: Int32Array;
  link: Int32Array;
}

export function cityLinks(m: MapData): CityLinks {
  const nc = m.cities.id.length;
  const { a, b } = m.links;
  const first = new Int32Array(nc + 1);
  for (let i = 0; i < a.length; i++) {
    first[a[i] + 1]++;
    if (b[i] !== a[i]) first[b[i] + 1]++;
  }
  for (let c = 0; c < nc; c++) first[c + 1] += first[c];
  const fill = first.slice(0, nc);
  const link = new Int32Array(first[nc]);
  for (let i = 0; i < a.length; i++) {
    link[fill[a[i]]++] = i;
    if (b[i] !== a[i]) link[fill[b[i]]++] = i;
  }
  return { first, link };
}

/** Whether two filter sets select the same links and cities (the day aside). */
export function sameSelection(x: Filters, y: Filters): boolean {
  return x.network === y.network && x.networkOnly === y.networkOnly && x.region === y.region && x.country === y.country && x.kind === y.kind && x.showEnded === y.showEnded;
}

/** Links with a lapse or termination dated in `year` (whatever the filters). */
/** Whether link `i` is in the scope of the link-history reports (lapses, survival): of `kind`,
 * and both cities in `region` and `country` (each undefined: no restriction), as the API keeps
 * them. */
export function inLinkScope(m: MapData, i: number, scope: { region?: string; country?: string; kind?: string }): boolean {
  if (scope.kind !== undefined && m.kinds[m.links.kind[i]] !== scope.kind) return false;
  for (const c of [m.links.a[i], m.links.b[i]]) {
    if (scope.region !== undefined && m.regions[m.cities.region[c]] !== scope.region) return false;
    if (scope.country !== undefined && m.cities.country[c] !== scope.country) return false;
  }
  return true;
}

export function endedInYear(m: MapData, year: number, keep: (i: number) => boolean = () => true): number[] {
  const lo = epochDays(`${String(year).padStart(4, "0")}-01-01`);
  const hi = epochDays(`${String(year + 1).padStart(4, "0")}-01-01`);
  const lapsed = m.events.indexOf("lapsed");
  const terminated = m.events.indexOf("terminated");
  const out: number[] = [];
  for (let i = 0; i < m.links.id.length; i++) {
    if (!keep(i)) continue;
    for (let c = m.links.changes_from[i]; c < m.links.changes_from[i + 1]; c++) {
      const e = m.changes.event[c];
      if ((e === lapsed || e === terminated) && m.changes.day[c] >= lo && m.changes.day[c] < hi) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}
