// The map: a country basemap shipped with the page (Natural Earth through world-atlas), cities as
// points sized by their active links, links as great-circle lines coloured by status (deck.gl,
// with the two layers of layers.ts). Every link and city is uploaded once per map; a slider step
// sets the day (a uniform) and uploads one small array (the cities' sizes).

import { Deck, FlyToInterpolator, MapView, type Layer, type PickingInfo } from "@deck.gl/core";

import { basemap, linkLines, type Lines } from "./geometry";
import { CityPointsLayer, TimedLinesLayer, type RGBA } from "./layers";
import { ENDED, HIDDEN, drawnStatus, lastChange, recordedDate, type MapData, type Pieces, type View } from "./mapdata";

const COLOR: Record<string, RGBA> = {
  active: [0, 122, 122, 160],
  suspended: [230, 140, 0, 230],
  ended: [120, 120, 120, 70],
  selected: [214, 32, 70, 255],
  cityLink: [10, 70, 160, 235],
  city: [40, 60, 90, 180],
  cityDim: [150, 160, 170, 110],
  member: [170, 40, 150, 235],
  land: [226, 229, 233, 255],
  border: [255, 255, 255, 255],
};

/** How much of their alpha the links keep at world zoom (all of it from zoom 4 on): 26,000
 * lines over one continent would otherwise paint it solid. */
const LINKS_AT_WORLD_ZOOM = 0.15;

/** A flat map has nothing to hide behind anything: no depth test, which a software renderer
 * pays for on every fragment. Layers are drawn in order. */
const FLAT = { parameters: { depthWriteEnabled: false, depthCompare: "always" as const } };

/** The basemap's vertices, built on first use (the same for every map). */
let base: { land: Lines; borders: Lines } | null = null;

export interface MapHandlers {
  onCity: (cityIndex: number) => void;
}

/** Whether this browser can draw the map (deck.gl needs WebGL 2). */
export function webglAvailable(): boolean {
  try {
    return !!document.createElement("canvas").getContext("webgl2");
  } catch {
    return false;
  }
}

/** What is built once per map data: the pieces of every link, their lines, the city positions. */
interface Geometry {
  data: MapData;
  pieces: Pieces;
  lines: Lines;
  cities: Float32Array;
}

export class TwinningMap {
  private deck: Deck<MapView> | null = null;
  private data: MapData | null = null;
  private view: View | null = null;
  private geometry: Geometry | null = null;
  private pieces: Pieces | null = null;
  private selectedLinks: number[] = [];
  private selectedLines: Lines | null = null;
  private highlighted: number[] = [];
  private rings: { positions: Float32Array; style: Float32Array } | null = null;
  private selectedCity = -1;
  private cityLinksOf: { city: number; data: MapData; lines: Lines | null } | null = null;
  private highlightMembers = false;
  private showEnded = false;
  private style = new Float32Array(0);
  private pending: { name: string; start: number } | null = null;
  private firstRender = false;
  readonly ready: boolean;

  constructor(
    private container: HTMLDivElement,
    private handlers: MapHandlers,
    onFailure: (message: string) => void,
  ) {
    this.ready = webglAvailable();
    if (!this.ready) {
      onFailure("This browser offers no WebGL 2, so the map cannot be drawn; the legend, search and panels still work.");
      return;
    }
    try {
      this.deck = new Deck<MapView>({
        parent: container,
        // No multisampling: a software renderer pays for every sample (lines and points are
        // thin enough that the edges do not suffer).
        deviceProps: { webgl: { antialias: false } },
        views: new MapView({ repeat: true }),
        initialViewState: { longitude: 10, latitude: 25, zoom: 1.2, minZoom: 0.5, maxZoom: 12 },
        controller: { keyboard: true, doubleClickZoom: true },
        layers: this.basemapLayers(),
        getTooltip: (info) => this.tooltip(info),
        onClick: (info) => {
          if (info.layer?.id === "cities" && info.index >= 0 && this.style[2 * info.index] > 0) this.handlers.onCity(info.index);
        },
        onAfterRender: () => this.afterRender(),
        onError: (e) => {
          console.warn("map:", e.message);
          onFailure("The map could not be drawn here (" + e.message + "); the panels still work.");
        },
      });
    } catch (e) {
      this.deck = null;
      onFailure("The map could not be drawn here; the panels still work.");
      console.warn("map:", e);
    }
  }

  private basemapLayers(): Layer[] {
    base ??= basemap();
    const common = { ...FLAT, day: 0, showEnded: false, suspendedColor: COLOR.land, endedColor: COLOR.land, pickable: false };
    return [
      new TimedLinesLayer({ ...common, id: "land", lines: base.land, linkMask: null, topology: "triangle-list", activeColor: COLOR.land }),
      new TimedLinesLayer({ ...common, id: "borders", lines: base.borders, linkMask: null, topology: "line-list", activeColor: COLOR.border }),
    ];
  }

  private geometryOf(m: MapData, pieces: Pieces): Geometry {
    if (this.geometry?.data === m && this.geometry.pieces === pieces) return this.geometry;
    const { lon, lat } = m.cities;
    const cities = new Float32Array(lon.length * 2);
    for (let c = 0; c < lon.length; c++) {
      cities[2 * c] = lon[c];
      cities[2 * c + 1] = lat[c];
    }
    this.geometry = { data: m, pieces, lines: linkLines(m, pieces), cities };
    this.selectedLines = null;
    this.cityLinksOf = null;
    return this.geometry;
  }

  /** The PNG of what the map shows now. */
  png(): string | null {
    if (!this.deck) return null;
    this.deck.redraw("export");
    const canvas = this.container.querySelector("canvas");
    return canvas ? canvas.toDataURL("image/png") : null;
  }

  /** Draws `view` of `data`; `measure` names the performance measure that ends when it is on screen. */
  draw(data: MapData, pieces: Pieces, view: View, options: { highlightMembers: boolean; showEnded: boolean; measure?: { name: string; start: number } }) {
    this.data = data;
    this.pieces = pieces;
    this.view = view;
    this.highlightMembers = options.highlightMembers;
    this.showEnded = options.showEnded;
    if (options.measure) this.pending = options.measure;
    this.styleCities();
    this.update();
  }

  /** Links drawn over everything (a year's lapses), or none. */
  select(links: number[]) {
    this.selectedLinks = links;
    this.selectedLines = null;
    this.update();
  }

  /** Cities marked with a ring (shared members of two networks), or none. */
  highlight(cities: number[]) {
    this.highlighted = cities;
    this.rings = null;
    this.update();
  }

  /** Marks a city and its drawn links (-1: none). */
  selectCity(cityIndex: number) {
    this.selectedCity = cityIndex;
    this.rings = null;
    this.update();
  }

  flyTo(cityIndex: number) {
    if (!this.deck || !this.data) return;
    this.selectedCity = cityIndex;
    this.rings = null;
    this.deck.setProps({
      initialViewState: {
        longitude: this.data.cities.lon[cityIndex],
        latitude: this.data.cities.lat[cityIndex],
        zoom: 4,
        minZoom: 0.5,
        maxZoom: 12,
        transitionInterpolator: new FlyToInterpolator({ speed: 2 }),
        transitionDuration: "auto",
      },
    });
    this.update();
  }

  /** Whether every layer drawn has its shaders linked (luma.gl links them in the background and
   * skips a layer until then), so the last frame showed everything. */
  private allLinked(): boolean {
    // deck.gl keeps its layer manager protected; it is the one place that knows the layers.
    const manager = (this.deck as unknown as { layerManager?: { getLayers(): Layer[] } } | null)?.layerManager;
    const layers = manager?.getLayers() ?? [];
    return layers.every((l) => l.getModels().every((m) => m.pipeline.linkStatus !== "pending"));
  }

  /** Calls `done` once the GPU has finished what was issued so far (a fence, polled without
   * blocking the page), so a measure ends when the pixels exist, not when the commands were sent. */
  private whenDrawn(done: () => void) {
    const gl = this.container.querySelector("canvas")?.getContext("webgl2");
    const sync = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!gl || !sync) return done();
    gl.flush();
    const poll = () => {
      if (gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED) {
        gl.deleteSync(sync);
        done();
      } else {
        setTimeout(poll, 2);
      }
    };
    poll();
  }

  private afterRender() {
    if (!this.data || !this.view) return;
    if (!this.firstRender) {
      if (!this.allLinked()) {
        // Draw again until the shaders are ready: the mark is for the first complete frame.
        requestAnimationFrame(() => this.deck?.redraw("shaders"));
        return;
      }
      this.firstRender = true;
      this.whenDrawn(() => {
        performance.mark("cg:first-render");
        this.container.dataset.rendered = "true";
      });
    }
    if (this.pending) {
      const { name, start } = this.pending;
      this.pending = null;
      this.whenDrawn(() => performance.measure(name, { start, end: performance.now() }));
    }
  }

  /** Radius (0: not drawn) and class (0 dim, 1 city, 2 member) of every city on the view's day. */
  private styleCities() {
    const v = this.view!;
    const nc = v.cityOk.length;
    // A new array each time: the layer uploads it when it is not the one it has.
    const s = new Float32Array(2 * nc);
    this.style = s;
    const hl = this.highlightMembers;
    for (let c = 0; c < nc; c++) {
      if (!v.cityOk[c]) continue;
      const d = v.degree[c];
      s[2 * c] = 1.2 + Math.sqrt(d) * 1.2;
      s[2 * c + 1] = hl ? (v.member[c] ? 2 : 0) : d ? 1 : 0;
    }
  }

  /** The selected city's links that pass the filters, as lines (rebuilt when the city changes). */
  private cityLines(m: MapData, g: Geometry): Lines | null {
    const c = this.selectedCity;
    if (c < 0) return null;
    if (this.cityLinksOf?.city === c && this.cityLinksOf.data === m) return this.cityLinksOf.lines;
    const links: number[] = [];
    for (let i = 0; i < m.links.a.length; i++) if (m.links.a[i] === c || m.links.b[i] === c) links.push(i);
    const lines = links.length ? linkLines(m, g.pieces, links) : null;
    this.cityLinksOf = { city: c, data: m, lines };
    return lines;
  }

  private ringLayerData(m: MapData) {
    if (this.rings) return this.rings;
    const ids = this.selectedCity >= 0 ? [...this.highlighted, this.selectedCity] : this.highlighted;
    const positions = new Float32Array(2 * ids.length);
    const style = new Float32Array(2 * ids.length);
    ids.forEach((c, k) => {
      positions[2 * k] = m.cities.lon[c];
      positions[2 * k + 1] = m.cities.lat[c];
      style[2 * k] = 7;
      style[2 * k + 1] = 1;
    });
    this.rings = { positions, style };
    return this.rings;
  }

  private update() {
    if (!this.deck || !this.data || !this.view || !this.pieces) return;
    const m = this.data;
    const v = this.view;
    const g = this.geometryOf(m, this.pieces);
    if (this.selectedLinks.length && !this.selectedLines) this.selectedLines = linkLines(m, g.pieces, this.selectedLinks, { always: true });
    const timed = { ...FLAT, day: v.day, showEnded: this.showEnded, activeColor: COLOR.active, suspendedColor: COLOR.suspended, endedColor: COLOR.ended };
    const rings = this.ringLayerData(m);
    const layers: Layer[] = [
      ...this.basemapLayers(),
      new TimedLinesLayer({ ...timed, id: "links", lines: g.lines, linkMask: v.linkOk, topology: "line-list", worldZoomAlpha: LINKS_AT_WORLD_ZOOM, pickable: true }),
      new CityPointsLayer({
        ...FLAT,
        id: "cities",
        positions: g.cities,
        style: this.style,
        stroked: false,
        dimColor: COLOR.cityDim,
        cityColor: COLOR.city,
        memberColor: COLOR.member,
        ringColor: COLOR.selected,
        pickable: true,
      }),
      new TimedLinesLayer({
        ...timed,
        id: "city-links",
        lines: this.cityLines(m, g),
        linkMask: v.linkOk,
        topology: "line-list",
        activeColor: COLOR.cityLink,
        offsets: [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
        pickable: true,
      }),
      new TimedLinesLayer({
        ...timed,
        id: "selected-links",
        lines: this.selectedLines,
        linkMask: null,
        topology: "line-list",
        activeColor: COLOR.selected,
        offsets: [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ],
        pickable: true,
      }),
      new CityPointsLayer({
        ...FLAT,
        id: "rings",
        positions: rings.positions,
        style: rings.style,
        stroked: true,
        dimColor: COLOR.selected,
        cityColor: COLOR.selected,
        memberColor: COLOR.selected,
        ringColor: COLOR.selected,
      }),
    ];
    this.deck.setProps({ layers });
  }

  /** What link `i` shows on the view's day: its drawn status, or HIDDEN when it is not drawn. */
  private shown(i: number): number {
    const v = this.view;
    const g = this.geometry;
    if (!v || !g || !v.linkOk[i]) return HIDDEN;
    const s = drawnStatus(g.pieces, i, v.day);
    return s === ENDED && !this.showEnded ? HIDDEN : s;
  }

  private tooltip(info: PickingInfo): { text: string } | null {
    const m = this.data;
    const v = this.view;
    if (!m || !v || info.index < 0) return null;
    const id = info.layer?.id;
    const i = info.index;
    if (id === "cities") {
      if (!(this.style[2 * i] > 0)) return null;
      const net = v.member[i] ? "\nmember of the chosen network" : "";
      return { text: `${m.cities.name[i]} (${m.cities.country[i]})\n${v.degree[i]} active links${net}` };
    }
    if (id === "links" || id === "city-links" || id === "selected-links") {
      if (id !== "selected-links" && this.shown(i) === HIDDEN) return null;
      const a = m.links.a[i];
      const b = m.links.b[i];
      const c = lastChange(m, i, v.day);
      const kind = m.kinds[m.links.kind[i]].replace(/_/g, " ");
      const status = c >= 0 ? m.statuses[m.changes.status[c]] : m.links.initial[i] !== null ? m.statuses[m.links.initial[i]!] : "not yet";
      let last = "no dated event";
      if (c >= 0) {
        const reason = m.changes.reason[c] >= 0 ? `: ${m.reasons[m.changes.reason[c]]}` : "";
        last = `${m.events[m.changes.event[c]]} ${recordedDate(m.changes.day[c], m.changes.precision[c])}${reason}`;
      }
      return { text: `${m.cities.name[a]} – ${m.cities.name[b]}\n${kind}, ${status}\nlast event: ${last}` };
    }
    return null;
  }
}

