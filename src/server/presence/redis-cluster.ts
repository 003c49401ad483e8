// Rooms across nodes through Redis. Each node keeps, per room, a hash of its own visitors
// ({room}:m:<node>, expiring unless refreshed) and its last heartbeat in the room's node set
// ({room}:nodes, scored by Redis' clock). A join counts the hashes of live nodes in one Lua script, so
// the size limit holds across nodes; a node that dies stops refreshing and its visitors vanish within
// nodeTtlMs (other nodes tell their sockets "left"). Messages travel on one pub/sub channel per room.
// Keys carry the room in braces so a Redis Cluster would keep a room's keys on one shard.
import { Redis } from "ioredis";
import type { Peer, RoomState } from "../../domain/presence/messages";
import { DEFAULT_ROOM_STATE, type Cluster, type Envelope, type JoinResult, type RemoteMember, type ResumeData } from "./cluster";

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS: nodes, state, own members. ARGV: node, peer id, peer JSON, max, ttl, bypassLock, n or '', members prefix, state ttl.
const JOIN = `${NOW}
local cutoff = now - tonumber(ARGV[5])
for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', cutoff)) do redis.call('DEL', ARGV[8] .. node) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cutoff)
if ARGV[6] ~= '1' and redis.call('HGET', KEYS[2], 'locked') == '1' then return {'room_locked', 0} end
redis.call('HDEL', KEYS[3], ARGV[2])
local count = 0
for _, node in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local key = ARGV[8] .. node
  redis.call('HDEL', key, ARGV[2])
  count = count + redis.call('HLEN', key)
end
if count >= tonumber(ARGV[4]) then return {'room_full', 0} end
local n = tonumber(ARGV[7])
if not n then n = redis.call('HINCRBY', KEYS[2], 'seq', 1)
elseif tonumber(redis.call('HGET', KEYS[2], 'seq') or '0') < n then redis.call('HSET', KEYS[2], 'seq', n) end
local peer = cjson.decode(ARGV[3])
peer['n'] = n
redis.call('HSET', KEYS[3], ARGV[2], cjson.encode(peer))
redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[5]) * 2)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[9]))
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[9]))
return {'ok', n}`;

// KEYS: nodes. ARGV: ttl, members prefix, own node. Returns node, peer JSON, node, peer JSON, ...
const MEMBERS = `${NOW}
local out = {}
for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now - tonumber(ARGV[1]), '+inf')) do
  if node ~= ARGV[3] then
    local all = redis.call('HGETALL', ARGV[2] .. node)
    for i = 1, #all, 2 do out[#out + 1] = node out[#out + 1] = all[i + 1] end
  end
end
return out`;

// ARGV: node, prefix, ttl, state ttl, rooms... Returns the rooms whose member hash of this node is
// gone (another node pruned it while this one was too slow to beat): the node writes them again.
const HEARTBEAT = `${NOW}
redis.call('SET', ARGV[2] .. 'node:' .. ARGV[1], now, 'PX', ARGV[3])
local lost = {}
for i = 5, #ARGV do
  local r = ARGV[2] .. '{' .. ARGV[i] .. '}:'
  redis.call('ZADD', r .. 'nodes', now, ARGV[1])
  redis.call('PEXPIRE', r .. 'nodes', ARGV[4])
  redis.call('PEXPIRE', r .. 'state', ARGV[4])
  if redis.call('PEXPIRE', r .. 'm:' .. ARGV[1], tonumber(ARGV[3]) * 2) == 0 then lost[#lost + 1] = ARGV[i] end
end
return lost`;

// KEYS: own members. ARGV: id, JSON. Only updates a member still there (a takeover may have moved it).
const UPDATE = `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 1`;

export interface RedisClusterOptions {
  url: string;
  prefix: string;
  nodeId: string;
  nodeTtlMs: number;
  /** How long a room's state (lock, kiosk) outlives its last visitor. */
  stateTtlMs?: number;
  log: (msg: string, err?: unknown) => void;
}

export class RedisCluster implements Cluster {
  readonly shared = true;
  readonly nodeId: string;
  private handler: (env: Envelope, from: string) => void = () => {};
  private readonly p: string;
  private readonly stateTtl: number;

  private constructor(private readonly cmd: Redis, private readonly sub: Redis, private readonly o: RedisClusterOptions) {
    this.nodeId = o.nodeId;
    this.p = o.prefix;
    this.stateTtl = o.stateTtlMs ?? 60_000;
    sub.on("message", (_channel: string, text: string) => {
      let data: { n: string; e: Envelope };
      try {
        data = JSON.parse(text) as { n: string; e: Envelope };
      } catch {
        return;
      }
      if (data.n !== this.nodeId) this.handler(data.e, data.n);
    });
  }

  /** Connects both clients (commands, subscriptions); fails with a message naming REDIS_URL if Redis cannot be reached. */
  static async connect(o: RedisClusterOptions): Promise<RedisCluster> {
    const make = () => {
      const r = new Redis(o.url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 2 });
      let last = 0;
      r.on("error", (e: Error) => {
        if (Date.now() - last > 10_000) { last = Date.now(); o.log("presence: Redis error", e); }
      });
      return r;
    };
    const cmd = make();
    const sub = make();
    try {
      await Promise.all([cmd.connect(), sub.connect()]);
    } catch (e) {
      cmd.disconnect();
      sub.disconnect();
      throw new Error(`presence: cannot reach Redis at REDIS_URL (${(e as Error).message})`);
    }
    const c = new RedisCluster(cmd, sub, o);
    await c.heartbeat([]);
    return c;
  }

  private key(room: string, part: string): string {
    return `${this.p}{${room}}:${part}`;
  }

  private channel(room: string): string {
    return `${this.p}ch:${room}`;
  }

  async join(room: string, peer: Peer, o: { max: number; bypassLock: boolean; n: number | null }): Promise<JoinResult> {
    const r = (await this.cmd.eval(JOIN, 3, this.key(room, "nodes"), this.key(room, "state"), this.key(room, `m:${this.nodeId}`),
      this.nodeId, peer.id, JSON.stringify(peer), o.max, this.o.nodeTtlMs, o.bypassLock ? "1" : "0", o.n ?? "", this.key(room, "m:"), this.stateTtl)) as [string, number];
    if (r[0] === "ok") return { ok: true, n: Number(r[1]) };
    return { ok: false, code: r[0] === "room_locked" ? "room_locked" : "room_full" };
  }

  async update(room: string, peer: Peer): Promise<void> {
    await this.cmd.eval(UPDATE, 1, this.key(room, `m:${this.nodeId}`), peer.id, JSON.stringify(peer));
  }

  async leave(room: string, id: string): Promise<void> {
    await this.cmd.hdel(this.key(room, `m:${this.nodeId}`), id);
  }

  async remoteMembers(room: string): Promise<RemoteMember[]> {
    const flat = (await this.cmd.eval(MEMBERS, 1, this.key(room, "nodes"), this.o.nodeTtlMs, this.key(room, "m:"), this.nodeId)) as string[];
    const out: RemoteMember[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      try {
        out.push({ node: flat[i]!, peer: JSON.parse(flat[i + 1]!) as Peer });
      } catch {
        // A damaged record is skipped, not fatal: its node rewrites it on the next change.
      }
    }
    return out;
  }

  async state(room: string): Promise<RoomState> {
    const h = await this.cmd.hgetall(this.key(room, "state"));
    let kiosk: RoomState["kiosk"] = null;
    try {
      kiosk = h.kiosk ? (JSON.parse(h.kiosk) as RoomState["kiosk"]) : null;
    } catch {
      kiosk = null;
    }
    return {
      locked: h.locked === undefined ? DEFAULT_ROOM_STATE.locked : h.locked === "1",
      namesAllowed: h.namesAllowed === undefined ? DEFAULT_ROOM_STATE.namesAllowed : h.namesAllowed === "1",
      kiosk,
    };
  }

  async setState(room: string, state: RoomState): Promise<void> {
    const key = this.key(room, "state");
    await this.cmd.multi()
      .hset(key, "locked", state.locked ? "1" : "0", "namesAllowed", state.namesAllowed ? "1" : "0", "kiosk", state.kiosk ? JSON.stringify(state.kiosk) : "")
      .pexpire(key, this.stateTtl)
      .exec();
  }

  publish(envelope: Envelope): void {
    this.cmd.publish(this.channel(envelope.room), JSON.stringify({ n: this.nodeId, e: envelope })).catch((e) => this.o.log("presence: publish failed", e));
  }

  async subscribe(room: string): Promise<void> {
    await this.sub.subscribe(this.channel(room));
  }

  async unsubscribe(room: string): Promise<void> {
    await this.sub.unsubscribe(this.channel(room));
  }

  onEnvelope(handler: (env: Envelope, from: string) => void): void {
    this.handler = handler;
  }

  async heartbeat(rooms: readonly string[]): Promise<string[]> {
    return (await this.cmd.eval(HEARTBEAT, 0, this.nodeId, this.p, this.o.nodeTtlMs, this.stateTtl, ...rooms)) as string[];
  }

  async restore(room: string, peers: readonly Peer[]): Promise<void> {
    if (peers.length === 0) return;
    const key = this.key(room, `m:${this.nodeId}`);
    await this.cmd.multi().hset(key, ...peers.flatMap((p) => [p.id, JSON.stringify(p)])).pexpire(key, this.o.nodeTtlMs * 2).exec();
  }

  async aliveNodes(nodes: readonly string[]): Promise<Set<string>> {
    if (nodes.length === 0) return new Set();
    const beats = await this.cmd.mget(...nodes.map((n) => `${this.p}node:${n}`));
    return new Set(nodes.filter((_, i) => beats[i] !== null));
  }

  async saveToken(token: string, data: ResumeData, ttlMs: number): Promise<void> {
    await this.cmd.set(`${this.p}tok:${token}`, JSON.stringify(data), "PX", ttlMs);
  }

  async loadToken(token: string): Promise<ResumeData | null> {
    const raw = await this.cmd.get(`${this.p}tok:${token}`);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as ResumeData;
    } catch {
      return null;
    }
  }

  async dropToken(token: string): Promise<void> {
    await this.cmd.del(`${this.p}tok:${token}`);
  }

  async close(): Promise<void> {
    await this.cmd.del(`${this.p}node:${this.nodeId}`).catch(() => undefined);
    await Promise.all([this.cmd.quit().catch(() => undefined), this.sub.quit().catch(() => undefined)]);
  }
}
