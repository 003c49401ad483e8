// The hub's side of several nodes: messages from other nodes update this node's mirror of their
// visitors and reach its sockets; the heartbeat keeps this node's memberships alive and turns the
// visitors of dead nodes into "left".
import type { Envelope } from "./cluster";
import type { Hub } from "./hub";
import type { Room } from "./room";

export function fromNode(hub: Hub, env: Envelope, from: string): void {
  const room = hub.rooms.get(env.room);
  if (!room || hub.stopping) return;
  if (hub.deadNodes.delete(from)) void resync(hub, room).catch((e) => hub.log("presence resync failed", e));
  const m = env.msg;
  switch (m.t) {
    case "_sync": room.fullSync = true; return;
    case "_act": {
      const c = room.locals.get(m.id);
      if (c) hub.queue(c, () => hub.act(c, m));
      return;
    }
    case "joined": room.remotes.set(m.peer.id, { peer: m.peer, node: from }); room.fullSync = true; break;
    case "peer": if (!room.locals.has(m.peer.id)) room.remotes.set(m.peer.id, { peer: m.peer, node: from }); break;
    case "left": if (room.remotes.get(m.id)?.node === from) room.remotes.delete(m.id); break;
    case "state": room.state = m.state; for (const c of room.locals.values()) hub.queue(c, () => hub.refreshPeer(c)); break;
  }
  hub.deliver(room, env.to, m);
}

/** A node thought dead spoke again: its visitors come back into the mirror and to our sockets. */
async function resync(hub: Hub, room: Room): Promise<void> {
  for (const m of await hub.cluster.remoteMembers(room.id)) {
    if (room.remotes.has(m.peer.id) || room.locals.has(m.peer.id)) continue;
    room.remotes.set(m.peer.id, m);
    hub.deliver(room, { kind: "all" }, { t: "joined", peer: m.peer });
  }
  hub.cluster.publish({ room: room.id, to: { kind: "all" }, msg: { t: "_sync" } });
}

export async function heartbeat(hub: Hub): Promise<void> {
  const active = [...hub.rooms.values()].filter((r) => r.locals.size > 0);
  const lost = await hub.cluster.heartbeat(active.map((r) => r.id));
  for (const id of lost) {
    const r = hub.rooms.get(id);
    if (r) await hub.cluster.restore(id, [...r.locals.values()].flatMap((c) => (c.peer ? [c.peer] : [])));
  }
  // Rooms only observed here (a big screen) still hear of visitors whose node died.
  const seen = [...hub.rooms.values()].filter((r) => r.locals.size > 0 || r.watchers.size > 0);
  const nodes = new Set<string>();
  for (const r of seen) for (const m of r.remotes.values()) nodes.add(m.node);
  if (nodes.size === 0) return;
  const alive = await hub.cluster.aliveNodes([...nodes]);
  for (const r of seen) {
    for (const [id, m] of r.remotes) {
      if (alive.has(m.node)) continue;
      hub.deadNodes.add(m.node);
      r.remotes.delete(id);
      hub.deliver(r, { kind: "all" }, { t: "left", id, reason: "gone" });
    }
  }
}
