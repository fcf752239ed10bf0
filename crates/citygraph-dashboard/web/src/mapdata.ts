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

/** What is drawn on one day with one set of filters. */
export interface View {
  day: number;
  /** Links drawn (index into links) and their status on the day. */
  links: Int32Array;
  status: Uint8Array;
  active: number;
  suspended: number;
  ended: number;
  /** Cities drawn (index into cities). */
  cities: Int32Array;
  /** Active links per city on the day (kind filter applied), by city index. */
  degree: Uint16Array;
  /** Members of the chosen network on the day, by city index (all 0 when none is chosen). */
  member: Uint8Array;
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

/**
 * The view on `day`: the links in force (active or suspended; ended ones too when asked) that pass
 * the filters, with the same rules as the API's filters: a region or country keeps a link when
 * both ends are in it; "only links between members" keeps a link when both ends are members.
 */
export function viewOn(m: MapData, day: number, f: Filters): View {
  const nc = m.cities.id.length;
  const cityOk = new Uint8Array(nc);
  const member = membersOn(m, f.network, day);
  const cities: number[] = [];
  for (let c = 0; c < nc; c++) {
    if (f.region >= 0 && m.cities.region[c] !== f.region) continue;
    if (f.country && m.cities.country[c] !== f.country) continue;
    if (f.network >= 0 && f.networkOnly && !member[c]) continue;
    cityOk[c] = 1;
    cities.push(c);
  }
  const links: number[] = [];
  const status: number[] = [];
  const degree = new Uint16Array(nc);
  let active = 0;
  let suspended = 0;
  let ended = 0;
  const { a, b, kind } = m.links;
  for (let i = 0; i < a.length; i++) {
    if (f.kind >= 0 && kind[i] !== f.kind) continue;
    if (!cityOk[a[i]] || !cityOk[b[i]]) continue;
    const s = statusOn(m, i, day);
    if (s === null) continue;
    if (s === ACTIVE) {
      active++;
      degree[a[i]]++;
      degree[b[i]]++;
    } else if (s === SUSPENDED) {
      suspended++;
    } else {
      if (!f.showEnded) continue;
      ended++;
    }
    links.push(i);
    status.push(s);
  }
  return {
    day,
    links: Int32Array.from(links),
    status: Uint8Array.from(status),
    active,
    suspended,
    ended,
    cities: Int32Array.from(cities),
    degree,
    member,
  };
}

/** Links with a lapse or termination dated in `year` (whatever the filters). */
export function endedInYear(m: MapData, year: number): number[] {
  const lo = epochDays(`${String(year).padStart(4, "0")}-01-01`);
  const hi = epochDays(`${String(year + 1).padStart(4, "0")}-01-01`);
  const lapsed = m.events.indexOf("lapsed");
  const terminated = m.events.indexOf("terminated");
  const out: number[] = [];
  for (let i = 0; i < m.links.id.length; i++) {
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
