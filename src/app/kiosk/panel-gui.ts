// The kiosk panel's GUI (Babylon GUI on the panel's plane), in a chunk of its own: the first frame
// needs no GUI, so service-panel.ts loads this with import() when a kiosk first opens or when the
// page preloads it after start (issue 18: what the first frame does not need stays out of the entry chunk).
// Side effects: GUI-for-mesh draws on a StandardMaterial, into a dynamic texture; both registered here
// so the chunk does not depend on what the entry chunk happens to hold.
import "@babylonjs/core/Materials/standardMaterial";
import "@babylonjs/core/Engines/Extensions/engine.dynamicTexture";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";
import { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";
import { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import { Button } from "@babylonjs/gui/2D/controls/button";
import { ScrollViewer } from "@babylonjs/gui/2D/controls/scrollViewers/scrollViewer";
import { Control } from "@babylonjs/gui/2D/controls/control";
import type { Container } from "@babylonjs/gui/2D/controls/container";
import type { KioskView } from "./screens/registry";
import type { PanelEvent } from "./service-panel";
import { inputControls } from "./panel-input";

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

/** The header's padding left and right (texture pixels). */
const HEADER_PAD_PX = 36;
/** The frame's border: the frame's children are laid out inside it. */
const FRAME_BORDER_PX = 4;

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

/**
 * A list row: as tall as its wrapped label (a name over two lines and its detail take three), so
 * lines never overlap a fixed two-line button (issue 20: "Pilih instansi" at /?region=3214).
 */
function rowButton(id: string, label: string, size: number, color: string, onClick: () => void): Button {
  const b = button(id, label, size, color, onClick);
  const t = b.textBlock!;
  t.resizeToFit = true; // its height follows its lines (width stays 100%)
  t.paddingTop = `${Math.round(size * 0.55)}px`;
  t.paddingBottom = `${Math.round(size * 0.55)}px`;
  b.adaptHeightToChildren = true;
  return b;
}

export interface PanelGui {
  readonly ui: AdvancedDynamicTexture;
  render(view: KioskView): void;
  scrollBy(share: number): void;
  scrolled(): number;
  dispose(): void;
}

/** Draws the panel's GUI on `mesh` (texW x texH pixels); chosen rows and buttons go to `emit`. */
export function createPanelGui(mesh: Mesh, texW: number, texH: number, emit: (e: PanelEvent) => void): PanelGui {
  const ui = AdvancedDynamicTexture.CreateForMesh(mesh, texW, texH, true);
  // Babylon's GUI takes Tab for its own controls and cancels it, trapping keyboard users in the
  // canvas (WCAG 2.1.2): the keyboard path to the kiosk is its DOM copy (ui/service-mirror.ts).
  ui.disableTabNavigation = true;
  ui.premulAlpha = false;

  const frame = new Rectangle("frame");
  frame.background = COLORS.panel;
  frame.color = COLORS.border;
  frame.thickness = FRAME_BORDER_PX;
  frame.cornerRadius = 24;
  ui.addControl(frame);

  const header = new StackPanel("header");
  header.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
  header.paddingTop = "28px";
  header.paddingLeft = `${HEADER_PAD_PX}px`;
  header.paddingRight = `${HEADER_PAD_PX}px`;
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


  function clear(c: Container) {
    for (const child of [...c.children]) child.dispose();
  }

  // The keyboard's Shift, kept across the re-render each keystroke makes.
  const shift = { on: false };
  let lastScreen: unknown = null;

  function render(view: KioskView) {
    clear(header);
    clear(body);
    clear(footer);
    // The header's lines wrap at its inner width in pixels (inside the frame's border and the
    // header's padding): at "100%" they wrapped at the width before the header's padding and the
    // title's end was cut off (issue 20: kiosk titles cut off).
    const headerText = (value: string, size: number, color: string, bold = false) => {
      const t = text(value, size, color, bold);
      t.width = `${texW - 2 * (FRAME_BORDER_PX + HEADER_PAD_PX)}px`;
      return t;
    };
    header.addControl(headerText(view.title, 46, COLORS.title, true));
    if (view.subtitle) header.addControl(headerText(view.subtitle, 30, COLORS.muted));
    if (view.notice) {
      const color = view.notice.kind === "verified" ? COLORS.verified : view.notice.kind === "error" ? COLORS.error : COLORS.unverified;
      header.addControl(headerText(view.notice.text, 28, color, true));
    }
    if (view.status === "loading") body.addControl(text("…", 40, COLORS.muted));
    if (view.intro) body.addControl(text(view.intro, 30, COLORS.muted));
    if (view.input) {
      for (const c of inputControls(view.input, { width: texW - 100, onKey: (key) => emit({ kind: "key", key }) }, shift)) body.addControl(c);
    }
    for (const item of view.items) {
      const label = item.detail ? `${item.label}\n${item.detail}` : item.label;
      body.addControl(rowButton(`item-${item.id}`, label, 32, COLORS.item, () => emit({ kind: "item", id: item.id })));
    }
    for (const section of view.sections) {
      body.addControl(text(section.heading, 32, COLORS.border, true));
      if (section.note) body.addControl(text(section.note, 26, COLORS.muted));
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
    // A keystroke re-renders the same screen: keep the body where the visitor is typing.
    const sameScreen = view.input !== undefined && lastScreen === view.screen;
    lastScreen = view.screen;
    if (!sameScreen) scroller.verticalBar.value = 0;
  }

  return {
    ui,
    render,
    scrollBy(share) {
      const bar = scroller.verticalBar;
      bar.value = Math.min(bar.maximum, Math.max(bar.minimum, bar.value + share * (bar.maximum - bar.minimum)));
    },
    scrolled() {
      const bar = scroller.verticalBar;
      return bar.maximum > bar.minimum ? (bar.value - bar.minimum) / (bar.maximum - bar.minimum) : 0;
    },
    dispose() {
      ui.dispose();
    },
  };
}
