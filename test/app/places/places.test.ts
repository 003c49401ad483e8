// The places of a visit, on the real plaza and interior models (NullEngine).
import assert from "node:assert/strict";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { startNodeExperience, type NodeExperience } from "../../support/node-experience";
import { EXIT, type Place } from "../../../src/app/places/places";

describe("places/places (NullEngine)", function () {
  this.timeout(120_000);
  let ctx: NodeExperience;
  const errors: unknown[] = [];
  const seen: Place[] = [];
  before(async () => {
    ctx = await startNodeExperience({ deps: { onError: (e) => errors.push(e) } });
    ctx.exp.places.onChange((p) => seen.push(p));
  });
  after(async () => {
    await ctx?.close();
  });

  it("starts on the plaza, at the hub, with every building's door watched", () => {
    const { places, walking } = ctx.exp;
    assert.deepEqual(places.current, { kind: "plaza", near: null }, "on the plaza");
    const hub = places.hub();
    assert.ok(hub, "the plaza has a hub");
    const eye = walking.eye();
    assert.ok(Math.hypot(eye.x - hub.x, eye.z - hub.z) < 30, "the visitor starts near the hub");
    const doors = places.surfaces().doorways.map((d) => d.id);
    assert.equal(doors.length, 27, "a doorway per building");
    assert.ok(doors.includes("3273"), "named by region");
  });

  it("takes the visitor to a building's door, and tells which building", () => {
    const { places, walking } = ctx.exp;
    seen.length = 0;
    assert.equal(places.goToDoor("3273"), true, "a known region");
    assert.equal(places.goToDoor("3299"), false, "an unknown one");
    assert.deepEqual(seen, [{ kind: "plaza", near: "3273" }], "one change, naming the building");
    const door = places.doorOf("3273")!;
    const eye = walking.eye();
    assert.ok(Math.abs(Math.hypot(eye.x - door.x, eye.z - door.z) - 4) < 0.01, "4 m from the door");
  });

  it("enters a building once however often asked, with its exit as the only doorway", async () => {
    const { places } = ctx.exp;
    seen.length = 0;
    const [a, b] = await Promise.all([places.enter("3273"), places.enter("3273")]);
    assert.ok(a, "entered");
    assert.equal(a, b, "the two calls share one interior");
    assert.equal(await places.enter("3273"), a, "entering the building one stands in changes nothing");
    assert.deepEqual(seen, [{ kind: "building", region: "3273" }], "one change");
    assert.deepEqual(places.surfaces().doorways.map((d) => d.id), [EXIT], "inside, only the exit is watched");
    assert.equal(places.surfaces().floors, a!.floors, "the interior's floors");
  });

  it("enters only the latest building asked for when asked for another while loading", async () => {
    const { places } = ctx.exp;
    seen.length = 0;
    const first = places.enter("3204");
    const second = places.enter("3201");
    assert.equal(await first, null, "the earlier request is superseded: it loads nothing");
    const inside = await second;
    assert.ok(inside, "the later one is entered");
    assert.equal(inside!.region.code, "3201", "the interior is the later building's");
    assert.deepEqual(seen, [{ kind: "building", region: "3201" }], "one change, to the later building");
    assert.ok(await places.enter("3273"), "back into 3273 for the tests that follow");
  });

  it("stays where it is when a building cannot be entered, and says why", async () => {
    const { places } = ctx.exp;
    errors.length = 0;
    seen.length = 0;
    assert.equal(await places.enter("3299"), null, "no such region");
    assert.equal(errors.length, 1, "the error is reported");
    assert.deepEqual(places.current, { kind: "building", region: "3273" }, "still inside 3273");
    assert.deepEqual(seen, [], "no change told");
  });

  it("leaves onto the forecourt, facing away from the door, and frees the interior", () => {
    const { places, walking } = ctx.exp;
    seen.length = 0;
    places.leave();
    assert.equal(places.interior, null, "no interior kept");
    assert.deepEqual(seen, [{ kind: "plaza", near: null }], "back on the plaza");
    const door = places.doorOf("3273")!;
    const eye = walking.eye();
    assert.ok(Math.abs(Math.hypot(eye.x - door.x, eye.z - door.z) - 3) < 0.01, "3 m out of the door");
    const away = walking.forward(new Vector3());
    const out = new Vector3(eye.x - door.x, 0, eye.z - door.z).normalize();
    assert.ok(Vector3.Dot(away, out) > 0.99, "facing away from the door");
    places.leave();
    assert.equal(seen.length, 1, "leaving the plaza does nothing");
  });
  it("keeps no key per disposed mesh in Babylon's lookup tables after visits (a lobby screen runs for weeks)", async () => {
    const { places, scene } = ctx.exp;
    for (const code of ["3204", "3201", "3273", "3204"]) {
      assert.ok(await places.enter(code), `entered ${code}`);
      places.leave();
    }
    // Babylon's default maps set a disposed mesh's key to undefined and never delete it.
    type Keyed = { [k: string]: unknown } | null | undefined;
    const keys = (m: Keyed) => (m ? Object.keys(m).length : 0);
    const live = scene.meshes.length;
    const s = scene as unknown as { _geometriesByUniqueId: Keyed };
    assert.ok(keys(s._geometriesByUniqueId) <= scene.geometries.length, `geometry map: ${keys(s._geometriesByUniqueId)} keys for ${scene.geometries.length} geometries`);
    for (const m of scene.materials) {
      assert.ok(keys((m as unknown as { meshMap: Keyed }).meshMap) <= live, `material ${m.name}: ${keys((m as unknown as { meshMap: Keyed }).meshMap)} mesh keys for ${live} meshes`);
    }
    for (const mesh of scene.meshes) {
      const clones = (mesh as unknown as { _internalMeshDataInfo?: { meshMap?: Keyed } })._internalMeshDataInfo?.meshMap;
      assert.ok(keys(clones) <= live, `mesh ${mesh.name}: ${keys(clones)} clone keys for ${live} meshes`);
    }
  });
});
