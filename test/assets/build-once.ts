// Shared by the asset tests: one in-memory build (about a second) and the committed files.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildAll, type BuildResult } from "../../tools/assets/pipeline";

export const REPO = resolve(import.meta.dirname, "..", "..");
export const CSV_PATH = join(REPO, "src", "domain", "catalog", "kabkota-jabar.csv");

let pending: Promise<BuildResult> | undefined;

export function buildOnce(): Promise<BuildResult> {
  pending ??= buildAll(readFileSync(CSV_PATH, "utf8"));
  return pending;
}

export function committed(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REPO, path)));
}

export interface PlazaJson {
  version: number;
  plaza: { model: string; extent: { minX: number; maxX: number; minZ: number; maxZ: number }; hub: { center: number[]; radius: number } };
  interior: { model: string; origin: number[] };
  buildings: Array<{ region: string; model: string; position: [number, number, number]; rotationY: number; footprint: [number, number]; radius: number; physicalMpp: string }>;
}

export function committedPlazaJson(): PlazaJson {
  return JSON.parse(readFileSync(join(REPO, "scenes", "plaza.json"), "utf8")) as PlazaJson;
}
