// Waiting on a page's state in browser tests: read until a condition holds, never a fixed sleep.
import type { Page } from "playwright-core";

/** Reads `read()` every 200 ms until `ok` holds and returns that value; fails after `timeout` ms naming `what` and the last value. */
export async function until<T>(page: Page, what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 90_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: not reached within ${timeout} ms; last ${JSON.stringify(v)}`);
    await page.waitForTimeout(200);
  }
}
