// Stands in for a building whose model is missing or corrupt: a plain block with the same roles
// (floor, blocker, entrance, signage), so the region stays reachable and everything else works.
import type { Scene } from "@babylonjs/core/scene";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createSignQuad } from "./sign-atlas";
import { orientToward } from "./orient";
import type { Material } from "@babylonjs/core/Materials/material";

function tag(node: TransformNode, extras: Record<string, unknown>): void {
  node.metadata = { gltf: { extras } };
}

/** Builds the placeholder under a new root at the origin; the caller places the root. */
export function createPlaceholderBuilding(scene: Scene, region: string, material: Material): TransformNode {
  const root = new TransformNode(`placeholder-${region}`, scene);
  tag(root, { role: "building", region, placeholder: true });

  const body = CreateBox(`placeholder-${region}-body`, { width: 10, depth: 8, height: 5 }, scene);
  body.position.y = 2.5;
  body.material = material;
  body.parent = root;
  tag(body, { role: "blocker" });

  const apron = CreateBox(`placeholder-${region}-floor`, { width: 8, depth: 4, height: 0.1 }, scene);
  apron.position.set(0, 0.05, 6);
  apron.material = material;
  apron.parent = root;
  tag(apron, { role: "floor" });

  const entrance = new TransformNode(`placeholder-${region}-entrance`, scene);
  entrance.position.set(0, 0, 4.5);
  entrance.parent = root;
  tag(entrance, { role: "entrance" });

  const sign = createSignQuad(scene, `placeholder-${region}-sign`, 6, 1.5);
  sign.position.set(0, 4, 4.06);
  orientToward(sign, new Vector3(0, 0, 1));
  sign.parent = root;
  tag(sign, { role: "signage" });
  return root;
}
