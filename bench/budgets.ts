// The project's budgets, in one place (PRODUCT.md, "Budgets"). Counts are checked by `npm test`;
// times are measured by `npm run bench` and reported, never asserted.
export const BUDGETS = {
  /** First-load JavaScript (everything fetched before "ready"), gzip bytes. */
  firstLoadJsGzip: 500 * 1024,
  /**
   * The entry chunk alone (index.html's script), gzip bytes: what the first frame does not need is
   * a chunk of its own (issue 18). Set a little above its size when set, so growth is a decision.
   */
  entryChunkGzip: 405 * 1024,
  /** The world's glTF models together (plaza, 27 buildings, interior), bytes, meshopt-compressed. */
  gltfBytes: 1.5 * 1024 * 1024,
  trianglesDesktop: 100_000,
  trianglesVr: 60_000,
  drawCallsPerView: 80,
  /**
   * VR at the hub, both eyes together (Meta's Quest 2 guidance: 50-80): 20 on 2026-12-08 with one
   * pointer ray at a time (xr/pointing-hand.ts: one ray and one cursor, not two); 24 with the
   * plaza's static batches cut into the hub and the ring only (world/plaza.ts; 36 with 8 sectors)
   * and the legend and directory kiosk drawn with the signs (world/sign-atlas.ts panels; 28 before),
   * 36 since each resting controller is drawn as one mesh (xr/controller-at-rest.ts; 56 before,
   * 60 before the avatar meshes stayed off with nobody else there; issue 18 point 4).
   */
  vrHubDrawCalls: 20,
  /**
   * VR at the hub: meshes Babylon looks at per view to choose what to draw (world/mesh-candidates.ts:
   * only enabled, visible meshes with visibility > 0 and geometry: 10 of about 150 with both
   * controllers in view and at rest and one pointer ray, 2026-12-08 (12 with a ray on each hand; 14 before the legend and directory joined the signs,
   * 21 with 8 sectors of the plaza; 31 with the controllers' six parts each; 127 with hidden meshes
   * and glTF roots, all 158 before issue 18 point 4). All 10 are drawn per eye.
   */
  vrHubMeshCandidates: 10,
  /** VR at the hub, both eyes together (issue 17); each eye stays within trianglesVr. */
  vrHubTriangles: 100_000,
  /** Estimated GPU memory of all textures in a view (w*h*4, *4/3 with mipmaps), bytes. */
  textureMemoryBytes: 64 * 1024 * 1024,
  plazaMaterials: 25,
  buildingTriangles: 3_000,
  buildingMaterials: 4,
  /** One VR controller model (two are in view): together at most a quarter of the VR budget. */
  controllerTriangles: 7_500,
  /** VR controller and hand models and profiles together, bytes (assets/xr-input), meshopt-compressed. */
  controllerBytes: 1.5 * 1024 * 1024,
  /** Largest texture side, px (power of two). */
  texturePx: 1024,
  /** Frame time on a Quest-class headset at 72 Hz, ms (benchmarked, not asserted). */
  frameMs: 13.9,
  requestsToOtherOrigins: 0,
} as const;
