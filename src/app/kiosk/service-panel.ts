// The floating 3D kiosk: a GUI panel on a plane that renders a KioskView (the same view the DOM mirror
// shows). One panel is open at a time, so one dynamic texture, whatever the number of counters.
import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
// Side effect: GUI-for-mesh draws on a StandardMaterial, which must be registered first.
import "@babylonjs/core/Materials/standardMaterial";
import { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";
import { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";
import { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import { Button } from "@babylonjs/gui/2D/controls/button";
import { ScrollViewer } from "@babylonjs/gui/2D/controls/scrollViewers/scrollViewer";
import { Control } from "@babylonjs/gui/2D/controls/control";
import type { Container } from "@babylonjs/gui/2D/controls/container";
import type { KioskView } from "./screens/registry";
import { orientToward } from "../world/orient";

export interface ServicePanelOptions {
  /** Panel size in metres; 1.0 m wide keeps a whole panel within a headset's comfortable view at 1.3 m. */
  width: number;
  height: number;
  /** Texture pixels per metre: 1000 px/m makes 30 px text 3 cm tall, legible at 2 m. */
  pixelsPerMetre: number;
}

const DEFAULTS: ServicePanelOptions = { width: 1.0, height: 1.3, pixelsPerMetre: 1000 };

const COLORS = {
  panel: "#0d2a3a",
  border: "#7fd1c7",
  title: "#ffffff",
  text: "#e8f1f2",
  muted: "#b7c9cc",
  item: "#1d4e5f",
  itemHover: "#2b6a80",
  action: "#c79a2b",
  verified: "#8fe3a0",
  unverified: "#ffc36b",
  error: "#ff8f8f",
};

function text(value: string, size: number, color: string, bold = false): TextBlock {
  const t = new TextBlock(undefined, value);
  t.fontSize = size;
  t.color = color;
  t.fontWeight = bold ? "700" : "400";
  t.fontFamily = "system-ui, sans-serif";
  t.textWrapping = true; // word wrap
  t.resizeToFit = true;
  t.width = "100%";
  t.textHorizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
  t.paddingBottom = "6px";
  return t;
}

function button(id: string, label: string, size: number, color: string, onClick: () => void): Button {
  const b = Button.CreateSimpleButton(id, label);
  b.height = `${Math.round(size * 2.6)}px`;
  b.width = "100%";
  b.fontSize = size;
  b.color = "#ffffff";
  b.background = color;
  b.cornerRadius = 12;
  b.thickness = 0;
  b.paddingBottom = "10px";
  if (b.textBlock) {
    b.textBlock.fontSize = size; // the button's own size is not always passed down to its label
    b.textBlock.textWrapping = true;
    b.textBlock.textHorizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
    b.textBlock.paddingLeft = "24px";
    b.textBlock.paddingRight = "24px";
    b.textBlock.fontFamily = "system-ui, sans-serif";
  }
  b.onPointerClickObservable.add(onClick);
  return b;
}

export type PanelEvent = { kind: "item"; id: string } | { kind: "action"; id: string; href?: string };

export interface ServicePanel {
  /** The plane the GUI is drawn on (pointer rays land on it). */
  readonly mesh: Mesh;
  readonly visible: boolean;
  /** The GUI texture (tests read its controls' sizes and positions). */
  readonly ui: AdvancedDynamicTexture;
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
  const ui = AdvancedDynamicTexture.CreateForMesh(mesh, texW, texH, true);
  ui.premulAlpha = false;

  const frame = new Rectangle("frame");
  frame.background = COLORS.panel;
  frame.color = COLORS.border;
  frame.thickness = 4;
  frame.cornerRadius = 24;
  ui.addControl(frame);

  const header = new StackPanel("header");
  header.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
  header.paddingTop = "28px";
  header.paddingLeft = "36px";
  header.paddingRight = "36px";
  frame.addControl(header);

  const scroller = new ScrollViewer("body");
  scroller.thickness = 0;
  scroller.barColor = COLORS.border;
  scroller.barSize = 28;
  scroller.wheelPrecision = 0.02;
  scroller.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
  scroller.paddingLeft = "36px";
  scroller.paddingRight = "20px";
  frame.addControl(scroller);
  const body = new StackPanel("body-stack");
  body.width = "100%";
  scroller.addControl(body);

  const footer = new StackPanel("footer");
  footer.isVertical = false;
  footer.height = "110px";
  footer.verticalAlignment = Control.VERTICAL_ALIGNMENT_BOTTOM;
  footer.paddingBottom = "20px";
  footer.paddingLeft = "36px";
  footer.paddingRight = "36px";
  frame.addControl(footer);

  const listeners = new Set<(e: PanelEvent) => void>();
  const emit = (e: PanelEvent) => listeners.forEach((l) => l(e));

  function clear(c: Container) {
    for (const child of [...c.children]) child.dispose();
  }

  function render(view: KioskView) {
    clear(header);
    clear(body);
    clear(footer);
    header.addControl(text(view.title, 46, COLORS.title, true));
    if (view.subtitle) header.addControl(text(view.subtitle, 30, COLORS.muted));
    if (view.notice) {
      const color = view.notice.kind === "verified" ? COLORS.verified : view.notice.kind === "error" ? COLORS.error : COLORS.unverified;
      header.addControl(text(view.notice.text, 28, color, true));
    }
    if (view.status === "loading") body.addControl(text("…", 40, COLORS.muted));
    if (view.intro) body.addControl(text(view.intro, 30, COLORS.muted));
    for (const item of view.items) {
      const label = item.detail ? `${item.label}\n${item.detail}` : item.label;
      body.addControl(button(`item-${item.id}`, label, 32, COLORS.item, () => emit({ kind: "item", id: item.id })));
    }
    for (const section of view.sections) {
      body.addControl(text(section.heading, 32, COLORS.border, true));
      // A headset cannot follow a link: the URL is shown as text (the DOM mirror links it).
      section.lines.forEach((line, i) => body.addControl(text(section.ordered ? `${i + 1}. ${line.text}` : line.text, 30, COLORS.text)));
    }
    const actions = view.actions.filter((a) => a.id !== "online");
    for (const a of actions) {
      const b = button(`action-${a.id}`, a.label, 30, a.id === "close" ? "#5a2a2a" : COLORS.action, () =>
        emit({ kind: "action", id: a.id, ...(a.href ? { href: a.href } : {}) }),
      );
      // Pixels, not %: a % width in a horizontal StackPanel makes Babylon log a warning naming the new
      // control's id on every render, and its logger keeps every message (unbounded on a lobby kiosk).
      b.width = `${Math.floor((texW - 80) / Math.max(1, actions.length))}px`;
      b.paddingRight = "12px";
      b.textBlock!.textHorizontalAlignment = Control.HORIZONTAL_ALIGNMENT_CENTER;
      footer.addControl(b);
    }
    // Header height is only known after layout; the body fills the space between header and footer.
    header.onAfterDrawObservable.addOnce(() => {
      const top = header.heightInPixels + 40;
      scroller.top = `${top}px`;
      scroller.height = `${texH - top - 130}px`;
    });
    scroller.verticalBar.value = 0;
  }

  const toward = new Vector3();
  return {
    mesh,
    ui,
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    render,
    showAt(center, viewer) {
      mesh.position.copyFrom(center);
      toward.set(viewer.x - center.x, 0, viewer.z - center.z);
      orientToward(mesh, toward);
      mesh.setEnabled(true);
    },
    hide() {
      mesh.setEnabled(false);
    },
    get visible() {
      return mesh.isEnabled();
    },
    scrollBy(share) {
      const bar = scroller.verticalBar;
      bar.value = Math.min(bar.maximum, Math.max(bar.minimum, bar.value + share * (bar.maximum - bar.minimum)));
    },
    scrolled() {
      const bar = scroller.verticalBar;
      return bar.maximum > bar.minimum ? (bar.value - bar.minimum) / (bar.maximum - bar.minimum) : 0;
    },
    dispose() {
      listeners.clear();
      ui.dispose();
      mesh.dispose();
    },
  };
}

