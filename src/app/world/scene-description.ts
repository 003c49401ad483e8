// scenes/plaza.json: which models make the world and where each building stands.
// Parsed strictly: a bad scene file is a clear error naming the field, never a half-built world.
export type Vec3 = [number, number, number];

export interface BuildingPlacement {
  region: string;
  /** Path relative to the assets root, e.g. "models/building-3273.glb". */
  model: string;
  position: Vec3;
  rotationY: number;
}

export interface SceneDescription {
  version: 1;
  plaza: { model: string };
  interior: { model: string; origin: Vec3 };
  buildings: BuildingPlacement[];
}

export class SceneDescriptionError extends Error {
  override name = "SceneDescriptionError";
}

const MODEL_PATH = /^[a-z0-9][a-z0-9_\-/]*\.glb$/i;

function fail(path: string, what: string): never {
  throw new SceneDescriptionError(`scene-description: ${path} ${what}`);
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "must be an object");
  return v as Record<string, unknown>;
}

function model(v: unknown, path: string): string {
  if (typeof v !== "string" || !MODEL_PATH.test(v) || v.includes("..")) fail(path, "must be a relative .glb path");
  return v;
}

function num(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(path, "must be a finite number");
  return v;
}

function vec3(v: unknown, path: string): Vec3 {
  if (!Array.isArray(v) || v.length !== 3) fail(path, "must be [x, y, z]");
  return [num(v[0], `${path}[0]`), num(v[1], `${path}[1]`), num(v[2], `${path}[2]`)];
}

export function parseSceneDescription(json: unknown): SceneDescription {
  const root = obj(json, "scene");
  if (root.version !== 1) fail("version", "must be 1");
  const plaza = obj(root.plaza, "plaza");
  const interior = obj(root.interior, "interior");
  if (!Array.isArray(root.buildings) || root.buildings.length === 0) fail("buildings", "must be a non-empty array");
  const seen = new Set<string>();
  const buildings = root.buildings.map((b, i): BuildingPlacement => {
    const o = obj(b, `buildings[${i}]`);
    if (typeof o.region !== "string" || !/^32\d{2}$/.test(o.region)) fail(`buildings[${i}].region`, "must be a Jawa Barat code like 3273");
    if (seen.has(o.region)) fail(`buildings[${i}].region`, `repeats ${o.region}`);
    seen.add(o.region);
    return {
      region: o.region,
      model: model(o.model, `buildings[${i}].model`),
      position: vec3(o.position, `buildings[${i}].position`),
      rotationY: num(o.rotationY ?? 0, `buildings[${i}].rotationY`),
    };
  });
  return {
    version: 1,
    plaza: { model: model(plaza.model, "plaza.model") },
    interior: { model: model(interior.model, "interior.model"), origin: vec3(interior.origin ?? [0, 0, 0], "interior.origin") },
    buildings,
  };
}
