// world/queue-display: the board over the back counters, reachable for the queue feature to paint.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import type { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { drawnText, installFakeCanvas } from "../../support/fake-canvas";
import { createQueueDisplay, idleQueueFace, QUEUE_BOARD_ROWS } from "../../../src/app/world/queue-display";

installFakeCanvas();

describe("world/queue-display", () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
    drawnText.length = 0;
  });
  afterEach(() => engine.dispose());

  it("shows an idle board: heading, columns, one row per counter with no number yet", () => {
    const face = idleQueueFace(["Imigrasi L1", "Disdukcapil A1", "Samsat D1", "BPN I1", "PDAM M1", "bank bjb N1"]);
    assert.equal(face.rows.length, QUEUE_BOARD_ROWS, `at most ${QUEUE_BOARD_ROWS} rows, legible across the hall`);
    assert.ok(face.rows.every((r) => r.number === null), "nothing called yet");
    const mesh = CreatePlane("queue-display", { width: 3.2, height: 0.94 }, scene);
    const board = createQueueDisplay(scene, mesh, face);
    assert.ok(drawnText.includes("Imigrasi L1"), "the first counter is written on the board");
    assert.ok(drawnText.some((t) => /ANTREAN/.test(t)), "the heading says what the board is");
    assert.ok(drawnText.includes("– – –"), "an empty row shows dashes, not a number");
    assert.equal(board.mesh, mesh, "the board is the role's mesh");
    assert.equal((mesh.material as StandardMaterial).diffuseTexture, board.texture, "its own texture, for the queue feature");
    assert.equal((mesh.material as StandardMaterial).disableLighting, true, "self-lit, like a screen");
    board.dispose();
  });

  it("repaints with called numbers", () => {
    const mesh = CreatePlane("queue-display", { width: 3.2, height: 0.94 }, scene);
    const board = createQueueDisplay(scene, mesh, idleQueueFace(["L1"]));
    drawnText.length = 0;
    board.paint({ title: "NOMOR ANTREAN", columns: ["Loket", "Nomor"], rows: [{ counter: "L1", number: "A-017" }], footer: "10:42" });
    assert.ok(drawnText.includes("A-017"), "the called number is drawn");
    assert.ok(drawnText.includes("10:42"), "the footer is drawn");
    board.dispose();
    assert.equal(scene.textures.length, 0, "its texture is freed on dispose");
  });
});
