import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { injectStyles, setTouchMode, STYLE_ELEMENT_ID } from "../../../src/app/ui/styles";
import { domEnv } from "./dom-env";

const css = readFileSync(new URL("../../../src/app/ui/styles.css", import.meta.url), "utf8");

describe("ui/styles", () => {
  it("has the rules the overlay relies on and nothing from another origin", () => {
    assert.match(css, /html\.touch\s*\{[^}]*--mpp-target:\s*48px/, "touch mode makes targets 48 px");
    assert.match(css, /:focus-visible/, "visible focus style present");
    assert.match(css, /system-ui/, "system font stack");
    assert.doesNotMatch(css, /url\(|@import|@font-face/, "no external resources or web fonts");
  });

  it("injects once, replaces on a second call and removes on dispose", () => {
    const env = domEnv();
    injectStyles(env.doc, css);
    const second = injectStyles(env.doc, "/* x */");
    assert.equal(env.doc.querySelectorAll(`#${STYLE_ELEMENT_ID}`).length, 1, "one style element");
    second.dispose();
    assert.equal(env.doc.getElementById(STYLE_ELEMENT_ID), null, "removed");
    assert.throws(() => injectStyles(env.doc, ""), /css text is required/, "empty css refused");
    env.close();
  });

  it("toggles touch mode on <html>", () => {
    const env = domEnv();
    setTouchMode(env.doc, true);
    assert.equal(env.doc.documentElement.classList.contains("touch"), true, "touch class added");
    setTouchMode(env.doc, false);
    assert.equal(env.doc.documentElement.classList.contains("touch"), false, "touch class removed");
    env.close();
  });
});
