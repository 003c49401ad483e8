// Fetches .glb models from our own origin and loads them into asset containers.
// Each failure says which model and why, so the caller can show a placeholder for that one building.
import type { Scene } from "@babylonjs/core/scene";
import type { AssetContainer } from "@babylonjs/core/assetContainer";
import { LoadAssetContainerAsync } from "@babylonjs/core/Loading/sceneLoader";
// Side effect: registers the glTF 2.0 loader and its extensions (ExtrasAsMetadata gives node extras).
import "@babylonjs/loaders/glTF/2.0/glTFLoader";
import "@babylonjs/loaders/glTF/2.0/Extensions/ExtrasAsMetadata";
import "@babylonjs/loaders/glTF/glTFFileLoader";
// Side effects: the extensions our models use (tools/assets/compress.ts): meshopt-compressed,
// quantized buffers, and trees/lamps/benches as EXT_mesh_gpu_instancing (loaded as thin instances).
import "@babylonjs/loaders/glTF/2.0/Extensions/EXT_meshopt_compression";
import "@babylonjs/loaders/glTF/2.0/Extensions/KHR_mesh_quantization";
import "@babylonjs/loaders/glTF/2.0/Extensions/EXT_mesh_gpu_instancing";
import { MeshoptCompression } from "@babylonjs/core/Meshes/Compression/meshoptCompression";

/**
 * Babylon fetches the meshopt decoder from its CDN by default; a booth may have no internet, and
 * nothing may come from another origin. The asset build copies meshoptimizer's decoder (a plain
 * script defining the global MeshoptDecoder, as Babylon expects) beside the models; it is fetched
 * only when the first compressed model loads, never as part of the entry chunk.
 */
export const MESHOPT_DECODER_PATH = "decoders/meshopt_decoder.js";

/** Points Babylon's meshopt decoder at our copy under the models' base URL (e.g. "/assets/"). */
export function useLocalMeshoptDecoder(baseUrl: string): void {
  MeshoptCompression.Configuration = { decoder: { url: baseUrl + MESHOPT_DECODER_PATH } };
}

export type ModelErrorKind = "missing" | "network" | "corrupt";

export class ModelError extends Error {
  override name = "ModelError";
  constructor(readonly url: string, readonly kind: ModelErrorKind, message: string) {
    super(`model-loader: ${url}: ${message}`);
  }
}

export interface ModelLoaderOptions {
  /** Base URL models are resolved against, e.g. "/assets/". */
  baseUrl: string;
  fetch?: typeof fetch;
}

const GLB_MAGIC = 0x46546c67; // "glTF"

export function createModelLoader(options: ModelLoaderOptions) {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  useLocalMeshoptDecoder(options.baseUrl);
  const bytesCache = new Map<string, Promise<Uint8Array>>();

  async function fetchBytes(path: string): Promise<Uint8Array> {
    const url = options.baseUrl + path;
    let res: Response;
    try {
      res = await fetchFn(url);
    } catch (e) {
      throw new ModelError(url, "network", (e as Error).message || "network error");
    }
    if (res.status === 404) throw new ModelError(url, "missing", "not found (404)");
    if (!res.ok) throw new ModelError(url, "network", `HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 20 || view.getUint32(0, true) !== GLB_MAGIC || view.getUint32(4, true) !== 2) {
      throw new ModelError(url, "corrupt", "not a glTF 2.0 binary");
    }
    if (view.getUint32(8, true) !== bytes.byteLength) throw new ModelError(url, "corrupt", "truncated file");
    return bytes;
  }

  return {
    /** Bytes are cached so a building's interior can be entered again without a download. */
    bytes(path: string): Promise<Uint8Array> {
      let p = bytesCache.get(path);
      if (!p) {
        p = fetchBytes(path);
        bytesCache.set(path, p);
        p.catch(() => bytesCache.delete(path));
      }
      return p;
    },
    async load(scene: Scene, path: string): Promise<AssetContainer> {
      const bytes = await this.bytes(path);
      let container: AssetContainer;
      try {
        container = await LoadAssetContainerAsync(bytes, scene, { pluginExtension: ".glb", name: path });
      } catch (e) {
        throw new ModelError(options.baseUrl + path, "corrupt", (e as Error).message || "cannot be parsed");
      }
      resolveAtlases(container, options.baseUrl);
      return container;
    },
  };
}

export type ModelLoader = ReturnType<typeof createModelLoader>;

/** A shared texture path as a model may name it: relative, under assets/, no way up or out. */
const ATLAS_PATH = /^(?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.(?:png|jpe?g|webp|ktx2)$/i;

/**
 * Materials that name a shared texture (extras.atlas, assets/README.md) get its URL on our origin
 * as `metadata.atlasUrl`, for the material palette to load once for every model. A malformed
 * path is ignored with a warning: the material keeps its vertex colours.
 */
export function resolveAtlases(container: AssetContainer, baseUrl: string): void {
  for (const m of container.materials) {
    const meta = m.metadata as { gltf?: { extras?: { atlas?: unknown } }; atlasUrl?: string } | null;
    const atlas = meta?.gltf?.extras?.atlas;
    if (atlas === undefined) continue;
    if (typeof atlas !== "string" || !ATLAS_PATH.test(atlas)) {
      console.warn(`model-loader: material "${m.name}" names an unusable atlas ${JSON.stringify(atlas)}`);
      continue;
    }
    m.metadata = { ...meta, atlasUrl: baseUrl + atlas };
  }
}
