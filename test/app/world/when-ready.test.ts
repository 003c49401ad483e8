// world/when-ready: the world counts as loaded only when its meshes can be drawn.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import "../../support/node-babylon";
import { drawable, whenMeshesReady } from "../../../src/app/world/when-ready";

describe("world/when-ready", () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  afterEach(() => engine.dispose());

  it("counts only meshes that will be drawn: enabled, visible, with geometry", () => {
    const shown = CreateBox("shown", {}, scene);
    const hidden = CreateBox("hidden", {}, scene);
    hidden.isVisible = false;
    const proxy = CreateBox("proxy", {}, scene);
    proxy.visibility = 0;
    const off = CreateBox("off", {}, scene);
    off.setEnabled(false);
    assert.deepEqual(drawable([shown, hidden, proxy, off]).map((m) => m.name), ["shown"], "only the shown box is waited for");
  });

  it("waits until a mesh is ready to draw, polling it", async () => {
    const box = CreateBox("box", {}, scene);
    let ready = false;
    let asked = 0;
    box.isReady = () => {
      asked++;
      return ready;
    };
    let resolved = false;
    const p = whenMeshesReady([box], { intervalMs: 5 }).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(resolved, false, "not resolved while the mesh is not ready");
    ready = true;
    await p;
    assert.ok(asked >= 2, `the mesh was asked again until ready (${asked} times)`);
  });

  it("gives up after the timeout, naming the meshes still not ready", async () => {
    const box = CreateBox("stuck", {}, scene);
    box.isReady = () => false;
    let named: readonly AbstractMesh[] = [];
    await whenMeshesReady([box], { timeoutMs: 30, intervalMs: 5, onTimeout: (p) => (named = p) });
    assert.deepEqual(named.map((m) => m.name), ["stuck"], "the stuck mesh is reported");
  });

  it("stops waiting for a mesh disposed meanwhile", async () => {
    const box = CreateBox("gone", {}, scene);
    box.isReady = () => false;
    let timedOut = false;
    const p = whenMeshesReady([box], { timeoutMs: 5_000, intervalMs: 5, onTimeout: () => (timedOut = true) });
    box.dispose();
    await p;
    assert.equal(timedOut, false, "resolved without waiting for the timeout");
  });
});
