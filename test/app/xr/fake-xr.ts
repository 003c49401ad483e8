// Small stand-ins for the parts of a Babylon XR session the xr/ modules use: input sources with
// motion controllers (thumbstick, buttons), the controller list with its added/removed events,
// the pointer selection and the teleport feature. Real Observables, so observer counts are real.
import { Observable } from "@babylonjs/core/Misc/observable";
import { Quaternion } from "@babylonjs/core/Maths/math.vector";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { WebXRInput } from "@babylonjs/core/XR/webXRInput";
import type { WebXRInputSource } from "@babylonjs/core/XR/webXRInputSource";
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";

export interface ButtonEvent { pressed: boolean; changes: { pressed?: { previous: boolean; current: boolean } } }

export function fakeController(id: string, options: { stick?: boolean; buttons?: string[]; ready?: boolean } = {}) {
  const axes = { x: 0, y: 0 };
  const buttons = new Map((options.buttons ?? []).map((b) => [b, { onButtonStateChangedObservable: new Observable<ButtonEvent>() }]));
  const motionController = {
    profileId: "fake-profile",
    getComponentOfType: (type: string) => (type === "thumbstick" && options.stick !== false ? { axes } : null),
    getComponent: (name: string) => buttons.get(name) ?? null,
  };
  const raw = {
    uniqueId: id,
    inputSource: { handedness: id },
    motionController: options.ready === false ? undefined : motionController,
    onMotionControllerInitObservable: new Observable<typeof motionController>(),
  };
  return {
    source: raw as unknown as WebXRInputSource,
    raw,
    axes,
    /** The controller's profile finished loading. */
    init() {
      raw.motionController = motionController;
      raw.onMotionControllerInitObservable.notifyObservers(motionController);
    },
    press(name: string) {
      buttons.get(name)!.onButtonStateChangedObservable.notifyObservers({ pressed: true, changes: { pressed: { previous: false, current: true } } });
    },
    buttonObservers: (name: string) => (buttons.get(name)!.onButtonStateChangedObservable.hasObservers() ? 1 : 0),
  };
}

export type FakeController = ReturnType<typeof fakeController>;

export function fakeInput() {
  const raw = {
    controllers: [] as WebXRInputSource[],
    onControllerAddedObservable: new Observable<WebXRInputSource>(),
    onControllerRemovedObservable: new Observable<WebXRInputSource>(),
  };
  return {
    input: raw as unknown as WebXRInput,
    raw,
    add(c: FakeController) {
      raw.controllers.push(c.source);
      raw.onControllerAddedObservable.notifyObservers(c.source);
    },
    remove(c: FakeController) {
      raw.controllers.splice(raw.controllers.indexOf(c.source), 1);
      raw.onControllerRemovedObservable.notifyObservers(c.source);
    },
  };
}

export function fakeXr() {
  const input = fakeInput();
  const under = new Map<string, AbstractMesh>();
  const raw = {
    input: input.input,
    pointerSelection: { getMeshUnderPointer: (id: string) => under.get(id) ?? null },
    teleportation: { skipNextTeleportation: false, teleportationEnabled: true, rotationAngle: 0 },
    baseExperience: { camera: { rotationQuaternion: Quaternion.Identity() } },
  };
  return { xr: raw as unknown as WebXRDefaultExperience, raw, input, under };
}
