// Pose arithmetic for the wire and the interpolation buffer: rounding (mm, 1e-4), change tests and
// slerp. Plain tuples, no Babylon: the app converts to its own vectors at the edge.
import type { PoseTuple } from "./messages";

/** A peer's pose as sent in one message: head, and hands when tracked. */
export interface PeerPose {
  h: PoseTuple;
  l: PoseTuple | null;
  r: PoseTuple | null;
}

const mm = (v: number) => Math.round(v * 1000) / 1000;
const q4 = (v: number) => Math.round(v * 10000) / 10000;

/** Normalises the quaternion (so rounding cannot drift it) and rounds: positions to 1 mm, quaternion to 1e-4. */
export function roundPose(p: PoseTuple): PoseTuple {
  const [x, y, z, qx, qy, qz, qw] = p;
  let len = Math.hypot(qx, qy, qz, qw);
  if (!(len > 1e-9)) len = Number.NaN;
  const ok = Number.isFinite(len);
  // +0 instead of -0: "-0" is a byte longer on the wire and means the same.
  const z0 = (v: number) => (v === 0 ? 0 : v);
  return [
    z0(mm(x)), z0(mm(y)), z0(mm(z)),
    ok ? z0(q4(qx / len)) : 0, ok ? z0(q4(qy / len)) : 0, ok ? z0(q4(qz / len)) : 0, ok ? z0(q4(qw / len)) : 1,
  ];
}

export function distance(a: PoseTuple, b: PoseTuple): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** The rotation angle between two orientations, in radians (0..pi). */
export function angleBetween(a: PoseTuple, b: PoseTuple): number {
  const dot = Math.abs(a[3] * b[3] + a[4] * b[4] + a[5] * b[5] + a[6] * b[6]);
  return 2 * Math.acos(Math.min(1, dot));
}

export interface ChangeThresholds {
  /** Metres; default 2 mm (the wire's resolution is 1 mm). */
  position: number;
  /** Radians; default 0.005 (about 0.3 degrees). */
  angle: number;
}
export const DEFAULT_CHANGE: ChangeThresholds = { position: 0.002, angle: 0.005 };

function tupleChanged(a: PoseTuple | null, b: PoseTuple | null, t: ChangeThresholds): boolean {
  if (a === null || b === null) return a !== b;
  return distance(a, b) >= t.position || angleBetween(a, b) >= t.angle;
}

/** True when a peer's pose moved enough to be worth sending; a hand appearing or vanishing counts. */
export function peerPoseChanged(a: PeerPose, b: PeerPose, t: ChangeThresholds = DEFAULT_CHANGE): boolean {
  return tupleChanged(a.h, b.h, t) || tupleChanged(a.l, b.l, t) || tupleChanged(a.r, b.r, t);
}

/** Linear position, spherical (shortest-arc) orientation, at fraction u of the way from a to b. */
export function interpolatePose(a: PoseTuple, b: PoseTuple, u: number): PoseTuple {
  const t = Math.min(1, Math.max(0, u));
  const lerp = (i: number) => a[i]! + (b[i]! - a[i]!) * t;
  let bx = b[3], by = b[4], bz = b[5], bw = b[6];
  let cos = a[3] * bx + a[4] * by + a[5] * bz + a[6] * bw;
  if (cos < 0) { cos = -cos; bx = -bx; by = -by; bz = -bz; bw = -bw; }
  let wa: number, wb: number;
  if (cos > 0.9995) {
    // Nearly the same orientation: slerp's sine would divide by ~0; normalised lerp is exact enough.
    wa = 1 - t;
    wb = t;
  } else {
    const theta = Math.acos(cos);
    const sin = Math.sin(theta);
    wa = Math.sin((1 - t) * theta) / sin;
    wb = Math.sin(t * theta) / sin;
  }
  const qx = a[3] * wa + bx * wb, qy = a[4] * wa + by * wb, qz = a[5] * wa + bz * wb, qw = a[6] * wa + bw * wb;
  const len = Math.hypot(qx, qy, qz, qw) || 1;
  return [lerp(0), lerp(1), lerp(2), qx / len, qy / len, qz / len, qw / len];
}
