// A presence client double for unit tests of the modules built on it: messages are fed in by the
// test as the server would send them, and what the module sends is recorded.
import { InterpolationBuffer, type ClientMessage, type Peer, type RoomState, type ServerMessage } from "../../../src/domain/presence";
import type { PresenceClient, PresenceEvent, PresenceStatus, RemotePeer } from "../../../src/app/presence/presence-client";

export const peer = (id: string, n: number, extra: Partial<Peer> = {}): Peer => ({ id, n, name: `Pengunjung ${n}`, chosen: false, role: "visitor", staff: null, floor: false, ...extra });

export class FakeClient implements PresenceClient {
  status: PresenceStatus = "off";
  room: string | null = "3273";
  you: Peer | null = null;
  readonly peers = new Map<string, RemotePeer>();
  state: RoomState | null = null;
  readonly sent: ClientMessage[] = [];
  private readonly listeners = new Set<(e: PresenceEvent) => void>();

  start(): void {}
  moveTo(room: string): void { this.room = room; }
  setName(): void {}
  offerPose(): void {}
  send(m: ClientMessage): boolean {
    if (this.status !== "joined") return false;
    this.sent.push(m);
    return true;
  }
  serverNow(): number | null { return 0; }
  on(l: (e: PresenceEvent) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  stop(): void {}
  dispose(): void { this.listeners.clear(); }
  get listenerCount(): number { return this.listeners.size; }

  private emit(e: PresenceEvent): void { for (const l of [...this.listeners]) l(e); }

  /** The server's welcome: you, the others and the room state. */
  welcome(you: Peer, others: Peer[], state: Partial<RoomState> = {}): void {
    this.you = you;
    this.state = { locked: false, namesAllowed: true, kiosk: null, ...state };
    this.peers.clear();
    for (const p of others) this.peers.set(p.id, { peer: p, buffer: new InterpolationBuffer() });
    this.status = "joined";
    this.emit({ kind: "status", status: "joined" });
    this.emit({ kind: "peers" });
    this.emit({ kind: "message", message: { t: "welcome", v: 1, room: this.room!, you, token: "t".repeat(20), peers: others, state: this.state, poses: [], now: 0, limits: { poseMaxHz: 15, chatMaxLength: 500, nameMaxLength: 24 } } });
  }
  /** A peer record changed (a `peer` message, as the client handles it: record first, then events). */
  update(p: Peer): void {
    if (this.you && p.id === this.you.id) this.you = p;
    else this.peers.set(p.id, { peer: p, buffer: this.peers.get(p.id)?.buffer ?? new InterpolationBuffer() });
    this.emit({ kind: "peers" });
    this.emit({ kind: "message", message: { t: "peer", peer: p } });
  }
  setState(state: Partial<RoomState>, by: string | null): void {
    this.state = { ...this.state!, ...state };
    this.emit({ kind: "message", message: { t: "state", state: this.state, by } });
  }
  message(m: ServerMessage): void { this.emit({ kind: "message", message: m }); }
  close(status: PresenceStatus, code?: number): void {
    this.status = status;
    this.you = null;
    this.peers.clear();
    this.emit(code === undefined ? { kind: "status", status } : { kind: "status", status, code });
  }
}
