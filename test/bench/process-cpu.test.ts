import assert from "node:assert/strict";
import { chromiumKind, cpuBetween, parseStat, type CpuSample } from "../../bench/process-cpu";

describe("bench/process-cpu", () => {
  it("names Chromium's process kinds from their command lines", () => {
    assert.equal(chromiumKind("/usr/lib/chromium/chromium\0--no-sandbox\0"), "browser", "no --type: the browser process");
    assert.equal(chromiumKind("/usr/lib/chromium/chromium\0--type=gpu-process\0--use-angle=swiftshader\0"), "gpu-process", "the GPU process");
    assert.equal(chromiumKind("/usr/lib/chromium/chromium\0--type=utility\0--utility-sub-type=network.mojom.NetworkService\0"), "utility:network", "a utility by its service");
    assert.equal(chromiumKind("/usr/lib/chromium/chromium --type=renderer --lang=en-US"), "renderer", "a child whose title Chromium rewrote");
    assert.equal(chromiumKind("node\0bench/startup.ts\0--x=chromium\0"), null, "not Chromium");
  });
  it("reads name and user + system time from a stat line whose name holds spaces and parentheses", () => {
    const stat = "4242 (Thread (00) x) S 1 2 3 0 -1 4194560 10 0 0 0 150 25 0 0 20 0 9 0 100 0 0";
    assert.deepEqual(parseStat(stat), { name: "Thread (00) x", cpuMs: 1750 }, "utime 150 + stime 25 ticks at 100 Hz");
    assert.throws(() => parseStat("garbage"), /not a \/proc stat line/, "a line without a name is refused");
  });
  it("sums CPU spent between two samples by kind, counting ids that started in between", () => {
    const s = (kind: string, cpuMs: number): CpuSample => ({ kind, name: kind, cpuMs });
    const before = new Map([[1, s("gpu-process", 100)], [2, s("renderer", 50)]]);
    const after = new Map([[1, s("gpu-process", 900)], [2, s("renderer", 50)], [3, s("renderer", 300)]]);
    assert.deepEqual(cpuBetween(before, after), [["gpu-process", 800], ["renderer", 300]], "unchanged ids drop out; new ids count whole");
  });
});
