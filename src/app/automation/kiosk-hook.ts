// The test hook's kiosks: the open kiosk as the visitor sees it, its 3D panel's controls as drawn
// (rows, header, where they are in the world and on screen), the help desk, and the actions that
// open, close or stand before a kiosk.
import { Matrix, Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Button } from "@babylonjs/gui/2D/controls/button";
import type { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";
import type { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import type { KioskScreen } from "../kiosk/screens/registry";
import type { KioskLayout } from "../viewer/kiosk-layout";
import { controlWorldCenter } from "../kiosk/gui-point";
import { projectViewport, v3, type HookContext, type Vec3 } from "./hook-context";

/** The open kiosk as the visitor sees it. */
export interface KioskSnapshot {
  screen: KioskScreen;
  status: "loading" | "ready" | "error";
  title: string;
  /** Ids of its rows (agencies, services). */
  items: string[];
}

export interface KioskHook {
  kiosk(): KioskSnapshot | null;
  /** The help desk of the building the visitor is in: its panel's centre and facing, its board's centre; null outside. */
  helpDesk(): { center: Vec3; normal: Vec3; board: Vec3 | null; desk: Vec3 } | null;
  /** How far the open kiosk panel is scrolled, 0..1; null when no panel is shown. */
  panelScroll(): number | null;
  /** World centre of a control ("item-<id>", "action-back", "body") of the open kiosk panel. */
  panelControlCenter(name: string): Vec3 | null;
  /** The open 3D panel's bounds on screen, CSS pixels; null when no panel is shown. */
  panelScreenRect(): { left: number; right: number; top: number; bottom: number } | null;
  /** The open 3D panel's list rows: lines of their label, the height those lines need, and the row's height (px of the panel texture). */
  panelRows(): Array<{ name: string; lines: number; textHeight: number; height: number }>;
  /**
   * The open 3D panel's header (title, subtitle, notice) as drawn: each text, its wrapped lines with
   * their measured widths and the text block's width, and the header's room inside its padding (px of
   * the panel texture); null when no panel is shown.
   */
  panelHeader(): { room: number; texts: Array<{ text: string; width: number; lines: Array<{ text: string; width: number }> }> } | null;
  /** Whether the kiosk's 3D panel is drawn now (a phone's sheet holds it back). */
  panelDrawn(): boolean;
  /** Where an open kiosk shows (viewer/kiosk-layout.ts): the 3D view's part, its clear part, whether the 3D panel is drawn. */
  kioskLayout(): KioskLayout | null;
  closeKiosk(): void;
  /** Enters the service's building, stands at its counter and opens it (a deep link's path). */
  openService(serviceId: string): Promise<boolean>;
  /** Stands `distance` metres in front of a kiosk (kiosks()[].id, "help-desk", or "queue-machine" inside a building), facing it. */
  standInFront(kioskId: string, distance: number): void;
}

export function kioskHook({ exp, scene, engine, deps }: HookContext): KioskHook {
  const helpDesk: KioskHook["helpDesk"] = () => {
    const d = exp.places.interior?.helpDesk;
    return d ? { center: v3(d.center), normal: v3(d.normal), board: d.board ? v3(d.board) : null, desk: v3(d.mesh.getBoundingInfo().boundingBox.centerWorld) } : null;
  };
  return {
    panelDrawn: () => exp.panel.drawn,
    kioskLayout: () => deps.kioskLayout?.() ?? null,
    openService: (id) => exp.visits.openService(id),
    kiosk() {
      const c = exp.kiosks.current;
      return c ? { screen: c.view.screen, status: c.view.status, title: c.view.title, items: c.view.items.map((i) => i.id) } : null;
    },
    helpDesk,
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
    closeKiosk: () => exp.kiosks.close(),
    standInFront(kioskId, distance) {
      const desk = kioskId === "help-desk" ? helpDesk() : null;
      const m = kioskId === "queue-machine" ? exp.places.interior?.queueMachine : null;
      const k = desk ?? (m ? { center: v3(m.center), normal: v3(m.normal) } : exp.kioskInfos().find((x) => x.id === kioskId));
      if (!k) throw new Error(`test hook: no kiosk ${kioskId}`);
      const [cx, , cz] = k.center;
      const [nx, , nz] = k.normal;
      const x = cx + nx * distance;
      const z = cz + nz * distance;
      exp.viewer.current.placeAt(new Vector3(x, exp.walking.floorBelow(x, 0, z) ?? 0, z), new Vector3(-nx, 0, -nz));
    },
  };
}
