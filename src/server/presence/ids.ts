// Random ids: peers, gathers, chat messages (short, not guessable from one another) and resume tokens (bearer secrets).
import { randomBytes } from "node:crypto";

export const newId = (): string => randomBytes(8).readBigUInt64BE().toString(36).slice(0, 12);
export const newToken = (): string => randomBytes(24).toString("base64url");
