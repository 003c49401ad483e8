// Fetches .glb models from our own origin and loads them into asset containers.
// Each failure says which model and why, so the caller can show a placeholder for that one building.
import type { Scene } from "@babylonjs/core/scene";
import type { AssetContainer } from "@babylonjs/core/assetContainer";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
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
      return this.parse(scene, path, await this.bytes(path));
    },
    /** Loads a model from bytes already fetched (bytes()), without asking for them again. */
    async parse(scene: Scene, path: string, bytes: Uint8Array): Promise<AssetContainer> {
      const json = readGlbJson(bytes);
      if (!json) throw new ModelError(options.baseUrl + path, "corrupt", "its glTF JSON cannot be read");
      // Materials without textures of their own are described to the palette (looksOf) instead of
      // being built: the loader then never makes the PBR materials the palette would throw away,
      // and the PBR code (about 26 KB gzip) stays out of the first load.
      const plain = !hasOwnTextures(json);
      let container: AssetContainer;
      try {
        container = await LoadAssetContainerAsync(bytes, scene, { pluginExtension: ".glb", name: path, pluginOptions: { gltf: { skipMaterials: plain } } });
      } catch (e) {
        throw new ModelError(options.baseUrl + path, "corrupt", (e as Error).message || "cannot be parsed");
      }
      if (plain) attachLooks(container.meshes, json, options.baseUrl);
      else resolveAtlases(container, options.baseUrl);
      return container;
    },
  };
}

export type ModelLoader = ReturnType<typeof createModelLoader>;

/** A shared texture path as a model may name it: relative, under assets/, no way up or out. */
const ATLAS_PATH = /^(?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.(?:png|jpe?g|webp|ktx2)$/i;

/** The atlas URL on our origin for a material's extras.atlas, or null (with a warning if malformed). */
function atlasUrl(materialName: string, atlas: unknown, baseUrl: string): string | null {
  if (atlas === undefined) return null;
  if (typeof atlas !== "string" || !ATLAS_PATH.test(atlas)) {
    console.warn(`model-loader: material "${materialName}" names an unusable atlas ${JSON.stringify(atlas)}`);
    return null;
  }
  return baseUrl + atlas;
}

/** What the palette needs of a glTF material without textures of its own (linear colours, as glTF). */
export interface MaterialLook {
  name: string;
  baseColor: [number, number, number, number];
  emissive: [number, number, number];
  unlit: boolean;
  doubleSided: boolean;
  /** The shared texture it names (extras.atlas) on our origin, or null. */
  atlasUrl: string | null;
}

interface GltfJson {
  materials?: Array<{
    name?: string;
    pbrMetallicRoughness?: { baseColorFactor?: number[]; baseColorTexture?: unknown; metallicRoughnessTexture?: unknown };
    emissiveFactor?: number[];
    emissiveTexture?: unknown;
    normalTexture?: unknown;
    occlusionTexture?: unknown;
    doubleSided?: boolean;
    extensions?: Record<string, unknown>;
    extras?: { atlas?: unknown };
  }>;
  meshes?: Array<{ primitives?: Array<{ material?: number }> }>;
}

/** The JSON chunk of a .glb (already checked for its magic and length), or null if unreadable. */
export function readGlbJson(bytes: Uint8Array): GltfJson | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || view.getUint32(16, true) !== 0x4e4f534a) return null; // "JSON"
  const length = view.getUint32(12, true);
  if (20 + length > bytes.byteLength) return null;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length)));
    return typeof json === "object" && json !== null ? (json as GltfJson) : null;
  } catch {
    return null;
  }
}

/** Whether any material has a texture of its own (then the loader builds its materials as usual). */
function hasOwnTextures(json: GltfJson): boolean {
  return (json.materials ?? []).some((m) =>
    !!(m.pbrMetallicRoughness?.baseColorTexture || m.pbrMetallicRoughness?.metallicRoughnessTexture || m.emissiveTexture || m.normalTexture || m.occlusionTexture));
}

const PRIMITIVE_POINTER = /^\/meshes\/(\d+)\/primitives\/(\d+)$/;

/**
 * Describes each loaded primitive's glTF material as `metadata.look` (a MaterialLook), found through
 * the loader's JSON pointer of the primitive (`_internalMetadata.gltf.pointers`, which Babylon keeps
 * for its own glTF object model). Instances follow their source mesh and get none.
 */
export function attachLooks(meshes: readonly AbstractMesh[], json: GltfJson, baseUrl: string): void {
  const looks = new Map<number, MaterialLook>();
  const lookOf = (index: number): MaterialLook | null => {
    const m = json.materials?.[index];
    if (!m) return null;
    let look = looks.get(index);
    if (!look) {
      const c = m.pbrMetallicRoughness?.baseColorFactor ?? [1, 1, 1, 1];
      const e = m.emissiveFactor ?? [0, 0, 0];
      const name = m.name ?? `material-${index}`;
      look = {
        name,
        baseColor: [c[0] ?? 1, c[1] ?? 1, c[2] ?? 1, c[3] ?? 1],
        emissive: [e[0] ?? 0, e[1] ?? 0, e[2] ?? 0],
        unlit: !!m.extensions?.KHR_materials_unlit,
        doubleSided: !!m.doubleSided,
        atlasUrl: atlasUrl(name, m.extras?.atlas, baseUrl),
      };
      looks.set(index, look);
    }
    return look;
  };
  for (const mesh of meshes) {
    if (mesh.getClassName() === "InstancedMesh") continue;
    const pointers = (mesh._internalMetadata as { gltf?: { pointers?: unknown } } | undefined)?.gltf?.pointers;
    if (!Array.isArray(pointers)) continue;
    for (const p of pointers) {
      const match = typeof p === "string" ? PRIMITIVE_POINTER.exec(p) : null;
      if (!match) continue;
      const index = json.meshes?.[Number(match[1])]?.primitives?.[Number(match[2])]?.material;
      const look = typeof index === "number" ? lookOf(index) : null;
      if (look) mesh.metadata = { ...(mesh.metadata as object | null), look };
      break;
    }
  }
}

/**
 * Materials that name a shared texture (extras.atlas, assets/README.md) get its URL on our origin
 * as `metadata.atlasUrl`, for the material palette to load once for every model. A malformed
 * path is ignored with a warning: the material keeps its vertex colours.
 */
export function resolveAtlases(container: AssetContainer, baseUrl: string): void {
  for (const m of container.materials) {
    const meta = m.metadata as { gltf?: { extras?: { atlas?: unknown } }; atlasUrl?: string } | null;
    const url = atlasUrl(m.name, meta?.gltf?.extras?.atlas, baseUrl);
    if (url) m.metadata = { ...meta, atlasUrl: url };
  }
}
