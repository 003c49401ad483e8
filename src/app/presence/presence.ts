// Presence in the scene: joins the room of the place the visitor is in, sends the own head pose
// from the current viewer (walking or headset) and draws the others as avatars, interpolated.
// Two per-frame steps (frame/frame-loop.ts): "presence-send" after the viewer has moved,
// "presence-avatars" after it. Nothing opens until join() (opt-in); dispose() removes every step,
// listener and mesh.
import type { Scene } from "@babylonjs/core/scene";
import type { Peer, PoseTuple } from "../../domain/presence";
import type { FrameLoop } from "../frame/frame-loop";
import type { Place, Places } from "../places/places";
import type { ViewerSlot } from "../viewer/viewer";
import { createAvatars, type AvatarLook, type Avatars } from "./avatars";
import type { PresenceClient, PresenceStatus } from "./presence-client";

export interface PresenceDeps {
  scene: Scene;
  frame: FrameLoop;
  places: Pick<Places, "current" | "onChange">;
  viewer: ViewerSlot;
  client: PresenceClient;
  /** The label of a peer in the visitor's language ("Pengunjung 7" / "Visitor 7" unless chosen). */
  label(peer: Peer): string;
  /** The visitor's language changed: labels are redrawn. Returns the unsubscribe function. */
  onLanguage(listener: () => void): () => void;
  /** In VR: the own controllers' or hands' poses now (null outside VR); sent with the head. */
  hands?(): { l: PoseTuple | null; r: PoseTuple | null } | null;
}

/** What the test hook reports (PRODUCT.md: `presence()`). */
export interface PresenceSnapshot {
  connected: boolean;
  status: PresenceStatus;
  room: string | null;
  you: { id: string; name: string; role: string } | null;
  peers: { id: string; name: string; role: string; staff: string | null; position: [number, number, number] | null; hands: number }[];
  /** Figures drawn now. */
  avatars: number;
}

export interface Presence {
  readonly client: PresenceClient;
  readonly avatars: Avatars;
  join(name: string | null): void;
  leave(): void;
  /**
   * Called when the visitor changed place, before the socket moves to the new room: a guide's
   * "follow" must still reach the room the followers are in. `from` is the room being left.
   */
  onBeforeMove(listener: (place: Place, from: string | null) => void): () => void;
  snapshot(): PresenceSnapshot;
  dispose(): void;
}

export function roomOf(place: Place): string {
  return place.kind === "building" ? place.region : "plaza";
}

export function createPresence(deps: PresenceDeps): Presence {
  const { client, viewer } = deps;
  const avatars = createAvatars(deps.scene);
  const drawn = new Map<string, [number, number, number]>();
  /** Hands drawn per peer (VR visitors send theirs). */
  const drawnHands = new Map<string, number>();
  const beforeMove = new Set<(place: Place, from: string | null) => void>();
  // The last pose offered: a new tuple is made only when the visitor moved (the throttle keeps it).
  let offered: PoseTuple = [Number.NaN, 0, 0, 0, 0, 0, 1];

  const resync = () => {
    const looks: AvatarLook[] = [];
    for (const { peer } of client.peers.values()) looks.push({ id: peer.id, label: deps.label(peer), guide: peer.role === "guide" });
    for (const id of [...drawn.keys()]) if (!client.peers.has(id)) drawn.delete(id);
    for (const id of [...drawnHands.keys()]) if (!client.peers.has(id)) drawnHands.delete(id);
    avatars.sync(looks);
  };

  const send = () => {
    if (client.status !== "joined") return;
    const eye = viewer.current.eye();
    const cam = deps.scene.activeCamera;
    const q = cam?.absoluteRotation;
    if (!q) return;
    const o = offered;
    if (Math.abs(o[0] - eye.x) < 1e-3 && Math.abs(o[1] - eye.y) < 1e-3 && Math.abs(o[2] - eye.z) < 1e-3
      && Math.abs(o[3] - q.x) < 1e-4 && Math.abs(o[4] - q.y) < 1e-4 && Math.abs(o[5] - q.z) < 1e-4 && Math.abs(o[6] - q.w) < 1e-4) {
      client.offerPose(last); // unchanged: lets the throttle send a held-back change
      return;
    }
    offered = [eye.x, eye.y, eye.z, q.x, q.y, q.z, q.w];
    last = { h: offered, l: last.l, r: last.r };
    client.offerPose(last);
  };
  // Hands move more than heads in VR: new tuples only when one moved (the throttle compares poses).
  const handChanged = (was: PoseTuple | null, now: PoseTuple | null) =>
    (was === null) !== (now === null) || (was !== null && now !== null && was.some((v, i) => Math.abs(v - now[i]!) > (i < 3 ? 1e-3 : 1e-4)));
  const sendWithHands = () => {
    const h = deps.hands?.() ?? null;
    const l = h?.l ?? null, r = h?.r ?? null;
    if (client.status === "joined" && (handChanged(last.l, l) || handChanged(last.r, r))) {
      last = { h: last.h, l: l ? [...l] as PoseTuple : null, r: r ? [...r] as PoseTuple : null };
    }
    send();
  };
  let last = { h: offered, l: null as PoseTuple | null, r: null as PoseTuple | null };

  const draw = () => {
    if (avatars.count === 0) return;
    const now = client.serverNow();
    if (now === null) return;
    for (const [id, remote] of client.peers) {
      const pose = remote.buffer.sample(now);
      if (!pose) continue;
      avatars.place(id, pose.h, pose.l, pose.r);
      drawnHands.set(id, (pose.l ? 1 : 0) + (pose.r ? 1 : 0));
      let at = drawn.get(id);
      if (!at) drawn.set(id, (at = [0, 0, 0]));
      at[0] = pose.h[0];
      at[1] = pose.h[1];
      at[2] = pose.h[2];
    }
    avatars.commit();
  };

  const offs: Array<() => void> = [
    deps.frame.set("presence-send", sendWithHands),
    deps.frame.set("presence-avatars", draw),
    client.on((e) => {
      if (e.kind === "peers") resync();
    }),
    deps.places.onChange((place) => {
      for (const l of [...beforeMove]) l(place, client.room);
      client.moveTo(roomOf(place));
    }),
    deps.onLanguage(resync),
  ];

  return {
    client,
    avatars,
    join(name) {
      client.start(roomOf(deps.places.current), name);
    },
    leave() {
      client.stop();
    },
    onBeforeMove(listener) {
      beforeMove.add(listener);
      return () => {
        beforeMove.delete(listener);
      };
    },
    snapshot() {
      const you = client.you;
      return {
        connected: client.status === "joined",
        status: client.status,
        room: client.room,
        you: you ? { id: you.id, name: deps.label(you), role: you.role } : null,
        peers: [...client.peers.values()].map(({ peer }) => ({
          id: peer.id,
          name: deps.label(peer),
          role: peer.role,
          staff: peer.staff,
          position: drawn.get(peer.id)?.slice() as [number, number, number] | undefined ?? null,
          hands: drawnHands.get(peer.id) ?? 0,
        })),
        avatars: avatars.count,
      };
    },
    dispose() {
      for (const off of offs.splice(0)) off();
      beforeMove.clear();
      client.dispose();
      avatars.dispose();
    },
  };
}
