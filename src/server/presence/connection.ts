// One socket's input: size, rate, JSON and schema are checked before any message reaches the hub.
// Abuse closes the socket with a code the client can read (docs/presence.md, limits.ts CLOSE).
import type { IncomingHttpHeaders } from "node:http";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import type { RawData, WebSocket } from "ws";
import { CLOSE, PRESENCE_LIMITS } from "../../domain/presence/limits";
import { ClientMessage } from "../../domain/presence/messages";
import type { Hub } from "./hub";
import { Bucket } from "./limiter";
import type { Conn } from "./room";

const validator = TypeCompiler.Compile(ClientMessage);

/** Parses one frame: the message, or why it is refused. */
export function parseClientMessage(text: string): ClientMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return validator.Check(value) ? (value as ClientMessage) : null;
}

/** Dropped messages (over the rate) tolerated within DROP_WINDOW_MS before the socket is closed. */
const MAX_DROPS = 30;
const DROP_WINDOW_MS = 3000;

export function attachSocket(hub: Hub, socket: WebSocket, address: string, headers: IncomingHttpHeaders, onGone: () => void): Conn {
  const conn = hub.connect(socket, address, headers);
  const bucket = new Bucket(PRESENCE_LIMITS.messageBurst, PRESENCE_LIMITS.messagesPerSecond);
  let drops = 0;
  let dropsSince = 0;
  let rateWarned = 0;

  socket.on("message", (data: RawData, isBinary: boolean) => {
    if (conn.closed) return;
    conn.alive = true;
    const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (buf.length > PRESENCE_LIMITS.maxMessageBytes) return conn.close(CLOSE.tooLarge, "too_large");
    if (!bucket.take()) {
      const now = Date.now();
      if (now - dropsSince > DROP_WINDOW_MS) { drops = 0; dropsSince = now; }
      if (++drops > MAX_DROPS) return conn.close(CLOSE.rate, "rate");
      if (now - rateWarned > 1000) { rateWarned = now; hub.error(conn, "rate", null); }
      return;
    }
    const msg = isBinary ? null : parseClientMessage(buf.toString("utf8"));
    if (!msg) return conn.close(CLOSE.malformed, "malformed");
    try {
      hub.handle(conn, msg);
    } catch (e) {
      // A bug must cost this socket, never the process (and with it every visitor).
      hub.log("presence message failed", e);
      conn.close(CLOSE.internal, "internal");
    }
  });
  socket.on("pong", () => { conn.alive = true; });
  let gone = false;
  conn.onClosed = () => {
    if (gone) return;
    gone = true;
    onGone();
    hub.disconnected(conn);
  };
  socket.on("close", conn.onClosed);
  return conn;
}
