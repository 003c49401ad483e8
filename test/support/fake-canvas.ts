// A 2D canvas stand-in for Babylon's NullEngine in Node: Babylon draws signs and GUI through a
// canvas context; here the context records the text drawn so tests can check what a sign says.
import "./node-babylon";

export const drawnText: string[] = [];

function fakeContext(width: number, height: number) {
  const state: Record<string, unknown> = { font: "10px sans-serif" };
  const target = {
    canvas: { width, height },
    fillText(text: string) {
      drawnText.push(String(text));
    },
    measureText(text: string) {
      const size = Number(/(\d+)px/.exec(String(state.font))?.[1] ?? 10);
      const width = String(text).length * size * 0.5;
      return { width, actualBoundingBoxLeft: 0, actualBoundingBoxRight: width, actualBoundingBoxAscent: size * 0.8, actualBoundingBoxDescent: size * 0.2 };
    },
    getImageData(_x: number, _y: number, w: number, h: number) {
      return { data: new Uint8ClampedArray(Math.max(1, w * h * 4)), width: w, height: h };
    },
    createLinearGradient: () => ({ addColorStop() {} }),
    createPattern: () => ({}),
  };
  return new Proxy(target, {
    get(t, key) {
      if (key in t) return (t as Record<string | symbol, unknown>)[key];
      if (key in state) return state[key as string];
      return () => undefined; // every other drawing call is a no-op
    },
    set(_t, key, value) {
      state[key as string] = value;
      return true;
    },
  });
}

class FakeOffscreenCanvas {
  constructor(public width: number, public height: number) {}
  getContext() {
    return fakeContext(this.width, this.height);
  }
}

export function installFakeCanvas(): void {
  (globalThis as Record<string, unknown>).OffscreenCanvas ??= FakeOffscreenCanvas;
}
