// One immersive-vr session: Babylon's default XR experience configured for a booth with no internet
// (controller profiles, controller and hand models from our own origin, no near-interaction node
// material), teleport onto role-"floor" meshes only, blockers stopping the arc, snap or smooth turn,
// pointer selection on both controllers, and a floating menu. While it runs the headset is the
// experience's viewer, and its per-frame steps sit in the frame loop's XR slots. Everything is
// disposed when it ends.
import { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import { Scene } from "@babylonjs/core/scene";
import { WebXRState } from "@babylonjs/core/XR/webXRTypes";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Vector3, Quaternion } from "@babylonjs/core/Maths/math.vector";
import type { Experience } from "../experience";
import type { I18n } from "../i18n/i18n";
import { createXrViewer } from "../viewer/xr-viewer";
import { createXrMenu, type XrMenuAction } from "./xr-menu";
import { createTurning, type TurnMode } from "./turning";
import { rayFollowsPinch } from "./pointing-hand";
import { createThumbsticks } from "./thumbstick";
import { createPanelScroll } from "./panel-scroll";
import { localInputOptions, showControllerModels } from "./controller-models";
import { loadHandMeshes } from "./hand-models";
import { createXrProbe, type XrProbe } from "./xr-probe";
import { floatNormalsForPicking } from "./pick-normals";
import { createHandPoseReader, type HandPoses } from "./hand-poses";
import { WebXRHandTracking } from "@babylonjs/core/XR/features/WebXRHandTracking";
import { tuneDisplay, enableMultiview } from "./display-tuning";
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
  /** Extra VR menu buttons (the guide's tools while guiding). */
  menuActions?(): readonly XrMenuAction[];
  /** Those buttons changed: an open menu redraws. Returns the remover. */
  onMenuActionsChange?(listener: () => void): () => void;
}

export interface XrRun {
  /** Multiview was asked for (the browser offers WebXR layers and OVR_multiview2). */
  readonly multiview: boolean;
  readonly turnMode: TurnMode;
  setTurnMode(mode: TurnMode): void;
  /** What the test hook reads and does in VR (controllers, hands, the menu). */
  readonly probe: XrProbe;
  /** The controllers' or tracked hands' world poses now (presence sends them). */
  handPoses(): HandPoses;
  exit(): Promise<void>;
  dispose(): void;
}

const SNAP_ANGLE = Math.PI / 4;

export async function startXr(deps: XrRunDeps): Promise<XrRun> {
  const exp = deps.experience;
  const scene = exp.scene;
  const rh = scene.useRightHandedSystem;
  const cleanups: Array<() => void> = [];

  // Where the visitor stands now: the session starts there.
  const walking = exp.walking;
  const startFoot = walking.foot(new Vector3());
  const startForward = walking.forward(new Vector3());

  let blockers = new Set<AbstractMesh>();
  const repository = deps.controllerRepository.replace(/\/+$/, "");
  // Babylon's pointer selection otherwise makes the default utility layer: a second scene drawn
  // after every frame (both eyes again) and picked by every controller ray, although nothing of
  // ours is in it. An empty scene that is never drawn takes its place (virtual: not on the engine).
  const noUtilityLayer = new Scene(scene.getEngine(), { virtual: true });
  noUtilityLayer.detachControl();
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
    // disableScenePointerVectorUpdate: Babylon projects each controller onto the screen for
    // scene.pointerX/Y, which nothing of ours reads in VR (kiosks and GUI use the pick), and a
    // controller at the eye projects to -Infinity, which Babylon lets through: the PointerEvent it
    // builds then throws inside the XR frame, and the headset's view stops (seen standing at a counter).
    // One ray at a time, on the right hand until the other selects (xr/pointing-hand.ts).
    pointerSelectionOptions: {
      enablePointerSelectionOnAllControllers: false, preferredHandedness: "right",
      customUtilityLayerScene: noUtilityLayer, disableScenePointerVectorUpdate: true,
    },
    // Enabled below, once our own hand models have loaded (Babylon's come from a CDN).
    disableHandTracking: true,
    teleportationOptions: {
      blockerMeshesPredicate: (m) => blockers.has(m),
      defaultTargetMeshOptions: { disableAnimation: true },
    },
  }).catch(async (e: unknown) => {
    noUtilityLayer.dispose();
    (await handsLoading)?.dispose();
    throw e;
  });
  const hands = await handsLoading;
  if (!xr.baseExperience) {
    hands?.dispose();
    noUtilityLayer.dispose();
    throw new Error("xr-runtime: WebXR could not start on this device");
  }
  // Both eyes in one pass where the browser has WebXR layers and OVR_multiview2 (asked before the
  // session starts, as an optional feature: a browser that refuses it renders eye by eye).
  const multiview = enableMultiview(xr, deps.framebufferScale ?? 1);
  if (hands) cleanups.push(() => hands.dispose());
  // Before the session starts, so "hand-tracking" is among the features the session asks for.
  xr.baseExperience.featuresManager.enableFeature(WebXRHandTracking.Name, "latest", {
    xrInput: xr.input,
    handMeshes: hands ? { customMeshes: { left: hands.left, right: hands.right } } : { disableDefaultMeshes: true },
  }, undefined, false);
  const teleport = xr.teleportation;
  teleport.backwardsMovementEnabled = false; // pulling back cancels an aim instead (xr/thumbstick.ts)
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

  // Teleport targets and blockers follow the place.
  let floors: readonly AbstractMesh[] = [];
  // The pointer ray passes over floors: in a headset the trigger does nothing on a floor (floors
  // are the teleport's), so the ray shows no cursor there and ends short, and a cursor on the ray
  // means the trigger will act. Walls and buildings still stop it: nothing is pointed at through them.
  let floorSet = new Set<AbstractMesh>();
  xr.pointerSelection.raySelectionPredicate = (m) => m.isPickable && m.isVisible && m.isEnabled() && !floorSet.has(m);
  const setSurfaces = () => {
    for (const f of floors) teleport.removeFloorMesh(f);
    const s = exp.places.surfaces();
    floors = [...s.floors];
    floorSet = new Set(floors);
    for (const f of floors) teleport.addFloorMesh(f);
    blockers = new Set(s.blockers);
    floatNormalsForPicking(scene.meshes);
  };
  setSurfaces();
  cleanups.push(exp.places.onChange(setSurfaces));

  const session = xr.baseExperience.sessionManager;
  const viewer = createXrViewer(xr.baseExperience.camera, session, rh, walking.eyeHeight);
  const sticks = createThumbsticks(xr, { isPanel: (m) => m === exp.panel.mesh });
  cleanups.push(() => sticks.dispose());
  const turning = createTurning(scene, xr, sticks.sticks, { mode: deps.turnMode ?? "snap", snapAngle: SNAP_ANGLE });
  cleanups.push(
    exp.frame.set("xr-viewer", viewer.tick),
    exp.frame.set("xr-thumbsticks", sticks.tick),
    exp.frame.set("xr-smooth-turn", turning.tick),
    exp.frame.set("xr-panel-scroll", createPanelScroll(sticks.sticks, { scrollBy: (share) => exp.panel.scrollBy(share) })),
  );

  const models = showControllerModels(xr, {
    onError: (profile, e) => console.warn(`xr: no model for the ${profile} controller`, e),
  });
  cleanups.push(() => models.dispose());

  const menu = createXrMenu(scene, xr.input, {
    i18n: deps.i18n,
    viewer,
    regions: exp.regions,
    turnMode: () => turning.mode,
    onTurnMode: (m) => turning.setMode(m),
    onRegion: (code) => void exp.places.enter(code),
    onExit: () => void run.exit(),
    inside: () => exp.places.current.kind === "building",
    onToPlaza: () => exp.toPlaza(),
    onOpen: () => exp.kiosks.close(),
    ...(deps.menuActions ? { actions: deps.menuActions } : {}),
    ...(deps.onMenuActionsChange ? { onActionsChange: deps.onMenuActionsChange } : {}),
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
    const foot = viewer.foot(new Vector3());
    const ground = walking.floorBelow(foot.x, foot.y, foot.z);
    const forward = viewer.forward(new Vector3());
    exp.viewer.use(null);
    walking.placeAt(new Vector3(foot.x, ground ?? foot.y, foot.z), forward);
    for (const c of cleanups.splice(0)) c();
    xr.dispose();
    noUtilityLayer.dispose();
    deps.onEnded();
  };
  const stateObs = xr.baseExperience.onStateChangedObservable.add((s) => {
    if (s === WebXRState.NOT_IN_XR) end();
  });
  cleanups.push(() => xr.baseExperience.onStateChangedObservable.remove(stateObs));

  await xr.baseExperience.enterXRAsync("immersive-vr", "local-floor", xr.renderTarget);
  tuneDisplay(session);
  cleanups.push(rayFollowsPinch(session.session, xr.input, xr.pointerSelection));
  exp.viewer.use(viewer);
  // On its first frame the XR camera treats its position as ground level; place the visitor once
  // that frame is done, when position means the head again.
  await new Promise<void>((resolve) => {
    session.onXRFrameObservable.addOnce(() => {
      viewer.placeAt(startFoot, startForward);
      resolve();
    });
  });

  const readHands = createHandPoseReader();
  const run: XrRun = {
    multiview,
    handPoses: () => readHands(xr.input.controllers),
    get turnMode() {
      return turning.mode;
    },
    setTurnMode: (m) => turning.setMode(m),
    probe: createXrProbe({ xr, models, menu, session }),
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
