// The presence server's small parts: token bucket, per-address counter, PIN attempts, settings from the environment.
import assert from "node:assert/strict";
import { Attempts, Bucket, KeyCounter } from "../../../src/server/presence/limiter";
import { presenceOptionsFromEnv } from "../../../src/server/presence/options";

describe("presence limiter and options", () => {
  it("bucket: a burst, then the sustained rate", () => {
    let now = 0;
    const b = new Bucket(3, 2, () => now);
    assert.deepEqual([b.take(), b.take(), b.take(), b.take()], [true, true, true, false], "burst of 3, then empty");
    now = 499;
    assert.equal(b.take(), false, "not yet one token back at 2/s");
    now = 500;
    assert.equal(b.take(), true, "one token after 500 ms");
  });

  it("counter forgets keys at zero", () => {
    const c = new KeyCounter();
    c.add("a"); c.add("a"); c.add("b");
    assert.equal(c.get("a"), 2, "two for a");
    c.remove("a"); c.remove("a"); c.remove("b");
    assert.equal(c.size, 0, "nothing kept");
  });

  it("attempts: locked out after max failures until the window ends", () => {
    let now = 0;
    const a = new Attempts(2, 1000, () => now);
    a.fail("x");
    assert.equal(a.blocked("x"), false, "one failure is fine");
    a.fail("x");
    assert.equal(a.blocked("x"), true, "two failures block");
    assert.equal(a.blocked("y"), false, "others are not blocked");
    now = 1000;
    assert.equal(a.blocked("x"), false, "the window ended");
  });

  it("reads settings from the environment and refuses bad ones, with no default PIN", () => {
    assert.deepEqual(presenceOptionsFromEnv({}), {}, "nothing set, nothing changed (no PIN)");
    const o = presenceOptionsFromEnv({ PRESENCE_ROOM_MAX: "12", PRESENCE_GUIDE_PIN: "2468", REDIS_URL: "redis://r:6379/2", PRESENCE_ORIGINS: "https://a.example, https://b.example" });
    assert.deepEqual([o.roomMax, o.guidePin, o.redisUrl, o.allowedOrigins], [12, "2468", "redis://r:6379/2", ["https://a.example", "https://b.example"]], "parsed");
    assert.throws(() => presenceOptionsFromEnv({ PRESENCE_ROOM_MAX: "0" }), /PRESENCE_ROOM_MAX/, "room max 0");
    assert.throws(() => presenceOptionsFromEnv({ PRESENCE_ROOM_MAX: "ten" }), /PRESENCE_ROOM_MAX/, "not a number");
    assert.throws(() => presenceOptionsFromEnv({ PRESENCE_GUIDE_PIN: "12" }), /PRESENCE_GUIDE_PIN/, "a 2-character PIN is too short");
  });
});
