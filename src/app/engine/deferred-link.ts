// Shader programs compiled while the page loads, not one wait after another (issue 18). Without
// KHR_parallel_shader_compile (software renderers such as SwiftShader, which lobby PCs without a
// GPU use, and some mobile drivers) Babylon asks for a program's LINK_STATUS right after
// linkProgram: the main thread stops until the GPU process has compiled and linked it, and the
// glTF parsing, image decoding and the next program wait behind it. While held, this offers Babylon
// the extension's query (COMPLETION_STATUS_KHR) and answers "not yet": programs are sent as their
// materials are asked for and the GPU process compiles them while script runs. release() answers
// "done" from then on (the caller releases when it has nothing left to do but wait for the first
// frame): Babylon then reads the real LINK_STATUS, so a program that fails to link is reported as
// before. stop() also withdraws the offer: after startup, programs compile as Babylon's default.

/** KHR_parallel_shader_compile's query (the value the extension defines). */
export const COMPLETION_STATUS_KHR = 0x91b1;

/** What this needs of Babylon's engine: its capabilities and its WebGL context. */
export interface LinkEngine {
  getCaps(): { parallelShaderCompile?: { COMPLETION_STATUS_KHR: number } };
  _gl: Pick<WebGLRenderingContext, "getProgramParameter"> | null;
}

export interface DeferredLinks {
  /** Whether programs are being held (false where the browser has the extension, or after release). */
  readonly holding: boolean;
  /** Every program counts as compiled from now on (waiting for the GPU where it is not). */
  release(): void;
  /** release(), and programs made from now on are linked as Babylon does by default. */
  stop(): void;
}

/** Holds link-status waits until release(); a no-op where the extension exists or there is no WebGL. */
export function deferLinkStatus(engine: LinkEngine): DeferredLinks {
  const caps = engine.getCaps();
  const gl = engine._gl;
  if (caps.parallelShaderCompile || !gl) return { holding: false, release() {}, stop() {} };
  let holding = true;
  const own = gl.getProgramParameter;
  const getProgramParameter = function (program: WebGLProgram, pname: number): unknown {
    if (pname === COMPLETION_STATUS_KHR) return !holding;
    return own.call(gl, program, pname);
  };
  gl.getProgramParameter = getProgramParameter as typeof gl.getProgramParameter;
  const offered = { COMPLETION_STATUS_KHR };
  caps.parallelShaderCompile = offered;
  return {
    get holding() {
      return holding;
    },
    release() {
      holding = false;
    },
    stop() {
      holding = false;
      // Programs already sent still answer the query (Babylon asks until it says done).
      if (caps.parallelShaderCompile === offered) delete caps.parallelShaderCompile;
    },
  };
}
