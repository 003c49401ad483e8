import assert from "node:assert/strict";
import { registerServiceWorker, wantsServiceWorker, workerNudge, NUDGE_URL, SKIP_WAITING, SW_URL, type WorkerCtor } from "../../../src/app/offline/register-sw";

const at = (q: string) => new URL(`https://mpp.example/${q}`);

function fakeContainer(reg: Partial<ServiceWorkerRegistration> | Error) {
  const registered: Array<[string, RegistrationOptions | undefined]> = [];
  const listeners = new Map<string, () => void>();
  const container = {
    controller: null,
    register: async (url: string | URL, opts?: RegistrationOptions) => {
      registered.push([String(url), opts]);
      if (reg instanceof Error) throw reg;
      return reg as ServiceWorkerRegistration;
    },
    addEventListener: (type: string, fn: () => void) => { listeners.set(type, fn); },
    removeEventListener: (type: string) => { listeners.delete(type); },
  };
  return { container: container as unknown as ServiceWorkerContainer, registered, listeners };
}

describe("offline/register-sw", () => {
  it("registers everywhere except in automation tests that do not ask, or with sw=0", () => {
    assert.equal(wantsServiceWorker(at("")), true, "desktop");
    assert.equal(wantsServiceWorker(at("?mode=kiosk&region=3273")), true, "kiosk");
    assert.equal(wantsServiceWorker(at("?automation=1")), false, "automation without sw=1");
    assert.equal(wantsServiceWorker(at("?automation=1&sw=1")), true, "a test that asks");
    assert.equal(wantsServiceWorker(at("?sw=0")), false, "switched off");
  });

  it("registers /sw.js at the root scope", async () => {
    const f = fakeContainer({ waiting: null });
    const h = registerServiceWorker({ location: { href: "https://mpp.example/" }, navigator: { serviceWorker: f.container } });
    assert.ok(await h.registration, "registered");
    assert.deepEqual(f.registered, [[SW_URL, { scope: "/" }]], "the root-scope worker");
    assert.equal(await h.hasUpdate(), false, "no waiting version");
    assert.equal(await h.applyUpdate(), false, "nothing to apply");
  });

  it("registers only once `after` has settled (the page's first frame), failed or not", async () => {
    const f = fakeContainer({ waiting: null });
    let drawn!: () => void;
    const h = registerServiceWorker({ location: { href: "https://mpp.example/" }, navigator: { serviceWorker: f.container } }, { after: new Promise<void>((r) => (drawn = r)) });
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(f.registered, [], "nothing registered before the first frame");
    drawn();
    assert.ok(await h.registration, "registered after it");
    assert.equal(f.registered.length, 1, "once");
    const g = fakeContainer({ waiting: null });
    const failed = registerServiceWorker({ location: { href: "https://mpp.example/" }, navigator: { serviceWorker: g.container } }, { after: Promise.reject(new Error("start failed")) });
    assert.ok(await failed.registration, "a failed start still registers (the worker helps a kiosk that went offline)");
  });

  it("does nothing without support, and reports a refused registration", async () => {
    const none = registerServiceWorker({ location: { href: "https://mpp.example/" }, navigator: {} });
    assert.equal(await none.registration, null, "no serviceWorker in navigator");
    const errors: unknown[] = [];
    const f = fakeContainer(new Error("SecurityError"));
    const refused = registerServiceWorker({ location: { href: "https://mpp.example/" }, navigator: { serviceWorker: f.container } }, { onError: (e) => errors.push(e) });
    assert.equal(await refused.registration, null, "a refused registration is null");
    assert.equal(errors.length, 1, "and reported");
  });

  it("applies a waiting version: SKIP_WAITING, then resolves on controllerchange", async () => {
    const posted: unknown[] = [];
    const f = fakeContainer({ waiting: { postMessage: (m: unknown) => posted.push(m) } as unknown as ServiceWorker });
    const h = registerServiceWorker({ location: { href: "https://mpp.example/?mode=kiosk" }, navigator: { serviceWorker: f.container } });
    assert.equal(await h.hasUpdate(), true, "a waiting version");
    const applied = h.applyUpdate(1000);
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(posted, [{ type: SKIP_WAITING }], "asked to take over");
    f.listeners.get("controllerchange")!();
    assert.equal(await applied, true, "resolved once it controls the page");
    assert.equal(f.listeners.size, 0, "listener removed");
  });

  it("nudges Chromium while the takeover waits, and stops nudging once it happened", async () => {
    const reg = { waiting: { postMessage: () => {} } as unknown as ServiceWorker };
    const f = fakeContainer(reg);
    let nudges = 0;
    const h = registerServiceWorker({ location: { href: "https://mpp.example/" }, navigator: { serviceWorker: f.container } }, { nudge: () => nudges++, nudgeEveryMs: 5 });
    const applied = h.applyUpdate(1000);
    await new Promise((r) => setTimeout(r, 40));
    assert.ok(nudges >= 2, `nudged again and again while the new version waits (${nudges})`);
    f.listeners.get("controllerchange")!();
    assert.equal(await applied, true, "took over");
    const after = nudges;
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(nudges, after, "no nudge after the takeover");
  });

  it("the default nudge starts a dedicated worker on a precached script", () => {
    const made: string[] = [];
    class FakeWorker {
      constructor(url: string) { made.push(url); }
      addEventListener() {}
      terminate() {}
    }
    workerNudge(FakeWorker as unknown as WorkerCtor)();
    assert.equal(made.length, 1, "one worker");
    assert.ok(made[0]!.startsWith(NUDGE_URL), "on the nudge script, which every version precaches");
    workerNudge(undefined)(); // no Worker: nothing to do, no throw
  });

  it("gives up waiting after the timeout", async () => {
    const f = fakeContainer({ waiting: { postMessage: () => {} } as unknown as ServiceWorker });
    const h = registerServiceWorker({ location: { href: "https://mpp.example/" }, navigator: { serviceWorker: f.container } });
    assert.equal(await h.applyUpdate(10), false, "no controllerchange: false");
  });
});
