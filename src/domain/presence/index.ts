// Presence, the shared part: the wire protocol (messages, limits, close codes), the text rules for
// names and chat, and the pure client-side pieces the app uses (interpolation, send throttle,
// reconnect policy). See docs/presence.md.
export * from "./limits";
export * from "./messages";
export * from "./text";
export * from "./pose";
export * from "./interpolation";
export * from "./throttle";
export * from "./reconnect";
