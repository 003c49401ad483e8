// The guided tour (issue 16, point 3), both ends. A guide (event PIN) gathers everyone ("Kumpulkan
// semua": each visitor sees a countdown they can cancel, then stands in a ring around the guide)
// and announces their discrete moves (teleports, entering and leaving buildings) so visitors who
// chose "Ikuti pemandu" make the same move and stand behind the guide. Never a continuous pull:
// only discrete moves are followed, walking is not (comfort first). No DOM: the panel renders state.
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { ServerMessage } from "../../domain/presence";
import type { FrameLoop } from "../frame/frame-loop";
import type { Place, Places } from "../places/places";
import type { ViewerSlot } from "../viewer/viewer";
import { yawFor } from "../viewer/xr-viewer";
import type { Presence } from "./presence";
import { createListeners } from "./listeners";
import { followSpot, type Foot, type Ground } from "./follow-spot";

export interface TourDeps {
  presence: Pick<Presence, "client" | "onBeforeMove">;
  frame: FrameLoop;
  places: Pick<Places, "current" | "enter" | "leave">;
  viewer: ViewerSlot;
  /** Height of the floor under (x, z) near a foot height, or null (walls, outside). */
  floorBelow(x: number, footY: number, z: number): number | null;
  /** Whether a foot here stands in a building's doorway (Experience.doorwayAt: reaching it takes one through). */
  inDoorway(foot: Foot): boolean;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface GatherCountdown {
  id: string;
  /** Seconds left before the visitor is taken to the guide. */
  secondsLeft: number;
}

export interface TourState {
  /** This visitor is a guide. */
  guide: boolean;
  /** A guide is in this room (someone to follow). */
  guidePresent: boolean;
  following: boolean;
  locked: boolean;
  /** A gather this visitor may still cancel. */
  countdown: GatherCountdown | null;
  /** For the guide: answers to the last gather. */
  replies: { accepted: number; cancelled: number };
  /** The last refusal of a claim or guide command ("not_authorized", "rate", ...). */
  error: string | null;
}

export interface Tour {
  readonly state: TourState;
  claim(pin: string): void;
  release(): void;
  /** Guide: everyone to the guide's place after a countdown (seconds, 3-15; default 5). */
  gather(countdown?: number): void;
  lock(locked: boolean): void;
  setFollowing(on: boolean): void;
  /** Visitor: cancels the running gather countdown. */
  cancelGather(): void;
  onChange(listener: (state: TourState) => void): () => void;
  dispose(): void;
}

/** A jump farther than this between two frames is a teleport (the interpolation buffer's snap distance). */
const TELEPORT_M = 1.5;

/** Where visitor number n stands around a point: rings 1.6-2.2 m out, spread by the golden angle. */
export function ringSpot(n: number, center: { x: number; z: number }): { x: number; z: number } {
  const angle = n * 2.39996;
  const r = 1.6 + 0.3 * (n % 3);
  return { x: center.x + r * Math.sin(angle), z: center.z + r * Math.cos(angle) };
}

/** Behind a guide facing `yaw` (right-handed scene): three abreast per row, 1.8 m back. */
export function behindSpot(n: number, p: { x: number; z: number }, yaw: number): { x: number; z: number } {
  const fx = -Math.sin(yaw), fz = -Math.cos(yaw); // forward of yaw, as yawFor inverts
  const rx = -fz, rz = fx;
  const side = ((n % 3) - 1) * 0.9;
  const back = 1.8 + Math.floor(n / 3 % 3) * 0.9;
  return { x: p.x - fx * back + rx * side, z: p.z - fz * back + rz * side };
}

export function createTour(deps: TourDeps): Tour {
  const { client } = deps.presence;
  const listeners = createListeners<TourState>();
  const state: TourState = { guide: false, guidePresent: false, following: false, locked: false, countdown: null, replies: { accepted: 0, cancelled: 0 }, error: null };
  let countdownTimer: unknown = null;
  let pendingGather: { id: string; p: [number, number, number]; yaw: number } | null = null;
  const foot = new Vector3();
  const lastFoot = new Vector3(Number.NaN, 0, 0);
  const fwd = new Vector3();
  const target = new Vector3();

  const tell = () => {
    listeners.tell(state);
  };
  const myNumber = () => client.you?.n ?? 1;
  const isGuide = (id: string) => client.peers.get(id)?.peer.role === "guide";

  function standAt(x: number, y: number, z: number, face: Vector3): void {
    const floor = deps.floorBelow(x, y, z);
    target.set(x, floor ?? y, z);
    deps.viewer.current.placeAt(target, face);
    deps.viewer.current.foot(lastFoot); // our own arrival is not a guide's teleport
  }

  /** The floor and the doorways near a guide's foot, as follow-spot.ts reads them. */
  const groundNear = (footY: number): Ground => ({
    floor: (x, z) => deps.floorBelow(x, footY, z),
    doorway: deps.inDoorway,
  });

  function standBehind(p: [number, number, number], yaw: number): void {
    const n = myNumber();
    const guide = { x: p[0], y: p[1], z: p[2] };
    fwd.set(-Math.sin(yaw), 0, -Math.cos(yaw));
    // Behind the guide, else on a ring round them from behind and the sides (follow-spot.ts).
    const s = followSpot(n, guide, behindSpot(n, guide, yaw), { x: -fwd.x, z: -fwd.z }, groundNear(p[1]));
    standAt(s.x, s.y, s.z, fwd);
  }

  function clearCountdown(): void {
    if (countdownTimer !== null) deps.clearTimeout(countdownTimer);
    countdownTimer = null;
    pendingGather = null;
    state.countdown = null;
  }

  function tick(): void {
    countdownTimer = null;
    if (!state.countdown || !pendingGather) return;
    state.countdown.secondsLeft -= 1;
    if (state.countdown.secondsLeft > 0) {
      countdownTimer = deps.setTimeout(tick, 1000);
      return tell();
    }
    const g = pendingGather;
    clearCountdown();
    const n = myNumber();
    const guide = { x: g.p[0], y: g.p[1], z: g.p[2] };
    // On the ring, else nearer the guide, from where the guide looks: they gather to listen.
    const s = followSpot(n, guide, ringSpot(n, guide), { x: -Math.sin(g.yaw), z: -Math.cos(g.yaw) }, groundNear(g.p[1]));
    fwd.set(g.p[0] - s.x, 0, g.p[2] - s.z);
    if (fwd.lengthSquared() < 1e-6) fwd.set(-Math.sin(g.yaw), 0, -Math.cos(g.yaw)); // on the guide's spot: the guide's way
    fwd.normalize(); // facing the guide
    standAt(s.x, s.y, s.z, fwd);
    client.send({ t: "gather_reply", gather: g.id, accept: true });
    tell();
  }

  async function follow(m: Extract<ServerMessage, { t: "follow" }>): Promise<void> {
    const here = deps.places.current;
    if (m.kind === "enter" && !(here.kind === "building" && here.region === m.place)) {
      if (!(await deps.places.enter(m.place))) return;
    } else if (m.kind === "exit" && here.kind === "building") {
      deps.places.leave();
    }
    standBehind(m.p, m.yaw);
  }

  function announce(kind: "teleport" | "enter" | "exit", place: Place): void {
    const v = deps.viewer.current;
    v.foot(foot);
    lastFoot.copyFrom(foot);
    const yaw = Math.round(yawFor(v.forward(fwd), true) * 1e4) / 1e4;
    const room = place.kind === "building" ? place.region : "plaza";
    client.send({ t: "follow", kind, place: room, p: [foot.x, foot.y, foot.z], yaw });
  }

  const watchJumps = () => {
    if (!state.guide || client.status !== "joined") return;
    deps.viewer.current.foot(foot);
    const jumped = Number.isFinite(lastFoot.x) && Vector3.Distance(foot, lastFoot) > TELEPORT_M;
    lastFoot.copyFrom(foot);
    if (jumped) announce("teleport", deps.places.current);
  };

  const offs: Array<() => void> = [
    deps.frame.set("presence-guide", watchJumps),
    deps.presence.onBeforeMove((place, from) => {
      if (!state.guide) return;
      const kind = place.kind === "building" ? "enter" : from !== null && from !== "plaza" ? "exit" : "teleport";
      announce(kind, place);
    }),
    client.on((e) => {
      if (e.kind === "peers") {
        const present = [...client.peers.values()].some((p) => p.peer.role === "guide");
        const guide = client.you?.role === "guide";
        if (present !== state.guidePresent || guide !== state.guide) {
          state.guidePresent = present;
          state.guide = guide;
          tell();
        }
        return;
      }
      if (e.kind === "status") {
        if (e.status !== "joined") clearCountdown();
        state.guide = client.you?.role === "guide";
        return tell();
      }
      const m = e.message;
      switch (m.t) {
        case "granted":
          if (m.role === "guide") {
            state.guide = true;
            state.error = null;
            tell();
          }
          break;
        case "peer":
          if (client.you && m.peer.id === client.you.id && state.guide !== (m.peer.role === "guide")) {
            state.guide = m.peer.role === "guide";
            tell();
          }
          break;
        case "state":
          state.locked = m.state.locked;
          tell();
          break;
        case "gather":
          if (state.guide || (client.you && m.from === client.you.id)) break; // the guide stays where they are
          clearCountdown();
          pendingGather = { id: m.id, p: m.p, yaw: m.yaw };
          state.countdown = { id: m.id, secondsLeft: m.countdown };
          countdownTimer = deps.setTimeout(tick, 1000);
          tell();
          break;
        case "gather_reply":
          if (m.accept) state.replies.accepted++;
          else state.replies.cancelled++;
          tell();
          break;
        case "follow":
          if (state.following && !state.guide && isGuide(m.from)) void follow(m);
          break;
        case "error":
          if (m.ref === "claim" || m.ref === "gather" || m.ref === "lock" || m.ref === "follow") {
            state.error = m.code;
            tell();
          }
          break;
        default:
          break;
      }
    }),
  ];

  return {
    state,
    claim(pin) {
      state.error = null;
      client.send({ t: "claim", role: "guide", pin });
    },
    release() {
      client.send({ t: "release", role: "guide" });
      state.guide = false;
      tell();
    },
    gather(countdown) {
      if (!state.guide) return;
      state.replies = { accepted: 0, cancelled: 0 };
      const v = deps.viewer.current;
      v.foot(foot);
      const yaw = Math.round(yawFor(v.forward(fwd), true) * 1e4) / 1e4;
      client.send({ t: "gather", p: [foot.x, foot.y, foot.z], yaw, ...(countdown ? { countdown } : {}) });
      tell();
    },
    lock(locked) {
      client.send({ t: "lock", locked });
    },
    setFollowing(on) {
      state.following = on;
      tell();
    },
    cancelGather() {
      const c = state.countdown;
      if (!c) return;
      clearCountdown();
      client.send({ t: "gather_reply", gather: c.id, accept: false });
      tell();
    },
    onChange: listeners.add,
    dispose() {
      for (const off of offs.splice(0)) off();
      clearCountdown();
      listeners.clear();
    },
  };
}
