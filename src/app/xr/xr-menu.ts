// The VR menu: there is no keyboard in a headset, so this floating panel gives the directory (jump to
// any region), the comfort setting (snap or smooth turn) and the way out. It opens in front of the
// visitor with the menu button (Y/B) or the hub's directory kiosk, and closes with the menu button
// or after a choice. Extra actions (the guide's tools) may open a page of the menu: a few toggles
// and a list with buttons per row (the visitors), paged, with a way back (drawn by xr-menu-page.ts).
import type { Scene } from "@babylonjs/core/scene";
import type { WebXRInput } from "@babylonjs/core/XR/webXRInput";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
// Side effect: GUI-for-mesh draws on a StandardMaterial, which must be registered first.
import "@babylonjs/core/Materials/standardMaterial";
import { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";
import { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";
import { Grid } from "@babylonjs/gui/2D/controls/grid";
import type { RegionSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import type { TurnMode } from "./turning";
import { orientToward } from "../world/orient";
import type { Viewer } from "../viewer/viewer";
import { onEachMotionController } from "./controllers";
import { drawOverWorld } from "./draw-order";
import { addActionRow, addHeading, addPage, firstRowShown, makeButton, XR_MENU_ROWS_PER_PAGE, type XrMenuAction, type XrMenuPage } from "./xr-menu-page";

export type { XrMenuAction, XrMenuPage, XrMenuRow } from "./xr-menu-page";
export { XR_MENU_ROWS_PER_PAGE } from "./xr-menu-page";

export interface XrMenuDeps {
  i18n: I18n;
  /** The headset: the menu opens in front of it. */
  viewer: Viewer;
  regions: readonly RegionSummary[];
  turnMode(): TurnMode;
  onTurnMode(mode: TurnMode): void;
  onRegion(code: string): void;
  onExit(): void;
  /** Inside a building: the menu offers "Ke plaza" (out of its door). */
  inside?(): boolean;
  onToPlaza?(): void;
  /** The menu opened: an open kiosk would sit at the same distance and catch the pointer. */
  onOpen?(): void;
  /** Extra buttons shown as one row under the comfort row (the guide's tools); empty: no row. */
  actions?(): readonly XrMenuAction[];
  /** The extra actions changed (a reply of the server): an open menu redraws. Returns the remover. */
  onActionsChange?(listener: () => void): () => void;
}

const MENU_BUTTONS = ["y-button", "b-button"];

export interface XrMenu {
  /** The plane the menu is drawn on. */
  readonly mesh: Mesh;
  readonly ui: AdvancedDynamicTexture;
  readonly visible: boolean;
  show(): void;
  hide(): void;
  toggle(): void;
  dispose(): void;
}

const MENU_AHEAD_M = 1.3;
const MENU_BELOW_EYE_M = 0.25;

export function createXrMenu(scene: Scene, input: WebXRInput, deps: XrMenuDeps): XrMenu {
  const mesh = CreatePlane("xr-menu", { width: 1.2, height: 1.2, sideOrientation: Mesh.FRONTSIDE }, scene);
  mesh.setEnabled(false);
  mesh.isPickable = true;
  // Over the world: a wall or counter board nearer than the menu must not cut through its text.
  drawOverWorld(mesh);
  // GUI text on a builder plane reads mirrored in a right-handed scene; mirror the quad back.
  if (scene.useRightHandedSystem) mesh.scaling.x = -1;
  const ui = AdvancedDynamicTexture.CreateForMesh(mesh, 1200, 1200, true);
  ui.disableTabNavigation = true; // Tab must leave the canvas (WCAG 2.1.2); the menu is for controllers
  const frame = new Rectangle("xr-menu-frame");
  frame.background = "#0d2a3a"; // opaque: nothing behind the menu shows through its text
  frame.color = "#7fd1c7";
  frame.thickness = 4;
  frame.cornerRadius = 24;
  ui.addControl(frame);
  const stack = new StackPanel("xr-menu-stack");
  stack.paddingTop = "24px";
  stack.paddingLeft = "24px";
  stack.paddingRight = "24px";
  frame.addControl(stack);

  /** The page open instead of the directory, and the first row of its list shown. */
  let page: XrMenuAction | null = null;
  let first = 0;

  /** Redraws once the pointer event that asked for it is over: the pressed button is disposed by it. */
  let redrawing = false;
  const redrawSoon = () => {
    if (redrawing) return;
    redrawing = true;
    void Promise.resolve().then(() => {
      redrawing = false;
      if (mesh.isEnabled()) render();
    });
  };

  /** What a press on an extra action does: open its page, or run it (closing the menu unless it stays). */
  function press(a: XrMenuAction): void {
    if (a.disabled) return;
    if (a.page) {
      page = a;
      first = 0;
      return redrawSoon();
    }
    if (!a.stay) hide();
    a.run?.();
    if (a.stay) redrawSoon();
  }

  function renderPage(p: XrMenuPage): void {
    first = firstRowShown(first, p.rows.length);
    const nav: XrMenuAction[] = [{ name: "xr-menu-back", label: deps.i18n.t("action.back"), run: () => { page = null; }, stay: true }];
    if (first > 0) nav.push({ name: "xr-menu-prev", label: "‹", run: () => { first = Math.max(0, first - XR_MENU_ROWS_PER_PAGE); }, stay: true });
    if (first + XR_MENU_ROWS_PER_PAGE < p.rows.length) nav.push({ name: "xr-menu-next", label: "›", run: () => { first += XR_MENU_ROWS_PER_PAGE; }, stay: true });
    addPage(stack, p, first, nav, press);
  }

  function render() {
    for (const c of [...stack.children]) c.dispose();
    const { t } = deps.i18n;
    if (page) {
      // The page's action may be gone (the guide role released): back to the directory.
      const still = (deps.actions?.() ?? []).find((a) => a.name === page!.name && a.page);
      page = still ?? null;
      if (page) return renderPage(page.page!());
    }
    addHeading(stack, t("directory.title"));
    // First, where it is needed most: the way out of a building.
    if (deps.onToPlaza && deps.inside?.()) {
      const out = makeButton("xr-to-plaza", t("place.toPlaza"), () => {
        hide();
        deps.onToPlaza!();
      }, 32, "#0b6b3a");
      out.height = "96px";
      stack.addControl(out);
    }

    const grid = new Grid("xr-menu-regions");
    const cols = 3;
    const rows = Math.ceil(deps.regions.length / cols);
    grid.height = `${rows * 84}px`;
    for (let c = 0; c < cols; c++) grid.addColumnDefinition(1 / cols);
    for (let r = 0; r < rows; r++) grid.addRowDefinition(84, true);
    deps.regions.forEach((region, i) => {
      const b = makeButton(`xr-region-${region.code}`, region.name.replace(/^Kabupaten /, "Kab. "), () => {
        hide();
        deps.onRegion(region.code);
      }, 26);
      grid.addControl(b, Math.floor(i / cols), i % cols);
    });
    stack.addControl(grid);

    const row = new Grid("xr-menu-comfort");
    row.height = "110px";
    row.paddingTop = "16px";
    for (let c = 0; c < 3; c++) row.addColumnDefinition(1 / 3);
    const mode = deps.turnMode();
    row.addControl(makeButton("xr-turn-snap", t("comfort.snapTurn"), () => { deps.onTurnMode("snap"); render(); }, 28, mode === "snap" ? "#c79a2b" : "#1d4e5f"), 0, 0);
    row.addControl(makeButton("xr-turn-smooth", t("comfort.smoothTurn"), () => { deps.onTurnMode("smooth"); render(); }, 28, mode === "smooth" ? "#c79a2b" : "#1d4e5f"), 0, 1);
    row.addControl(makeButton("xr-exit", t("xr.exit"), () => deps.onExit(), 28, "#5a2a2a"), 0, 2);
    stack.addControl(row);

    const actions = deps.actions?.() ?? [];
    if (actions.length > 0) addActionRow(stack, "xr-menu-actions", actions, press);
  }

  const fwd = new Vector3();
  function show() {
    deps.onOpen?.();
    page = null;
    render();
    const eye = deps.viewer.eye();
    deps.viewer.forward(fwd);
    mesh.position.set(eye.x + fwd.x * MENU_AHEAD_M, eye.y - MENU_BELOW_EYE_M, eye.z + fwd.z * MENU_AHEAD_M);
    orientToward(mesh, fwd.scale(-1));
    mesh.setEnabled(true);
  }
  function hide() {
    mesh.setEnabled(false);
  }
  function toggle() {
    if (mesh.isEnabled()) hide();
    else show();
  }

  const detachButtons = onEachMotionController(input, (_source, mc) => {
    const removers: Array<() => void> = [];
    for (const id of MENU_BUTTONS) {
      const comp = mc.getComponent(id);
      if (!comp) continue;
      const o = comp.onButtonStateChangedObservable.add((c) => {
        if (c.changes.pressed && c.pressed) toggle();
      });
      removers.push(() => comp.onButtonStateChangedObservable.remove(o));
    }
    return () => removers.forEach((r) => r());
  });
  const offLang = deps.i18n.onChange(() => {
    if (mesh.isEnabled()) render();
  });
  const offActions = deps.onActionsChange?.(() => {
    if (mesh.isEnabled()) render();
  });

  return {
    mesh,
    ui,
    show,
    hide,
    toggle,
    get visible() {
      return mesh.isEnabled();
    },
    dispose() {
      offLang();
      offActions?.();
      detachButtons();
      ui.dispose();
      mesh.dispose();
    },
  };
}
