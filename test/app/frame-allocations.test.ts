// "Nothing allocated per frame in the render loop" (issue 4), checked where it can be: V8's
// sampling heap profiler, sampling every few bytes and keeping objects the collector already
// freed, records which functions allocated while frames are rendered. None of them may be the
// app's own code (src/app): its per-frame steps (frame/frame-loop.ts: walking, doorways, glides, the test hook)
// must reuse what they need. Babylon's own per-frame work is Babylon's.
// Measured here: no object while standing, or inside with a kiosk open; while walking, only the
// one floor ray per frame, whose results Babylon's picking allocates (about 1 KB).
import assert from "node:assert/strict";
import { Session } from "node:inspector/promises";
import { setFlagsFromString } from "node:v8";
import { startNodeExperience, type NodeExperience } from "../support/node-experience";

// The sampling profiler names the physical frame only: with inlining, an allocation inside a
// Babylon function inlined into an app observer (pickWithRay's closure) would be blamed on the
// app. This file runs in a mocha process of its own (tools/test-run.mjs), so the flag stays here.
setFlagsFromString("--no-turbo-inlining");

const FRAMES = 200;
/**
 * Frames run before sampling. When V8 finishes optimizing a function it allocates the code's
 * objects on the main thread, blamed on whatever JS runs then; with the plaza in two batches a frame
 * does less, so the last tier-ups came later, inside 2,000 frames' sampling window (a getter "allocated"
 * 32-320 B in 2 of 3 runs; 0 of 6 with 5,000).
 */
const WARMUP = 5000;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: ProfileNode[];
}

interface Allocation {
  /** "function src/app/file.ts", then " > callee" when a function it called allocated */
  where: string;
  bytes: number;
  /** Made by the app function itself, not by something it called. */
  direct: boolean;
}

/**
 * Allocations (one per sample) made by src/app functions while `frame` runs FRAMES times. The same
 * frames run WARMUP times first: until V8 optimizes a function, its floating-point arithmetic
 * allocates boxed numbers, which is the interpreter's doing, not the code's.
 */
async function appAllocations(session: Session, frame: (i: number) => void): Promise<Allocation[]> {
  for (let i = 0; i < WARMUP; i++) frame(i);
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 8,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < FRAMES; i++) frame(i);
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as {
    profile: { head: ProfileNode; samples: { nodeId: number; size: number }[] };
  };
  // An allocation is the app's when an app function is on its stack: made by the app's code or by
  // what that code called (a Babylon helper making a vector counts against the caller).
  const app = new Map<number, string>();
  const visit = (n: ProfileNode, owner: string | null) => {
    const url = n.callFrame.url;
    const here = /\/src\/app\//.test(url) ? `${n.callFrame.functionName || "(anonymous)"} ${url.slice(url.indexOf("/src/app/") + 1)}` : null;
    const who = here ?? (owner ? `${owner} > ${n.callFrame.functionName || "(anonymous)"}` : null);
    if (who) app.set(n.id, who);
    n.children.forEach((c) => visit(c, here ?? owner));
  };
  visit(profile.head, null);
  return profile.samples.filter((x) => app.has(x.nodeId)).map((x) => ({ where: app.get(x.nodeId)!, bytes: x.size, direct: !app.get(x.nodeId)!.includes(" > ") }));
}

/**
 * Objects only: without inlining every double a function returns or receives is boxed (16 bytes),
 * a vector getter's included; that is how V8 runs this test, not garbage the app makes. Anything
 * bigger (a Vector3 is 48 bytes, an array or a closure more) is an object made for the frame.
 */
const objects = (found: Allocation[]) => found.filter((a) => a.bytes > 16);

/** "where: n x bytes B" per kind, for a readable failure. */
function summary(found: Allocation[]): string[] {
  const n = new Map<string, number>();
  for (const a of found) n.set(`${a.where}: ${a.bytes} B`, (n.get(`${a.where}: ${a.bytes} B`) ?? 0) + 1);
  return [...n].map(([k, c]) => `${c} x ${k}`);
}

describe("per-frame allocations of the app's code (NullEngine)", function () {
  this.timeout(120_000);
  let ctx: NodeExperience;
  let exp: NodeExperience["exp"];
  const session = new Session();

  before(async () => {
    ctx = await startNodeExperience({ server: { rateLimit: false } });
    exp = ctx.exp;
    session.connect();
    await session.post("HeapProfiler.enable");
  });
  after(async () => {
    await session.post("HeapProfiler.disable");
    session.disconnect();
    await ctx?.close();
  });

  it("allocates no object for the app's code while the visitor stands on the plaza", async () => {
    const found = await appAllocations(session, () => exp.scene.render());
    assert.deepEqual(summary(objects(found)), [], "no object allocated by or for src/app code during idle frames");
  });

  it("while the visitor walks, allocates only in the one floor ray per frame", async () => {
    const cam = exp.walking.camera;
    const found = await appAllocations(session, (i) => {
      cam.position.x += i % 200 < 100 ? 0.02 : -0.02; // two metres across the hub and back
      exp.scene.render();
    });
    const own = objects(found).filter((a) => a.direct);
    assert.deepEqual(summary(own), [], "no src/app function made an object itself during walking frames");
    // What it calls may: the one floor ray per moved frame (Babylon's picking makes its results).
    const called = objects(found).filter((a) => !a.direct);
    const elsewhere = called.filter((a) => !a.where.startsWith("floorBelow "));
    assert.deepEqual(summary(elsewhere), [], "objects made for the app come only from the floor ray");
    const perFrame = called.reduce((n, a) => n + a.bytes, 0) / FRAMES;
    assert.ok(perFrame < 2048, `the floor ray costs ${perFrame.toFixed(0)} bytes per frame (< 2 KB)`);
  });

  it("allocates no object for the app's code inside an MPP with a kiosk open", async () => {
    const inside = await exp.places.enter("3273");
    assert.ok(inside, "entered");
    const controller = exp.visits.openCounter(inside!.kiosks[0]!);
    for (let n = 0; n < 50 && controller.view.status !== "ready"; n++) await new Promise((r) => setImmediate(r));
    const found = await appAllocations(session, () => exp.scene.render());
    exp.kiosks.close();
    exp.places.leave();
    assert.deepEqual(summary(objects(found)), [], "no object allocated by or for src/app code during frames inside");
  });
});
