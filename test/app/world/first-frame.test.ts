// Startup order (issue 18 point 1), by counts in Node (NullEngine, the real models): when the page
// may draw its first frame (onDrawable), the ground and hub are in and ready to draw and no
// building has been parsed yet; every building's bytes were asked for by then, nearest first, and
// the buildings are parsed only after the page's first frame was drawn.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Scene } from "@babylonjs/core/scene";
import type { Node } from "@babylonjs/core/node";
import { startNodeExperience, type NodeExperience } from "../../support/node-experience";
import { fsFetch } from "../../support/fs-fetch";
import { drawable } from "../../../src/app/world/when-ready";
import { nearestFirst } from "../../../src/app/world/plaza";
import { parseSceneDescription } from "../../../src/app/world/scene-description";

const description = parseSceneDescription(JSON.parse(readFileSync("scenes/plaza.json", "utf8")));

/** The building (holder "building-<region>") a node belongs to, or null for the ground and hub. */
function buildingOf(n: Node | null): string | null {
  for (; n; n = n.parent) if (n.name.startsWith("building-")) return n.name;
  return null;
}

interface AtFirstFrame {
  meshes: number;
  buildingMeshes: number;
  notReady: string[];
  buildingRequests: number;
  /** Distinct materials among the meshes drawn (each a shader program to compile before the frame). */
  materials: string[];
  legendDrawn: boolean;
}

/** The plaza's legend panel (glTF extras role "legend" on it or a parent). */
function legendOf(scene: Scene) {
  const role = (n: Node | null): string | undefined => (n?.metadata as { gltf?: { extras?: { role?: string } } } | null)?.gltf?.extras?.role;
  return scene.meshes.find((m) => {
    for (let n: Node | null = m; n; n = n.parent) if (role(n) === "legend") return true;
    return false;
  });
}

describe("startup order (NullEngine)", function () {
  this.timeout(180_000);
  let ctx: NodeExperience;
  const requests: string[] = [];
  let first: AtFirstFrame | null = null;
  let buildingMeshesWhileFrameDrawn = -1;

  before(async () => {
    const files = fsFetch({ "/assets/": "assets", "/scenes/": "scenes" });
    ctx = await startNodeExperience({
      deps: {
        fetch: ((input: string | URL | Request, init?: RequestInit) => {
          requests.push(String(input instanceof Request ? input.url : input));
          return files(input, init);
        }) as typeof fetch,
        onDrawable: async (scene: Scene) => {
          const inBuildings = () => scene.meshes.filter((m) => buildingOf(m) !== null).length;
          first = {
            meshes: scene.meshes.length,
            buildingMeshes: inBuildings(),
            notReady: drawable(scene.meshes).filter((m) => !m.isReady(true)).map((m) => m.name),
            buildingRequests: requests.filter((u) => u.includes("/building-")).length,
            materials: [...new Set(drawable(scene.meshes).map((m) => m.material?.name ?? "(none)"))].sort(),
            legendDrawn: drawable(scene.meshes).includes(legendOf(scene)!),
          };
          // The page draws its frame here (a few event-loop turns): nothing of a building may
          // arrive before that frame is done.
          await new Promise((r) => setTimeout(r, 50));
          buildingMeshesWhileFrameDrawn = inBuildings();
        },
      },
    });
  });
  after(async () => {
    await ctx?.close();
  });

  it("offers the first frame with the ground and hub only, every mesh of it ready to draw", () => {
    assert.ok(first, "onDrawable was called");
    assert.ok(first.meshes > 0, `the ground and hub are in the scene (${first.meshes} meshes)`);
    assert.equal(first.buildingMeshes, 0, "no building mesh is in the scene at the first frame");
    assert.deepEqual(first.notReady, [], "every mesh of the first frame has its shader and textures");
  });

  it("compiles no program for the legend before it is painted", () => {
    assert.equal(first?.legendDrawn, false, "the legend is not in the first frame (a blank lit panel would cost a program)");
    assert.ok(!first?.materials.some((n) => n === "legend"), `no legend material in the first frame (${first?.materials.join(", ")})`);
    const signs = ctx.exp.scene.meshes.filter((m) => m.name === "plaza-signs" && drawable([m]).length === 1);
    assert.equal(signs.length, 1, "once started, the legend is drawn as a panel of the signs' atlas");
  });

  it("parses no building before the page's first frame is drawn", () => {
    assert.equal(buildingMeshesWhileFrameDrawn, 0, "no building was added while the first frame was being drawn");
    assert.equal(ctx.exp.places.buildings.length, 27, "all 27 buildings arrive after it");
  });

  it("asks for every building's bytes by the first frame, nearest to the hub first", () => {
    assert.equal(first?.buildingRequests, 27, "all 27 building models were requested while the ground was parsed");
    const asked = requests.filter((u) => u.includes("/building-")).map((u) => u.slice(u.lastIndexOf("/") + 1));
    const nearest = nearestFirst(description).map((b) => b.model.slice(b.model.lastIndexOf("/") + 1));
    assert.deepEqual(asked, nearest, "requested in order of distance from the hub");
    const d = (m: string) => {
      const b = description.buildings.find((x) => x.model.endsWith(m))!;
      return Math.hypot(b.position[0], b.position[2]);
    };
    assert.ok(d(asked[0]!) < d(asked.at(-1)!), "the first request is nearer than the last");
  });
});
