// The map: a country basemap shipped with the page (Natural Earth through world-atlas), cities as
// points sized by their active links, links as great-circle arcs coloured by status (deck.gl).

import { Deck, FlyToInterpolator, MapView, type PickingInfo } from "@deck.gl/core";
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
      stroked: true,
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

  private afterRender() {
    if (!this.data || !this.view) return;
    if (!this.firstRender) {
      this.firstRender = true;
      performance.mark("cg:first-render");
      this.container.dataset.rendered = "true";
    }
    if (this.pending) {
      performance.measure(this.pending.name, { start: this.pending.start, end: performance.now() });
      this.pending = null;
      this.container.dataset.frames = String(Number(this.container.dataset.frames ?? 0) + 1);
    }
  }

  private update() {
    if (!this.deck || !this.data || !this.view) return;
    const m = this.data;
    const v = this.view;
    const { lon, lat } = m.cities;
    const pos = (c: number): [number, number] => [lon[c], lat[c]];
    const links = Array.from(v.links);
    const statusOf = new Map<number, number>();
    v.links.forEach((l, k) => statusOf.set(l, v.status[k]));
    const colorOf = (s: number | undefined): RGBA =>
      s === ACTIVE ? COLOR.active : s === SUSPENDED ? COLOR.suspended : COLOR.ended;
    const hl = this.highlightMembers;
    const layers = [
      this.basemap(),
      new ArcLayer<number>({
        id: "links",
        data: links,
        greatCircle: true,
        numSegments: 24,
        pickable: true,
        getSourcePosition: (i) => pos(m.links.a[i]),
        getTargetPosition: (i) => pos(m.links.b[i]),
        getSourceColor: (i) => colorOf(statusOf.get(i)),
        getTargetColor: (i) => colorOf(statusOf.get(i)),
        getWidth: (i) => (statusOf.get(i) === ACTIVE ? 1 : 1.5),
        widthMinPixels: 1,
      }),
      new ScatterplotLayer<number>({
        id: "cities",
        data: Array.from(v.cities),
        pickable: true,
        radiusUnits: "pixels",
        getPosition: pos,
        getRadius: (c) => 1.5 + Math.sqrt(v.degree[c]) * 1.6,
        getFillColor: (c) => (hl ? (v.member[c] ? COLOR.member : COLOR.cityDim) : v.degree[c] ? COLOR.city : COLOR.cityDim),
        onClick: (info) => {
          if (typeof info.object === "number") this.handlers.onCity(info.object);
        },
      }),
      new ArcLayer<number>({
        id: "selected-links",
        data: this.selectedLinks,
        greatCircle: true,
        numSegments: 32,
        pickable: true,
        getSourcePosition: (i) => pos(m.links.a[i]),
        getTargetPosition: (i) => pos(m.links.b[i]),
        getSourceColor: COLOR.selected,
        getTargetColor: COLOR.selected,
        getWidth: 3,
      }),
      new ArcLayer<number>({
        id: "city-links",
        data: this.selectedCity >= 0 ? links.filter((i) => m.links.a[i] === this.selectedCity || m.links.b[i] === this.selectedCity) : [],
        greatCircle: true,
        numSegments: 32,
        pickable: true,
        getSourcePosition: (i) => pos(m.links.a[i]),
        getTargetPosition: (i) => pos(m.links.b[i]),
        getSourceColor: (i) => (statusOf.get(i) === ACTIVE ? COLOR.cityLink : colorOf(statusOf.get(i))),
        getTargetColor: (i) => (statusOf.get(i) === ACTIVE ? COLOR.cityLink : colorOf(statusOf.get(i))),
        getWidth: 2,
      }),
      new ScatterplotLayer<number>({
        id: "highlighted",
        data: this.selectedCity >= 0 ? [...this.highlighted, this.selectedCity] : this.highlighted,
        radiusUnits: "pixels",
        stroked: true,
        filled: false,
        getPosition: pos,
        getRadius: 7,
        getLineColor: COLOR.selected,
        lineWidthMinPixels: 2,
      }),
    ];
    this.deck.setProps({ layers });
  }

  private tooltip(info: PickingInfo): { text: string } | null {
    const m = this.data;
    const v = this.view;
    if (!m || !v || typeof info.object !== "number") return null;
    const i = info.object;
    if (info.layer?.id === "cities") {
      const net = v.member[i] ? "\nmember of the chosen network" : "";
      return { text: `${m.cities.name[i]} (${m.cities.country[i]})\n${v.degree[i]} active links${net}` };
    }
    if (info.layer?.id === "links" || info.layer?.id === "selected-links" || info.layer?.id === "city-links") {
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
