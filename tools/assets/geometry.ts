// A small flat-shaded triangle builder: every face gets its own vertices, normal and colour, so one
// primitive with COLOR_0 can hold a whole building (one draw call) and still read as many parts.
// Each vertex colour is the part's tint times the light baked at that vertex (bake.ts), and each
// face gets texture coordinates for its surface: a band of the facade atlas (repeating along U,
// V kept inside the band), world-planar coordinates for floors, or 0..1 across a sign quad.
import { bakeColor, lightAt, type LightMode } from "./bake";
import { surfaceOf, type Rgb } from "./palette";
import { stripV, type Strip } from "./textures";

export type Vec3 = readonly [number, number, number];

/** Rounds to 0.1 mm: keeps float noise out of the output bytes. */
function r4(v: number): number {
  const x = Math.round(v * 10000) / 10000;
  return x === 0 ? 0 : x; // no -0 in the buffers
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function faceNormal(a: Vec3, b: Vec3, c: Vec3): Vec3 | null {
  const n = cross(sub(b, a), sub(c, a));
  const len = Math.hypot(n[0], n[1], n[2]);
  if (len < 1e-9) return null;
  return [n[0] / len, n[1] / len, n[2] / len];
}

export interface BoxFaces {
  top?: boolean;
  bottom?: boolean;
  front?: boolean; // +Z
  back?: boolean; // -Z
  left?: boolean; // -X
  right?: boolean; // +X
}

export type UvMode = "atlas" | "planar" | "unit";

export interface BuilderOptions {
  /** How faces get UVs: facade-atlas bands (default), x/z over `planarTile` metres, or 0..1 per quad. */
  uv?: UvMode;
  /** Metres per texture repeat in planar mode. */
  planarTile?: number;
  /** Light baked into the vertex colours. */
  light?: LightMode;
}

/** Metres one repeat of a band spans along U (glass: one pane across the face). */
const METRES_PER_REPEAT: Record<Strip, number> = { plaster: 6, roof: 9.6, wood: 4, glass: 0, stone: 4.8, plain: 4, fabric: 1, panel: 8 };
/** Bands whose U runs along a face's longer edge (grain, weave) rather than its more level one. */
const ALONG_LENGTH = new Set<Strip>(["wood", "plain", "fabric"]);

const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const len = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
const r5 = (v: number): number => {
  const x = Math.round(v * 100000) / 100000;
  return x === 0 ? 0 : x;
};

export class GeometryBuilder {
  readonly options: Required<BuilderOptions>;

  constructor(options: BuilderOptions = {}) {
    this.options = { uv: "atlas", planarTile: 4, light: "outdoor", ...options };
  }

  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly colors: number[] = [];
  /** The unlit tint of each vertex (what the caller asked for), to re-emit faces elsewhere. */
  readonly tints: Rgb[] = [];
  readonly uvs: number[] = [];
  readonly indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  get triangleCount(): number {
    return this.indices.length / 3;
  }

  private vertex(p: Vec3, n: Vec3, c: Rgb, uv: readonly [number, number]): number {
    this.positions.push(r4(p[0]), r4(p[1]), r4(p[2]));
    // Normals are rounded too, then re-normalised so the validator sees unit length.
    const l = Math.hypot(n[0], n[1], n[2]);
    this.normals.push(n[0] / l, n[1] / l, n[2] / l);
    const baked = bakeColor(c, lightAt(this.options.light, p, n));
    this.colors.push(baked[0], baked[1], baked[2]);
    this.tints.push(c);
    const t = this.options.uv === "planar" ? [p[0] / this.options.planarTile, p[2] / this.options.planarTile] : uv;
    this.uvs.push(r5(t[0]!), r5(t[1]!));
    return this.vertexCount - 1;
  }

  /**
   * Atlas UVs of a face's corners: U along the face (in repeats of its band), V across its band,
   * the higher edge at the top of the band. `corners[0]` is the origin, corners[1] fixes the U edge
   * candidate and corners[last] the other one.
   */
  private atlasUvs(corners: readonly Vec3[], color: Rgb, n: Vec3): Array<[number, number]> {
    const strip = surfaceOf(color);
    const [v0, v1] = stripV(strip);
    const a = corners[0]!;
    const e1 = sub(corners[1]!, a);
    const e2 = sub(corners[corners.length - 1]!, a);
    const level = (e: Vec3) => Math.abs(e[1]) / Math.max(1e-9, len(e));
    let useFirst: boolean;
    if (ALONG_LENGTH.has(strip) || Math.abs(n[1]) > 0.7) useFirst = len(e1) >= len(e2);
    else useFirst = level(e1) <= level(e2);
    const uEdge = useFirst ? e1 : e2;
    const ul = len(uEdge);
    const uDir: Vec3 = [uEdge[0] / ul, uEdge[1] / ul, uEdge[2] / ul];
    // V: the component of the other edge across U.
    const other = useFirst ? e2 : e1;
    const along = dot(other, uDir);
    const across: Vec3 = [other[0] - uDir[0] * along, other[1] - uDir[1] * along, other[2] - uDir[2] * along];
    const al = Math.max(1e-9, len(across));
    const vDir: Vec3 = [across[0] / al, across[1] / al, across[2] / al];
    const metres = METRES_PER_REPEAT[strip] || ul;
    const ts = corners.map((p) => dot(sub(p, a), vDir) / al);
    const tMin = Math.min(...ts);
    const tMax = Math.max(...ts);
    const upwards = vDir[1] >= 0;
    return corners.map((p, i) => {
      const u = dot(sub(p, a), uDir) / metres;
      const t = (ts[i]! - tMin) / Math.max(1e-9, tMax - tMin);
      return [u, upwards ? v1 - t * (v1 - v0) : v0 + t * (v1 - v0)];
    });
  }

  /** A triangle, counter-clockwise seen from its front. Degenerate triangles are skipped. */
  tri(a: Vec3, b: Vec3, c: Vec3, color: Rgb): void {
    const n = faceNormal(a, b, c);
    if (!n) return;
    const uv = this.options.uv === "atlas" ? this.atlasUvs([a, b, c], color, n) : [[0, 1], [1, 1], [1, 0]] as Array<[number, number]>;
    const i = this.vertex(a, n, color, uv[0]!);
    const j = this.vertex(b, n, color, uv[1]!);
    const k = this.vertex(c, n, color, uv[2]!);
    this.indices.push(i, j, k);
  }

  /**
   * A planar quad a-b-c-d, counter-clockwise seen from its front. UVs run 0..1 across the face
   * (a = (0,0), b = (1,0), c = (1,1), d = (0,1) with v up), which is what `signage` needs.
   */
  quad(a: Vec3, b: Vec3, c: Vec3, d: Vec3, color: Rgb): void {
    const n = faceNormal(a, b, c) ?? faceNormal(a, c, d);
    if (!n) return;
    // glTF UV origin is top-left: v = 0 at the top edge.
    const uv = this.options.uv === "atlas" ? this.atlasUvs([a, b, c, d], color, n) : [[0, 1], [1, 1], [1, 0], [0, 0]] as Array<[number, number]>;
    const i = this.vertex(a, n, color, uv[0]!);
    const j = this.vertex(b, n, color, uv[1]!);
    const k = this.vertex(c, n, color, uv[2]!);
    const l = this.vertex(d, n, color, uv[3]!);
    this.indices.push(i, j, k, i, k, l);
  }

  /** An axis-aligned box from `min` to `max`; `faces` can leave out hidden sides. */
  box(min: Vec3, max: Vec3, color: Rgb, faces: BoxFaces = {}): void {
    const [x0, y0, z0] = min;
    const [x1, y1, z1] = max;
    if (x1 <= x0 || y1 <= y0 || z1 <= z0) throw new Error(`geometry: empty box ${min} .. ${max}`);
    const f = { top: true, bottom: false, front: true, back: true, left: true, right: true, ...faces };
    if (f.top) this.quad([x0, y1, z1], [x1, y1, z1], [x1, y1, z0], [x0, y1, z0], color);
    if (f.bottom) this.quad([x0, y0, z0], [x1, y0, z0], [x1, y0, z1], [x0, y0, z1], color);
    if (f.front) this.quad([x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1], color);
    if (f.back) this.quad([x1, y0, z0], [x0, y0, z0], [x0, y1, z0], [x1, y1, z0], color);
    if (f.left) this.quad([x0, y0, z0], [x0, y0, z1], [x0, y1, z1], [x0, y1, z0], color);
    if (f.right) this.quad([x1, y0, z1], [x1, y0, z0], [x1, y1, z0], [x1, y1, z1], color);
  }

  /**
   * A beam of square section `size` from `a` to `b` (four long sides, no caps): ridge boards,
   * crossed capit gunting boards, frame edges.
   */
  beam(a: Vec3, b: Vec3, size: number, color: Rgb): void {
    const dir = sub(b, a);
    const len = Math.hypot(dir[0], dir[1], dir[2]);
    if (len < 1e-6) return;
    const d: Vec3 = [dir[0] / len, dir[1] / len, dir[2] / len];
    const helper: Vec3 = Math.abs(d[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
    const u0 = cross(d, helper);
    const ul = Math.hypot(u0[0], u0[1], u0[2]);
    const u: Vec3 = [(u0[0] / ul) * size * 0.5, (u0[1] / ul) * size * 0.5, (u0[2] / ul) * size * 0.5];
    const v0 = cross(d, u);
    const vl = Math.hypot(v0[0], v0[1], v0[2]);
    const v: Vec3 = [(v0[0] / vl) * size * 0.5, (v0[1] / vl) * size * 0.5, (v0[2] / vl) * size * 0.5];
    const corner = (p: Vec3, su: number, sv: number): Vec3 => [
      p[0] + u[0] * su + v[0] * sv,
      p[1] + u[1] * su + v[1] * sv,
      p[2] + u[2] * su + v[2] * sv,
    ];
    const ring: Array<[number, number]> = [[1, 1], [-1, 1], [-1, -1], [1, -1]];
    for (let i = 0; i < 4; i++) {
      const [su, sv] = ring[i] as [number, number];
      const [tu, tv] = ring[(i + 1) % 4] as [number, number];
      this.quad(corner(a, su, sv), corner(a, tu, tv), corner(b, tu, tv), corner(b, su, sv), color);
    }
  }

  /** Appends another builder's triangles (used to merge roof and walls into one primitive). */
  append(other: GeometryBuilder): void {
    const base = this.vertexCount;
    this.positions.push(...other.positions);
    this.normals.push(...other.normals);
    this.colors.push(...other.colors);
    this.tints.push(...other.tints);
    this.uvs.push(...other.uvs);
    for (const i of other.indices) this.indices.push(base + i);
  }

  /** Axis-aligned bounds of all vertices. */
  bounds(): { min: Vec3; max: Vec3 } {
    if (this.vertexCount === 0) throw new Error("geometry: bounds of an empty builder");
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < this.positions.length; i++) {
      const v = this.positions[i] as number;
      const k = i % 3;
      if (v < (min[k] as number)) min[k] = v;
      if (v > (max[k] as number)) max[k] = v;
    }
    return { min: min as unknown as Vec3, max: max as unknown as Vec3 };
  }
}
