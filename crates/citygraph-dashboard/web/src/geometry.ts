// What the GPU draws, built once per map: every link as great-circle line segments carrying its
// pieces (see mapdata.ts), every city as a point, and the basemap (Natural Earth land as triangles,
// country borders as lines). Nothing here depends on the day or the filters: a slider step changes
// uniforms, never these arrays.

import { earcut } from "@math.gl/polygon";
import type { MultiLineString, MultiPolygon, Polygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countriesTopo from "world-atlas/countries-110m.json";

import { ALWAYS, NEVER, type MapData, type Pieces } from "./mapdata";

/** Line segments (two vertices each) or triangles (three) with the attributes the layers read. */
export interface Lines {
  /** Vertices. */
  count: number;
  /** Longitude and latitude per vertex. */
  positions: Float32Array;
  /** t0, t1, t2, t3 of the piece the vertex belongs to. */
  times: Float32Array;
  /** t4 of the piece, and the object index for picking (-1: none). */
  extra: Float32Array;
  /** The link of each vertex (-1 for the basemap), to make the filter mask from a mask per link. */
  link: Int32Array;
}

const RAD = Math.PI / 180;
/** Web Mercator stops short of the poles. */
const MAX_LAT = 85;

/** Degrees of arc per segment of a great circle, and the most segments of one link. Measured on
 * software WebGL: each drawn segment costs about as much as a few hundred pixels, so the arcs are
 * as coarse as still reads as a curve at world zoom. */
export const ARC_STEP_DEGREES = 12;
export const ARC_MAX_SEGMENTS = 12;

/** The points of the great circle from (lon1, lat1) to (lon2, lat2), longitudes unwrapped (they
 * run on past ±180 instead of jumping). */
export function greatCircle(lon1: number, lat1: number, lon2: number, lat2: number, step = ARC_STEP_DEGREES, most = ARC_MAX_SEGMENTS): number[] {
  const [l1, p1, l2, p2] = [lon1 * RAD, lat1 * RAD, lon2 * RAD, lat2 * RAD];
  const a = [Math.cos(p1) * Math.cos(l1), Math.cos(p1) * Math.sin(l1), Math.sin(p1)];
  const b = [Math.cos(p2) * Math.cos(l2), Math.cos(p2) * Math.sin(l2), Math.sin(p2)];
  const dot = Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  const angle = Math.acos(dot);
  const n = Math.max(1, Math.min(most, Math.ceil(angle / RAD / step)));
  const out: number[] = [lon1, lat1];
  let prev = lon1;
  const sin = Math.sin(angle);
  for (let k = 1; k <= n; k++) {
    let lon: number;
    let lat: number;
    if (k === n) {
      lon = lon2;
      lat = lat2;
    } else if (sin < 1e-9) {
      // The same point, or antipodes (no unique great circle): a straight line.
      lon = lon1 + ((lon2 - lon1) * k) / n;
      lat = lat1 + ((lat2 - lat1) * k) / n;
    } else {
      const t = k / n;
      const x = Math.sin((1 - t) * angle) / sin;
      const y = Math.sin(t * angle) / sin;
      const v = [x * a[0] + y * b[0], x * a[1] + y * b[1], x * a[2] + y * b[2]];
      lon = Math.atan2(v[1], v[0]) / RAD;
      lat = Math.atan2(v[2], Math.hypot(v[0], v[1])) / RAD;
    }
    // Unwrap: the shortest step in longitude from the previous point.
    lon += 360 * Math.round((prev - lon) / 360);
    prev = lon;
    out.push(lon, lat);
  }
  return out;
}

/** Cuts a path of unwrapped longitudes into segments within [-180, 180], split where it crosses
 * the antimeridian; calls `emit(lon1, lat1, lon2, lat2)` for each segment. */
export function wrapSegments(path: number[], emit: (x1: number, y1: number, x2: number, y2: number) => void) {
  const clampLat = (y: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, y));
  for (let k = 0; k + 3 < path.length; k += 2) {
    let [x1, y1, x2, y2] = [path[k], path[k + 1], path[k + 2], path[k + 3]];
    // Shift the segment so that its start is within [-180, 180).
    const shift = 360 * Math.floor((x1 + 180) / 360);
    x1 -= shift;
    x2 -= shift;
    y1 = clampLat(y1);
    y2 = clampLat(y2);
    if (x2 > 180 || x2 < -180) {
      const edge = x2 > 180 ? 180 : -180;
      const t = (edge - x1) / (x2 - x1);
      const y = y1 + t * (y2 - y1);
      emit(x1, y1, edge, y);
      emit(-edge, y, x2 - 2 * edge, y2);
    } else {
      emit(x1, y1, x2, y2);
    }
  }
}

class LineBuilder {
  positions: number[] = [];
  times: number[] = [];
  extra: number[] = [];
  link: number[] = [];
  vertex(lon: number, lat: number, t: ArrayLike<number>, o: number, index: number, link: number) {
    this.positions.push(lon, lat);
    this.times.push(t[o], t[o + 1], t[o + 2], t[o + 3]);
    this.extra.push(t[o + 4], index);
    this.link.push(link);
  }
  build(): Lines {
    return {
      count: this.link.length,
      positions: Float32Array.from(this.positions),
      times: Float32Array.from(this.times),
      extra: Float32Array.from(this.extra),
      link: Int32Array.from(this.link),
    };
  }
}

const FOREVER = [ALWAYS, ALWAYS, ALWAYS, NEVER, NEVER];

/** Every piece of every link of `links` (all links when omitted) as great-circle segments; with
 * `always`, each link once, drawn as active on every day (a selection shown whatever the day). */
export function linkLines(
  m: MapData,
  pieces: Pieces,
  links?: ArrayLike<number>,
  options: { always?: boolean; step?: number; most?: number } = {},
): Lines {
  const out = new LineBuilder();
  const { lon, lat } = m.cities;
  const n = links ? links.length : m.links.a.length;
  const step = options.step ?? ARC_STEP_DEGREES;
  const most = options.most ?? ARC_MAX_SEGMENTS;
  for (let j = 0; j < n; j++) {
    const i = links ? links[j] : j;
    const a = m.links.a[i];
    const b = m.links.b[i];
    const path = greatCircle(lon[a], lat[a], lon[b], lat[b], step, most);
    const emit = (t: ArrayLike<number>, o: number) =>
      wrapSegments(path, (x1, y1, x2, y2) => {
        out.vertex(x1, y1, t, o, i, i);
        out.vertex(x2, y2, t, o, i, i);
      });
    if (options.always) {
      emit(FOREVER, 0);
      continue;
    }
    for (let k = pieces.first[i]; k < pieces.first[i + 1]; k++) emit(pieces.t, 5 * k);
  }
  return out.build();
}

/** A ring with each longitude moved by 360 degrees where that makes it continuous with the one
 * before: Natural Earth cuts the countries at the antimeridian, but a ring can keep a corner on
 * the far side (+180 for -180), and a triangle to it would cross the whole map. A ring that goes
 * all the way round (Antarctica) is left as it is. */
export function unwrapRing(ring: number[][]): number[][] {
  const out: number[][] = [];
  let prev = ring.length ? ring[0][0] : 0;
  for (const [x, y] of ring) {
    const u = x + 360 * Math.round((prev - x) / 360);
    out.push([u, y]);
    prev = u;
  }
  const closes = out.length < 2 || Math.abs(out[out.length - 1][0] - out[0][0]) < 180;
  return closes ? out : ring;
}

const topo = countriesTopo as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

/** Natural Earth 1:110m land as triangles (earcut), and the borders between countries as line
 * segments, both drawn on every day. */
export function basemap(): { land: Lines; borders: Lines } {
  const land = new LineBuilder();
  const clampLat = (y: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, y));
  const polygons = (g: Polygon | MultiPolygon) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);
  const fc = feature(topo, topo.objects.land);
  for (const f of fc.features) {
    for (const rings of polygons(f.geometry as Polygon | MultiPolygon)) {
      const flat: number[] = [];
      const holes: number[] = [];
      for (const [r, ring] of rings.entries()) {
        if (r > 0) holes.push(flat.length / 2);
        for (const [x, y] of unwrapRing(ring)) flat.push(x, clampLat(y));
      }
      for (const v of earcut(flat, holes, 2)) land.vertex(flat[2 * v], flat[2 * v + 1], FOREVER, 0, -1, -1);
    }
  }
  const borders = new LineBuilder();
  const lines = mesh(topo, topo.objects.countries, (a, b) => a !== b) as MultiLineString;
  for (const line of lines.coordinates) {
    for (let k = 0; k + 1 < line.length; k++) {
      // A border does not cross the antimeridian; a jump there joins the two ends of the map.
      if (Math.abs(line[k + 1][0] - line[k][0]) > 180) continue;
      borders.vertex(line[k][0], clampLat(line[k][1]), FOREVER, 0, -1, -1);
      borders.vertex(line[k + 1][0], clampLat(line[k + 1][1]), FOREVER, 0, -1, -1);
    }
  }
  return { land: land.build(), borders: borders.build() };
}
