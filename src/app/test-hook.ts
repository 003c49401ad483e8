// window.__mpp for browser tests, exposed only with ?automation=1 (PRODUCT.md, "Test hook").
import type { Scene } from "@babylonjs/core/scene";
import { SceneInstrumentation } from "@babylonjs/core/Instrumentation/sceneInstrumentation";

export interface KioskInfo {
  id: string;
  region: string | null;
  agency: string | null;
  center: [number, number, number];
  normal: [number, number, number];
}

export interface FrameStats {
  drawCalls: number;
  activeMeshes: number;
  activeTriangles: number;
  materials: number;
  textures: number;
  /** Views drawn in the last frame: 1 on a screen, 2 in a headset (draw calls are for all views). */
  views: number;
}

export interface TestHookDeps {
  scene: Scene;
  ready: Promise<void>;
  cameraPosition(): [number, number, number];
  kiosks(): KioskInfo[];
  enterXR(): Promise<void>;
  /** Extra, named test controls (kept small; each is also reachable through the UI). */
  extra?: Record<string, unknown>;
}

export function installTestHook(win: Window, deps: TestHookDeps): () => void {
  const instrumentation = new SceneInstrumentation(deps.scene);
  const last: FrameStats = { drawCalls: 0, activeMeshes: 0, activeTriangles: 0, materials: 0, textures: 0, views: 1 };
  const observer = deps.scene.onAfterRenderObservable.add(() => {
    last.drawCalls = instrumentation.drawCallsCounter.current;
    last.activeMeshes = deps.scene.getActiveMeshes().length;
    last.activeTriangles = Math.round(deps.scene.getActiveIndices() / 3);
    last.materials = deps.scene.materials.length;
    last.textures = deps.scene.textures.length;
    const cam = deps.scene.activeCamera;
    last.views = cam && cam.rigCameras.length > 0 ? cam.rigCameras.length : 1;
  });
  const hook = {
    ready: deps.ready,
    cameraPosition: deps.cameraPosition,
    stats: (): FrameStats => ({ ...last }),
    kiosks: deps.kiosks,
    enterXR: deps.enterXR,
    ...deps.extra,
  };
  (win as unknown as { __mpp?: unknown }).__mpp = hook;
  return () => {
    deps.scene.onAfterRenderObservable.remove(observer);
    instrumentation.dispose();
    delete (win as unknown as { __mpp?: unknown }).__mpp;
  };
}
