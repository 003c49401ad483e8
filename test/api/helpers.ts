// Shared setup for API tests: an app with a temporary dist/ folder, on an in-memory SQLite database
// or on the database an engine (test/support/engines.ts) gives: its shared, read-only one by default.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { build, type BuildOptions } from "../../src/server/app";
import type { DatabaseConfig } from "../../src/server/db/config";
import type { TestEngine } from "../support/engines";

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  close(): Promise<void>;
}

export const HASHED_JS = "js/main.0123456789.js";

/** Builds the app with a tiny fake dist/ (index.html and one hashed bundle) and empty assets/scenes. */
export async function testApp(opts: { withDist?: boolean; build?: BuildOptions; engine?: TestEngine; database?: DatabaseConfig } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "mpp-api-"));
  const distDir = join(dir, "dist");
  if (opts.withDist !== false) {
    mkdirSync(join(distDir, "js"), { recursive: true });
    writeFileSync(join(distDir, "index.html"), "<!doctype html><title>MPP</title>" + "<!-- pad -->".repeat(200));
    writeFileSync(join(distDir, HASHED_JS), "console.log('app');\n".repeat(200));
  }
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "assets", "plaza.glb"), Buffer.from("glTF\u0002\u0000\u0000\u0000"));
  writeFileSync(join(dir, "assets", "manifest.json"), JSON.stringify({ ok: true }));
  mkdirSync(join(dir, "scenes"), { recursive: true });
  writeFileSync(join(dir, "scenes", "plaza.json"), JSON.stringify({ scene: "plaza" }));
  writeFileSync(join(dir, "secret.txt"), "outside");
  const database = opts.database ?? (opts.engine ? await opts.engine.sharedConfig() : { engine: "sqlite", path: ":memory:" } as const);
  const app = await build({ database, distDir, assetsDir: join(dir, "assets"), scenesDir: join(dir, "scenes"), ...opts.build });
  return {
    app,
    dir,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CSP_START = "default-src 'self'";
