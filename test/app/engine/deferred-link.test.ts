// engine/deferred-link: without KHR_parallel_shader_compile, startup programs are not waited for
// one by one: Babylon is offered the extension's query, answered by a fence after each program.
import assert from "node:assert/strict";
import { COMPLETION_STATUS_KHR, deferLinkStatus, type LinkEngine } from "../../../src/app/engine/deferred-link";

const LINK_STATUS = 0x8b82;
const SYNC_STATUS = 0x9114;
const SIGNALED = 0x9119;
const UNSIGNALED = 0x9118;

/** A WebGL2 context as far as this module uses it: fences the test signals by hand. */
function fakeEngine(options: { ext?: { COMPLETION_STATUS_KHR: number }; webgl1?: boolean } = {}) {
  const calls: string[] = [];
  const fences: { signaled: boolean; deleted: boolean }[] = [];
  const caps: { parallelShaderCompile?: { COMPLETION_STATUS_KHR: number } } = options.ext ? { parallelShaderCompile: options.ext } : {};
  let lost = false;
  const gl: Record<string, unknown> = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117, SYNC_STATUS, SIGNALED,
    getProgramParameter(_p: WebGLProgram, pname: number): unknown {
      calls.push(`getProgramParameter ${pname}`);
      return pname === LINK_STATUS ? "linked" : null;
    },
    flush: () => calls.push("flush"),
    isContextLost: () => lost,
  };
  if (!options.webgl1) {
    Object.assign(gl, {
      fenceSync: () => (fences.push({ signaled: false, deleted: false }), fences.at(-1)),
      getSyncParameter: (f: { signaled: boolean }, pname: number) => (pname === SYNC_STATUS ? (f.signaled ? SIGNALED : UNSIGNALED) : null),
      deleteSync: (f: { deleted: boolean }) => (f.deleted = true),
    });
  }
  const engine = { getCaps: () => caps, _gl: gl } as unknown as LinkEngine;
  const ask = (p: WebGLProgram, pname = COMPLETION_STATUS_KHR) => (gl.getProgramParameter as (p: WebGLProgram, n: number) => unknown)(p, pname);
  return { engine, caps, gl, calls, fences, ask, loseContext: () => (lost = true) };
}

describe("engine/deferred-link", () => {
  it("answers the completion query 'not yet' until the GPU process is past a fence sent after the program", () => {
    const { engine, caps, calls, fences, ask } = fakeEngine();
    const links = deferLinkStatus(engine);
    assert.equal(links.active, true, "active on WebGL2 without the extension");
    assert.deepEqual(caps.parallelShaderCompile, { COMPLETION_STATUS_KHR }, "Babylon sees the extension's query");
    const a = {} as WebGLProgram;
    const b = {} as WebGLProgram;
    assert.equal(ask(a), false, "program a: not yet at the first ask");
    assert.equal(fences.length, 1, "a fence is sent after program a");
    assert.ok(calls.includes("flush"), "and flushed, so the GPU process starts on it now");
    assert.equal(ask(b), false, "program b: not yet, with a fence of its own");
    assert.equal(ask(a), false, "program a: still not yet while its fence is unsignaled");
    fences[0]!.signaled = true;
    assert.equal(ask(a), true, "program a: done once the GPU process passed its fence");
    assert.equal(fences[0]!.deleted, true, "its fence is deleted");
    assert.equal(ask(a), true, "and stays done");
    assert.equal(ask(b), false, "program b waits for its own fence");
    assert.equal(fences.length, 2, "one fence per program");
    assert.ok(!calls.includes(`getProgramParameter ${COMPLETION_STATUS_KHR}`), "the query never reaches the context (an invalid enum there)");
    assert.equal(ask(a, LINK_STATUS), "linked", "the real link status still comes from the context");
  });

  it("stop() withdraws the query; programs sent before still complete", () => {
    const { engine, caps, fences, ask } = fakeEngine();
    const links = deferLinkStatus(engine);
    const early = {} as WebGLProgram;
    assert.equal(ask(early), false, "not yet before stop");
    links.stop();
    assert.equal(links.active, false, "inactive after stop");
    assert.equal(caps.parallelShaderCompile, undefined, "no parallel compile offered after stop: Babylon links as by default");
    fences[0]!.signaled = true;
    assert.equal(ask(early), true, "a program sent before stop completes");
    links.stop(); // twice is harmless
  });

  it("says done on a lost context, so nothing waits for a fence that cannot signal", () => {
    const { engine, ask, loseContext } = fakeEngine();
    deferLinkStatus(engine);
    const p = {} as WebGLProgram;
    assert.equal(ask(p), false, "not yet");
    loseContext();
    assert.equal(ask(p), true, "done once the context is lost (Babylon handles the loss)");
  });

  it("leaves a real extension, and WebGL 1 (no fences), alone", () => {
    for (const options of [{ ext: { COMPLETION_STATUS_KHR } }, { webgl1: true }]) {
      const { engine, caps, gl } = fakeEngine(options);
      const own = gl.getProgramParameter;
      const before = caps.parallelShaderCompile;
      const links = deferLinkStatus(engine);
      assert.equal(links.active, false, `nothing to do (${JSON.stringify(options)})`);
      assert.equal(caps.parallelShaderCompile, before, "the capabilities are unchanged");
      assert.equal(gl.getProgramParameter, own, "the context is not wrapped");
    }
  });
});
