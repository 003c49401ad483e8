// A presence test client: wraps a ws WebSocket (from fastify's injectWS or a real connection) with a
// queue of parsed server messages and the close code, so tests read the conversation in order.
import type { FastifyInstance } from "fastify";
import WebSocket from "ws";
import type { ClientMessage, ServerMessage, ServerMessageOf } from "../../src/domain/presence/messages";
import { build } from "../../src/server/app";
import type { PresenceOptions } from "../../src/server/presence/options";

export const ORIGIN = "http://localhost:8080";
export const HOST = "localhost:8080";

export class PresenceClient {
  readonly received: ServerMessage[] = [];
  private cursor = 0;
  private waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const w of this.waiters.splice(0)) w();
    }));
  }

  send(msg: ClientMessage | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(msg));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** The next message of type t after the ones already read (others are skipped), or a failure after timeoutMs. */
  async next<T extends ServerMessage["t"]>(t: T, timeoutMs = 3000, where?: (m: ServerMessageOf<T>) => boolean): Promise<ServerMessageOf<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.received.length) {
        const m = this.received[this.cursor++]!;
        if (m.t === t && (!where || where(m as ServerMessageOf<T>))) return m as ServerMessageOf<T>;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`no "${t}" message within ${timeoutMs} ms; got: ${this.received.map((m) => m.t).join(", ")}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** Joins a room and returns the welcome. */
  async join(room = "plaza", extra: Record<string, unknown> = {}): Promise<ServerMessageOf<"welcome">> {
    this.send({ t: "join", room, ...extra });
    return this.next("welcome");
  }

  close(): void {
    this.ws.close(1000);
  }
}

export async function presenceApp(presence: Partial<PresenceOptions> = {}): Promise<FastifyInstance> {
  const app = await build({ dbPath: ":memory:", presence: { tickMs: 20, ...presence }, rateLimit: false });
  await app.ready();
  return app;
}

export async function injectClient(app: FastifyInstance, headers: Record<string, string> = { origin: ORIGIN, host: HOST }): Promise<PresenceClient> {
  const ws = await app.injectWS("/api/v1/presence", { headers });
  return new PresenceClient(ws);
}

/**
 * One presence app per test (mocha hooks registered here) and its clients, all closed after each
 * test. `app` may be replaced by a test (a restart); the replacement is closed instead.
 */
export function presenceFixture(options: Partial<PresenceOptions> = {}): { app: FastifyInstance; client(): Promise<PresenceClient> } {
  const clients: PresenceClient[] = [];
  const fx = {
    app: null as unknown as FastifyInstance,
    async client() {
      const c = await injectClient(fx.app);
      clients.push(c);
      return c;
    },
  };
  beforeEach(async () => { fx.app = await presenceApp(options); });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await fx.app.close();
  });
  return fx;
}
