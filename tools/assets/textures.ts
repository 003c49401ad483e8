// The shared textures, painted in code (deterministic: hash noise, no Math.random, no dates):
//  - facade.png: a strip atlas of 8 surfaces (plaster, roof tiles, wood, glass, stone, plain,
//    fabric, panel), each a horizontal band that repeats along U; geometry keeps V inside its band.
//  - grass.png, paving.png: tileable in both directions, for the ground and the floors.
// All are near-neutral in colour: the tint and the baked light come from the vertex colours, so 27
// differently coloured buildings share one texture. PNG at capped sizes (no KTX2 encoder installs
// here from npm without a native build); 1024 px for the atlas, 512 px for the repeats.
import { PNG } from "pngjs";
import { fnv1a } from "./hash";

export const NAME = "textures";
/** Folder under assets/ and the texture files by name. */
export const TEXTURE_DIR = "textures";
export const ATLAS_SIZE = 1024;
export const STRIP_PX = 128;
/** Pixels each band repeats of its edge rows above and below, so mipmaps bleed little. */
export const STRIP_PAD = 4;

/** The bands of facade.png, top to bottom. */
export const STRIPS = ["plaster", "roof", "wood", "glass", "stone", "plain", "fabric", "panel"] as const;
export type Strip = (typeof STRIPS)[number];

/** V range of a band (glTF: v = 0 at the top of the image), inside its padding. */
export function stripV(strip: Strip): [number, number] {
  const k = STRIPS.indexOf(strip);
  return [(k * STRIP_PX + STRIP_PAD) / ATLAS_SIZE, ((k + 1) * STRIP_PX - STRIP_PAD) / ATLAS_SIZE];
}

type Paint = (x: number, y: number) => [number, number, number];

/** Value noise in [0, 1], smooth, tileable with period `period` (pixels per cell `cell`). */
function noise(seed: string, x: number, y: number, cell: number, period: number): number {
  const cells = Math.max(1, Math.round(period / cell));
  const gx = x / cell;
  const gy = y / cell;
  const x0 = Math.floor(gx);
  const y0 = Math.floor(gy);
  const fx = gx - x0;
  const fy = gy - y0;
  const h = (i: number, j: number) => (fnv1a(`${seed}:${((i % cells) + cells) % cells}:${((j % cells) + cells) % cells}`) & 0xffff) / 0xffff;
  const s = (t: number) => t * t * (3 - 2 * t);
  const a = h(x0, y0) + (h(x0 + 1, y0) - h(x0, y0)) * s(fx);
  const b = h(x0, y0 + 1) + (h(x0 + 1, y0 + 1) - h(x0, y0 + 1)) * s(fx);
  return a + (b - a) * s(fy);
}

/** Fine grain: smooth noise over 3-pixel cells (per-pixel noise would not compress). */
function grain(seed: string, x: number, y: number): number {
  return noise(seed, x, y, 3, ATLAS_SIZE);
}

// Levels 4 apart: invisible under the vertex colours, and PNG's filters then find runs to pack.
const clamp = (v: number) => Math.max(0, Math.min(252, Math.round((v * 255) / 4) * 4));
const grey = (v: number): [number, number, number] => [v, v, v];

/** The painter of each band, in band-local pixels (x in 0..ATLAS_SIZE, y in 0..content height). */
const BANDS: Record<Strip, (h: number) => Paint> = {
  plaster: () => (x, y) => grey(0.9 + 0.06 * noise("pl", x, y, 64, ATLAS_SIZE) + 0.04 * (grain("plg", x, y) - 0.5)),
  roof: (h) => (x, y) => {
    // Six rows of clay tiles; each row darker where the row above overlaps it, a gap every tile.
    const rows = 6;
    const rh = h / rows;
    const row = Math.floor(y / rh);
    const t = (y - row * rh) / rh;
    const tw = 32;
    const off = row % 2 ? tw / 2 : 0;
    const tx = ((x + off) % tw) / tw;
    const edge = tx < 0.06 || tx > 0.94 ? 0.6 : 1;
    const curve = 0.82 + 0.18 * Math.sin(tx * Math.PI);
    const shade = 0.55 + 0.45 * Math.min(1, t * 1.6);
    const tile = 0.9 + 0.1 * ((fnv1a(`rt:${row}:${Math.floor((x + off) / tw) % (ATLAS_SIZE / tw)}`) & 0xff) / 255);
    return grey(Math.min(1, edge * curve * shade * tile + 0.03 * (grain("rg", x, y) - 0.5)));
  },
  wood: (h) => (x, y) => {
    // Planks along U with a seam every quarter band, grain streaks and knots of darker noise.
    const plank = Math.floor(y / (h / 4));
    const seam = y % (h / 4) < 2 ? 0.55 : 1;
    const streak = 0.5 + 0.5 * Math.sin((y + 6 * noise(`wd${plank}`, x, y, 48, ATLAS_SIZE)) * 1.3);
    const tone = 0.78 + 0.08 * ((fnv1a(`wp:${plank}`) & 0xff) / 255);
    return grey(seam * (tone + 0.12 * streak + 0.05 * (grain("wg", x, y) - 0.5)));
  },
  glass: (h) => (x, y) => {
    // One pane across U 0..1 (a window): sky reflection light at the top, a glare band, a frame.
    const u = (x % ATLAS_SIZE) / ATLAS_SIZE;
    const v = y / h;
    if (u < 0.04 || u > 0.96 || v < 0.05 || v > 0.95 || Math.abs(u - 0.5) < 0.015) return grey(0.35);
    const sky = 1.0 - 0.55 * v;
    const glare = Math.max(0, 1 - Math.abs(u * 1.2 + v * 0.8 - 0.85) * 8) * 0.35;
    return [Math.min(1, sky * 0.85 + glare), Math.min(1, sky * 0.95 + glare), Math.min(1, sky + glare)];
  },
  stone: (h) => (x, y) => {
    // Ashlar: two courses of blocks with mortar joints.
    const course = Math.floor(y / (h / 2));
    const bw = 128;
    const off = course % 2 ? bw / 2 : 0;
    const bx = (x + off) % bw;
    const by = y % (h / 2);
    const joint = bx < 3 || by < 3 ? 0.62 : 1;
    const tone = 0.85 + 0.1 * ((fnv1a(`sb:${course}:${Math.floor((x + off) / bw) % (ATLAS_SIZE / bw)}`) & 0xff) / 255);
    return grey(joint * (tone + 0.06 * noise("sn", x, y, 16, ATLAS_SIZE) + 0.04 * (grain("sg", x, y) - 0.5)));
  },
  plain: () => (x, y) => grey(0.97 + 0.03 * noise("pn", x, y, 32, ATLAS_SIZE)),
  fabric: () => (x, y) => grey(0.86 + 0.08 * ((x + y) % 4 < 2 ? 1 : 0) * 0.5 + 0.06 * noise("fb", x, y, 8, ATLAS_SIZE)),
  panel: (h) => (x, y) => {
    // Square panels (ceiling tiles, wall cladding) with a dark joint.
    const p = h / 2;
    const joint = x % p < 2 || y % p < 2 ? 0.7 : 1;
    return grey(joint * (0.93 + 0.05 * noise("pa", x, y, 32, ATLAS_SIZE)));
  },
};

function writePng(width: number, height: number, paint: Paint): Uint8Array {
  const png = new PNG({ width, height, colorType: 2 });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      const o = (y * width + x) * 4;
      png.data[o] = clamp(r);
      png.data[o + 1] = clamp(g);
      png.data[o + 2] = clamp(b);
      png.data[o + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png, { colorType: 2, deflateLevel: 9 }));
}

export function facadeAtlas(): Uint8Array {
  const h = STRIP_PX - 2 * STRIP_PAD;
  return writePng(ATLAS_SIZE, ATLAS_SIZE, (x, y) => {
    const k = Math.floor(y / STRIP_PX);
    const local = Math.min(h - 1, Math.max(0, (y % STRIP_PX) - STRIP_PAD));
    return BANDS[STRIPS[k]!](h)(x, local);
  });
}

export function grassTexture(size = 512): Uint8Array {
  return writePng(size, size, (x, y) => {
    const n = 0.6 * noise("gr1", x, y, 64, size) + 0.4 * noise("gr2", x, y, 16, size);
    const blade = grain("grb", x, y);
    const v = 0.72 + 0.22 * n + 0.12 * (blade - 0.5);
    return [v * (0.95 + 0.05 * n), v, v * (0.9 - 0.1 * n)];
  });
}

export function pavingTexture(size = 512): Uint8Array {
  // 4 x 4 square pavers per repeat, running bond, each its own shade.
  const p = size / 4;
  return writePng(size, size, (x, y) => {
    const row = Math.floor(y / p);
    const off = row % 2 ? p / 2 : 0;
    const col = Math.floor(((x + off) % size) / p);
    const px = (x + off) % p;
    const py = y % p;
    const joint = px < 3 || py < 3 ? 0.6 : 1;
    const tone = 0.84 + 0.12 * ((fnv1a(`pv:${row}:${col}`) & 0xff) / 255);
    return grey(joint * (tone + 0.05 * noise("pvn", x, y, 16, size) + 0.04 * (grain("pvg", x, y) - 0.5)));
  });
}

/** Path under assets/ -> bytes of every shared texture. */
export function textureFiles(): Map<string, Uint8Array> {
  return new Map([
    [`${TEXTURE_DIR}/facade.png`, facadeAtlas()],
    [`${TEXTURE_DIR}/grass.png`, grassTexture()],
    [`${TEXTURE_DIR}/paving.png`, pavingTexture()],
  ]);
}
