// The attract loop's camera: a slow orbit around the plaza hub, looking at it from a little
// above, so passers-by see the buildings turn past. It uses its own camera (no inputs attached)
// and hands the scene back to the camera it found when stopped.
import type { Scene } from "@babylonjs/core/scene";
import type { Camera } from "@babylonjs/core/Cameras/camera";
import { TargetCamera } from "@babylonjs/core/Cameras/targetCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { FrameLoop } from "../frame/frame-loop";

export interface AttractOrbit {
  center: readonly [number, number, number];
  /** Horizontal distance from the center, m. */
  radius: number;
  /** Eye height above the center, m. */
  height: number;
  /** Seconds for one full turn. */
  periodS: number;
}

export const DEFAULT_ORBIT: Omit<AttractOrbit, "center"> = { radius: 32, height: 12, periodS: 120 };

/** Eye position at time t (s): pure, so the path can be tested without a GPU. */
export function orbitPosition(orbit: AttractOrbit, tS: number): [number, number, number] {
  if (!(orbit.radius > 0) || !(orbit.periodS > 0)) throw new RangeError("attract-loop: radius and periodS must be positive");
  const a = (2 * Math.PI * tS) / orbit.periodS;
  const [cx, cy, cz] = orbit.center;
  return [cx + orbit.radius * Math.sin(a), cy + orbit.height, cz + orbit.radius * Math.cos(a)];
}

/** Something the orbit must not pass through: its footprint on the ground and its top, world metres. */
export interface Obstacle {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
  top: number;
}

/**
 * The orbit as close to `wanted` as it can be without the eye passing through an obstacle (issue 20:
 * the tour flew through the nearest buildings, Kota Cimahi and Kota Bandung, 19 m from the hub).
 * Pure: it first tightens the circle, 1 m at a time down to `minRadius`, until every obstacle taller
 * than the eye stays `clearance` away from it; if none fits, it keeps the radius and rises above them.
 */
export function clearOrbit(wanted: AttractOrbit, obstacles: readonly Obstacle[], clearance = 3, minRadius = 16): AttractOrbit {
  const [cx, cy, cz] = wanted.center;
  const blocking = (r: number, height: number) => obstacles.filter((o) => {
    if (o.top + clearance <= cy + height) return false; // the eye passes above it
    const x0 = o.minX - clearance - cx, x1 = o.maxX + clearance - cx, z0 = o.minZ - clearance - cz, z1 = o.maxZ + clearance - cz;
    const near = Math.hypot(Math.max(x0, 0, -x1), Math.max(z0, 0, -z1));
    const far = Math.hypot(Math.max(Math.abs(x0), Math.abs(x1)), Math.max(Math.abs(z0), Math.abs(z1)));
    return r >= near && r <= far; // the circle crosses the grown footprint
  });
  for (let r = wanted.radius; r >= Math.min(minRadius, wanted.radius); r -= 1) {
    if (blocking(r, wanted.height).length === 0) return { ...wanted, radius: r };
  }
  const over = blocking(wanted.radius, wanted.height);
  const height = Math.max(wanted.height, ...over.map((o) => o.top + clearance - cy));
  return { ...wanted, height };
}

export interface AttractLoop {
  readonly running: boolean;
  readonly camera: TargetCamera;
  readonly orbit: AttractOrbit;
  start(): void;
  /** Stops the orbit and makes the camera found at start() active again. */
  stop(): void;
  dispose(): void;
}

export function createAttractLoop(scene: Scene, frame: Pick<FrameLoop, "set">, orbit: AttractOrbit, now: () => number = () => performance.now()): AttractLoop {
  const camera = new TargetCamera("attract", new Vector3(...orbitPosition(orbit, 0)), scene, false);
  camera.minZ = 0.5;
  camera.maxZ = 1200;
  const target = new Vector3(orbit.center[0], orbit.center[1] + 2, orbit.center[2]);
  let previous: Camera | null = null;
  /** Removes the "attract" frame step while the orbit runs. */
  let stopStep: (() => void) | null = null;
  let startedAt = 0;
  // Each start continues the turn where the last one stopped, rather than jumping back.
  let offsetS = 0;

  const place = () => {
    camera.position.set(...orbitPosition(orbit, offsetS + (now() - startedAt) / 1000));
    camera.setTarget(target);
  };

  return {
    get running() { return stopStep !== null; },
    camera,
    orbit,
    start() {
      if (stopStep) return;
      previous = scene.activeCamera && scene.activeCamera !== camera ? scene.activeCamera : previous;
      startedAt = now();
      place();
      scene.activeCamera = camera;
      stopStep = frame.set("attract", place);
    },
    stop() {
      if (!stopStep) return;
      offsetS += (now() - startedAt) / 1000;
      stopStep();
      stopStep = null;
      if (previous && scene.activeCamera === camera) scene.activeCamera = previous;
    },
    dispose() {
      this.stop();
      camera.dispose();
    },
  };
}
