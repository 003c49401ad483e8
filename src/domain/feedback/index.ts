// Consultation, complaints and the SKM (issue 15); pure, no I/O. See docs/domain-rules.md.
export * from "./deadlines";
export * from "./krejcie-morgan";
export * from "./skm";
export * from "./text";
export * from "./tickets";
