// Sky, sun and haze for the whole world. The world's models carry their light baked into vertex
// colours (tools/assets/bake.ts) and are drawn unlit; the scene's lights serve what is not baked
// (controllers, hands, kiosk panels) and the sun points where the bake says it stands. The sky is a
// gradient dome (one draw call, no texture) and linear fog fades the map's edge and the sea into it.
import type { Scene } from "@babylonjs/core/scene";
import { HemisphericLight } from "@babylonjs/core/Lights/hemisphericLight";
import { DirectionalLight } from "@babylonjs/core/Lights/directionalLight";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { Color3, Color4 } from "@babylonjs/core/Maths/math.color";
import { CreateSphere } from "@babylonjs/core/Meshes/Builders/sphereBuilder";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";

/** Towards the sun, as baked by tools/assets/bake.ts (a test keeps the two equal). */
export const SUN_DIRECTION: readonly [number, number, number] = [0.42, 0.78, 0.46];

export const SKY = {
  zenith: [0.3, 0.55, 0.86],
  horizon: [0.8, 0.87, 0.93],
  /** Fog from this distance (m) to `fogEnd`, in the horizon colour: the map's far edge melts into the sky. */
  fogStart: 220,
  fogEnd: 900,
  radius: 1200,
} as const;

/** Sky colour at height share t (0 = horizon, 1 = zenith). */
export function skyColorAt(t: number): [number, number, number] {
  const k = Math.max(0, Math.min(1, t)) ** 0.6;
  return [0, 1, 2].map((i) => SKY.horizon[i]! + (SKY.zenith[i]! - SKY.horizon[i]!) * k) as [number, number, number];
}

export function createEnvironment(scene: Scene) {
  const [hr, hg, hb] = SKY.horizon;
  scene.clearColor = new Color4(hr, hg, hb, 1);
  scene.ambientColor = new Color3(0.25, 0.25, 0.25);
  scene.fogMode = 3; // Scene.FOGMODE_LINEAR (the constant lives on Scene; a type-only import here)
  scene.fogColor = new Color3(hr, hg, hb);
  scene.fogStart = SKY.fogStart;
  scene.fogEnd = SKY.fogEnd;

  const sky = new HemisphericLight("sky", new Vector3(0, 1, 0), scene);
  sky.intensity = 0.75;
  sky.diffuse = new Color3(0.85, 0.9, 1);
  sky.groundColor = new Color3(0.4, 0.37, 0.32);
  const [sx, sy, sz] = SUN_DIRECTION;
  // A DirectionalLight's direction is where the light travels: away from the sun.
  const sun = new DirectionalLight("sun", new Vector3(-sx, -sy, -sz).normalize(), scene);
  sun.intensity = 0.8;
  sun.diffuse = new Color3(1, 0.93, 0.82);

  // The dome: vertex colours from horizon to zenith, unlit, unfogged, always around the viewer.
  // 6 segments (256 triangles): the colour changes with height only, and a headset draws it twice.
  const dome = CreateSphere("sky-dome", { diameter: SKY.radius * 2, segments: 6, sideOrientation: 1 /* BACKSIDE */ }, scene);
  const positions = dome.getVerticesData(VertexBuffer.PositionKind)!;
  const colors = new Float32Array((positions.length / 3) * 4);
  for (let i = 0; i < positions.length / 3; i++) {
    const c = skyColorAt(positions[i * 3 + 1]! / SKY.radius);
    colors.set([c[0], c[1], c[2], 1], i * 4);
  }
  dome.setVerticesData(VertexBuffer.ColorKind, colors, false);
  const material = new StandardMaterial("sky-dome", scene);
  material.disableLighting = true;
  material.emissiveColor = Color3.White();
  material.diffuseColor = Color3.Black();
  material.specularColor = Color3.Black();
  material.fogEnabled = false;
  material.backFaceCulling = false;
  material.freeze();
  dome.material = material;
  dome.infiniteDistance = true;
  dome.isPickable = false;
  dome.applyFog = false;
  dome.renderingGroupId = 0;
  dome.alwaysSelectAsActiveMesh = true;
  dome.doNotSyncBoundingInfo = true;

  return {
    sun,
    dispose() {
      dome.dispose();
      material.dispose();
      sky.dispose();
      sun.dispose();
    },
  };
}
