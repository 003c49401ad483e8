// The app's per-frame work, in the one order it runs (as Hubs' mainTick): a single
// onBeforeRender observer calls the steps of FRAME_STEPS in turn, and a single onAfterRender
// observer those of AFTER_FRAME_STEPS. No module adds a render observer of its own; it exposes a
// step and whoever builds it puts that step in its slot. A new per-frame job is a new name here.
import type { Observable, Observer } from "@babylonjs/core/Misc/observable";

export const FRAME_STEPS = [
  "xr-viewer", //       XR: the headset's height above the floor, read inside the XR frame
  "xr-thumbsticks", //  XR: what each thumbstick means this frame (aim, turn or scroll)
  "xr-smooth-turn", //  XR: smooth turning from a stick that turns
  "xr-panel-scroll", // XR: scrolling the kiosk panel from a stick that scrolls
  "attract", //         lobby: the attract loop's orbiting camera
  "stick", //           touch: the on-screen joystick walks and turns the walking viewer
  "glide", //           click/tap-to-move: one step toward the target
  "ground", //          walking: keep the eye above the floor under it
  "doorways", //        entering or leaving a building when the visitor reaches its door
  "presence-send", //   presence: the own head pose, offered to the send throttle (after every move above)
  "presence-guide", //  presence: a guide's teleports (a jump of over 1.5 m) told to the followers
  "presence-avatars", // presence: the others, interpolated, drawn as avatars; name tags face the camera
  "spectator-camera", // spectator screen: the third-person camera on the guide (or the orbit), after the avatars moved
] as const;

export const AFTER_FRAME_STEPS = [
  "stats", // test hook: draw calls and triangles of the frame just drawn
] as const;

export type FrameStepName = (typeof FRAME_STEPS)[number];
export type AfterFrameStepName = (typeof AFTER_FRAME_STEPS)[number];
/** A step gets the seconds since the last frame (at most 0.1: a stalled tab does not jump). */
export type FrameStep = (dtS: number) => void;

export interface FrameLoop {
  /** Runs `step` every frame in its place until the returned function is called; one step per name. */
  set(name: FrameStepName, step: FrameStep): () => void;
  setAfter(name: AfterFrameStepName, step: FrameStep): () => void;
  /** Names of the steps that currently run, in order (for tests and the architecture document). */
  active(): string[];
  dispose(): void;
}

const MAX_DT_S = 0.1;

/** What the loop needs of a Babylon scene. */
export interface FrameSource<T> {
  onBeforeRenderObservable: Observable<T>;
  onAfterRenderObservable: Observable<T>;
  getEngine(): { getDeltaTime(): number };
}

export function createFrameLoop<T>(scene: FrameSource<T>): FrameLoop {
  const before: (FrameStep | null)[] = FRAME_STEPS.map(() => null);
  const after: (FrameStep | null)[] = AFTER_FRAME_STEPS.map(() => null);
  const dt = () => Math.min(scene.getEngine().getDeltaTime() / 1000, MAX_DT_S);
  // Plain loops over fixed arrays: a frame allocates nothing here.
  const run = (steps: (FrameStep | null)[]) => {
    const d = dt();
    for (let i = 0; i < steps.length; i++) steps[i]?.(d);
  };
  const beforeObserver: Observer<T> = scene.onBeforeRenderObservable.add(() => run(before));
  const afterObserver: Observer<T> = scene.onAfterRenderObservable.add(() => run(after));

  function put(slots: (FrameStep | null)[], names: readonly string[], name: string, step: FrameStep): () => void {
    const at = names.indexOf(name);
    if (at < 0) throw new Error(`frame-loop: no step named ${JSON.stringify(name)}`);
    if (slots[at]) throw new Error(`frame-loop: step ${name} is already set`);
    slots[at] = step;
    return () => {
      if (slots[at] === step) slots[at] = null;
    };
  }

  return {
    set: (name, step) => put(before, FRAME_STEPS, name, step),
    setAfter: (name, step) => put(after, AFTER_FRAME_STEPS, name, step),
    active: () => [
      ...FRAME_STEPS.filter((_, i) => before[i] !== null),
      ...AFTER_FRAME_STEPS.filter((_, i) => after[i] !== null),
    ],
    dispose() {
      scene.onBeforeRenderObservable.remove(beforeObserver);
      scene.onAfterRenderObservable.remove(afterObserver);
      before.fill(null);
      after.fill(null);
    },
  };
}
