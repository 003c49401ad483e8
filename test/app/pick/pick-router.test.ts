import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { PointerEventTypes, PointerInfo } from "@babylonjs/core/Events/pointerEvents";
import { PickingInfo } from "@babylonjs/core/Collisions/pickingInfo";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createPickRouter, roleRoute, withRole, type PickHit } from "../../../src/app/pick/pick-router";

function setup() {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  const close = () => {
    scene.dispose();
    engine.dispose();
  };
  return { scene, close };
}

const hit = (mesh: Mesh, point: Vector3 | null = null): PickHit => ({ mesh, point, faceId: 0 });

describe("pick/pick-router", () => {
  it("gives a pick to the first route in PICK_ORDER that owns the mesh, and says when none does", () => {
    const { scene, close } = setup();
    const router = createPickRouter(scene, { screenPointer: () => true });
    const a = new Mesh("a", scene);
    const b = new Mesh("b", scene);
    const ran: string[] = [];
    // Set in reverse order: the order of PICK_ORDER counts, not the order of set().
    router.set("floor", { owns: () => true, run: () => ran.push("floor") });
    router.set("counter-kiosk", { owns: (m) => m === a, run: () => ran.push("counter-kiosk") });
    assert.equal(router.route(hit(a)), true, "a is routed");
    assert.equal(router.route(hit(b)), true, "b is routed");
    assert.deepEqual(ran, ["counter-kiosk", "floor"], "the counter route comes before the floor route");
    const none = createPickRouter(scene, { screenPointer: () => true });
    assert.equal(none.route(hit(a)), false, "no route owns it");
    router.dispose();
    none.dispose();
    close();
  });

  it("removes a route with the function set returned, and refuses a second route of a name", () => {
    const { scene, close } = setup();
    const router = createPickRouter(scene, { screenPointer: () => true });
    const off = router.set("building", { owns: () => true, run: () => {} });
    assert.throws(() => router.set("building", { owns: () => true, run: () => {} }), /already set/, "one route per name");
    off();
    assert.equal(router.route(hit(new Mesh("m", scene))), false, "removed");
    router.dispose();
    close();
  });

  it("routes a headset's tap by the ray's own pick, without a floor point", () => {
    const { scene, close } = setup();
    const router = createPickRouter(scene, { screenPointer: () => false });
    const mesh = new Mesh("kiosk", scene);
    const got: PickHit[] = [];
    router.set("counter-kiosk", { owns: (m) => m === mesh, run: (h) => got.push(h) });
    const pick = new PickingInfo();
    pick.hit = true;
    pick.pickedMesh = mesh;
    pick.pickedPoint = new Vector3(1, 2, 3);
    pick.faceId = 6;
    scene.onPointerObservable.notifyObservers(new PointerInfo(PointerEventTypes.POINTERTAP, {} as PointerEvent, pick));
    scene.onPointerObservable.notifyObservers(new PointerInfo(PointerEventTypes.POINTERMOVE, {} as PointerEvent, pick));
    assert.equal(got.length, 1, "only the tap is routed");
    assert.equal(got[0]?.mesh, mesh, "to the mesh the ray picked");
    assert.equal(got[0]?.point, null, "no floor point in a headset");
    assert.equal(got[0]?.faceId, 6, "with its face (which counter label)");
    router.dispose();
    assert.equal(scene.onPointerObservable.hasObservers(), false, "its pointer observer is removed on dispose");
    close();
  });

  it("finds the nearest node with a glTF role, and a role route runs with that node's extras", () => {
    const { scene, close } = setup();
    const building = new TransformNode("building-3273", scene);
    building.metadata = { gltf: { extras: { role: "building", region: "3273" } } };
    const wall = new Mesh("wall", scene);
    wall.parent = building;
    wall.metadata = { gltf: { extras: { role: "blocker" } } };
    const loose = new Mesh("loose", scene);
    assert.equal(withRole(wall, "building")?.node, building, "the wall's building");
    assert.equal(withRole(wall, "blocker")?.node, wall, "the wall itself for its own role");
    assert.equal(withRole(loose, "building"), null, "no building above a loose mesh");
    const regions: unknown[] = [];
    const route = roleRoute("building", (_h, target) => regions.push(target.extras.region));
    assert.equal(route.owns(wall), true, "owns a mesh inside a building");
    assert.equal(route.owns(loose), false, "not a loose mesh");
    route.run(hit(wall));
    assert.deepEqual(regions, ["3273"], "ran with the building's region");
    close();
  });
});
