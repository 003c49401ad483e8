// A small flat-shaded triangle builder: every face gets its own vertices, normal and colour, so one
// primitive with COLOR_0 can hold a whole building (one draw call) and still read as many parts.
import type { Rgb } from "./palette";

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

export class GeometryBuilder {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly colors: number[] = [];
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
    const len = Math.hypot(n[0], n[1], n[2]);
    this.normals.push(n[0] / len, n[1] / len, n[2] / len);
    this.colors.push(c[0], c[1], c[2]);
    this.uvs.push(uv[0], uv[1]);
    return this.vertexCount - 1;
  }

  /** A triangle, counter-clockwise seen from its front. Degenerate triangles are skipped. */
  tri(a: Vec3, b: Vec3, c: Vec3, color: Rgb): void {
    const n = faceNormal(a, b, c);
    if (!n) return;
    const i = this.vertex(a, n, color, [0, 1]);
    const j = this.vertex(b, n, color, [1, 1]);
    const k = this.vertex(c, n, color, [1, 0]);
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
    const i = this.vertex(a, n, color, [0, 1]);
    const j = this.vertex(b, n, color, [1, 1]);
    const k = this.vertex(c, n, color, [1, 0]);
    const l = this.vertex(d, n, color, [0, 0]);
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
