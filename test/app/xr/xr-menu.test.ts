import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { installFakeCanvas } from "../../support/fake-canvas";
import { Scene } from "@babylonjs/core/scene";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createI18n } from "../../../src/app/i18n/i18n";
import type { Viewer } from "../../../src/app/viewer/viewer";
import { createXrMenu, XR_MENU_ROWS_PER_PAGE, type XrMenuAction, type XrMenuPage } from "../../../src/app/xr/xr-menu";
import type { Button } from "@babylonjs/gui/2D/controls/button";
import type { TextBlock } from "@babylonjs/gui/2D/controls/textBlock";
import { bandungSummary, bogorSummary } from "../fixtures";
import { fakeController, fakeInput } from "./fake-xr";
import { XR_OVERLAY_GROUP } from "../../../src/app/xr/draw-order";
import type { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { Color4 } from "@babylonjs/core/Maths/math.color";

installFakeCanvas();

/** A viewer standing at the origin, eyes at 1.6 m, looking along -Z. */
const viewer: Viewer = {
  kind: "xr",
  eye: () => new Vector3(0, 1.6, 0),
  forward: (out) => out.set(0, 0, -1),
  foot: (out) => out.set(0, 0, 0),
  placeAt: () => {},
};

function setup(inside = false, actions?: () => readonly XrMenuAction[], onActionsChange?: (l: () => void) => () => void) {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  scene.useRightHandedSystem = true;
  const input = fakeInput();
  const events: string[] = [];
  const menu = createXrMenu(scene, input.input, {
    i18n: createI18n({ url: new URL("http://localhost/") }),
    viewer,
    regions: [bandungSummary, bogorSummary],
    turnMode: () => "snap",
    onTurnMode: (m) => events.push(`turn:${m}`),
    onRegion: (code) => events.push(`region:${code}`),
    onExit: () => events.push("exit"),
    onOpen: () => events.push("open"),
    inside: () => inside,
    onToPlaza: () => events.push("to-plaza"),
    ...(actions ? { actions } : {}),
    ...(onActionsChange ? { onActionsChange } : {}),
  });
  const close = () => {
    scene.dispose();
    engine.dispose();
  };
  return { menu, input, events, close };
}

describe("xr/xr-menu", () => {
  it("opens 1.3 m ahead of the viewer, a little below the eyes, and tells who must make room", () => {
    const { menu, events, close } = setup();
    menu.show();
    assert.equal(menu.visible, true, "shown");
    assert.deepEqual(menu.mesh.position.asArray().map((v) => Math.round(v * 100) / 100), [0, 1.35, -1.3], "ahead and below the eye");
    assert.deepEqual(events, ["open"], "onOpen told (the open kiosk closes)");
    menu.dispose();
    close();
  });

  it("is drawn over the world, on an opaque background (no wall, board or kiosk text shows through)", () => {
    const { menu, close } = setup();
    menu.show();
    assert.equal(menu.mesh.renderingGroupId, XR_OVERLAY_GROUP, "in the overlay rendering group");
    assert.ok(XR_OVERLAY_GROUP > 0, "which is drawn after the world's group 0");
    const frame = menu.ui.getControlByName("xr-menu-frame") as Rectangle;
    assert.equal(Color4.FromHexString(frame.background.length === 7 ? `${frame.background}FF` : frame.background).a, 1, `frame background ${frame.background} is opaque`);
    menu.dispose();
    close();
  });

  it("toggles with Y or B on any controller, also one whose profile loads later", () => {
    const { menu, input, close } = setup();
    const left = fakeController("left", { buttons: ["y-button"] });
    input.add(left);
    const right = fakeController("right", { buttons: ["b-button"], ready: false });
    input.add(right);
    left.press("y-button");
    assert.equal(menu.visible, true, "Y opens");
    right.init();
    right.press("b-button");
    assert.equal(menu.visible, false, "B (loaded later) closes");
    menu.dispose();
    close();
  });

  it("leaves no observer on any controller after dispose, also on one whose profile never loaded", () => {
    const { menu, input, close } = setup();
    const ready = fakeController("left", { buttons: ["y-button"] });
    const loading = fakeController("right", { buttons: ["b-button"], ready: false });
    input.add(ready);
    input.add(loading);
    menu.dispose();
    assert.equal(ready.buttonObservers("y-button"), 0, "the Y button's observer is removed");
    assert.equal(loading.raw.onMotionControllerInitObservable.hasObservers(), false, "the wait for the right controller is removed");
    assert.equal(input.raw.onControllerAddedObservable.hasObservers(), false, "no controller-added observer left");
    close();
  });

  it("offers 'Ke plaza' inside a building, first, and not on the plaza", () => {
    const outside = setup(false);
    outside.menu.show();
    assert.equal(outside.menu.ui.getControlByName("xr-to-plaza"), null, "no 'Ke plaza' on the plaza");
    outside.menu.dispose();
    outside.close();
    const { menu, events, close } = setup(true);
    menu.show();
    const button = menu.ui.getControlByName("xr-to-plaza") as import("@babylonjs/gui/2D/controls/button").Button | null;
    assert.ok(button, "'Ke plaza' is offered inside");
    assert.equal(button.textBlock?.text, "Ke plaza", "in the visitor's language");
    button.onPointerClickObservable.notifyObservers({} as never);
    assert.deepEqual(events, ["open", "to-plaza"], "choosing it leaves the building");
    assert.equal(menu.visible, false, "and closes the menu");
    menu.dispose();
    close();
  });

  it("opens an action's page, stays on it after a staying action, pages a long list and goes back", async () => {
    const ran: string[] = [];
    let locked = false;
    const visitors = Array.from({ length: XR_MENU_ROWS_PER_PAGE + 2 }, (_, i) => `v${i}`);
    const page = (): XrMenuPage => ({
      title: "Alat pemandu",
      actions: [{ name: "lock", label: locked ? "Buka kunci" : "Kunci", stay: true, active: locked, run: () => { locked = !locked; } }],
      rows: visitors.map((id) => ({ name: `row-${id}`, label: id, actions: [{ name: `remove-${id}`, label: "Keluarkan", stay: true, run: () => ran.push(id) }] })),
      empty: "Tidak ada",
    });
    let redraw: (() => void) | null = null;
    const { menu, close } = setup(false, () => [{ name: "go", label: "Pergi", run: () => ran.push("go") }, { name: "tools", label: "Alat", page }], (l) => { redraw = l; return () => { redraw = null; }; });
    // The menu redraws after the pointer event (a microtask later): wait for it.
    const click = async (name: string) => {
      const b = menu.ui.getControlByName(name) as Button | null;
      assert.ok(b, `${name} is drawn`);
      b.onPointerClickObservable.notifyObservers({} as never);
      await Promise.resolve();
    };
    menu.show();
    await click("tools");
    assert.equal(menu.visible, true, "a page opens in the menu");
    assert.equal((menu.ui.getControlByName("xr-menu-title") as TextBlock).text, "Alat pemandu", "with its title");
    assert.equal(menu.ui.getControlByName("xr-region-3273"), null, "instead of the directory");
    await click("lock");
    assert.equal(menu.visible, true, "a staying action keeps the menu open");
    assert.equal((menu.ui.getControlByName("lock") as Button).textBlock?.text, "Buka kunci", "and redraws the page");
    assert.ok(menu.ui.getControlByName(`row-v${XR_MENU_ROWS_PER_PAGE - 1}-label`), "the first rows are drawn");
    assert.equal(menu.ui.getControlByName(`row-v${XR_MENU_ROWS_PER_PAGE}`), null, "not more than a page of them");
    assert.equal(menu.ui.getControlByName("xr-menu-prev"), null, "no way back on the first page");
    await click("xr-menu-next");
    assert.ok(menu.ui.getControlByName(`row-v${XR_MENU_ROWS_PER_PAGE + 1}`), "the next rows");
    await click(`remove-v${XR_MENU_ROWS_PER_PAGE + 1}`);
    assert.deepEqual(ran, [`v${XR_MENU_ROWS_PER_PAGE + 1}`], "a row's button runs for its row");
    visitors.splice(0);
    redraw!();
    assert.equal((menu.ui.getControlByName("xr-menu-empty") as TextBlock | null)?.text, "Tidak ada", "a change told by the owner redraws: an empty list says so");
    await click("xr-menu-back");
    assert.ok(menu.ui.getControlByName("xr-region-3273"), "back to the directory");
    await click("go");
    assert.equal(menu.visible, false, "an action without stay closes the menu");
    menu.dispose();
    assert.equal(redraw, null, "the change listener is removed on dispose");
    close();
  });
});
