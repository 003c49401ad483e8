// Loads the world of a visit: the scene description and the region list in parallel, then the
// plaza with its 27 buildings, the legend and the hub's directory kiosk, every text painted from
// data in the visitor's language. A failure here is the caller's to show (the plaza is required);
// a single building's failure is reported and replaced by a placeholder.
import type { Scene } from "@babylonjs/core/scene";
import type { RegionSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import { ModelError, type ModelLoader } from "./model-loader";
import type { MaterialPalette } from "./material-palette";
import { parseSceneDescription, type SceneDescription } from "./scene-description";
import { assemblePlaza, type Plaza } from "./plaza";
import { createLegend } from "./legend";
import { createDirectoryKiosk, type DirectoryKiosk } from "./directory-kiosk";
import { directorySign, legendEntries, regionSign } from "./sign-texts";

export interface WorldDeps {
  scene: Scene;
  loader: ModelLoader;
  palette: MaterialPalette;
  api: { regions(): Promise<RegionSummary[]> };
  i18n: Pick<I18n, "t">;
  /** The scene description, e.g. "/scenes/plaza.json". */
  sceneUrl: string;
  fetch: typeof fetch;
  /** Share 0..1 of models and data loaded. */
  onProgress?(share: number): void;
  /** A building model failed: it is shown as a placeholder. */
  onModelError?(region: string, error: ModelError, regionName?: string): void;
  /** The plaza's ground and hub are in the scene, the buildings still loading (plaza.ts onGround). */
  onGround?(): void;
}

export interface World {
  description: SceneDescription;
  regions: readonly RegionSummary[];
  plaza: Plaza;
  /** The hub's directory sign, or null when the plaza model has no directory kiosk anchor. */
  directory: DirectoryKiosk | null;
  /** Repaints every sign and the legend (language change). */
  repaint(): void;
  dispose(): void;
}

async function fetchDescription(fetchFn: typeof fetch, url: string): Promise<SceneDescription> {
  const r = await fetchFn(url);
  if (!r.ok) throw new ModelError(url, r.status === 404 ? "missing" : "network", `HTTP ${r.status}`);
  return parseSceneDescription(await r.json());
}

export async function loadWorld(deps: WorldDeps): Promise<World> {
  const { scene, i18n } = deps;
  // Progress: the description and the region list are the first 10%, the models the other 90%.
  let dataDone = 0;
  const dataProgress = () => deps.onProgress?.((++dataDone / 2) * 0.1);
  const [description, regions] = await Promise.all([
    fetchDescription(deps.fetch, deps.sceneUrl).finally(dataProgress),
    deps.api.regions().finally(dataProgress),
  ]);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));

  const plaza = await assemblePlaza({
    scene,
    description,
    loader: deps.loader,
    palette: deps.palette,
    signText: (code) => regionSign(regionByCode.get(code), code, i18n),
    onProgress: (done, total) => deps.onProgress?.(0.1 + 0.9 * (done / total)),
    ...(deps.onGround ? { onGround: deps.onGround } : {}),
  });
  for (const b of plaza.buildings) if (b.error) deps.onModelError?.(b.region, b.error, regionByCode.get(b.region)?.name);

  const legend = plaza.legend ? createLegend(scene, plaza.legend) : null;
  const paintLegend = () => legend?.paint(i18n.t("legend.title"), legendEntries(i18n));
  paintLegend();
  const directory = plaza.directoryAnchor ? createDirectoryKiosk(scene, plaza.directoryAnchor, directorySign(i18n)) : null;

  return {
    description,
    regions,
    plaza,
    directory,
    repaint() {
      plaza.signs.repaint(description.buildings.map((b) => regionSign(regionByCode.get(b.region), b.region, i18n)));
      paintLegend();
      directory?.repaint(directorySign(i18n));
    },
    dispose() {
      directory?.dispose();
      legend?.dispose();
      plaza.dispose();
    },
  };
}
