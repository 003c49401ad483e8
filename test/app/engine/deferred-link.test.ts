// engine/deferred-link: without KHR_parallel_shader_compile, startup programs are not waited for
// one by one: Babylon is offered the extension's query, which says "not yet" until released.
import assert from "node:assert/strict";
import { COMPLETION_STATUS_KHR, deferLinkStatus, type LinkEngine } from "../../../src/app/engine/deferred-link";

const LINK_STATUS = 0x8b82;

function fakeEngine(ext?: { COMPLETION_STATUS_KHR: number }) {
  const asked: number[] = [];
  const caps: { parallelShaderCompile?: { COMPLETION_STATUS_KHR: number } } = ext ? { parallelShaderCompile: ext } : {};
  const gl = {
    getProgramParameter(_p: WebGLProgram, pname: number): unknown {
      asked.push(pname);
      return pname === LINK_STATUS ? "linked" : null;
    },
  };
  const engine = { getCaps: () => caps, _gl: gl } as unknown as LinkEngine;
  return { engine, caps, gl, asked };
}

describe("engine/deferred-link", () => {
  it("offers the completion query and answers 'not yet' until released, then 'done'", () => {
    const { engine, caps, gl, asked } = fakeEngine();
    const links = deferLinkStatus(engine);
    assert.equal(links.holding, true, "holding where the extension is missing");
    assert.deepEqual(caps.parallelShaderCompile, { COMPLETION_STATUS_KHR }, "Babylon sees the extension's query");
    const a = {} as WebGLProgram;
    assert.equal(gl.getProgramParameter(a, COMPLETION_STATUS_KHR), false, "not yet while held");
    assert.equal(gl.getProgramParameter(a, COMPLETION_STATUS_KHR), false, "still not yet at the next ask");
    links.release();
    assert.equal(links.holding, false, "released");
    assert.equal(gl.getProgramParameter(a, COMPLETION_STATUS_KHR), true, "done once released");
    assert.deepEqual(caps.parallelShaderCompile, { COMPLETION_STATUS_KHR }, "still offered after release (until stop)");
    assert.deepEqual(asked, [], "the completion query never reaches the context (it would be an invalid enum)");
    assert.equal(gl.getProgramParameter(a, LINK_STATUS), "linked", "the real link status still comes from the context");
    assert.deepEqual(asked, [LINK_STATUS], "other queries pass through");
  });

  it("stop() releases and withdraws the query, so later programs link as Babylon does by default", () => {
    const { engine, caps, gl } = fakeEngine();
    const links = deferLinkStatus(engine);
    const early = {} as WebGLProgram;
    assert.equal(gl.getProgramParameter(early, COMPLETION_STATUS_KHR), false, "held before stop");
    links.stop();
    assert.equal(links.holding, false, "not holding after stop");
    assert.equal(caps.parallelShaderCompile, undefined, "no parallel compile offered after stop");
    assert.equal(gl.getProgramParameter(early, COMPLETION_STATUS_KHR), true, "a program sent before stop completes");
    links.stop(); // twice is harmless
  });

  it("leaves a real extension alone", () => {
    const real = { COMPLETION_STATUS_KHR };
    const { engine, caps, gl } = fakeEngine(real);
    const own = gl.getProgramParameter;
    const links = deferLinkStatus(engine);
    assert.equal(links.holding, false, "nothing to hold where the browser has the extension");
    assert.equal(caps.parallelShaderCompile, real, "the real extension stays");
    assert.equal(gl.getProgramParameter, own, "the context is not wrapped");
  });
});
