// The kiosk panel loads its GUI (a chunk of its own, issue 18) only when a kiosk first needs it or
// the page preloads it: the plane exists from the start, is drawn only once its GUI is, shows the
// latest view asked for meanwhile, and a panel closed before the GUI arrived stays closed.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { installFakeCanvas } from "../../support/fake-canvas";
import { Scene } from "@babylonjs/core/scene";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createServicePanel } from "../../../src/app/kiosk/service-panel";
import type { KioskView } from "../../../src/app/kiosk/screens/registry";

installFakeCanvas();

function view(title: string): KioskView {
  return { screen: { kind: "region", regionCode: "3273" }, status: "ready", title, items: [], sections: [], actions: [] } as unknown as KioskView;
}

/** Texts of the panel's GUI, by class name (the GUI comes through import()). */
function texts(panel: ReturnType<typeof createServicePanel>): string[] {
  return panel.ui!.getDescendants(false).filter((c) => c.getClassName() === "TextBlock").map((c) => (c as unknown as { text: string }).text);
}

describe("kiosk/service-panel (GUI loaded on demand)", () => {
  let scene: Scene;
  beforeEach(() => {
    scene = new Scene(new NullEngine());
    scene.useRightHandedSystem = true;
  });
  afterEach(() => scene.getEngine().dispose());

  it("creates no GUI until a kiosk needs it, and draws the plane only once the GUI is in", async () => {
    const panel = createServicePanel(scene);
    assert.equal(panel.ui, null, "no GUI texture at creation (the first frame does not need it)");
    assert.equal(scene.textures.length, 0, "no texture in the scene yet");
    panel.render(view("Pertama"));
    panel.render(view("Kedua"));
    panel.showAt(new Vector3(0, 1.4, -1), new Vector3(0, 1.6, 0));
    assert.equal(panel.visible, true, "the panel counts as open");
    // import() never settles synchronously: the GUI cannot be in yet.
    assert.equal(panel.ui, null, "the GUI is still loading");
    assert.equal(panel.mesh.isEnabled(), false, "an empty plane is not drawn while its GUI loads");
    await panel.preload();
    assert.ok(panel.ui, "the GUI arrived");
    assert.equal(panel.mesh.isEnabled(), true, "and the open panel is drawn");
    assert.ok(texts(panel).includes("Kedua"), "with the latest view asked for");
    assert.ok(!texts(panel).includes("Pertama"), "not an older one");
    panel.dispose();
  });

  it("keeps a panel closed before its GUI arrived closed", async () => {
    const panel = createServicePanel(scene);
    panel.render(view("Tutup"));
    panel.showAt(new Vector3(0, 1.4, -1), new Vector3(0, 1.6, 0));
    panel.hide();
    await panel.preload();
    assert.equal(panel.visible, false, "closed");
    assert.equal(panel.mesh.isEnabled(), false, "not drawn");
    panel.dispose();
  });

  it("loads the GUI once for any number of preloads and renders", async () => {
    const panel = createServicePanel(scene);
    await Promise.all([panel.preload(), panel.preload()]);
    const ui = panel.ui;
    panel.render(view("Lagi"));
    await panel.preload();
    assert.equal(panel.ui, ui, "one GUI texture");
    assert.equal(scene.textures.length, 1, "one texture in the scene");
    panel.dispose();
    assert.equal(scene.textures.length, 0, "disposed with the panel");
  });
});
