// Sky colour and lights for the whole world. No environment map or shadows: every pixel counts on a
// standalone headset, and untextured palette materials read well under two plain lights.
import type { Scene } from "@babylonjs/core/scene";
import { HemisphericLight } from "@babylonjs/core/Lights/hemisphericLight";
import { DirectionalLight } from "@babylonjs/core/Lights/directionalLight";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { Color3, Color4 } from "@babylonjs/core/Maths/math.color";

export function createEnvironment(scene: Scene) {
  scene.clearColor = new Color4(0.69, 0.84, 0.93, 1);
  scene.ambientColor = new Color3(0.25, 0.25, 0.25);
  const sky = new HemisphericLight("sky", new Vector3(0.2, 1, 0.1), scene);
  sky.intensity = 0.85;
  sky.groundColor = new Color3(0.35, 0.33, 0.3);
  const sun = new DirectionalLight("sun", new Vector3(-0.4, -1, -0.3), scene);
  sun.intensity = 0.55;
  return {
    dispose() {
      sky.dispose();
      sun.dispose();
    },
  };
}
