// window.__mpp for browser tests and the bench, exposed only with ?automation=1 (PRODUCT.md, "Test
// hook"): named queries and actions, typed by MppTestHook, never the app's internal objects. Each
// action is also reachable through the UI; the hook only saves a test from driving it by pixels.
import type { Engine } from "@babylonjs/core/Engines/engine";
import { SceneInstrumentation } from "@babylonjs/core/Instrumentation/sceneInstrumentation";
import { Matrix, Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Experience, KioskInfo } from "./experience";
import type { KioskScreen } from "./kiosk/screens/registry";
import type { Place } from "./places/places";
import type { LobbyState } from "./lobby/idle-timer";
import type { AttractOrbit } from "./lobby/attract-loop";
import type { XrMode, XrState } from "./xr/xr-mode";
import type { TurnMode } from "./xr/turning";
import type { XrProbe } from "./xr/xr-probe";
import type { Button } from "@babylonjs/gui/2D/controls/button";
import type { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";
import type { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import { controlWorldCenter } from "./kiosk/gui-point";
import type { PresenceSnapshot } from "./presence/presence";
import type { PagePresence } from "./presence/start-presence";
import type { SpectatorMode, SpectatorSnapshot } from "./spectator/spectator-mode";
import type { GuideToolsState } from "./presence/guide-tools";
import type { TourState } from "./presence/tour";
import type { CounterChatState } from "./presence/counter-chat";
import type { VoiceLinkStats, VoiceState } from "./presence/voice";
import type { KioskLayout } from "./viewer/kiosk-layout";
import { Viewport } from "@babylonjs/core/Maths/math.viewport";
import type { Camera } from "@babylonjs/core/Cameras/camera";

export type Vec3 = [number, number, number];
export type { KioskInfo, Place };

export interface FrameStats {
  drawCalls: number;
  activeMeshes: number;
  activeTriangles: number;
  materials: number;
  textures: number;
  /** Views drawn in the last frame: 1 on a screen, 2 in a headset (draw calls are for all views). */
  views: number;
}

/** What the scene holds, and how many observers it has (leaks show here first). */
export interface SceneCounts {
  meshes: number;
  materials: number;
  textures: number;
  transformNodes: number;
  geometries: number;
  beforeRenderObservers: number;
  afterRenderObservers: number;
  pointerObservers: number;
  beforeCameraRenderObservers: number;
  /** Observers after each camera's render (Babylon's utility layer draws a second scene there). */
  afterCameraRenderObservers: number;
  /** Meshes Babylon looks at when choosing what to draw, each view (world/mesh-candidates.ts). */
  meshCandidates: number;
}

/** The open kiosk as the visitor sees it. */
export interface KioskSnapshot {
  screen: KioskScreen;
  status: "loading" | "ready" | "error";
  title: string;
  /** Ids of its rows (agencies, services). */
  items: string[];
}

/** VR, through the lazily loaded XR session: the probe's queries fail outside a session. */
export interface XrHook extends XrProbe {
  state(): XrState;
  exit(): Promise<void>;
  setTurnMode(mode: TurnMode): void;
}

export interface MppTestHook {
  // -- PRODUCT.md ---------------------------------------------------------------------------
  /** Resolved when the scene, its models and the first data have loaded and a frame was drawn. */
  readonly ready: Promise<void>;
  /** Resolved once what loads after ready (shared presence) has started; test/browser's hookReady waits for it too. */
  readonly started: Promise<void>;
  /** The active camera's world position (the XR camera in VR, the attract camera at rest). */
  cameraPosition(): Vec3;
  /** Counts of the last frame drawn. */
  stats(): FrameStats;
  kiosks(): KioskInfo[];
  /** Enters immersive VR, the same path as the button. */
  enterXR(): Promise<void>;
  // -- Queries --------------------------------------------------------------------------------
  place(): Place;
  buildings(): { region: string; placeholder: boolean }[];
  /** The active camera's class: "FreeCamera" walking, "WebXRCamera" in VR, "TargetCamera" at rest. */
  cameraClass(): string;
  /** The active camera's turn about the vertical, radians. */
  cameraYaw(): number;
  kiosk(): KioskSnapshot | null;
  /** The help desk of the building the visitor is in: its panel's centre and facing, its board's centre; null outside. */
  helpDesk(): { center: Vec3; normal: Vec3; board: Vec3 | null; desk: Vec3 } | null;
  /** How far the open kiosk panel is scrolled, 0..1; null when no panel is shown. */
  panelScroll(): number | null;
  /** World centre of a control ("item-<id>", "action-back", "body") of the open kiosk panel. */
  panelControlCenter(name: string): Vec3 | null;
  /** The open 3D panel's list rows: lines of their label, the height those lines need, and the row's height (px of the panel texture). */
  /** The open 3D panel's bounds on screen, CSS pixels; null when no panel is shown. */
  panelScreenRect(): { left: number; right: number; top: number; bottom: number } | null;
  panelRows(): Array<{ name: string; lines: number; textHeight: number; height: number }>;
  /**
   * The open 3D panel's header (title, subtitle, notice) as drawn: each text, its wrapped lines with
   * their measured widths and the text block's width, and the header's room inside its padding (px of
   * the panel texture); null when no panel is shown.
   */
  panelHeader(): { room: number; texts: Array<{ text: string; width: number; lines: Array<{ text: string; width: number }> }> } | null;
  sceneCounts(): SceneCounts;
  /** Scenes on the engine (1: a failed start left none behind). */
  engineScenes(): number;
  /** Estimated texture memory of the scene: width * height * 4 bytes, * 4/3 with mipmaps. */
  textureBytes(): number;
  /** The lobby kiosk's state, or null when not in kiosk mode. */
  lobbyState(): LobbyState | null;
  /** The lobby's attract orbit (centre, radius, eye height above the centre), or null outside kiosk mode. */
  lobbyOrbit(): { center: Vec3; radius: number; height: number } | null;
  /** Regions of the plaza buildings whose bounds hold a point. */
  buildingsAt(p: Vec3): string[];
  /** Inside a building: its ticket machine (the mesh's centre, and its front's direction); else null. */
  queueMachine(): { center: Vec3; normal: Vec3 } | null;
  /** Inside a building with an MPP: the lines its hall's queue screen shows; else null. */
  hallDisplay(): readonly string[] | null;
  // -- Finding the way and the phone (issue 20 points 5, 6) ----------------------------------------
  /** Where a world point shows on the page, in CSS pixels (the walking view); null behind the camera. */
  screenPoint(p: Vec3): [number, number] | null;
  /** The point on the hub's map table that stands for a building; null without a map or building. */
  mapPoint(code: string): Vec3 | null;
  /** Inside a building: the centre of the exit sign over its door; else null. */
  exitSign(): Vec3 | null;
  /** Whether the kiosk's 3D panel is drawn now (a phone's sheet holds it back). */
  panelDrawn(): boolean;
  /** Where an open kiosk shows (viewer/kiosk-layout.ts): the 3D view's part, its clear part, whether the 3D panel is drawn. */
  kioskLayout(): KioskLayout | null;
  /** Where the viewer looks, flattened onto the ground, length 1. */
  viewDirection(): Vec3;
  // -- Actions --------------------------------------------------------------------------------
  /** Stands in front of a building's door on the plaza, facing it. */
  goToBuilding(code: string): boolean;
  /** Stands on the plaza's spawn point at the hub, as a visitor who just arrived. */
  goToSpawn(): void;
  enterBuilding(code: string): Promise<boolean>;
  leaveBuilding(): void;
  closeKiosk(): void;
  /** Enters the service's building, stands at its counter and opens it (a deep link's path). */
  openService(serviceId: string): Promise<boolean>;
  /** Stands `distance` metres in front of a kiosk (kiosks()[].id, "help-desk", or "queue-machine" inside a building), facing it. */
  standInFront(kioskId: string, distance: number): void;
  /** Puts the walking eye at a point looking at a target, floors ignored until the next move. */
  viewFrom(eye: Vec3, target: Vec3): void;
  /** Resolves after n frames are drawn (XR frames in VR). */
  frames(n: number): Promise<void>;
  /** CPU milliseconds of each of the next n scene renders. */
  renderTimes(n: number): Promise<number[]>;
  /**
   * CPU milliseconds of the next n frames: `render` of scene.render(), `frame` of the whole frame
   * callback (in VR the XR session's: XR camera, controllers, pointer rays, teleport, then the render).
   */
  frameTimes(n: number): Promise<{ render: number[]; frame: number[] }>;
  /** Loses the WebGL context and restores it; resolves once restored ("ok") or says why not. */
  loseContext(): Promise<string>;
  readonly xr: XrHook;
  // -- Presence (issue 16) ------------------------------------------------------------------
  /** PRODUCT.md's `{ connected, room, peers: [{ id, name, position }] }`, with status, own record and avatars drawn. */
  presence(): PresenceSnapshot;
  /** Opts in, the same path as the panel's "Gabung" (name null: "Pengunjung N"). */
  presenceJoin(name: string | null): void;
  presenceLeave(): void;
  /** Voice (presence/voice.ts): role, talking, the word, who speaks, microphone problems. */
  voice(): VoiceState;
  /** Per connection: state and audio bytes received and sent (RTCPeerConnection.getStats). */
  voiceStats(): Promise<VoiceLinkStats[]>;
  /** The guide's "Bicara" and the word for a visitor, as the panel's buttons do. */
  voiceTalk(on: boolean): Promise<void>;
  voiceFloor(id: string, on: boolean): void;
  /** The guided tour as this page sees it (guide or visitor, following, countdown, replies). */
  tour(): TourState;
  /** The panel's actions: sign in as guide with a PIN, gather (countdown seconds), follow on/off. */
  tourClaim(pin: string): void;
  tourGather(countdown?: number): void;
  tourFollow(on: boolean): void;
  /** The counter chat as this page sees it: staffing, staffed counters, lines, writers. */
  chat(): CounterChatState;
  /** The guide's tools and the visitor's notice (lock, names, shared kiosk, visitors). */
  guideTools(): GuideToolsState;
  /** The spectator screen (mode=spectator): its shot, the guide followed, the shared kiosk; null elsewhere. */
  spectator(): SpectatorSnapshot | null;
}

declare global {
  interface Window {
    /** The test hook, present only with ?automation=1. */
    __mpp?: MppTestHook;
  }
}

export interface TestHookDeps {
  engine: Engine;
  experience: Experience;
  ready: Promise<void>;
  /** What loads after ready has started (shared presence); `ready` when nothing does. */
  started?: Promise<void>;
  xr: XrMode;
  lobby(): { readonly state: LobbyState; readonly orbit?: AttractOrbit } | null;
  /** The page's presence; null at a lobby kiosk. */
  presence(): PagePresence | null;
  /** The spectator screen, when mode=spectator. */
  spectator?(): SpectatorMode | null;
  /** The hall's queue screen's lines (queue/hall-display.ts), when one is shown. */
  hallDisplay?(): readonly string[] | null;
  /** The kiosk layout of the moment (viewer/kiosk-stage.ts). */
  kioskLayout?(): KioskLayout;
}

const v3 = (p: { x: number; y: number; z: number }): Vec3 => [p.x, p.y, p.z];

/** A camera's viewport in render pixels, y from the top as Vector3.Project counts it (Babylon's viewport counts y from the bottom). */
function projectViewport(cam: Camera, w: number, h: number): Viewport {
  const v = cam.viewport.toGlobal(w, h);
  return new Viewport(v.x, h - v.y - v.height, v.width, v.height);
}

export function installTestHook(win: Window, deps: TestHookDeps): () => void {
  const { experience: exp, engine } = deps;
  const scene = exp.scene;
  const instrumentation = new SceneInstrumentation(scene);
  const last: FrameStats = { drawCalls: 0, activeMeshes: 0, activeTriangles: 0, materials: 0, textures: 0, views: 1 };
  const offStats = exp.frame.setAfter("stats", () => {
    last.drawCalls = instrumentation.drawCallsCounter.current;
    last.activeMeshes = scene.getActiveMeshes().length;
    last.activeTriangles = Math.round(scene.getActiveIndices() / 3);
    last.materials = scene.materials.length;
    last.textures = scene.textures.length;
    const cam = scene.activeCamera;
    last.views = cam && cam.rigCameras.length > 0 ? cam.rigCameras.length : 1;
  });
  const frames = (n: number) => new Promise<void>((resolve) => {
    let left = n;
    const o = scene.onAfterRenderObservable.add(() => {
      if (--left > 0) return;
      scene.onAfterRenderObservable.remove(o);
      resolve();
    });
  });
  const probe = (): XrProbe => {
    const run = deps.xr.run;
    if (!run) throw new Error("test hook: no VR session is running");
    return run.probe;
  };
  const camera = () => {
    const cam = scene.activeCamera;
    if (!cam) throw new Error("test hook: no active camera");
    cam.computeWorldMatrix(); // current even if the camera moved since the last frame
    return cam;
  };

  const together = () => {
    const p = deps.presence();
    if (!p) throw new Error("test hook: presence is off on this page (lobby kiosk)");
    return p;
  };

  const hook: MppTestHook = {
    ready: deps.ready,
    started: deps.started ?? deps.ready,
    screenPoint(p) {
      const cam = camera();
      const w = engine.getRenderWidth();
      const h = engine.getRenderHeight();
      const out = Vector3.Project(new Vector3(...p), Matrix.IdentityReadOnly, scene.getTransformMatrix(), projectViewport(cam, w, h));
      if (out.z < 0 || out.z > 1) return null;
      const rect = engine.getRenderingCanvasClientRect();
      const sx = rect ? rect.width / w : 1;
      const sy = rect ? rect.height / h : 1;
      return [(rect?.left ?? 0) + out.x * sx, (rect?.top ?? 0) + out.y * sy];
    },
    mapPoint(code) {
      const map = exp.places.plaza.map;
      const b = exp.places.buildings.find((x) => x.region === code);
      if (!map || !b) return null;
      const at = b.root.getAbsolutePosition();
      return v3(map.onTable(at.x, at.z));
    },
    exitSign: () => {
      const c = exp.places.interior?.exitSign;
      return c ? v3(c) : null;
    },
    panelDrawn: () => exp.panel.drawn,
    kioskLayout: () => deps.kioskLayout?.() ?? null,
    viewDirection: () => v3(exp.viewer.current.forward(new Vector3())),
    presence: () => deps.presence()?.presence.snapshot() ?? deps.spectator?.()?.presence.snapshot() ?? { connected: false, status: "off", room: null, you: null, peers: [], avatars: 0 },
    guideTools: () => JSON.parse(JSON.stringify(together().guideTools.state)) as GuideToolsState,
    spectator: () => deps.spectator?.()?.snapshot() ?? null,
    presenceJoin: (name) => together().presence.join(name),
    presenceLeave: () => together().presence.leave(),
    voice: () => JSON.parse(JSON.stringify(together().voice.state)) as VoiceState,
    voiceStats: () => together().voice.stats(),
    voiceTalk: (on) => together().voice.setTalking(on),
    voiceFloor: (id, on) => together().voice.setFloor(id, on),
    tour: () => ({ ...together().tour.state }),
    tourClaim: (pin) => together().tour.claim(pin),
    tourGather: (countdown) => together().tour.gather(countdown),
    tourFollow: (on) => together().tour.setFollowing(on),
    chat: () => JSON.parse(JSON.stringify(together().chat.state)) as CounterChatState,
    cameraPosition: () => v3(camera().globalPosition),
    stats: () => ({ ...last }),
    kiosks: () => exp.kioskInfos(),
    enterXR: () => deps.xr.enter(),
    place: () => exp.places.current,
    buildings: () => exp.places.buildings.map((b) => ({ region: b.region, placeholder: b.placeholder })),
    cameraClass: () => camera().getClassName(),
    cameraYaw: () => camera().absoluteRotation.toEulerAngles().y,
    openService: (id) => exp.visits.openService(id),
    kiosk() {
      const c = exp.kiosks.current;
      return c ? { screen: c.view.screen, status: c.view.status, title: c.view.title, items: c.view.items.map((i) => i.id) } : null;
    },
    helpDesk() {
      const d = exp.places.interior?.helpDesk;
      return d ? { center: v3(d.center), normal: v3(d.normal), board: d.board ? v3(d.board) : null, desk: v3(d.mesh.getBoundingInfo().boundingBox.centerWorld) } : null;
    },
    panelScroll: () => (exp.panel.visible ? exp.panel.scrolled() : null),
    panelScreenRect() {
      const cam = scene.activeCamera;
      if (!cam || !exp.panel.visible) return null;
      exp.panel.mesh.computeWorldMatrix(true);
      const corners = exp.panel.mesh.getBoundingInfo().boundingBox.vectorsWorld;
      const w = engine.getRenderWidth(), h = engine.getRenderHeight();
      const vp = projectViewport(cam, w, h);
      const px = corners.map((c) => Vector3.Project(c, Matrix.IdentityReadOnly, scene.getTransformMatrix(), vp));
      const k = (engine.getRenderingCanvas()!.clientWidth || w) / w; // render pixels to CSS pixels
      const xs = px.map((p) => p.x * k), ys = px.map((p) => p.y * k);
      return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    },
    panelRows() {
      const ui = exp.panel.ui;
      if (!ui || !exp.panel.visible) return [];
      return ui.getDescendants(false, (c) => c.name?.startsWith("item-") === true && c.getClassName() === "Button").map((c) => {
        const b = c as Button;
        const t = b.textBlock!;
        return { name: b.name!, lines: t.lines?.length ?? 0, textHeight: t.computeExpectedHeight(), height: b.heightInPixels - b.paddingBottomInPixels };
      });
    },
    panelHeader() {
      const ui = exp.panel.ui;
      const header = ui?.getControlByName("header") as StackPanel | null | undefined;
      if (!header || !exp.panel.visible) return null;
      return {
        room: header.widthInPixels - header.paddingLeftInPixels - header.paddingRightInPixels,
        texts: header.children.map((c) => {
          const t = c as TextBlock;
          const lines = (t.lines ?? []) as Array<{ text: string; width: number }>;
          return { text: t.text, width: t.widthInPixels, lines: lines.map((l) => ({ text: l.text, width: l.width })) };
        }),
      };
    },
    panelControlCenter: (name) => (exp.panel.ui ? controlWorldCenter(exp.panel.mesh, exp.panel.ui, name) : null),
    sceneCounts: () => ({
      meshes: scene.meshes.length,
      materials: scene.materials.length,
      textures: scene.textures.length,
      transformNodes: scene.transformNodes.length,
      geometries: scene.geometries.length,
      beforeRenderObservers: scene.onBeforeRenderObservable.observers.length,
      afterRenderObservers: scene.onAfterRenderObservable.observers.length,
      pointerObservers: scene.onPointerObservable.observers.length,
      beforeCameraRenderObservers: scene.onBeforeCameraRenderObservable.observers.length,
      afterCameraRenderObservers: scene.onAfterRenderCameraObservable.observers.length,
      meshCandidates: scene.getActiveMeshCandidates().length,
    }),
    engineScenes: () => engine.scenes.length,
    textureBytes: () => scene.textures.reduce((sum, t) => {
      const size = t.getSize();
      return sum + size.width * size.height * 4 * (t.isCube ? 6 : 1) * (t.noMipmap ? 1 : 4 / 3);
    }, 0),
    lobbyState: () => deps.lobby()?.state ?? null,
    lobbyOrbit() {
      const o = deps.lobby()?.orbit;
      return o ? { center: [...o.center] as Vec3, radius: o.radius, height: o.height } : null;
    },
    buildingsAt(p) {
      return exp.places.buildings.filter((b) => {
        const { min, max } = b.root.getHierarchyBoundingVectors(true);
        return p[0] >= min.x && p[0] <= max.x && p[1] >= min.y && p[1] <= max.y && p[2] >= min.z && p[2] <= max.z;
      }).map((b) => b.region);
    },
    queueMachine() {
      const m = exp.places.interior?.queueMachine;
      if (!m) return null;
      return { center: v3(m.mesh.getBoundingInfo().boundingBox.centerWorld), normal: v3(m.normal) };
    },
    hallDisplay: () => deps.hallDisplay?.() ?? null,
    goToBuilding: (code) => exp.places.goToDoor(code),
    goToSpawn: () => exp.places.goToSpawn(),
    enterBuilding: async (code) => (await exp.places.enter(code)) !== null,
    leaveBuilding: () => exp.places.leave(),
    closeKiosk: () => exp.kiosks.close(),
    standInFront(kioskId, distance) {
      const desk = kioskId === "help-desk" ? hook.helpDesk() : null;
      const m = kioskId === "queue-machine" ? exp.places.interior?.queueMachine : null;
      const k = desk ?? (m ? { center: v3(m.center), normal: v3(m.normal) } : exp.kioskInfos().find((x) => x.id === kioskId));
      if (!k) throw new Error(`test hook: no kiosk ${kioskId}`);
      const [cx, , cz] = k.center;
      const [nx, , nz] = k.normal;
      const x = cx + nx * distance;
      const z = cz + nz * distance;
      exp.viewer.current.placeAt(new Vector3(x, exp.walking.floorBelow(x, 0, z) ?? 0, z), new Vector3(-nx, 0, -nz));
    },
    viewFrom: (eye, target) => exp.walking.viewFrom(new Vector3(...eye), new Vector3(...target)),
    frames,
    async renderTimes(n) {
      // Wraps this scene's render for n frames: the CPU time Babylon spends per frame, in VR too.
      const original = scene.render;
      const times: number[] = [];
      await new Promise<void>((resolve) => {
        scene.render = function (this: typeof scene, ...args: Parameters<typeof original>) {
          const t0 = performance.now();
          original.apply(this, args);
          times.push(performance.now() - t0);
          if (times.length >= n) {
            delete (scene as { render?: unknown }).render; // back to the prototype's
            resolve();
          }
        };
      });
      return times;
    },
    async frameTimes(n) {
      const render: number[] = [];
      const frame: number[] = [];
      const original = scene.render;
      scene.render = function (this: typeof scene, ...args: Parameters<typeof original>) {
        const t0 = performance.now();
        original.apply(this, args);
        render.push(performance.now() - t0);
      };
      // The engine reads the XR session's frame callback (or its own loop) each time it queues a frame.
      const xr = engine.customAnimationFrameRequester;
      const outer = xr?.renderFunction;
      await new Promise<void>((resolve) => {
        const timed = (run: () => void, restore: () => void) => {
          const t0 = performance.now();
          run();
          frame.push(performance.now() - t0);
          if (frame.length >= n) {
            restore();
            delete (scene as { render?: unknown }).render;
            resolve();
          }
        };
        if (xr && outer) {
          xr.renderFunction = (...a: unknown[]) => timed(() => outer(...a), () => { xr.renderFunction = outer; });
        } else {
          const loop = engine._renderLoop;
          engine._renderLoop = (t?: number) => timed(() => loop.call(engine, t), () => { delete (engine as { _renderLoop?: unknown })._renderLoop; });
        }
      });
      return { render, frame };
    },
    async loseContext() {
      const canvas = engine.getRenderingCanvas();
      // Asking the canvas for its context type again returns the engine's own context.
      const gl: WebGLRenderingContext | WebGL2RenderingContext | null = canvas
        ? (engine.webGLVersion >= 2 ? canvas.getContext("webgl2") : canvas.getContext("webgl"))
        : null;
      const ext = gl?.getExtension("WEBGL_lose_context");
      if (!canvas || !gl || !ext) return "no WEBGL_lose_context";
      const restored = new Promise<void>((r) => engine.onContextRestoredObservable.addOnce(() => r()));
      const lost = new Promise<void>((r) => canvas.addEventListener("webglcontextlost", () => r(), { once: true }));
      ext.loseContext();
      await lost;
      await new Promise((r) => setTimeout(r, 300));
      const wasLost = gl.isContextLost();
      ext.restoreContext();
      await restored;
      return wasLost ? "ok" : "the context was not lost";
    },
    xr: {
      state: () => deps.xr.state,
      exit: () => deps.xr.exit(),
      setTurnMode: (mode) => {
        const run = deps.xr.run;
        if (!run) throw new Error("test hook: no VR session is running");
        run.setTurnMode(mode);
      },
      controllers: () => probe().controllers(),
      hands: () => probe().hands(),
      menuVisible: () => probe().menuVisible(),
      hideMenu: () => probe().hideMenu(),
      menuControlCenter: (name) => probe().menuControlCenter(name),
      menuCover: () => probe().menuCover(),
      pose: () => probe().pose(),
      endSession: () => probe().endSession(),
    },
  };
  win.__mpp = hook;
  return () => {
    offStats();
    instrumentation.dispose();
    delete win.__mpp;
  };
}
