// The own pose, sent only when it changed and at most poseMaxHz (docs/presence.md): a change held
// back by the rate goes out when due, from a timer, even if no new pose is offered meanwhile.
import {
  ChangeThrottle,
  PRESENCE_LIMITS,
  peerPoseChanged,
  roundPose,
  type ClientMessage,
  type PeerPose,
} from "../../domain/presence";

export interface PoseSenderDeps {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Sends one message on the socket (false when it is not open). */
  send(m: ClientMessage): boolean;
}

export interface PoseSender {
  /** Offers the current pose; it is sent now, later (held back by the rate) or not at all (unchanged). */
  offer(pose: PeerPose): void;
  /** The room knows nothing of us (a new welcome): the next pose goes out whatever it is. */
  reset(): void;
  /** Drops a held-back pose and its timer. */
  stop(): void;
}

export function createPoseSender(deps: PoseSenderDeps): PoseSender {
  const throttle = new ChangeThrottle<PeerPose>({ maxHz: PRESENCE_LIMITS.poseMaxHz, changed: peerPoseChanged });
  let pollTimer: unknown = null;

  const sendPose = (p: PeerPose) => {
    const m: ClientMessage = { t: "pose", h: roundPose(p.h) };
    if (p.l) m.l = roundPose(p.l);
    if (p.r) m.r = roundPose(p.r);
    deps.send(m);
  };
  const schedulePoll = () => {
    if (pollTimer !== null) return;
    const due = throttle.dueIn(deps.now());
    if (due === null) return;
    pollTimer = deps.setTimeout(() => {
      pollTimer = null;
      const p = throttle.poll(deps.now());
      if (p) sendPose(p);
      else schedulePoll(); // timers may fire a millisecond early: try again when due
    }, Math.ceil(due) + 1);
  };

  return {
    offer(pose) {
      const p = throttle.offer(pose, deps.now());
      if (p) sendPose(p);
      else schedulePoll();
    },
    reset: () => throttle.reset(),
    stop() {
      if (pollTimer !== null) deps.clearTimeout(pollTimer);
      pollTimer = null;
    },
  };
}
