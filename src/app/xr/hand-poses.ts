// The visitor's own controllers or tracked hands, as presence sends them (issue 16, point 1): the
// grip space of each input source (the hand's palm; the pointer when a source has no grip) in world
// space, left and right. Nothing is allocated per frame: the two tuples are reused.
import type { WebXRInputSource } from "@babylonjs/core/XR/webXRInputSource";
import type { PoseTuple } from "../../domain/presence";

export interface HandPoses {
  l: PoseTuple | null;
  r: PoseTuple | null;
}

type SourceLike = Pick<WebXRInputSource, "grip" | "pointer"> & { inputSource: { handedness: string } };

export function createHandPoseReader(): (controllers: readonly SourceLike[]) => HandPoses {
  const l: PoseTuple = [0, 0, 0, 0, 0, 0, 1];
  const r: PoseTuple = [0, 0, 0, 0, 0, 0, 1];
  const out: HandPoses = { l: null, r: null };
  return (controllers) => {
    out.l = out.r = null;
    for (const c of controllers) {
      const side = c.inputSource.handedness;
      if (side !== "left" && side !== "right") continue;
      const node = c.grip ?? c.pointer;
      const p = node.absolutePosition;
      const q = node.absoluteRotationQuaternion;
      const t = side === "left" ? l : r;
      t[0] = p.x; t[1] = p.y; t[2] = p.z; t[3] = q.x; t[4] = q.y; t[5] = q.z; t[6] = q.w;
      if (side === "left") out.l = t;
      else out.r = t;
    }
    return out;
  };
}
