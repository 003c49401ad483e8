import assert from "node:assert/strict";
import { createAttractScreen } from "../../../src/app/lobby/attract-screen";
import { domEnv } from "../ui/dom-env";

describe("lobby/attract-screen", () => {
  it("says touch to start in both languages, whatever the current one", () => {
    const env = domEnv("en");
    const screen = createAttractScreen(env.root, { onStart: () => {} });
    const text = screen.element.textContent ?? "";
    assert.match(text, /Sentuh untuk mulai/, "Indonesian line");
    assert.match(text, /Touch to start/, "English line");
    assert.equal(screen.element.tagName, "BUTTON", "the whole screen is one button");
    assert.equal(env.$('[lang="en"]')?.textContent, "Touch to start", "the English line is marked as English");
    assert.equal(env.$('[data-testid="attract"]')?.hasAttribute("aria-label"), false, "named by its visible text, so the name contains what is seen (WCAG 2.5.3)");
    env.close();
  });

  it("starts on a tap, and hides and shows", () => {
    const env = domEnv();
    let starts = 0;
    const screen = createAttractScreen(env.root, { onStart: () => starts++ });
    screen.element.click();
    assert.equal(starts, 1, "a tap starts");
    screen.hide();
    assert.equal(screen.visible, false, "hidden");
    screen.show();
    assert.equal(screen.visible, true, "shown");
    screen.dispose();
    assert.equal(env.$('[data-testid="attract"]'), null, "removed");
    env.close();
  });

  it("needs onStart", () => {
    const env = domEnv();
    assert.throws(() => createAttractScreen(env.root, {} as { onStart: () => void }), /onStart is required/, "missing callback");
    env.close();
  });
});
