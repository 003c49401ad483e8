// One immersive-vr session: Babylon's default XR experience configured for a booth with no internet
// (controller profiles, controller and hand models from our own origin, no near-interaction node
// material), teleport onto role-"floor" meshes only, blockers stopping the arc, snap or smooth turn,
// pointer selection on both controllers, and a floating menu. Everything is disposed when it ends.
import { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import { WebXRState } from "@babylonjs/core/XR/webXRTypes";
import type { WebXRInputSource } from "@babylonjs/core/XR/webXRInputSource";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Vector3, Quaternion } from "@babylonjs/core/Maths/math.vector";
import type { Experience } from "../experience";
import type { I18n } from "../i18n/i18n";
import { createXrMenu, type XrMenu } from "./xr-menu";
import { createTurning, type TurnMode } from "./turning";
import { createPanelScroll } from "./panel-scroll";
import { localInputOptions, showControllerModels, type ControllerModels } from "./controller-models";
import { loadHandMeshes } from "./hand-models";
import { WebXRHandTracking } from "@babylonjs/core/XR/features/WebXRHandTracking";
// Side effects: controller classes for Quest (Touch) controllers and hands, used for any profile
// our repository does not ship (and for hands); without them Babylon falls back to a trigger-only
// controller.
import "@babylonjs/core/XR/motionController/webXROculusTouchMotionController";
import "@babylonjs/core/XR/motionController/webXRGenericHandController";
import "@babylonjs/core/XR/motionController/webXROculusHandController";
import "@babylonjs/core/XR/motionController/webXRGenericMotionController";

export interface XrRunDeps {
  experience: Experience;
  i18n: I18n;
  onEnded(): void;
  turnMode?: TurnMode;
  /** Share of the headset's native resolution to render at (1 = native). Lower is faster. */
  framebufferScale?: number;
  /** Folder on our own origin holding profiles/profilesList.json (the controller models). */
  controllerRepository: string;
}

export interface XrRun {
  xr: WebXRDefaultExperience;
  models: ControllerModels;
  menu: XrMenu;
  setTurnMode(mode: TurnMode): void;
  readonly turnMode: TurnMode;
  exit(): Promise<void>;
  dispose(): void;
}

const SNAP_ANGLE = Math.PI / 4;

/** Yaw (about +Y) that makes a camera look along `forward` in a scene of the given handedness. */
export function yawFor(forward: Vector3, rightHanded: boolean): number {
  return rightHanded ? Math.atan2(-forward.x, -forward.z) : Math.atan2(forward.x, forward.z);
}

export async function startXr(deps: XrRunDeps): Promise<XrRun> {
  const exp = deps.experience;
  const scene = exp.scene;
  const rh = scene.useRightHandedSystem;
  const cleanups: Array<() => void> = [];

  // Where the visitor stands now: the session starts there.
  const walkerCam = exp.walker.camera;
  const startFoot = walkerCam.position.subtract(new Vector3(0, exp.walker.options.eyeHeight, 0));
  const startForward = walkerCam.getDirection(new Vector3(0, 0, rh ? -1 : 1));

  let blockers = new Set<AbstractMesh>();
  const repository = deps.controllerRepository.replace(/\/+$/, "");
  // The hand models load while the XR experience is set up.
  const handsLoading = loadHandMeshes(scene, `${repository}/hands/`, (e) =>
    console.warn("xr: hand models unavailable, hands are drawn as joints", e));
  const xr = await WebXRDefaultExperience.CreateAsync(scene, {
    disableDefaultUI: true,
    outputCanvasOptions: { canvasOptions: { framebufferScaleFactor: deps.framebufferScale ?? 1, antialias: true, alpha: false } },
    // Needs a node material from Babylon's snippet server; pointer selection covers kiosks.
    disableNearInteraction: true,
    floorMeshes: [],
    // Profiles and controller models from our own origin, never a CDN: a booth may have no internet.
    inputOptions: localInputOptions(repository),
    pointerSelectionOptions: { enablePointerSelectionOnAllControllers: true },
    // Enabled below, once our own hand models have loaded (Babylon's come from a CDN).
    disableHandTracking: true,
    teleportationOptions: {
      blockerMeshesPredicate: (m) => blockers.has(m),
      defaultTargetMeshOptions: { disableAnimation: true },
    },
  }).catch(async (e: unknown) => {
    (await handsLoading)?.dispose();
    throw e;
  });
  const hands = await handsLoading;
  if (!xr.baseExperience) {
    hands?.dispose();
    throw new Error("xr-runtime: WebXR could not start on this device");
  }
  if (hands) cleanups.push(() => hands.dispose());
  // Before the session starts, so "hand-tracking" is among the features the session asks for.
  xr.baseExperience.featuresManager.enableFeature(WebXRHandTracking.Name, "latest", {
    xrInput: xr.input,
    handMeshes: hands ? { customMeshes: { left: hands.left, right: hands.right } } : { disableDefaultMeshes: true },
  }, undefined, false);
  const teleport = xr.teleportation;
  teleport.backwardsMovementEnabled = false; // pulling back cancels an aim instead (below)
  // Land facing where you faced: no rotation you did not ask for. (With rotationEnabled off Babylon
  // still turns a right-handed scene's camera by a half turn on landing; undo any landing turn.)
  teleport.rotationEnabled = false;
  const facing = new Quaternion();
  const beforeTp = teleport.onBeforeCameraTeleport.add(() => facing.copyFrom(xr.baseExperience.camera.rotationQuaternion));
  const afterTp = teleport.onAfterCameraTeleport.add(() => xr.baseExperience.camera.rotationQuaternion.copyFrom(facing));
  cleanups.push(() => {
    teleport.onBeforeCameraTeleport.remove(beforeTp);
    teleport.onAfterCameraTeleport.remove(afterTp);
  });
  teleport.parabolicRayEnabled = true;

  let floors: AbstractMesh[] = [];
  const setSurfaces = () => {
    for (const f of floors) teleport.removeFloorMesh(f);
    const s = exp.surfaces();
    floors = [...s.floors];
    for (const f of floors) teleport.addFloorMesh(f);
    blockers = new Set(s.blockers);
  };
  setSurfaces();
  const placeObs = exp.onPlace.add(setSurfaces);
  cleanups.push(() => exp.onPlace.remove(placeObs));

  const xrCamera = xr.baseExperience.camera;
  const session = xr.baseExperience.sessionManager;
  // The headset's height above the floor, read inside XR frames only: the viewer pose may not be
  // read outside the frame callback, and places are changed from UI events too.
  let eyeHeight = exp.walker.options.eyeHeight;
  const heightObs = session.onXRFrameObservable.add(() => {
    const h = xrCamera.realWorldHeight;
    if (h > 0.5 && h < 2.5) eyeHeight = h;
  });
  cleanups.push(() => session.onXRFrameObservable.remove(heightObs));
  const place = (foot: Vector3, forward: Vector3) => {
    xrCamera.position.set(foot.x, foot.y + eyeHeight, foot.z);
    const yaw = yawFor(forward, rh);
    xrCamera.rotationQuaternion = Quaternion.FromEulerAngles(0, yaw, 0);
  };

  // Pulling the thumbstick back while aiming cancels the teleport.
  const aiming = new Map<string, boolean>();
  const watchController = (source: WebXRInputSource) => {
    const init = () => {
      const stick = source.motionController?.getComponentOfType("thumbstick");
      if (!stick) return;
      const obs = stick.onAxisValueChangedObservable.add(({ x, y }) => {
        const id = source.uniqueId;
        if (y < -0.7) aiming.set(id, true);
        else if (aiming.get(id) && y > 0.5) teleport.skipNextTeleportation = true;
        if (x === 0 && y === 0) aiming.set(id, false);
      });
      cleanups.push(() => stick.onAxisValueChangedObservable.remove(obs));
    };
    if (source.motionController) init();
    else {
      const o = source.onMotionControllerInitObservable.addOnce(init);
      cleanups.push(() => source.onMotionControllerInitObservable.remove(o));
    }
  };
  const added = xr.input.onControllerAddedObservable.add(watchController);
  cleanups.push(() => xr.input.onControllerAddedObservable.remove(added));

  const models: ControllerModels = showControllerModels(xr, {
    onError: (profile, e) => console.warn(`xr: no model for the ${profile} controller`, e),
  });
  cleanups.push(() => models.dispose());

  const turning = createTurning(scene, xr, { mode: deps.turnMode ?? "snap", snapAngle: SNAP_ANGLE });
  cleanups.push(() => turning.dispose());

  const scroll = createPanelScroll(scene, xr, {
    isPanel: (m) => m === exp.panel.mesh,
    scrollBy: (share) => exp.panel.scrollBy(share),
  });
  cleanups.push(() => scroll.dispose());

  const menu = createXrMenu(scene, xr, {
    i18n: deps.i18n,
    regions: exp.regions,
    turnMode: () => turning.mode,
    onTurnMode: (m) => turning.setMode(m),
    onRegion: (code) => void exp.enterBuilding(code),
    onExit: () => void run.exit(),
    onOpen: () => exp.closeKiosk(),
  });
  cleanups.push(() => menu.dispose());
  // The hub's directory kiosk opens the VR menu: the page's directory is not visible in a headset.
  exp.setDirectoryAction(() => menu.show());
  cleanups.push(() => exp.setDirectoryAction(null));

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    // Back on the screen where the headset stood, facing the same way.
    const head = xrCamera.position;
    const foot = new Vector3(head.x, head.y - eyeHeight, head.z);
    const ground = exp.walker.floorBelow(foot.x, foot.y, foot.z);
    const forward = xrCamera.getDirection(new Vector3(0, 0, rh ? -1 : 1));
    exp.setViewer(null);
    exp.walker.placeAt(new Vector3(foot.x, ground ?? foot.y, foot.z), forward);
    for (const c of cleanups.splice(0)) c();
    xr.dispose();
    deps.onEnded();
  };
  const stateObs = xr.baseExperience.onStateChangedObservable.add((s) => {
    if (s === WebXRState.NOT_IN_XR) end();
  });
  cleanups.push(() => xr.baseExperience.onStateChangedObservable.remove(stateObs));

  await xr.baseExperience.enterXRAsync("immersive-vr", "local-floor", xr.renderTarget);
  exp.setViewer({ position: () => xrCamera.position, place });
  // On its first frame the XR camera treats its position as ground level; place the visitor once
  // that frame is done, when position means the head again.
  await new Promise<void>((resolve) => {
    session.onXRFrameObservable.addOnce(() => {
      place(startFoot, startForward);
      resolve();
    });
  });

  const run: XrRun = {
    xr,
    models,
    menu,
    get turnMode() {
      return turning.mode;
    },
    setTurnMode: (m) => turning.setMode(m),
    async exit() {
      if (ended) return;
      if (xr.baseExperience.state === WebXRState.IN_XR) await xr.baseExperience.exitXRAsync();
      else end();
    },
    dispose() {
      end();
    },
  };
  return run;
}
