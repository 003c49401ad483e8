// Other visitors as figures the budget can afford (issue 16, point 2): every body with its head and
// visor is one thin instance of one mesh (one draw call for all), hands in VR are thin instances of
// a second mesh, and every name tag is a quad of one third mesh whose texture is one atlas of names
// drawn as canvas text (never HTML). Three draw calls whatever the number of visitors; about 170
// triangles per figure. Name tags face the camera, turned on the CPU each frame (a few floats per
// visitor), so the atlas quad needs no billboard mode per mesh.
import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { VertexData } from "@babylonjs/core/Meshes/mesh.vertexData";
import { CreateCylinder } from "@babylonjs/core/Meshes/Builders/cylinderBuilder";
import { CreateSphere } from "@babylonjs/core/Meshes/Builders/sphereBuilder";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { DynamicTexture } from "@babylonjs/core/Materials/Textures/dynamicTexture";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { Matrix, Quaternion, Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { PoseTuple } from "../../domain/presence";
// Side effect: thin instances on Mesh.
import "@babylonjs/core/Meshes/thinInstanceMesh";

export interface AvatarLook {
  id: string;
  /** Shown above the head, as text. */
  label: string;
  guide: boolean;
}

export interface Avatars {
  /** Figures shown now. */
  readonly count: number;
  /** The visitors to show (on arrival, departure, renaming): slots and name tags are redrawn. */
  sync(looks: readonly AvatarLook[]): void;
  /** Where a visitor's head (and hands) is this frame; a visitor not placed this frame keeps its last place. */
  place(id: string, head: PoseTuple, left: PoseTuple | null, right: PoseTuple | null): void;
  /** After placing everyone: uploads the instance buffers and turns the name tags to the camera. */
  commit(): void;
  /** Triangles of one figure (body, head, visor, two hands, name tag), for the budget test. */
  readonly trianglesPerFigure: number;
  readonly meshes: readonly Mesh[];
  dispose(): void;
}

/** Tag atlas slots: a name of 24 characters fits 512 x 64 px at this font. */
const SLOT_W = 512;
const SLOT_H = 64;
const TAG_W = 0.9; // metres
const TAG_H = (TAG_W * SLOT_H) / SLOT_W;
const TAG_ABOVE = 0.32; // metres above the eye
const VISITOR = [0.16, 0.5, 0.72] as const;
const GUIDE = [0.95, 0.6, 0.1] as const;

function figureMesh(scene: Scene): Mesh {
  // Built around the eye (origin), facing -Z (a right-handed scene's forward), standing 1.6 m tall.
  const body = CreateCylinder("avatar-body", { height: 1.25, diameterTop: 0.36, diameterBottom: 0.46, tessellation: 10, cap: Mesh.CAP_END }, scene);
  body.position.y = -0.8; // from 1.4 m below the eye (a floor glimpse under it) up to the neck
  const head = CreateSphere("avatar-head", { diameter: 0.28, segments: 5 }, scene);
  const visor = CreateBox("avatar-visor", { width: 0.2, height: 0.07, depth: 0.06 }, scene);
  visor.position.set(0, 0.01, -0.11);
  const merged = Mesh.MergeMeshes([body, head, visor], true, true);
  if (!merged) throw new Error("avatars: could not build the figure");
  merged.name = "presence-figures";
  return merged;
}

export function createAvatars(scene: Scene, options: { capacity?: number } = {}): Avatars {
  let capacity = Math.max(4, options.capacity ?? 32);
  const figures = figureMesh(scene);
  const hands = CreateBox("presence-hands", { width: 0.07, height: 0.04, depth: 0.12 }, scene);
  const material = new StandardMaterial("presence-figure", scene);
  material.diffuseColor = Color3.White();
  material.specularColor = new Color3(0.1, 0.1, 0.1);
  material.emissiveColor = new Color3(0.15, 0.15, 0.15);
  figures.material = material;
  hands.material = material;

  const tags = new Mesh("presence-name-tags", scene);
  const tagMaterial = new StandardMaterial("presence-name-tags", scene);
  tagMaterial.disableLighting = true;
  tagMaterial.backFaceCulling = false;
  tags.material = tagMaterial;
  let atlas: DynamicTexture | null = null;

  for (const m of [figures, hands, tags]) {
    m.isPickable = false;
    // Instances move every frame: culling by a stale bounding box would hide them.
    m.alwaysSelectAsActiveMesh = true;
    m.doNotSyncBoundingInfo = true;
    // Shown once someone is there (sync, commit): before the first sync a mesh without instances
    // was drawn as itself at the origin (a figure in the hub's map table, 2 draw calls per view).
    m.setEnabled(false);
  }

  let matrices = new Float32Array(16 * capacity);
  let colors = new Float32Array(4 * capacity);
  let handMatrices = new Float32Array(16 * 2 * capacity);
  let tagPositions = new Float32Array(12 * capacity);
  let heads = new Float32Array(3 * capacity);
  let looks: AvatarLook[] = [];
  const slotOf = new Map<string, number>();
  let handShown = new Uint8Array(2 * capacity);
  let handCount = 0;

  const q = new Quaternion();
  const m = new Matrix();
  const pos = new Vector3();
  const one = new Vector3(1, 1, 1);
  const right = new Vector3();
  const up = new Vector3();

  function allocate(n: number): void {
    capacity = Math.max(capacity, n);
    if (matrices.length >= 16 * capacity) return;
    matrices = new Float32Array(16 * capacity);
    colors = new Float32Array(4 * capacity);
    handMatrices = new Float32Array(16 * 2 * capacity);
    tagPositions = new Float32Array(12 * capacity);
    heads = new Float32Array(3 * capacity);
    handShown = new Uint8Array(2 * capacity);
  }

  function drawAtlas(): void {
    const n = looks.length;
    atlas?.dispose();
    atlas = null;
    tagMaterial.diffuseTexture = null;
    tagMaterial.emissiveTexture = null;
    if (n === 0) return;
    atlas = new DynamicTexture("presence-name-atlas", { width: SLOT_W, height: SLOT_H * n }, scene, false);
    atlas.hasAlpha = true;
    const ctx = atlas.getContext() as CanvasRenderingContext2D;
    ctx.clearRect(0, 0, SLOT_W, SLOT_H * n);
    ctx.font = "bold 34px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    looks.forEach((look, i) => {
      const y = i * SLOT_H;
      const text = look.label;
      const w = Math.min(SLOT_W - 4, ctx.measureText(text).width + 28);
      ctx.fillStyle = look.guide ? "rgba(150, 80, 0, 0.85)" : "rgba(10, 30, 50, 0.78)";
      ctx.fillRect((SLOT_W - w) / 2, y + 4, w, SLOT_H - 8);
      ctx.fillStyle = "#ffffff";
      ctx.fillText(text, SLOT_W / 2, y + SLOT_H / 2 + 1, SLOT_W - 20); // canvas text: never markup
    });
    atlas.update(true);
    tagMaterial.diffuseTexture = atlas;
    tagMaterial.emissiveTexture = atlas;
    tagMaterial.useAlphaFromDiffuseTexture = true;
  }

  function buildTagGeometry(): void {
    const n = looks.length;
    const uvs = new Float32Array(8 * n);
    const indices = new Uint32Array(6 * n);
    for (let i = 0; i < n; i++) {
      // DynamicTexture rows run top-down with invertY false: v of slot i is counted from the top.
      const v0 = 1 - (i + 1) / n;
      const v1 = 1 - i / n;
      uvs.set([0, v0, 1, v0, 1, v1, 0, v1], 8 * i);
      const b = 4 * i;
      indices.set([b, b + 1, b + 2, b, b + 2, b + 3], 6 * i);
    }
    const data = new VertexData();
    data.positions = tagPositions.subarray(0, 12 * n);
    data.uvs = uvs;
    data.indices = indices;
    data.applyToMesh(tags, true);
    tags.setEnabled(n > 0);
  }

  const api: Avatars = {
    get count() {
      return looks.length;
    },
    trianglesPerFigure: 0,
    meshes: [figures, hands, tags],
    sync(next) {
      // Keep each known visitor's last place so a renamed figure does not jump.
      const oldHeads = heads.slice();
      const oldMatrices = matrices.slice();
      allocate(next.length);
      const oldSlot = new Map(slotOf);
      looks = [...next];
      slotOf.clear();
      looks.forEach((look, i) => {
        slotOf.set(look.id, i);
        const c = look.guide ? GUIDE : VISITOR;
        colors.set([c[0], c[1], c[2], 1], 4 * i);
        const was = oldSlot.get(look.id);
        if (was !== undefined) heads.set(oldHeads.subarray(3 * was, 3 * was + 3), 3 * i);
        else heads.set([0, -1000, 0], 3 * i); // hidden until its first pose arrives
        if (was !== undefined) matrices.set(oldMatrices.subarray(16 * was, 16 * was + 16), 16 * i);
        else {
          Matrix.TranslationToRef(0, -1000, 0, m);
          m.copyToArray(matrices, 16 * i);
        }
        handShown[2 * i] = handShown[2 * i + 1] = 0;
      });
      figures.thinInstanceSetBuffer("matrix", matrices, 16, false);
      figures.thinInstanceSetBuffer("color", colors, 4, false);
      figures.thinInstanceCount = looks.length;
      hands.thinInstanceSetBuffer("matrix", handMatrices, 16, false);
      hands.thinInstanceCount = 0;
      figures.setEnabled(looks.length > 0);
      drawAtlas();
      buildTagGeometry();
    },
    place(id, head, left, right) {
      const i = slotOf.get(id);
      if (i === undefined) return;
      heads[3 * i] = head[0];
      heads[3 * i + 1] = head[1];
      heads[3 * i + 2] = head[2];
      // The body turns with the head's heading only: a nod does not tip the whole figure over.
      const fx = -2 * (head[3] * head[5] + head[6] * head[4]);
      const fz = -(1 - 2 * (head[3] * head[3] + head[4] * head[4]));
      Quaternion.RotationYawPitchRollToRef(Math.atan2(-fx, -fz), 0, 0, q);
      pos.set(head[0], head[1], head[2]);
      Matrix.ComposeToRef(one, q, pos, m);
      m.copyToArray(matrices, 16 * i);
      handShown[2 * i] = left ? 1 : 0;
      handShown[2 * i + 1] = right ? 1 : 0;
      if (left) handMatrix(left, 2 * i);
      if (right) handMatrix(right, 2 * i + 1);
    },
    commit() {
      const n = looks.length;
      if (n === 0) return;
      figures.thinInstanceBufferUpdated("matrix");
      // Hands shown this frame, packed to the front of their buffer.
      handCount = 0;
      for (let s = 0; s < 2 * n; s++) {
        if (!handShown[s]) continue;
        if (s !== handCount) handMatrices.copyWithin(16 * handCount, 16 * s, 16 * s + 16);
        handCount++;
      }
      hands.thinInstanceCount = handCount;
      if (handCount > 0) hands.thinInstanceBufferUpdated("matrix");
      hands.setEnabled(handCount > 0);
      const cam = scene.activeCamera;
      if (!cam) return;
      const wm = cam.getWorldMatrix();
      right.set(wm.m[0]!, wm.m[1]!, wm.m[2]!).normalize().scaleInPlace(TAG_W / 2);
      up.set(0, TAG_H / 2, 0);
      for (let i = 0; i < n; i++) {
        const x = heads[3 * i]!, y = heads[3 * i + 1]! + TAG_ABOVE, z = heads[3 * i + 2]!;
        const o = 12 * i;
        tagPositions[o] = x - right.x - up.x; tagPositions[o + 1] = y - right.y - up.y; tagPositions[o + 2] = z - right.z - up.z;
        tagPositions[o + 3] = x + right.x - up.x; tagPositions[o + 4] = y + right.y - up.y; tagPositions[o + 5] = z + right.z - up.z;
        tagPositions[o + 6] = x + right.x + up.x; tagPositions[o + 7] = y + right.y + up.y; tagPositions[o + 8] = z + right.z + up.z;
        tagPositions[o + 9] = x - right.x + up.x; tagPositions[o + 10] = y - right.y + up.y; tagPositions[o + 11] = z - right.z + up.z;
      }
      tags.updateVerticesData(VertexBuffer.PositionKind, tagPositions.subarray(0, 12 * n), false, false);
    },
    dispose() {
      atlas?.dispose();
      figures.dispose();
      hands.dispose();
      tags.dispose();
      material.dispose();
      tagMaterial.dispose();
    },
  };

  function handMatrix(p: PoseTuple, slot: number): void {
    q.set(p[3], p[4], p[5], p[6]);
    pos.set(p[0], p[1], p[2]);
    Matrix.ComposeToRef(one, q, pos, m);
    m.copyToArray(handMatrices, 16 * slot);
  }

  const tri = (mesh: Mesh) => (mesh.getTotalIndices() / 3) | 0;
  (api as { trianglesPerFigure: number }).trianglesPerFigure = tri(figures) + 2 * tri(hands) + 2;
  return api;
}
