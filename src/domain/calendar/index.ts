// Holiday data and working days; pure. Reading the data files from disk is in ./load (server only).
export * from "./calendar";
export * from "./holidays";
