// One pointer ray at a time (issue 18 point 4), as on a headset's own home screen: the ray is on the
// right hand until the visitor selects with the other one. Every ray costs a pick of the scene, a
// pointer move through the GUI and two meshes per eye each frame; a second ray nobody looks along
// spends that for nothing on a Quest's small CPU.
//
// Babylon moves the ray itself when another controller's trigger is pulled; on the release the scene
// sees a tap where the ray now rests (a kiosk opens; a GUI button, which needs its press too, does
// not). A tracked hand has no trigger for Babylon to watch: its pinch is the session's select
// event, and here the ray moves when that pinch ends, which Babylon then treats the same way.

/** What of Babylon's pointer selection this uses. */
export interface PointerSwitch {
  readonly attachedControllerId: string;
  setAttachedController(controllerId: string): boolean;
}

/** The input sources Babylon knows, with its ids for them. */
export interface InputList {
  readonly controllers: ReadonlyArray<{ readonly uniqueId: string; readonly inputSource: XRInputSource }>;
}

/** The session's select events: an XRSession, or anything that dispatches them. */
export interface SelectEvents {
  addEventListener(type: "selectend", listener: (e: XRInputSourceEvent) => void): void;
  removeEventListener(type: "selectend", listener: (e: XRInputSourceEvent) => void): void;
}

/** Moves the one ray to a tracked hand whose pinch ends; returns the function that stops it. */
export function rayFollowsPinch(session: SelectEvents, input: InputList, pointer: PointerSwitch): () => void {
  const onSelectEnd = (e: XRInputSourceEvent) => {
    if (e.inputSource.gamepad) return; // a controller: Babylon moved the ray at the pull
    const c = input.controllers.find((x) => x.inputSource === e.inputSource);
    if (c && c.uniqueId !== pointer.attachedControllerId) pointer.setAttachedController(c.uniqueId);
  };
  session.addEventListener("selectend", onSelectEnd);
  return () => session.removeEventListener("selectend", onSelectEnd);
}
