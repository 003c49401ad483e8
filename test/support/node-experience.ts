// The whole experience in Node: NullEngine, the real scene description and models from disk, and
// the API over the real server in-process. Shared by the tests that drive it.
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import type { BuildOptions } from "../../src/server/app";
import { createExperience, type Experience, type ExperienceDeps } from "../../src/app/experience";
import { createI18n, type I18n } from "../../src/app/i18n/i18n";
import { installFakeCanvas } from "./fake-canvas";
import { fsFetch } from "./fs-fetch";
import { injectedApi, type InjectedApi } from "./api-fake";

installFakeCanvas();

const fakeCanvas = { addEventListener() {}, removeEventListener() {} } as unknown as HTMLCanvasElement;

export interface NodeExperience {
  api: InjectedApi;
  engine: NullEngine;
  exp: Experience;
  i18n: I18n;
  close(): Promise<void>;
}

export interface NodeExperienceOptions {
  /** Passed to the server's build(); { rateLimit: false } for thousands of calls. */
  server?: BuildOptions;
  /** Replacement bytes or an HTTP status for given asset paths (a missing or corrupt model). */
  overrides?: Record<string, Uint8Array | number>;
  /** Further experience callbacks (onError, onModelError, onProgress, ...). */
  deps?: Partial<ExperienceDeps>;
}

export async function startNodeExperience(options: NodeExperienceOptions = {}): Promise<NodeExperience> {
  const api = await injectedApi(options.server);
  const engine = new NullEngine();
  // NullEngine's _releaseTexture does nothing, so every disposed texture stays in its cache (and
  // the heap). Do what the WebGL engine does, so counts and heap show the app's leaks only.
  (engine as unknown as { _releaseTexture(t: unknown): void })._releaseTexture = (t) => {
    const cache = engine.getLoadedTexturesCache();
    const at = cache.indexOf(t as never);
    if (at >= 0) cache.splice(at, 1);
  };
  const i18n = createI18n({ url: new URL("http://localhost/") });
  const exp = await createExperience({
    engine,
    canvas: fakeCanvas,
    api,
    i18n,
    assetsBase: "/assets/",
    sceneUrl: "/scenes/plaza.json",
    fetch: fsFetch({ "/assets/": "assets", "/scenes/": "scenes" }, options.overrides),
    ...options.deps,
  });
  return {
    api,
    engine,
    exp,
    i18n,
    async close() {
      exp.dispose();
      engine.dispose();
      await api.app.close();
    },
  };
}
