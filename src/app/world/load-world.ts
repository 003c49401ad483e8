// Loads the world of a visit: the scene description and the region list in parallel, then the
// plaza with its 27 buildings, the legend and the hub's directory kiosk, every text painted from
// data in the visitor's language. A failure here is the caller's to show (the plaza is required);
// a single building's failure is reported and replaced by a placeholder.
import type { Scene } from "@babylonjs/core/scene";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { RegionSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import { ModelError, type ModelLoader } from "./model-loader";
import type { MaterialPalette } from "./material-palette";
import { parseSceneDescription, type SceneDescription } from "./scene-description";
import { assemblePlaza, type Plaza } from "./plaza";
import { createLegend } from "./legend";
import { createDirectoryKiosk, type DirectoryKiosk } from "./directory-kiosk";
import type { PanelPainter } from "./sign-atlas";
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
  /** The plaza's ground and hub can be drawn, the buildings not yet (plaza.ts onGround; awaited). */
  onGround?(ground: { spawn: TransformNode | null }): void | Promise<void>;
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
  // The region list may come after the ground: the share shown never goes back.
  let dataDone = 0;
  let shown = 0;
  const progress = (share: number) => {
    if (share <= shown) return;
    shown = share;
    deps.onProgress?.(share);
  };
  const dataProgress = () => progress((++dataDone / 2) * 0.1);
  // The ground needs only the description; the region list (sign texts) is awaited before the
  // buildings. A failed region list still fails the start at once, not after the plaza loaded.
  const regionsLoad = deps.api.regions().finally(dataProgress);
  let abandoned = false; // the start failed: the ground still parsing in the background is not drawn
  const failed = regionsLoad.then(() => new Promise<never>(() => undefined), (e: unknown) => {
    abandoned = true;
    throw e;
  });
  const description = await Promise.race([fetchDescription(deps.fetch, deps.sceneUrl).finally(dataProgress), failed]);
  let regions: RegionSummary[] = [];
  const regionByCode = new Map<string, RegionSummary>();
  const assembling = assemblePlaza({
    scene,
    description,
    loader: deps.loader,
    palette: deps.palette,
    signText: (code) => regionSign(regionByCode.get(code), code, i18n),
    onProgress: (done, total) => progress(0.1 + 0.9 * (done / total)),
    onGround: (ground) => (abandoned ? undefined : deps.onGround?.(ground)),
    beforeBuildings: async () => {
      regions = await regionsLoad;
      for (const r of regions) regionByCode.set(r.code, r);
    },
  });
  assembling.catch(() => undefined); // when the region list failed first, that is the error shown
  const plaza = await Promise.race([assembling, failed]);
  for (const b of plaza.buildings) if (b.error) deps.onModelError?.(b.region, b.error, regionByCode.get(b.region)?.name);

  const panel = (index: number) => (painter: PanelPainter) => plaza.signs.paintPanel(index, painter);
  const legend = plaza.legendPanel !== null ? createLegend(panel(plaza.legendPanel)) : null;
  const paintLegend = () => legend?.paint(i18n.t("legend.title"), legendEntries(i18n));
  paintLegend();
  const directory = plaza.directory ? createDirectoryKiosk(plaza.directory, panel(plaza.directory.panel), directorySign(i18n)) : null;

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
      plaza.dispose();
    },
  };
}
