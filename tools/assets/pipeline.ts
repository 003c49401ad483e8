// The whole asset build as a chain of named steps, returning file contents instead of writing them,
// so tests can build into memory and compare with what is committed.
import type { Document } from "@gltf-transform/core";
import { buildingDocument } from "./building-model";
import { buildingParams, type BuildingParams } from "./building-params";
import { toGlb } from "./gltf-writer";
import { interiorDocument } from "./interior-model";
import { interiorLayout, type InteriorLayout } from "./interior-layout";
import { plazaDocument } from "./plaza-model";
import { plazaLayout, type PlazaLayout } from "./plaza-layout";
import { parseRegionsCsv, REGIONS_CSV, type RegionRow } from "./regions-csv";
import { buildingModelPath, plazaSceneJson } from "./scene-json";

export const NAME = "pipeline";

export interface BuildResult {
  regions: RegionRow[];
  params: BuildingParams[];
  layout: PlazaLayout;
  interior: InteriorLayout;
  /** Path relative to the repository root -> bytes. Sorted by path. */
  files: Map<string, Uint8Array>;
}

export interface Options {
  /** Name for error messages. */
  csvSource?: string;
}

export const DEFAULTS: Required<Options> = { csvSource: REGIONS_CSV };

export async function buildAll(csvText: string, options: Options = {}): Promise<BuildResult> {
  const opts = { ...DEFAULTS, ...options };
  const regions = parseRegionsCsv(csvText, { source: opts.csvSource });
  const params = regions.map((r) => buildingParams(r));
  const layout = plazaLayout(regions, params);
  const interior = interiorLayout();
  const docs: Array<[string, Document]> = [
    ...params.map((p): [string, Document] => [`assets/${buildingModelPath(p.code)}`, buildingDocument(p)]),
    ["assets/models/plaza.glb", plazaDocument(layout)],
    ["assets/models/interior.glb", interiorDocument(interior)],
  ];
  const files = new Map<string, Uint8Array>();
  for (const [path, doc] of docs) files.set(path, await toGlb(doc));
  files.set("scenes/plaza.json", new TextEncoder().encode(plazaSceneJson(layout)));
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { regions, params, layout, interior, files: sorted };
}
