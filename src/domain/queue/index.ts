// The online queue's rules (issue 14); pure, no I/O. See docs/domain-rules.md.
export * from "./booking";
export * from "./code";
export * from "./hours";
export * from "./ics";
export * from "./number";
export * from "./slots";
