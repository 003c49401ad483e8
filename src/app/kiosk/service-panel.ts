// The floating 3D kiosk: a GUI panel on a plane that renders a KioskView (the same view the DOM mirror
// shows). One panel is open at a time, so one dynamic texture, whatever the number of counters.
// The GUI itself (panel-gui.ts, Babylon GUI) is a separate chunk loaded on the first render() or
// preload(): the plane exists from the start (picking, placement), and is shown once its GUI is drawn.
import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";
import type { KioskView } from "./screens/registry";
import type { PanelGui } from "./panel-gui";
import { orientToward } from "../world/orient";

export interface ServicePanelOptions {
  /** Panel size in metres; 1.0 m wide keeps a whole panel within a headset's comfortable view at 1.3 m. */
  width: number;
  height: number;
  /** Texture pixels per metre: 1000 px/m makes 30 px text 3 cm tall, legible at 2 m. */
  pixelsPerMetre: number;
}

const DEFAULTS: ServicePanelOptions = { width: 1.0, height: 1.3, pixelsPerMetre: 1000 };

export type PanelEvent = { kind: "item"; id: string } | { kind: "action"; id: string; href?: string } | { kind: "key"; key: string };

export interface ServicePanel {
  /** The plane the GUI is drawn on (pointer rays land on it). */
  readonly mesh: Mesh;
  /** Its size in metres. */
  readonly size: { readonly width: number; readonly height: number };
  /** The way its face looks, on the ground plane, length 1 (toward the viewer it was opened for). */
  readonly normal: Vector3;
  /** Whether the panel is open (it is drawn once its GUI has loaded, at once after preload()). */
  readonly visible: boolean;
  /** Whether it is drawn now: open, its GUI loaded, and not held back by setHeld. */
  readonly drawn: boolean;
  /**
   * Holds the panel back (open, not drawn) while the page's copy carries the kiosk and the part of
   * the screen left to the 3D view is too small for it (viewer/kiosk-layout.ts: a phone's sheet).
   */
  setHeld(held: boolean): void;
  /** The GUI texture (tests read its controls' sizes and positions); null until the GUI has loaded. */
  readonly ui: AdvancedDynamicTexture | null;
  /** Loads the GUI now (the page calls it once started, so the first kiosk opens without waiting). */
  preload(): Promise<void>;
  /** A row or button was chosen; returns the unsubscribe function. */
  onEvent(listener: (e: PanelEvent) => void): () => void;
  render(view: KioskView): void;
  /** Opens the panel at a point, turned (about the vertical only) to face the viewer. */
  showAt(center: Vector3, viewer: Vector3): void;
  hide(): void;
  /** Scrolls the body by a share of its height (positive: down); a headset's thumbstick does. */
  scrollBy(share: number): void;
  /** How far the body is scrolled, 0 (top) to 1 (bottom). */
  scrolled(): number;
  dispose(): void;
}

export function createServicePanel(scene: Scene, options: Partial<ServicePanelOptions> = {}): ServicePanel {
  const o = { ...DEFAULTS, ...options };
  const mesh = CreatePlane("kiosk-panel", { width: o.width, height: o.height, sideOrientation: Mesh.FRONTSIDE }, scene);
  mesh.isPickable = true;
  mesh.setEnabled(false);
  // GUI text on a builder plane reads mirrored in a right-handed scene; mirror the quad back.
  if (scene.useRightHandedSystem) mesh.scaling.x = -1;
  const texW = Math.round(o.width * o.pixelsPerMetre);
  const texH = Math.round(o.height * o.pixelsPerMetre);

  const listeners = new Set<(e: PanelEvent) => void>();
  const emit = (e: PanelEvent) => listeners.forEach((l) => l(e));
  let gui: PanelGui | null = null;
  let loading: Promise<void> | null = null;
  /** The view to draw when the GUI arrives (the latest asked for). */
  let pending: KioskView | null = null;
  let open = false;
  let held = false;
  let disposed = false;
  const draw = () => mesh.setEnabled(open && gui !== null && !held);

  function load(): Promise<void> {
    loading ??= import(/* webpackChunkName: "kiosk-gui" */ "./panel-gui").then(
      ({ createPanelGui }) => {
        if (disposed) return;
        gui = createPanelGui(mesh, texW, texH, emit);
        if (pending) gui.render(pending);
        pending = null;
        draw();
      },
      (err: unknown) => {
        // Not kept: the next render() or preload() tries again (the DOM mirror shows the same view meanwhile).
        loading = null;
        throw err;
      },
    );
    return loading;
  }

  const toward = new Vector3();
  const normal = new Vector3(0, 0, 1);
  return {
    mesh,
    size: { width: o.width, height: o.height },
    normal,
    get ui() {
      return gui?.ui ?? null;
    },
    preload: load,
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    render(view) {
      if (gui) return gui.render(view);
      pending = view;
      // A failed load is retried by the next render; the page learns of it from preload().
      load().catch(() => undefined);
    },
    showAt(center, viewer) {
      mesh.position.copyFrom(center);
      toward.set(viewer.x - center.x, 0, viewer.z - center.z);
      orientToward(mesh, toward);
      if (toward.lengthSquared() > 1e-8) normal.copyFrom(toward).normalize();
      open = true;
      draw();
    },
    hide() {
      open = false;
      mesh.setEnabled(false);
    },
    get visible() {
      return open;
    },
    get drawn() {
      return mesh.isEnabled();
    },
    setHeld(on) {
      held = on;
      draw();
    },
    scrollBy(share) {
      gui?.scrollBy(share);
    },
    scrolled() {
      return gui?.scrolled() ?? 0;
    },
    dispose() {
      disposed = true;
      listeners.clear();
      gui?.dispose();
      gui = null;
      mesh.dispose();
    },
  };
}
