// One draw call per controller while nothing on it moves (issue 18 point 4). A Quest controller model
// is six meshes (body, trigger, grip, stick, two buttons) with one material: twelve draw calls per eye
// for both hands, every frame, though the parts only move while a finger presses or tilts. At rest a
// single mesh baked from the parts in their rest pose is drawn instead. The moment any button, trigger
// or stick leaves zero the parts are drawn again (Babylon moves them from the same values in the same
// frame), and the baked mesh is back when all return to zero. Told by the components' change events,
// so nothing runs per frame.
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { VertexData } from "@babylonjs/core/Meshes/mesh.vertexData";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Observer } from "@babylonjs/core/Misc/observable";
import type { WebXRControllerComponent } from "@babylonjs/core/XR/motionController/webXRControllerComponent";

/** Below this a value or axis draws as zero (a resting stick may report a hair off centre). */
export const REST_EPSILON = 0.01;

/** What a motion controller offers here: its components, by id. */
export interface RestingController {
  readonly components: Readonly<Record<string, WebXRControllerComponent>>;
}

export interface ControllerAtRest {
  /** The baked mesh is drawn (not the parts). */
  readonly atRest: boolean;
  readonly merged: Mesh;
  /** Draws the parts again and removes the baked mesh. */
  dispose(): void;
}

/** Whether no part of the controller is moved away from its rest pose. */
export function isAtRest(components: Iterable<Pick<WebXRControllerComponent, "value" | "axes">>): boolean {
  for (const c of components) {
    if (Math.abs(c.value) > REST_EPSILON || Math.abs(c.axes.x) > REST_EPSILON || Math.abs(c.axes.y) > REST_EPSILON) return false;
  }
  return true;
}

/**
 * Bakes the model's drawn meshes under `root` into one mesh and draws it while the controller rests.
 * Null (the parts stay as they are) when there is nothing to gain or it cannot be done exactly: fewer
 * than two parts, more than one material, skinned or morphed parts, a mirrored part, or parts whose
 * vertex attributes differ.
 */
export function drawAtRestAsOne(controller: RestingController, root: AbstractMesh): ControllerAtRest | null {
  const parts = root.getChildMeshes(false).filter((m): m is Mesh => m instanceof Mesh && m.getTotalVertices() > 0);
  const material = parts[0]?.material ?? null;
  if (parts.length < 2 || !material) return null;
  if (parts.some((p) => p.material !== material || p.skeleton || p.morphTargetManager || p.hasThinInstances)) return null;
  const toRoot = root.computeWorldMatrix(true).clone().invert();
  const data: VertexData[] = [];
  for (const p of parts) {
    const relative = p.computeWorldMatrix(true).multiply(toRoot);
    // Baking a mirror into the vertices would turn its faces inside out.
    if (relative.determinant() <= 0) return null;
    const d = VertexData.ExtractFromMesh(p, true, true);
    d.transform(relative);
    data.push(d);
  }
  let all: VertexData;
  try {
    all = data[0]!.merge(data.slice(1), true);
  } catch {
    return null; // parts with different attributes (say, one without UVs)
  }
  const merged = new Mesh(`${root.name}-at-rest`, root.getScene());
  all.applyToMesh(merged, false);
  merged.parent = root;
  merged.material = material;
  merged.isPickable = false;
  merged.renderingGroupId = parts[0]!.renderingGroupId;

  let atRest = false;
  const show = (rest: boolean) => {
    if (rest === atRest) return;
    atRest = rest;
    merged.setEnabled(rest);
    for (const p of parts) p.setEnabled(!rest);
  };
  const components = Object.values(controller.components);
  const update = () => show(isAtRest(components));
  const observers: Array<() => void> = [];
  for (const c of components) {
    const b: Observer<WebXRControllerComponent> = c.onButtonStateChangedObservable.add(update);
    const a = c.onAxisValueChangedObservable.add(update);
    observers.push(() => {
      c.onButtonStateChangedObservable.remove(b);
      c.onAxisValueChangedObservable.remove(a);
    });
  }
  merged.setEnabled(false);
  update();

  return {
    get atRest() {
      return atRest;
    },
    merged,
    dispose() {
      for (const off of observers.splice(0)) off();
      if (merged.isDisposed()) return; // went with the model
      show(false);
      merged.dispose();
    },
  };
}
