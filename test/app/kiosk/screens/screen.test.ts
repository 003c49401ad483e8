import assert from "node:assert/strict";
import { errorView, loadingView } from "../../../../src/app/kiosk/screens/screen";
import { paspor } from "../../fixtures";
import { ctx } from "./view-context";

describe("kiosk/screens/screen", () => {
  it("builds loading and error views with the right actions", () => {
    const screen = { kind: "service", serviceId: paspor.id } as const;
    const l = loadingView(screen, ctx());
    assert.equal(l.status, "loading", "loading status");
    assert.equal(l.title, "Memuat…", "loading title");
    const e = errorView(screen, ctx("id", { canGoBack: true }));
    assert.equal(e.status, "error", "error status");
    assert.equal(e.notice?.kind, "error", "error notice");
    assert.deepEqual(e.actions.map((a) => a.id), ["back", "retry", "close"], "retry offered");
  });
});
