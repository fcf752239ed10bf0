// Two deck.gl layers of our own, each one shader program, drawn without instancing.
//
// Why not deck.gl's ArcLayer, LineLayer and ScatterplotLayer: they draw one instance per object,
// and the software renderer of machines without a GPU (SwiftShader, which headless Chromium uses)
// pays for every instance as for a draw of its own: 26,000 arcs of 12 segments took 8 s a frame
// there, the same segments as plain line primitives in one draw 0.4 s. So the links are GL lines
// (line-list, 1 px) and the cities GL points, all uploaded once; the day is a uniform, compared in
// the vertex shader with each vertex's piece (mapdata.ts), so a slider step uploads nothing for
// the links. They use deck.gl's projection and picking modules like its own layers, so panning,
// zooming, tooltips and clicks work as for any deck.gl layer.

import { Layer, picking, project32, type DefaultProps, type LayerProps, type UpdateParameters } from "@deck.gl/core";
import type { Buffer } from "@luma.gl/core";
import { Model } from "@luma.gl/engine";
import type { ShaderModule } from "@luma.gl/shadertools";

import type { Lines } from "./geometry";

export type RGBA = [number, number, number, number];

const rgba = (c: RGBA) => c.map((x) => x / 255) as RGBA;

// ----- links, borders and land -----------------------------------------------------------------

const timedBlock = /* glsl */ `\
layout(std140) uniform timedUniforms {
  vec4 activeColor;
  vec4 suspendedColor;
  vec4 endedColor;
  vec2 pixelOffset;
  float day;
  float showEnded;
} timed;
`;

type TimedProps = {
  activeColor: RGBA;
  suspendedColor: RGBA;
  endedColor: RGBA;
  pixelOffset: [number, number];
  day: number;
  showEnded: number;
};

const timedUniforms = {
  name: "timed",
  vs: timedBlock,
  fs: timedBlock,
  uniformTypes: {
    activeColor: "vec4<f32>",
    suspendedColor: "vec4<f32>",
    endedColor: "vec4<f32>",
    pixelOffset: "vec2<f32>",
    day: "f32",
    showEnded: "f32",
  },
} as const satisfies ShaderModule<TimedProps>;

const timedVs = /* glsl */ `\
#version 300 es
#define SHADER_NAME timed-lines-vertex-shader
in vec2 positions;
in vec4 times;
in vec2 extra;
in float mask;
out vec4 vColor;
void main(void) {
  float d = timed.day;
  bool ended = d >= times.w;
  if (mask < 0.5 || d < times.x || d >= extra.x || (ended && timed.showEnded < 0.5)) {
    // Not drawn on this day: outside the clip volume, so nothing is rasterised.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    vColor = vec4(0.0);
    return;
  }
  bool suspended = d >= times.y && d < times.z;
  vec4 c = ended ? timed.endedColor : suspended ? timed.suspendedColor : timed.activeColor;
  geometry.worldPosition = vec3(positions, 0.0);
  geometry.pickingColor = picking_getPickingColorFromIndex(extra.y);
  vec4 p = project_position_to_clipspace(vec3(positions, 0.0), vec3(0.0), vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(p, geometry);
  gl_Position = p + vec4(project_pixel_size_to_clipspace(timed.pixelOffset), 0.0, 0.0);
  vColor = vec4(c.rgb, c.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

const flatFs = /* glsl */ `\
#version 300 es
#define SHADER_NAME timed-lines-fragment-shader
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
  fragColor = vColor;
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

export type TimedLinesLayerProps = LayerProps & {
  /** The vertices (built once; a new object uploads them again). */
  lines: Lines | null;
  /** 1 for every link drawn under the filters, by link index (null: every vertex). A new array
   * uploads the mask again. */
  linkMask: Uint8Array | null;
  topology: "line-list" | "triangle-list";
  day: number;
  showEnded: boolean;
  activeColor: RGBA;
  suspendedColor: RGBA;
  endedColor: RGBA;
  /** Alpha of every colour is scaled by this at world zoom (1 at zoom 4 and closer). */
  worldZoomAlpha: number;
  /** Each vertex drawn once per offset (pixels): two or three offsets make a thicker line. */
  offsets: [number, number][];
};

const timedDefaults: DefaultProps<TimedLinesLayerProps> = {
  lines: { type: "object", value: null, compare: false },
  linkMask: { type: "object", value: null, compare: false },
  topology: "line-list",
  day: 0,
  showEnded: false,
  activeColor: { type: "color", value: [0, 0, 0, 255] },
  suspendedColor: { type: "color", value: [0, 0, 0, 255] },
  endedColor: { type: "color", value: [0, 0, 0, 255] },
  worldZoomAlpha: 1,
  offsets: { type: "array", value: [[0, 0]], compare: true },
};

/** Scales alpha between world zoom (`atWorld`) and zoom 4 (1). */
function zoomAlpha(zoom: number, atWorld: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 1) / 3));
  return atWorld + (1 - atWorld) * t;
}

type TimedState = { model?: Model; buffers?: Record<string, Buffer>; vertices: number };

export class TimedLinesLayer extends Layer<Required<TimedLinesLayerProps>> {
  static layerName = "TimedLinesLayer";
  static defaultProps = timedDefaults;
  declare state: TimedState;

  getShaders() {
    return super.getShaders({ vs: timedVs, fs: flatFs, modules: [project32, picking, timedUniforms] });
  }

  initializeState() {
    this.state = { vertices: 0 };
  }

  updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    const { props, oldProps } = params;
    const device = this.context.device;
    if (!this.state.model || props.topology !== oldProps.topology) {
      this.state.model?.destroy();
      this.state.model = new Model(device, {
        ...this.getShaders(),
        id: this.props.id,
        topology: props.topology,
        bufferLayout: [
          { name: "positions", format: "float32x2" },
          { name: "times", format: "float32x4" },
          { name: "extra", format: "float32x2" },
          { name: "mask", format: "float32" },
        ],
        vertexCount: 0,
      });
      if (this.state.buffers) this.state.model.setAttributes(this.state.buffers);
      this.state.model.setVertexCount(this.state.vertices);
    }
    const lines = props.lines;
    if (props.lines !== oldProps.lines) {
      for (const b of Object.values(this.state.buffers ?? {})) b.destroy();
      this.state.buffers = undefined;
      this.state.vertices = 0;
      if (lines && lines.count > 0) {
        this.state.buffers = {
          positions: device.createBuffer({ data: lines.positions }),
          times: device.createBuffer({ data: lines.times }),
          extra: device.createBuffer({ data: lines.extra }),
          mask: device.createBuffer({ data: this.vertexMask(lines, props.linkMask) }),
        };
        this.state.vertices = lines.count;
        this.state.model.setAttributes(this.state.buffers);
      }
      this.state.model.setVertexCount(this.state.vertices);
    } else if (props.linkMask !== oldProps.linkMask && lines && this.state.buffers) {
      this.state.buffers.mask.write(this.vertexMask(lines, props.linkMask));
    }
  }

  private vertexMask(lines: Lines, linkMask: Uint8Array | null): Float32Array {
    const out = new Float32Array(lines.count);
    for (let v = 0; v < lines.count; v++) out[v] = !linkMask || lines.link[v] < 0 ? 1 : linkMask[lines.link[v]];
    return out;
  }

  finalizeState(context: Parameters<Layer["finalizeState"]>[0]) {
    super.finalizeState(context);
    for (const b of Object.values(this.state.buffers ?? {})) b.destroy();
  }

  draw() {
    const { model, vertices } = this.state;
    if (!model || vertices === 0) return;
    const p = this.props;
    const k = zoomAlpha(this.context.viewport.zoom, p.worldZoomAlpha);
    const scaled = (c: RGBA): RGBA => {
      const x = rgba(c);
      return [x[0], x[1], x[2], x[3] * k];
    };
    for (const offset of p.offsets) {
      model.shaderInputs.setProps({
        timed: {
          activeColor: scaled(p.activeColor),
          suspendedColor: scaled(p.suspendedColor),
          endedColor: scaled(p.endedColor),
          pixelOffset: offset,
          day: p.day,
          showEnded: p.showEnded ? 1 : 0,
        },
      });
      model.draw(this.context.renderPass);
    }
  }
}

// ----- cities ----------------------------------------------------------------------------------

const pointsBlock = /* glsl */ `\
layout(std140) uniform pointsUniforms {
  vec4 dimColor;
  vec4 cityColor;
  vec4 memberColor;
  vec4 ringColor;
  float stroked;
} points;
`;

type PointsProps = { dimColor: RGBA; cityColor: RGBA; memberColor: RGBA; ringColor: RGBA; stroked: number };

const pointsUniforms = {
  name: "points",
  vs: pointsBlock,
  fs: pointsBlock,
  uniformTypes: {
    dimColor: "vec4<f32>",
    cityColor: "vec4<f32>",
    memberColor: "vec4<f32>",
    ringColor: "vec4<f32>",
    stroked: "f32",
  },
} as const satisfies ShaderModule<PointsProps>;

const pointsVs = /* glsl */ `\
#version 300 es
#define SHADER_NAME city-points-vertex-shader
in vec2 positions;
in vec2 style;
out vec4 vColor;
out float vRadius;
void main(void) {
  float radius = style.x;
  if (radius <= 0.0) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    vColor = vec4(0.0);
    vRadius = 0.0;
    return;
  }
  vec4 c = points.stroked > 0.5 ? points.ringColor : style.y > 1.5 ? points.memberColor : style.y > 0.5 ? points.cityColor : points.dimColor;
  geometry.worldPosition = vec3(positions, 0.0);
  geometry.pickingColor = picking_getPickingColorFromIndex(float(gl_VertexID));
  vec4 p = project_position_to_clipspace(vec3(positions, 0.0), vec3(0.0), vec3(0.0), geometry.position);
  DECKGL_FILTER_GL_POSITION(p, geometry);
  gl_Position = p;
  vRadius = radius * project.devicePixelRatio;
  // One pixel more than the disc, for its smoothed edge.
  gl_PointSize = 2.0 * vRadius + 2.0;
  vColor = vec4(c.rgb, c.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

const pointsFs = /* glsl */ `\
#version 300 es
#define SHADER_NAME city-points-fragment-shader
precision highp float;
in vec4 vColor;
in float vRadius;
out vec4 fragColor;
void main(void) {
  float half_size = vRadius + 1.0;
  float dist = length(gl_PointCoord * 2.0 - 1.0) * half_size;
  float alpha = points.stroked > 0.5
    ? clamp(1.5 - abs(dist - (vRadius - 1.0)), 0.0, 1.0)
    : clamp(vRadius + 0.5 - dist, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  fragColor = vec4(vColor.rgb, vColor.a * alpha);
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

export type CityPointsLayerProps = LayerProps & {
  /** Longitude and latitude per point (a new array uploads them again). */
  positions: Float32Array | null;
  /** Radius in pixels (0: not drawn) and class (0 dim, 1 city, 2 member) per point; a new array
   * uploads it again (once per slider step: the sizes follow the day). */
  style: Float32Array | null;
  stroked: boolean;
  dimColor: RGBA;
  cityColor: RGBA;
  memberColor: RGBA;
  ringColor: RGBA;
};

const pointsDefaults: DefaultProps<CityPointsLayerProps> = {
  positions: { type: "object", value: null, compare: false },
  style: { type: "object", value: null, compare: false },
  stroked: false,
  dimColor: { type: "color", value: [0, 0, 0, 255] },
  cityColor: { type: "color", value: [0, 0, 0, 255] },
  memberColor: { type: "color", value: [0, 0, 0, 255] },
  ringColor: { type: "color", value: [0, 0, 0, 255] },
};

type PointsState = { model?: Model; buffers?: Record<string, Buffer>; count: number };

export class CityPointsLayer extends Layer<Required<CityPointsLayerProps>> {
  static layerName = "CityPointsLayer";
  static defaultProps = pointsDefaults;
  declare state: PointsState;

  getShaders() {
    return super.getShaders({ vs: pointsVs, fs: pointsFs, modules: [project32, picking, pointsUniforms] });
  }

  initializeState() {
    this.state = { count: 0 };
    this.state.model = new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      topology: "point-list",
      bufferLayout: [
        { name: "positions", format: "float32x2" },
        { name: "style", format: "float32x2" },
      ],
      vertexCount: 0,
    });
  }

  updateState(params: UpdateParameters<this>) {
    super.updateState(params);
    const { props, oldProps } = params;
    const model = this.state.model!;
    const device = this.context.device;
    const n = props.positions ? props.positions.length / 2 : 0;
    if (props.positions !== oldProps.positions || !this.state.buffers) {
      for (const b of Object.values(this.state.buffers ?? {})) b.destroy();
      this.state.buffers = undefined;
      this.state.count = 0;
      if (props.positions && n > 0) {
        this.state.buffers = {
          positions: device.createBuffer({ data: props.positions }),
          style: device.createBuffer({ data: props.style ?? new Float32Array(2 * n) }),
        };
        this.state.count = n;
        model.setAttributes(this.state.buffers);
      }
      model.setVertexCount(this.state.count);
    } else if (props.style !== oldProps.style && props.style && this.state.buffers) {
      this.state.buffers.style.write(props.style);
    }
  }

  finalizeState(context: Parameters<Layer["finalizeState"]>[0]) {
    super.finalizeState(context);
    for (const b of Object.values(this.state.buffers ?? {})) b.destroy();
  }

  draw() {
    const { model, count } = this.state;
    if (!model || count === 0) return;
    const p = this.props;
    model.shaderInputs.setProps({
      points: {
        dimColor: rgba(p.dimColor),
        cityColor: rgba(p.cityColor),
        memberColor: rgba(p.memberColor),
        ringColor: rgba(p.ringColor),
        stroked: p.stroked ? 1 : 0,
      },
    });
    model.draw(this.context.renderPass);
  }
}
