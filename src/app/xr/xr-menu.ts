// The VR menu: there is no keyboard in a headset, so this floating panel gives the directory (jump to
// any region), the comfort setting (snap or smooth turn) and the way out. It opens in front of the
// visitor with the menu button (Y/B) or by pointing at nothing and pressing the thumbstick, and closes
// the same way or after a choice.
import type { Scene } from "@babylonjs/core/scene";
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import type { WebXRInputSource } from "@babylonjs/core/XR/webXRInputSource";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";
import { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { StackPanel } from "@babylonjs/gui/2D/controls/stackPanel";
import { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import { Button } from "@babylonjs/gui/2D/controls/button";
import { Grid } from "@babylonjs/gui/2D/controls/grid";
import type { RegionSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import type { TurnMode } from "./turning";
import { orientToward } from "../world/orient";

export interface XrMenuDeps {
  i18n: I18n;
  regions: readonly RegionSummary[];
  turnMode(): TurnMode;
  onTurnMode(mode: TurnMode): void;
  onRegion(code: string): void;
  onExit(): void;
  /** The menu opened: an open kiosk would sit at the same distance and catch the pointer. */
  onOpen?(): void;
}

const MENU_BUTTONS = ["y-button", "b-button"];

function makeButton(name: string, label: string, onClick: () => void, size = 30, background = "#1d4e5f"): Button {
  const b = Button.CreateSimpleButton(name, label);
  b.fontSize = size;
  b.color = "#ffffff";
  b.background = background;
  b.thickness = 0;
  b.cornerRadius = 10;
  b.paddingTop = "6px";
  b.paddingBottom = "6px";
  b.paddingLeft = "6px";
  b.paddingRight = "6px";
  if (b.textBlock) b.textBlock.textWrapping = true;
  b.onPointerClickObservable.add(onClick);
  return b;
}

export function createXrMenu(scene: Scene, xr: WebXRDefaultExperience, deps: XrMenuDeps) {
  const mesh = CreatePlane("xr-menu", { width: 1.2, height: 1.2, sideOrientation: Mesh.FRONTSIDE }, scene);
  mesh.setEnabled(false);
  mesh.isPickable = true;
  // GUI text on a builder plane reads mirrored in a right-handed scene; mirror the quad back.
  if (scene.useRightHandedSystem) mesh.scaling.x = -1;
  const ui = AdvancedDynamicTexture.CreateForMesh(mesh, 1200, 1200, true);
  const frame = new Rectangle("xr-menu-frame");
  frame.background = "#0d2a3aEE";
  frame.color = "#7fd1c7";
  frame.thickness = 4;
  frame.cornerRadius = 24;
  ui.addControl(frame);
  const stack = new StackPanel("xr-menu-stack");
  stack.paddingTop = "24px";
  stack.paddingLeft = "24px";
  stack.paddingRight = "24px";
  frame.addControl(stack);

  function render() {
    for (const c of [...stack.children]) c.dispose();
    const { t } = deps.i18n;
    const title = new TextBlock("xr-menu-title", t("directory.title"));
    title.fontSize = 44;
    title.fontWeight = "700";
    title.color = "#ffffff";
    title.height = "70px";
    stack.addControl(title);

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
  }

  function show() {
    deps.onOpen?.();
    render();
    const cam = xr.baseExperience.camera;
    const fwd = cam.getDirection(new Vector3(0, 0, scene.useRightHandedSystem ? -1 : 1));
    fwd.y = 0;
    fwd.normalize();
    mesh.position.set(cam.position.x + fwd.x * 1.3, cam.position.y - 0.25, cam.position.z + fwd.z * 1.3);
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

  const removers: Array<() => void> = [];
  const watch = (source: WebXRInputSource) => {
    const init = () => {
      for (const id of MENU_BUTTONS) {
        const comp = source.motionController?.getComponent(id);
        if (!comp) continue;
        const o = comp.onButtonStateChangedObservable.add((c) => {
          if (c.changes.pressed && c.pressed) toggle();
        });
        removers.push(() => comp.onButtonStateChangedObservable.remove(o));
      }
    };
    if (source.motionController) init();
    else source.onMotionControllerInitObservable.addOnce(init);
  };
  const added = xr.input.onControllerAddedObservable.add(watch);
  for (const c of xr.input.controllers) watch(c);
  const offLang = deps.i18n.onChange(() => {
    if (mesh.isEnabled()) render();
  });

  return {
    mesh,
    show,
    hide,
    toggle,
    get visible() {
      return mesh.isEnabled();
    },
    dispose() {
      offLang();
      xr.input.onControllerAddedObservable.remove(added);
      for (const r of removers) r();
      ui.dispose();
      mesh.dispose();
    },
  };
}

export type XrMenu = ReturnType<typeof createXrMenu>;
