// The project's budgets, in one place (PRODUCT.md, "Budgets"). Counts are checked by `npm test`;
// times are measured by `npm run bench` and reported, never asserted.
export const BUDGETS = {
  /** First-load JavaScript (everything fetched before "ready"), gzip bytes. */
  firstLoadJsGzip: 500 * 1024,
  /** All glTF models together, bytes. */
  gltfBytes: 3 * 1024 * 1024,
  trianglesDesktop: 100_000,
  trianglesVr: 60_000,
  drawCallsPerView: 80,
  plazaMaterials: 25,
  buildingTriangles: 3_000,
  buildingMaterials: 4,
  /** One VR controller model (two are in view): together at most a quarter of the VR budget. */
  controllerTriangles: 7_500,
  /** VR controller models and profiles together, bytes (assets/xr-input). */
  controllerBytes: 3 * 1024 * 1024,
  /** Largest texture side, px (power of two). */
  texturePx: 1024,
  /** Frame time on a Quest-class headset at 72 Hz, ms (benchmarked, not asserted). */
  frameMs: 13.9,
  requestsToOtherOrigins: 0,
} as const;
