// The map: a country basemap shipped with the page (Natural Earth through world-atlas), cities as
// points sized by their active links, links as great-circle arcs coloured by status (deck.gl).

import { Deck, FlyToInterpolator, MapView, type Layer, type PickingInfo } from "@deck.gl/core";
import { ArcLayer, GeoJsonLayer, ScatterplotLayer } from "@deck.gl/layers";
import type { FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countriesTopo from "world-atlas/countries-110m.json";

import { ACTIVE, SUSPENDED, lastChange, recordedDate, type MapData, type View } from "./mapdata";

type RGBA = [number, number, number, number];
const COLOR: Record<string, RGBA> = {
  active: [0, 122, 122, 150],
  suspended: [230, 140, 0, 220],
  ended: [130, 130, 130, 55],
  selected: [214, 32, 70, 255],
  cityLink: [10, 70, 160, 230],
  city: [40, 60, 90, 200],
  cityDim: [150, 160, 170, 90],
  member: [170, 40, 150, 230],
  land: [228, 231, 235, 255],
  border: [255, 255, 255, 255],
};

const countries = feature(
  countriesTopo as unknown as Topology,
  (countriesTopo as unknown as Topology<{ countries: GeometryCollection }>).objects.countries,
) as unknown as FeatureCollection;

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

export class TwinningMap {
  private deck: Deck<MapView> | null = null;
  private data: MapData | null = null;
  private view: View | null = null;
  private selectedLinks: number[] = [];
  private highlighted: number[] = [];
  private selectedCity = -1;
  private highlightMembers = false;
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
        views: new MapView({ repeat: true }),
        initialViewState: { longitude: 10, latitude: 25, zoom: 1.2, minZoom: 0.5, maxZoom: 12 },
        controller: { keyboard: true, doubleClickZoom: true },
        layers: [this.basemap()],
        getTooltip: (info) => this.tooltip(info),
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

  private basemap() {
    return new GeoJsonLayer({
      id: "countries",
      data: countries,
      // Borders as a darker fill edge would need a path layer: one more shader to compile, which
      // a software renderer pays for in seconds. The fill alone draws the land.
      stroked: false,
      filled: true,
      getFillColor: COLOR.land,
      getLineColor: COLOR.border,
      lineWidthMinPixels: 0.5,
    });
  }

  /** The PNG of what the map shows now. */
  png(): string | null {
    if (!this.deck) return null;
    this.deck.redraw("export");
    const canvas = this.container.querySelector("canvas");
    return canvas ? canvas.toDataURL("image/png") : null;
  }

  /** Draws `view` of `data`; `measure` names the performance measure that ends when it is on screen. */
  draw(data: MapData, view: View, options: { highlightMembers: boolean; measure?: { name: string; start: number } }) {
    this.data = data;
    this.view = view;
    this.highlightMembers = options.highlightMembers;
    if (options.measure) this.pending = options.measure;
    this.update();
  }

  /** Links drawn over everything (a year's lapses), or none. */
  select(links: number[]) {
    this.selectedLinks = links;
    this.update();
  }

  /** Cities marked with a ring (shared members of two networks), or none. */
  highlight(cities: number[]) {
    this.highlighted = cities;
    this.update();
  }

  /** Marks a city and its drawn links (-1: none). */
  selectCity(cityIndex: number) {
    this.selectedCity = cityIndex;
    this.update();
  }

  flyTo(cityIndex: number) {
    if (!this.deck || !this.data) return;
    this.selectedCity = cityIndex;
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
    // deck.gl keeps its layer manager protected; it is the one place that knows the sublayers.
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
        setTimeout(poll, 4);
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

  /** Per-data positions, built once per map (they do not change with the day). */
  private geometry: { data: MapData; source: Float32Array; target: Float32Array; cities: Float32Array } | null = null;

  private positions(m: MapData) {
    if (this.geometry?.data === m) return this.geometry;
    const { lon, lat } = m.cities;
    const n = m.links.a.length;
    const source = new Float32Array(n * 2);
    const target = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      source[2 * i] = lon[m.links.a[i]];
      source[2 * i + 1] = lat[m.links.a[i]];
      target[2 * i] = lon[m.links.b[i]];
      target[2 * i + 1] = lat[m.links.b[i]];
    }
    const cities = new Float32Array(lon.length * 2);
    for (let c = 0; c < lon.length; c++) {
      cities[2 * c] = lon[c];
      cities[2 * c + 1] = lat[c];
    }
    this.geometry = { data: m, source, target, cities };
    return this.geometry;
  }

  private update() {
    if (!this.deck || !this.data || !this.view) return;
    const m = this.data;
    const v = this.view;
    const { lon, lat } = m.cities;
    const pos = (c: number): [number, number] => [lon[c], lat[c]];
    const g = this.positions(m);
    // Every link is in the layer, always: a day only changes colours (alpha 0 hides a link), so a
    // slider step uploads one colour per link instead of rebuilding the geometry.
    const n = m.links.a.length;
    const colors = new Uint8Array(n * 4);
    const statusOf = new Map<number, number>();
    for (let k = 0; k < v.links.length; k++) {
      const i = v.links[k];
      const s = v.status[k];
      statusOf.set(i, s);
      colors.set(s === ACTIVE ? COLOR.active : s === SUSPENDED ? COLOR.suspended : COLOR.ended, 4 * i);
    }
    const colorOf = (s: number | undefined): RGBA =>
      s === ACTIVE ? COLOR.active : s === SUSPENDED ? COLOR.suspended : COLOR.ended;
    const nc = lon.length;
    const cityColors = new Uint8Array(nc * 4);
    const radii = new Float32Array(nc);
    const hl = this.highlightMembers;
    for (let k = 0; k < v.cities.length; k++) {
      const c = v.cities[k];
      radii[c] = 1.5 + Math.sqrt(v.degree[c]) * 1.6;
      cityColors.set(hl ? (v.member[c] ? COLOR.member : COLOR.cityDim) : v.degree[c] ? COLOR.city : COLOR.cityDim, 4 * c);
    }
    const selected = this.selectedCity;
    const cityLinks = selected >= 0 ? Array.from(v.links).filter((i) => m.links.a[i] === selected || m.links.b[i] === selected) : [];
    const layers = [
      this.basemap(),
      new ArcLayer({
        id: "links",
        data: {
          length: n,
          attributes: {
            getSourcePosition: { value: g.source, size: 2 },
            getTargetPosition: { value: g.target, size: 2 },
            getSourceColor: { value: colors, size: 4, normalized: true },
            getTargetColor: { value: colors, size: 4, normalized: true },
          },
        },
        greatCircle: true,
        numSegments: 12,
        pickable: true,
        getWidth: 1,
        widthMinPixels: 1,
      }),
      new ScatterplotLayer({
        id: "cities",
        data: {
          length: nc,
          attributes: {
            getPosition: { value: g.cities, size: 2 },
            getRadius: { value: radii, size: 1 },
            getFillColor: { value: cityColors, size: 4, normalized: true },
          },
        },
        pickable: true,
        radiusUnits: "pixels",
        onClick: (info) => {
          if (info.index >= 0 && radii[info.index] > 0) this.handlers.onCity(info.index);
        },
      }),
      new ArcLayer<number>({
        id: "selected-links",
        data: [...this.selectedLinks, ...cityLinks],
        greatCircle: true,
        numSegments: 32,
        pickable: true,
        getSourcePosition: (i) => pos(m.links.a[i]),
        getTargetPosition: (i) => pos(m.links.b[i]),
        getSourceColor: (i) => (this.selectedLinks.includes(i) ? COLOR.selected : statusOf.get(i) === ACTIVE ? COLOR.cityLink : colorOf(statusOf.get(i))),
        getTargetColor: (i) => (this.selectedLinks.includes(i) ? COLOR.selected : statusOf.get(i) === ACTIVE ? COLOR.cityLink : colorOf(statusOf.get(i))),
        getWidth: (i) => (this.selectedLinks.includes(i) ? 3 : 2),
      }),
      new ScatterplotLayer<number>({
        id: "highlighted",
        data: selected >= 0 ? [...this.highlighted, selected] : this.highlighted,
        radiusUnits: "pixels",
        stroked: true,
        filled: false,
        getPosition: pos,
        getRadius: 7,
        getLineColor: COLOR.selected,
        lineWidthMinPixels: 2,
      }),
    ];
    this.statusOf = statusOf;
    this.radii = radii;
    this.deck.setProps({ layers });
  }

  private statusOf = new Map<number, number>();
  private radii = new Float32Array(0);

  private tooltip(info: PickingInfo): { text: string } | null {
    const m = this.data;
    const v = this.view;
    if (!m || !v) return null;
    const binary = info.layer?.id === "links" || info.layer?.id === "cities";
    const i = binary ? info.index : typeof info.object === "number" ? info.object : -1;
    if (i < 0) return null;
    if (info.layer?.id === "links" && !this.statusOf.has(i)) return null;
    if (info.layer?.id === "cities" && !(this.radii[i] > 0)) return null;
    if (info.layer?.id === "cities") {
      const net = v.member[i] ? "\nmember of the chosen network" : "";
      return { text: `${m.cities.name[i]} (${m.cities.country[i]})\n${v.degree[i]} active links${net}` };
    }
    if (info.layer?.id === "links" || info.layer?.id === "selected-links") {
      const a = m.links.a[i];
      const b = m.links.b[i];
      const c = lastChange(m, i, v.day);
      const kind = m.kinds[m.links.kind[i]].replace(/_/g, " ");
      const status = c >= 0 ? m.statuses[m.changes.status[c]] : m.links.initial[i] !== null ? "active" : "not yet";
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
