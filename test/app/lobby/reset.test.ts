import assert from "node:assert/strict";
import { lobbyResetSteps, runReset, type LobbyResetDeps } from "../../../src/app/lobby/reset";

function fakes(overrides: Partial<LobbyResetDeps> = {}) {
  const log: string[] = [];
  const deps: LobbyResetDeps = {
    directory: { reset: () => log.push("directory.reset"), close: () => log.push("directory.close") },
    experience: { closeKiosk: () => log.push("closeKiosk"), leaveBuilding: () => log.push("leaveBuilding") },
    i18n: { setLang: (l) => log.push(`setLang:${l}`) },
    location: { rest: (url) => log.push(`rest:${url}`) },
    baseUrl: "/?mode=kiosk&region=3273",
    attract: { start: () => log.push("attract") },
    ...overrides,
  };
  return { deps, log };
}

describe("lobby/reset", () => {
  it("clears search, kiosk, language and URL, then shows the attract loop, in that order", async () => {
    const { deps, log } = fakes();
    const report = await runReset(lobbyResetSteps(deps));
    assert.deepEqual(log, [
      "directory.reset", "directory.close", "closeKiosk", "leaveBuilding", "setLang:id",
      "rest:/?mode=kiosk&region=3273", "attract",
    ], "every step, URL after the language (which rewrites it)");
    assert.deepEqual(report.failed, [], "nothing failed");
    assert.deepEqual(report.ran, ["search", "kiosk", "language", "history", "attract", "update"], "named steps ran");
  });

  it("runs every other step when one throws, and reports it", async () => {
    const { deps, log } = fakes({ experience: { closeKiosk: () => { throw new Error("panel gone"); }, leaveBuilding: () => {} } });
    const errors: string[] = [];
    const report = await runReset(lobbyResetSteps(deps), (step) => errors.push(step));
    assert.deepEqual(report.failed.map((f) => f.step), ["kiosk"], "the failing step is reported");
    assert.deepEqual(errors, ["kiosk"], "onError told");
    assert.ok(log.includes("setLang:id") && log.includes("attract"), "later steps still ran");
  });

  it("applies a waiting update and reloads at the base URL, only when there is one", async () => {
    const reloads: string[] = [];
    const withUpdate = fakes({ applyUpdate: async () => true, reload: (u) => reloads.push(u) });
    await runReset(lobbyResetSteps(withUpdate.deps));
    assert.deepEqual(reloads, ["/?mode=kiosk&region=3273"], "reloaded once at the kiosk's URL");
    const none = fakes({ applyUpdate: async () => false, reload: (u) => reloads.push(u) });
    await runReset(lobbyResetSteps(none.deps));
    assert.equal(reloads.length, 1, "no reload without an update");
  });

  it("runs the page's own clean-up first", async () => {
    const { deps, log } = fakes({ before: [{ name: "overlay", run: () => { log.push("overlay"); } }] });
    await runReset(lobbyResetSteps(deps));
    assert.equal(log[0], "overlay", "before-steps run first");
  });

  it("refuses a base URL that is not a path", () => {
    const { deps } = fakes({ baseUrl: "https://elsewhere.example/" });
    assert.throws(() => lobbyResetSteps(deps), /baseUrl must be a path/, "absolute URL rejected");
  });
});
