// Small SVG charts drawn with d3 (scales, axes, shapes). No inline styles: colours are classes of
// style.css, so the Content-Security-Policy can forbid inline styles.

import { max } from "d3-array";
import { axisBottom, axisLeft } from "d3-axis";
import { scaleBand, scaleLinear } from "d3-scale";
import { create } from "d3-selection";
import { area, curveStepAfter, line } from "d3-shape";

const W = 360;
const H = 190;
const M = { top: 10, right: 12, bottom: 28, left: 44 };

export interface Bar {
  label: string;
  value: number;
  title: string;
}

/**
 * A bar chart. Bars are focusable; a click or Enter on one calls `onPick` with its index.
 */
export function barChart(bars: Bar[], opts: { caption: string; onPick?: (i: number) => void; tickEvery?: number }): SVGSVGElement {
  const svg = create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("class", "chart").attr("role", "group").attr("aria-label", opts.caption);
  const x = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([M.left, W - M.right])
    .padding(0.15);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(bars, (b) => b.value) ?? 1)])
    .nice()
    .range([H - M.bottom, M.top]);
  const every = opts.tickEvery ?? Math.max(1, Math.ceil(bars.length / 8));
  svg
    .append("g")
    .attr("transform", `translate(0,${H - M.bottom})`)
    .call(
      axisBottom(x)
        .tickValues(x.domain().filter((i) => i % every === 0))
        .tickFormat((i) => bars[i].label),
    );
  svg.append("g").attr("transform", `translate(${M.left},0)`).call(axisLeft(y).ticks(5));
  const g = svg.append("g").attr("class", "bars");
  bars.forEach((b, i) => {
    const r = g
      .append("rect")
      .attr("x", x(i) ?? 0)
      .attr("width", x.bandwidth())
      .attr("y", y(b.value))
      .attr("height", Math.max(0, y(0) - y(b.value)))
      .attr("data-label", b.label)
      .attr("data-value", b.value);
    r.append("title").text(b.title);
    if (opts.onPick && b.value > 0) {
      r.attr("tabindex", 0)
        .attr("role", "button")
        .attr("aria-label", b.title)
        .attr("class", "pickable")
        .on("click", () => opts.onPick?.(i))
        .on("keydown", (e: KeyboardEvent) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            opts.onPick?.(i);
          }
        });
    }
  });
  return svg.node()!;
}

export interface Series {
  name: string;
  points: { x: number; y: number; lo?: number; hi?: number }[];
}

/** Step lines with optional confidence bands (survival curves), one colour class per series. */
export function stepChart(series: Series[], opts: { caption: string; xLabel: string; yMax?: number }): SVGSVGElement {
  const svg = create("svg").attr("viewBox", `0 0 ${W} ${H + 14}`).attr("class", "chart").attr("role", "img").attr("aria-label", opts.caption);
  const xMax = max(series.flatMap((s) => s.points.map((p) => p.x))) ?? 1;
  const x = scaleLinear()
    .domain([0, Math.max(1, xMax)])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, opts.yMax ?? 1])
    .range([H - M.bottom, M.top]);
  svg.append("g").attr("transform", `translate(0,${H - M.bottom})`).call(axisBottom(x).ticks(6));
  svg.append("g").attr("transform", `translate(${M.left},0)`).call(axisLeft(y).ticks(5));
  svg
    .append("text")
    .attr("x", (M.left + W - M.right) / 2)
    .attr("y", H + 8)
    .attr("text-anchor", "middle")
    .attr("class", "axis-label")
    .text(opts.xLabel);
  series.forEach((s, k) => {
    const cls = `s${k % 8}`;
    const band = area<{ x: number; lo?: number; hi?: number }>()
      .curve(curveStepAfter)
      .x((p) => x(p.x))
      .y0((p) => y(p.lo ?? 0))
      .y1((p) => y(p.hi ?? 0));
    if (s.points.some((p) => p.lo !== undefined)) {
      svg.append("path").attr("class", `band ${cls}`).attr("d", band(s.points));
    }
    const l = line<{ x: number; y: number }>()
      .curve(curveStepAfter)
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    svg.append("path").attr("class", `line ${cls}`).attr("d", l(s.points)).append("title").text(s.name);
  });
  return svg.node()!;
}

/** Simple lines over years (saturation timeline), one colour class per series. */
export function lineChart(series: Series[], opts: { caption: string; yLabel: string }): SVGSVGElement {
  const svg = create("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("class", "chart").attr("role", "img").attr("aria-label", opts.caption);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const x = scaleLinear()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1e-9, max(series.flatMap((s) => s.points.map((p) => p.y))) ?? 1)])
    .nice()
    .range([H - M.bottom, M.top]);
  svg
    .append("g")
    .attr("transform", `translate(0,${H - M.bottom})`)
    .call(axisBottom(x).ticks(6).tickFormat((d) => String(d)));
  svg.append("g").attr("transform", `translate(${M.left},0)`).call(axisLeft(y).ticks(5));
  svg.append("text").attr("x", 4).attr("y", M.top).attr("class", "axis-label").text(opts.yLabel);
  series.forEach((s, k) => {
    const l = line<{ x: number; y: number }>()
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    svg.append("path").attr("class", `line s${k % 8}`).attr("d", l(s.points)).append("title").text(s.name);
  });
  return svg.node()!;
}

/** A legend of series names with their colour classes. */
export function seriesKey(names: string[]): HTMLUListElement {
  const ul = document.createElement("ul");
  ul.className = "series-key";
  names.forEach((n, k) => {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = `sw s${k % 8}`;
    li.append(sw, n);
    ul.append(li);
  });
  return ul;
}
