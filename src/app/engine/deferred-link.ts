// Shader programs compiled while the page loads, not one wait after another (issue 18). Without
// KHR_parallel_shader_compile (software renderers such as SwiftShader, which lobby PCs without a
// GPU use, and some mobile drivers) Babylon asks for a program's LINK_STATUS right after
// linkProgram. That answer has to come from the GPU process, which first works through everything
// sent before (the context's setup, buffers, textures, the page's own compositing): the main thread
// stops for all of it, the glTF decoding and image decoding wait behind it, and so does the next
// program. During startup this offers Babylon the extension's query (COMPLETION_STATUS_KHR) and
// answers it with a WebGL2 fence placed after the program: "not yet" until the GPU process has come
// past the fence (asked without blocking), then "done". Babylon then reads the real LINK_STATUS,
// which no longer waits, and reports a program that fails to link as before. stop() withdraws the
// offer: programs made after startup compile as Babylon's default.

/** KHR_parallel_shader_compile's query (the value the extension defines). */
export const COMPLETION_STATUS_KHR = 0x91b1;

type Gl = Pick<WebGL2RenderingContext, "getProgramParameter" | "fenceSync" | "getSyncParameter" | "deleteSync" | "flush" | "isContextLost"
  | "SYNC_GPU_COMMANDS_COMPLETE" | "SYNC_STATUS" | "SIGNALED">;

/** What this needs of Babylon's engine: its capabilities and its WebGL context. */
export interface LinkEngine {
  getCaps(): { parallelShaderCompile?: { COMPLETION_STATUS_KHR: number } };
  _gl: unknown;
}

export interface DeferredLinks {
  /** Whether the query is offered (false where the browser has the extension, without WebGL2, after stop). */
  readonly active: boolean;
  /** Programs made from now on are linked as Babylon does by default. */
  stop(): void;
}

/** Offers the completion query, answered by fences, until stop(); a no-op where it is not needed or possible. */
export function deferLinkStatus(engine: LinkEngine): DeferredLinks {
  const caps = engine.getCaps();
  const gl = engine._gl as Gl | null;
  if (caps.parallelShaderCompile || !gl || typeof gl.fenceSync !== "function") return { active: false, stop() {} };
  /** Per program: the fence sent after it, or null once the GPU process was past it. */
  const fences = new WeakMap<WebGLProgram, WebGLSync | null>();
  const own = gl.getProgramParameter;
  const completed = (program: WebGLProgram): boolean => {
    if (gl.isContextLost()) return true; // Babylon's own checks then report the loss
    const fence = fences.get(program);
    if (fence === null) return true;
    if (fence === undefined) {
      // Asked first right after linkProgram: everything sent so far is followed by this fence.
      const f = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      gl.flush();
      fences.set(program, f);
      return f === null;
    }
    if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return false;
    gl.deleteSync(fence);
    fences.set(program, null);
    return true;
  };
  const getProgramParameter = function (program: WebGLProgram, pname: number): unknown {
    return pname === COMPLETION_STATUS_KHR ? completed(program) : own.call(gl, program, pname);
  };
  gl.getProgramParameter = getProgramParameter as typeof gl.getProgramParameter;
  const offered = { COMPLETION_STATUS_KHR };
  caps.parallelShaderCompile = offered;
  let active = true;
  return {
    get active() {
      return active;
    },
    stop() {
      active = false;
      // Programs already sent still answer the query (Babylon asks until it says done).
      if (caps.parallelShaderCompile === offered) delete caps.parallelShaderCompile;
    },
  };
}
