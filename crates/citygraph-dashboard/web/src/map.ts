// The map: a country basemap shipped with the page (Natural Earth through world-atlas), cities as
// points sized by their active links, links as great-circle lines coloured by status (deck.gl,
// with the two layers of layers.ts). Every link and city is uploaded once per map; a slider step
// sets the day (a uniform) and uploads one small array (the cities' sizes).
//
// Two canvases, one over the other, each drawn by its own deck.gl instance on the same view:
// underneath, what no day changes (land, borders, and the links whose status is the same on every
// day, most of them undated); on top, what a day can change (the dated links, the cities, the
// selections). A slider step redraws only the top canvas, so a software renderer does not paint
// the 25,000 links that look the same on every day again; panning, zooming and filters redraw
// both. The top instance owns the controller and hands its view state to the one underneath.

import { Deck, FlyToInterpolator, MapView, type Layer, type PickingInfo } from "@deck.gl/core";

import { basemap, linkLines, type Lines } from "./geometry";
import { CityPointsLayer, TimedLinesLayer, type RGBA } from "./layers";
import { ALWAYS, ENDED, HIDDEN, NEVER, drawnStatus, lastChange, recordedDate, type MapData, type Pieces, type View } from "./mapdata";

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

/** The cities as points: `style` gives each its size (0: not drawn here) and class. */
function citiesLayer(id: string, positions: Float32Array | null, style: Float32Array | null): CityPointsLayer {
  return new CityPointsLayer({
    ...FLAT,
    id,
    positions,
    style,
    stroked: false,
    dimColor: COLOR.cityDim,
    cityColor: COLOR.city,
    memberColor: COLOR.member,
    ringColor: COLOR.selected,
    pickable: true,
  });
}

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

/** What is built once per map data: the pieces of every link, their lines (those whose status
 * changes with the day, and those whose status never does), the city positions. */
interface Geometry {
  data: MapData;
  pieces: Pieces;
  lines: Lines;
  stillLines: Lines;
  cities: Float32Array;
  /** 1 for a city with a link whose status changes with the day (its size can change), by city. */
  timedCity: Uint8Array;
}

/** Whether link `i` is drawn the same on every day: one piece, active from before every recorded
 * day and never suspended or ended (a link with no dated event). */
export function isStill(p: Pieces, i: number): boolean {
  if (p.first[i + 1] - p.first[i] !== 1) return false;
  const o = 5 * p.first[i];
  const t = p.t;
  return t[o] === ALWAYS && t[o + 1] === t[o] && t[o + 2] === t[o] && t[o + 3] === NEVER && t[o + 4] === NEVER;
}

const INITIAL_VIEW = { longitude: 10, latitude: 25, zoom: 1.2, minZoom: 0.5, maxZoom: 12 };

export class TwinningMap {
  private deck: Deck<MapView> | null = null;
  /** The canvas underneath: what no day changes (see the top of this file). */
  private under: Deck<MapView> | null = null;
  /** Whether the last frame of the canvas underneath had every layer's shaders linked. */
  private underComplete = false;
  /** The same for the top canvas, once it draws the map's data. */
  private topComplete = false;
  private retrying = false;
  private underFrames = 0;
  private topFrames = 0;
  /** What the canvas underneath was last given. */
  private underShows: { lines: Lines; mask: Uint8Array; cities: Float32Array } | null = null;
  /** The sizes of the cities drawn on top (those whose size can change with the day) and
   * underneath (the others), split from `style`; the second is kept while it stays the same. */
  private topStyle = new Float32Array(0);
  private underStyle = new Float32Array(0);
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
    const failed = (e: Error) => {
      console.warn("map:", e.message);
      onFailure("The map could not be drawn here (" + e.message + "); the panels still work.");
    };
    try {
      // Created first, so its canvas is the one underneath; it takes no input.
      this.under = new Deck<MapView>({
        parent: container,
        id: "map-under",
        // No multisampling: a software renderer pays for every sample (lines and points are
        // thin enough that the edges do not suffer).
        deviceProps: { webgl: { antialias: false } },
        views: new MapView({ repeat: true }),
        viewState: INITIAL_VIEW,
        controller: false,
        layers: this.underLayers(null, null, null, null),
        onAfterRender: () => {
          this.underComplete = this.underShows !== null && this.allLinked(this.under);
          this.checkFirstRender();
          // Frames drawn per canvas, for anyone checking what a change redraws.
          this.underFrames++;
          container.dataset.underFrames = String(this.underFrames);
        },
        onError: failed,
      });
      this.deck = new Deck<MapView>({
        parent: container,
        id: "map-top",
        deviceProps: { webgl: { antialias: false } },
        views: new MapView({ repeat: true }),
        initialViewState: INITIAL_VIEW,
        controller: { keyboard: true, doubleClickZoom: true },
        // The two programs of the top canvas, linked while the data loads (see underLayers).
        layers: [
          new TimedLinesLayer({ ...FLAT, id: "links", lines: null, linkMask: null, topology: "line-list", day: 0, showEnded: false, activeColor: COLOR.active, suspendedColor: COLOR.suspended, endedColor: COLOR.ended }),
          citiesLayer("cities", null, null),
        ],
        onViewStateChange: ({ viewState }) => {
          this.under?.setProps({ viewState });
        },
        getTooltip: (info) => this.tooltip(info),
        onClick: (picked) => {
          const info = this.pickedOrUnder(picked);
          if ((info.layer?.id === "cities" || info.layer?.id === "still-cities") && info.index >= 0 && this.style[2 * info.index] > 0) this.handlers.onCity(info.index);
        },
        onAfterRender: () => this.afterRender(),
        onError: failed,
      });
    } catch (e) {
      this.under?.finalize();
      this.under = null;
      this.deck = null;
      onFailure("The map could not be drawn here; the panels still work.");
      console.warn("map:", e);
    }
  }

  /** What the canvas underneath draws: the basemap, the links that are the same on every day, the
   * cities whose size never changes. With no data yet (nulls), the layers still link their
   * shaders, so that the compilation runs while the map's data is on its way. */
  private underLayers(lines: Lines | null, mask: Uint8Array | null, positions: Float32Array | null, style: Float32Array | null): Layer[] {
    return [
      ...this.basemapLayers(),
      new TimedLinesLayer({
        ...FLAT,
        id: "still-links",
        lines,
        linkMask: mask,
        topology: "line-list",
        day: 0,
        showEnded: false,
        activeColor: COLOR.active,
        suspendedColor: COLOR.suspended,
        endedColor: COLOR.ended,
        worldZoomAlpha: LINKS_AT_WORLD_ZOOM,
        pickable: true,
      }),
      citiesLayer("still-cities", positions, style),
    ];
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
    const still: number[] = [];
    const timed: number[] = [];
    const timedCity = new Uint8Array(lon.length);
    for (let i = 0; i < m.links.a.length; i++) {
      if (isStill(pieces, i)) {
        still.push(i);
      } else {
        timed.push(i);
        timedCity[m.links.a[i]] = 1;
        timedCity[m.links.b[i]] = 1;
      }
    }
    this.geometry = { data: m, pieces, lines: linkLines(m, pieces, timed), stillLines: linkLines(m, pieces, still), cities, timedCity };
    this.selectedLines = null;
    this.cityLinksOf = null;
    return this.geometry;
  }

  /** The PNG of what the map shows now: both canvases, drawn again and laid on one. */
  png(): string | null {
    if (!this.deck || !this.under) return null;
    this.under.redraw("export");
    this.deck.redraw("export");
    const layers = [this.under.getCanvas(), this.deck.getCanvas()].filter((c): c is HTMLCanvasElement => !!c);
    if (!layers.length) return null;
    const out = document.createElement("canvas");
    out.width = layers[0].width;
    out.height = layers[0].height;
    const ctx = out.getContext("2d");
    if (!ctx) return null;
    for (const c of layers) ctx.drawImage(c, 0, 0, out.width, out.height);
    return out.toDataURL("image/png");
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
    this.geometryOf(data, pieces);
    this.splitStyle();
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
  private allLinked(deck: Deck<MapView> | null): boolean {
    // deck.gl keeps its layer manager protected; it is the one place that knows the layers.
    const layers = (deck as unknown as { layerManager?: { getLayers(): Layer[] } } | null)?.layerManager?.getLayers() ?? [];
    return layers.every((l) => l.getModels().every((m) => m.pipeline.linkStatus !== "pending"));
  }

  /** Calls `done` once the GPU has finished what was issued so far (a fence, polled without
   * blocking the page), so a measure ends when the pixels exist, not when the commands were sent. */
  private whenDrawn(done: () => void) {
    // One fence in each canvas's context: the frame is on screen when both have finished.
    const fences = [this.under, this.deck].flatMap((d) => {
      const gl = d?.getCanvas()?.getContext("webgl2");
      const sync = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      if (!gl || !sync) return [];
      gl.flush();
      return [{ gl, sync }];
    });
    const poll = () => {
      if (fences.every(({ gl, sync }) => gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED)) {
        for (const { gl, sync } of fences) gl.deleteSync(sync);
        done();
      } else {
        setTimeout(poll, 2);
      }
    };
    poll();
  }

  private afterRender() {
    this.topFrames++;
    this.container.dataset.topFrames = String(this.topFrames);
    if (!this.data || !this.view) return;
    this.topComplete = this.allLinked(this.deck);
    this.checkFirstRender();
    if (this.pending) {
      const { name, start } = this.pending;
      this.pending = null;
      this.whenDrawn(() => performance.measure(name, { start, end: performance.now() }));
    }
  }

  /** Marks the first frame in which both canvases drew the data with every shader linked, and
   * until then draws again the canvas that was not complete (luma.gl links shaders in the
   * background and skips a layer until then). */
  private checkFirstRender() {
    if (this.firstRender || !this.data || !this.view) return;
    if (this.underComplete && this.topComplete) {
      this.firstRender = true;
      this.whenDrawn(() => {
        performance.mark("cg:first-render");
        this.container.dataset.rendered = "true";
      });
      return;
    }
    if (this.retrying) return;
    this.retrying = true;
    requestAnimationFrame(() => {
      this.retrying = false;
      if (!this.underComplete && this.underShows) this.under?.redraw("shaders");
      if (!this.topComplete) this.deck?.redraw("shaders");
    });
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

  /** Splits `style` between the two canvases: the cities whose size can change on top, the
   * others underneath (a new array for underneath only when it differs, so that a slider step
   * leaves that canvas as it is). */
  private splitStyle() {
    const g = this.geometry;
    if (!g) return;
    const s = this.style;
    const top = new Float32Array(s.length);
    const under = new Float32Array(s.length);
    for (let c = 0; c < g.timedCity.length; c++) {
      const into = g.timedCity[c] ? top : under;
      into[2 * c] = s[2 * c];
      into[2 * c + 1] = s[2 * c + 1];
    }
    this.topStyle = top;
    const old = this.underStyle;
    if (old.length !== under.length || under.some((x, k) => x !== old[k])) this.underStyle = under;
  }

  /** What the pointer is on: on top, or else a link or city of the canvas underneath. */
  private pickedOrUnder(picked: PickingInfo): PickingInfo {
    if (picked.index >= 0 || !this.under || picked.x < 0) return picked;
    return this.under.pickObject({ x: picked.x, y: picked.y, layerIds: ["still-cities", "still-links"] }) ?? picked;
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
    // Underneath: nothing here depends on the day. deck.gl redraws whenever it is given a new
    // list of layers, so the list is given only when what it draws has changed.
    if (this.under && (this.underShows?.lines !== g.stillLines || this.underShows.mask !== v.linkOk || this.underShows.cities !== this.underStyle)) {
      this.underShows = { lines: g.stillLines, mask: v.linkOk, cities: this.underStyle };
      this.under.setProps({ layers: this.underLayers(g.stillLines, v.linkOk, g.cities, this.underStyle) });
    }
    const layers: Layer[] = [
      new TimedLinesLayer({ ...timed, id: "links", lines: g.lines, linkMask: v.linkOk, topology: "line-list", worldZoomAlpha: LINKS_AT_WORLD_ZOOM, pickable: true }),
      citiesLayer("cities", g.cities, this.topStyle),
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

  private tooltip(picked: PickingInfo): { text: string } | null {
    const m = this.data;
    const v = this.view;
    const info = this.pickedOrUnder(picked);
    if (!m || !v || info.index < 0) return null;
    const id = info.layer?.id;
    const i = info.index;
    if (id === "cities" || id === "still-cities") {
      if (!(this.style[2 * i] > 0)) return null;
      const net = v.member[i] ? "\nmember of the chosen network" : "";
      return { text: `${m.cities.name[i]} (${m.cities.country[i]})\n${v.degree[i]} active links${net}` };
    }
    if (id === "links" || id === "still-links" || id === "city-links" || id === "selected-links") {
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

