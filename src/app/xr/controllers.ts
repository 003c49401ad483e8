// One way to work with each motion controller of a session: `attach` runs for every controller,
// present and future, once its motion controller (buttons, sticks) is known, and what it returns
// runs when that controller goes away or the whole attachment is removed. Nothing is left
// registered on an input source after the returned removal, including the wait for a controller
// whose profile is still loading.
import type { WebXRInput } from "@babylonjs/core/XR/webXRInput";
import type { WebXRInputSource } from "@babylonjs/core/XR/webXRInputSource";
import type { WebXRAbstractMotionController } from "@babylonjs/core/XR/motionController/webXRAbstractMotionController";
import type { Observer } from "@babylonjs/core/Misc/observable";

export type ControllerAttach = (source: WebXRInputSource, motionController: WebXRAbstractMotionController) => (() => void) | void;

type InputLike = Pick<WebXRInput, "controllers" | "onControllerAddedObservable" | "onControllerRemovedObservable">;

export function onEachMotionController(input: InputLike, attach: ControllerAttach): () => void {
  /** Per input source: its detach (once attached) or its wait for the motion controller. */
  const held = new Map<WebXRInputSource, () => void>();

  const watch = (source: WebXRInputSource) => {
    if (held.has(source)) return;
    if (source.motionController) {
      held.set(source, attach(source, source.motionController) ?? (() => {}));
      return;
    }
    const waiting: Observer<WebXRAbstractMotionController> = source.onMotionControllerInitObservable.add((mc) => {
      source.onMotionControllerInitObservable.remove(waiting);
      held.set(source, attach(source, mc) ?? (() => {}));
    });
    held.set(source, () => source.onMotionControllerInitObservable.remove(waiting));
  };
  const release = (source: WebXRInputSource) => {
    const off = held.get(source);
    held.delete(source);
    off?.();
  };

  for (const c of input.controllers) watch(c);
  const added = input.onControllerAddedObservable.add(watch);
  const removed = input.onControllerRemovedObservable.add(release);
  return () => {
    input.onControllerAddedObservable.remove(added);
    input.onControllerRemovedObservable.remove(removed);
    for (const source of [...held.keys()]) release(source);
  };
}
