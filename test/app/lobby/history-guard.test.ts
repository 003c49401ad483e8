import assert from "node:assert/strict";
import { replaceOnly } from "../../../src/app/lobby/history-guard";
import type { AppLocation, HistorySync } from "../../../src/app/routing/deep-link";

describe("lobby/history-guard", () => {
  it("turns push into replace, so no entry leads back to a previous visitor", () => {
    const calls: Array<[string, AppLocation]> = [];
    const inner: HistorySync = {
      replace: (s) => { calls.push(["replace", s]); },
      push: (s) => { calls.push(["push", s]); },
      rest: () => { calls.push(["rest", { region: null, service: null }]); },
      back: () => { calls.push(["back", { region: null, service: null }]); return true; },
      onNavigate: () => () => {},
      dispose: () => { calls.push(["dispose", { region: null, service: null }]); },
    };
    const h = replaceOnly(inner);
    h.push({ region: "3273", service: "3273-imigrasi-paspor-biasa" });
    h.replace({ region: "3273", service: null });
    h.rest("/?mode=kiosk");
    assert.equal(h.back(), false, "back refused: a kiosk never returns to an earlier entry");
    h.dispose();
    assert.deepEqual(calls.map((c) => c[0]), ["replace", "replace", "rest", "dispose"], "push became replace; rest and dispose passed on");
    assert.equal(calls[0]?.[1].service, "3273-imigrasi-paspor-biasa", "the state is passed through");
  });

  it("refuses a missing history", () => {
    assert.throws(() => replaceOnly(null as unknown as HistorySync), /HistorySync is required/, "null rejected");
  });
});
