// Baked light: the sun, the sky and ambient occlusion, computed per vertex by the asset build and
// stored in COLOR_0 (linear, multiplied with the material's texture). The app draws the world
// unlit (one texture fetch and a multiply per pixel, the cheapest shader a headset can run) and
// points its one sun along SUN_DIRECTION, so what the app lights itself (controllers, hands,
// panels) is lit from where the baked shading says the sun is.
//
// Tried: real-time lights with shadow maps cost a depth pass per frame and per eye on a Quest; a
// lightmap on a second UV set needs an unwrap per model and a texture per building. Per-vertex
// light follows the flat-shaded geometry (every face has its own vertices) at no cost.
import type { Rgb } from "./palette";
import type { Vec3 } from "./geometry";

/** Towards the sun (unit): high in the south-east, so the facades seen from the spawn (looking north) are sunlit. */
export const SUN_DIRECTION: Vec3 = normalize([0.42, 0.78, 0.46]);
const SUN: Rgb = [1.0, 0.9, 0.74];
const SUN_STRENGTH = 0.78;
const SKY: Rgb = [0.62, 0.72, 0.9];
const BOUNCE: Rgb = [0.42, 0.38, 0.32];
const SKY_STRENGTH = 0.62;

export type LightMode = "outdoor" | "indoor" | "emissive";

function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

const smooth = (e0: number, e1: number, x: number): number => {
  const t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** Light arriving at a surface point with normal n (linear RGB, 1 = full white). */
export function lightAt(mode: LightMode, p: Vec3, n: Vec3): Rgb {
  if (mode === "emissive") return [1, 1, 1];
  if (mode === "indoor") {
    // A mall hall under rows of ceiling lamps: floors brightest, walls darker towards the floor
    // (the lamps' light falls off and furniture occludes), undersides in shade.
    const up = Math.max(0, n[1]);
    const down = Math.max(0, -n[1]);
    const wallAo = Math.abs(n[1]) < 0.5 ? 0.72 + 0.28 * smooth(0, 1.6, p[1]) : 1;
    const v = (0.62 + 0.36 * up - 0.22 * down) * wallAo;
    return [v * 1.02, v, v * 0.94];
  }
  const t = 0.5 + 0.5 * n[1];
  const sky: Rgb = [BOUNCE[0] + (SKY[0] - BOUNCE[0]) * t, BOUNCE[1] + (SKY[1] - BOUNCE[1]) * t, BOUNCE[2] + (SKY[2] - BOUNCE[2]) * t];
  // Contact occlusion: walls darken towards the ground they stand on.
  const ao = Math.abs(n[1]) < 0.5 ? 0.6 + 0.4 * smooth(0, 2.2, p[1]) : n[1] < -0.5 ? 0.75 : 1;
  const sun = Math.max(0, n[0] * SUN_DIRECTION[0] + n[1] * SUN_DIRECTION[1] + n[2] * SUN_DIRECTION[2]) * SUN_STRENGTH;
  return [
    sky[0] * SKY_STRENGTH * ao + SUN[0] * sun,
    sky[1] * SKY_STRENGTH * ao + SUN[1] * sun,
    sky[2] * SKY_STRENGTH * ao + SUN[2] * sun,
  ];
}

/** Tint times light, clamped to 1 and rounded so the bytes are stable. */
export function bakeColor(tint: Rgb, light: Rgb): Rgb {
  const ch = (a: number, b: number) => Math.round(Math.min(1, a * b) * 10000) / 10000;
  return [ch(tint[0], light[0]), ch(tint[1], light[1]), ch(tint[2], light[2])];
}
