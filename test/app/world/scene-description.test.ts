import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseSceneDescription, SceneDescriptionError } from "../../../src/app/world/scene-description";

const valid = () => ({
  version: 1,
  plaza: { model: "models/plaza.glb" },
  interior: { model: "models/interior.glb", origin: [0, 0, -500] },
  buildings: [
    { region: "3273", model: "models/building-3273.glb", position: [10, 0, -20], rotationY: 1.5 },
    { region: "3204", model: "models/building-3204.glb", position: [-4, 0.5, 8] },
  ],
});

describe("world/scene-description", () => {
  it("parses a description, filling the optional rotation and origin", () => {
    const d = parseSceneDescription(valid());
    assert.equal(d.buildings.length, 2, "both buildings");
    assert.deepEqual(d.buildings[0], { region: "3273", model: "models/building-3273.glb", position: [10, 0, -20], rotationY: 1.5 }, "as given");
    assert.equal(d.buildings[1]?.rotationY, 0, "rotation defaults to 0");
    const noOrigin = parseSceneDescription({ ...valid(), interior: { model: "models/interior.glb" } });
    assert.deepEqual(noOrigin.interior.origin, [0, 0, 0], "origin defaults to the world origin");
  });

  it("parses the repository's own scenes/plaza.json: the 27 regions, each once", () => {
    const d = parseSceneDescription(JSON.parse(readFileSync("scenes/plaza.json", "utf8")));
    assert.equal(d.buildings.length, 27, "27 kabupaten/kota");
    assert.equal(new Set(d.buildings.map((b) => b.region)).size, 27, "no region twice");
  });

  const cases: Array<[string, (d: ReturnType<typeof valid>) => unknown, RegExp]> = [
    ["not an object", () => [], /scene must be an object/],
    ["another version", (d) => ({ ...d, version: 2 }), /version must be 1/],
    ["no buildings", (d) => ({ ...d, buildings: [] }), /buildings must be a non-empty array/],
    ["a region outside Jawa Barat", (d) => ({ ...d, buildings: [{ ...d.buildings[0], region: "3173" }] }), /buildings\[0\]\.region must be a Jawa Barat code/],
    ["a region twice", (d) => ({ ...d, buildings: [d.buildings[0], d.buildings[0]] }), /buildings\[1\]\.region repeats 3273/],
    ["a model path leaving the assets", (d) => ({ ...d, plaza: { model: "models/../../secret.glb" } }), /plaza\.model must be a relative \.glb path/],
    ["an absolute URL as model", (d) => ({ ...d, interior: { model: "https://cdn.example/x.glb" } }), /interior\.model must be a relative \.glb path/],
    ["a position of two numbers", (d) => ({ ...d, buildings: [{ ...d.buildings[0], position: [1, 2] }] }), /buildings\[0\]\.position must be \[x, y, z\]/],
    ["a position that is not finite", (d) => ({ ...d, buildings: [{ ...d.buildings[0], position: [1, Number.NaN, 2] }] }), /buildings\[0\]\.position\[1\] must be a finite number/],
    ["a rotation given as text", (d) => ({ ...d, buildings: [{ ...d.buildings[0], rotationY: "90" }] }), /buildings\[0\]\.rotationY must be a finite number/],
  ];
  for (const [what, make, message] of cases) {
    it(`refuses ${what}, naming the field`, () => {
      assert.throws(() => parseSceneDescription(make(valid())), (e: unknown) => e instanceof SceneDescriptionError && message.test((e as Error).message), `a SceneDescriptionError matching ${message}`);
    });
  }
});
