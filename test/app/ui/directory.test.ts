import assert from "node:assert/strict";
import { createDirectory, type DirectoryApi } from "../../../src/app/ui/directory";
import type { ApiClient } from "../../../src/app/api/client";
import type { RegionSummary, SearchResult, ServiceSummary } from "../../../src/domain/types";
import { bandungSummary, bogorSummary, deferred, flush, searchResult } from "../fixtures";
import { countingI18n, domEnv } from "./dom-env";

function api(overrides: Partial<DirectoryApi> = {}) {
  const queries: string[] = [];
  const a: DirectoryApi = {
    regions: async () => [bogorSummary, bandungSummary],
    search: async (q) => { queries.push(q); return searchResult(q); },
    ...overrides,
  };
  return { api: a, queries };
}
// Compile-time check: the real client can be passed where the directory expects its api.
const clientFits: ApiClient extends DirectoryApi ? true : never = true;
void clientFits;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("ui/directory", () => {
  it("lists regions with type, counts and a status badge", async () => {
    const env = domEnv();
    createDirectory(env.root, { api: api().api, i18n: env.i18n });
    await flush();
    const rows = env.$$('[data-testid="region-row"]');
    assert.deepEqual(rows.map((r) => r.dataset.regionCode), ["3201", "3273"], "one row per region");
    assert.equal(rows[0]?.tagName, "BUTTON", "rows are buttons");
    assert.match(rows[1]?.textContent ?? "", /Kota · 2 instansi · 3 layanan/, "type and counts");
    assert.equal(rows[1]?.querySelector(".mpp-badge")?.textContent, "MPP fisik", "physical badge");
    assert.equal(rows[0]?.querySelector(".mpp-badge")?.textContent, "Status tidak diketahui", "unknown never shown as no");
    assert.equal(env.$('nav[data-testid="directory-panel"]')?.getAttribute("aria-labelledby"), "mpp-directory-title", "nav landmark labelled");
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    assert.equal(input.type, "search", "search input");
    assert.equal(env.$(`label[for="${input.id}"]`)?.textContent, "Cari layanan", "search input labelled");
    env.close();
  });

  it("opens with /, focuses search, closes with Escape and returns focus", async () => {
    const env = domEnv();
    const opener = env.doc.createElement("button");
    env.doc.body.appendChild(opener);
    opener.focus();
    const d = createDirectory(env.root, { api: api().api, i18n: env.i18n });
    const states: boolean[] = [];
    d.onOpenChange((o) => states.push(o));
    env.key(env.doc.body, "/");
    assert.equal(d.isOpen, true, "opened by /");
    assert.equal(env.doc.activeElement, env.$('[data-testid="search-input"]'), "search focused");
    env.key(env.$('[data-testid="search-input"]')!, "/");
    assert.equal(d.isOpen, true, "typing / in the box does not toggle");
    env.key(env.$('[data-testid="search-input"]')!, "Escape");
    assert.equal(d.isOpen, false, "closed by Escape");
    assert.equal(env.doc.activeElement, opener, "focus returned");
    assert.deepEqual(states, [true, false], "open changes reported");
    env.close();
  });

  it("debounces the search and groups results by region", async () => {
    const env = domEnv();
    const a = api();
    createDirectory(env.root, { api: a.api, i18n: env.i18n, debounceMs: 20 });
    await flush();
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    for (const v of ["p", "pa", "paspor"]) { input.value = v; input.dispatchEvent(new env.win.Event("input") as unknown as Event); }
    await wait(40);
    assert.deepEqual(a.queries, ["paspor"], "one request after typing stops");
    const groups = env.$$(".mpp-directory__group h3").map((h) => h.textContent);
    assert.deepEqual(groups, ["Kota Bandung (1)", "Kabupaten Bogor (1)"], "grouped by region in rank order, each with its count");
    assert.equal(env.$$('[data-testid="search-result"]').length, 2, "two result rows");
    assert.equal(env.$('[data-testid="directory-status"]')?.textContent, "2 hasil", "count announced");
    assert.equal(env.$(".mpp-directory__regions")?.hidden, true, "region list hidden while searching");
    input.value = "";
    input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    assert.equal(env.$(".mpp-directory__regions")?.hidden, false, "regions back when the box is empty");
    env.close();
  });

  it("says when nothing matches and shows only the latest search", async () => {
    const env = domEnv();
    const first = deferred<SearchResult>();
    const answers = [first.promise, Promise.resolve({ query: "zzz", region: null, near: null, total: 0, offset: 0, hits: [], regions: [] })];
    createDirectory(env.root, { api: api({ search: () => answers.shift()! }).api, i18n: env.i18n, debounceMs: 0 });
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    input.value = "paspor"; input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    await wait(5);
    input.value = "zzz"; input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    await wait(5);
    first.resolve(searchResult("paspor"));
    await flush();
    assert.equal(env.$('[data-testid="directory-status"]')?.textContent, "Tidak ada layanan yang cocok dengan \u201czzz\u201d", "no-results text for the latest query");
    assert.equal(env.$$('[data-testid="search-result"]').length, 0, "the late answer was dropped");
    env.close();
  });

  it("fires callbacks on click and Enter, and moves through rows with arrows", async () => {
    const env = domEnv();
    const regions: string[] = [];
    const services: ServiceSummary[] = [];
    const d = createDirectory(env.root, {
      api: api().api, i18n: env.i18n, debounceMs: 0,
      onSelectRegion: (c) => regions.push(c), onSelectService: (s) => services.push(s),
    });
    await flush();
    d.open();
    env.$$('[data-testid="region-row"]')[1]!.click();
    assert.deepEqual(regions, ["3273"], "region callback");
    assert.equal(d.isOpen, false, "closed after a choice");
    d.open({ focusSearch: true });
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    input.value = "paspor";
    env.$("form")!.dispatchEvent(new env.win.Event("submit", { cancelable: true }) as unknown as Event);
    await flush();
    env.key(input, "ArrowDown");
    const rows = env.$$('[data-testid="search-result"]');
    assert.equal(env.doc.activeElement, rows[0], "ArrowDown from the box focuses the first result");
    env.key(rows[0]!, "ArrowDown");
    assert.equal(env.doc.activeElement, rows[1], "ArrowDown moves on");
    env.key(rows[1]!, "ArrowUp");
    env.key(rows[0]!, "ArrowUp");
    assert.equal(env.doc.activeElement, input, "ArrowUp from the first row returns to the box");
    rows[1]!.click(); // a native <button> turns Enter into a click
    assert.equal(services[0]?.id, "3201-imigrasi-paspor-biasa", "service callback with the summary");
    env.close();
  });

  it("asks for the visitor's region first and says so", async () => {
    const env = domEnv();
    const asked: Array<Record<string, unknown>> = [];
    let near: string | null = "3273";
    const a = api({ search: async (q, opts) => { asked.push({ ...opts }); return { ...searchResult(q), near: opts?.near ?? null }; } });
    createDirectory(env.root, { api: a.api, i18n: env.i18n, debounceMs: 0, nearRegion: () => near });
    await flush();
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    input.value = "paspor"; input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    await wait(5);
    assert.equal(asked[0]?.near, "3273", "the visitor's region is sent as near");
    assert.equal(env.$('[data-testid="directory-status"]')?.textContent, "2 hasil · Kota Bandung ditampilkan lebih dulu", "the status says whose services come first");
    near = null;
    input.value = "sim"; input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    await wait(5);
    assert.equal(asked[1]?.near, undefined, "no near on the plaza far from any building");
    env.close();
  });

  it("filters by a chosen region, listing each region with its number of hits", async () => {
    const env = domEnv();
    const asked: Array<Record<string, unknown>> = [];
    const a = api({ search: async (q, opts) => { asked.push({ ...opts }); return { ...searchResult(q), region: opts?.region ?? null }; } });
    createDirectory(env.root, { api: a.api, i18n: env.i18n, debounceMs: 0 });
    await flush();
    const select = env.$<HTMLSelectElement>('[data-testid="search-region"]')!;
    assert.equal(env.$(`label[for="${select.id}"]`)?.textContent, "Wilayah", "the filter is labelled");
    assert.deepEqual([...select.options].map((o) => o.textContent), ["Semua wilayah", "Kabupaten Bogor", "Kota Bandung"], "every region by name");
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    input.value = "paspor"; input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    await wait(5);
    assert.deepEqual([...select.options].map((o) => o.textContent), ["Semua wilayah", "Kabupaten Bogor (1)", "Kota Bandung (1)"], "hits per region");
    select.value = "3201";
    select.dispatchEvent(new env.win.Event("change") as unknown as Event);
    await wait(5);
    assert.equal(asked[1]?.region, "3201", "the search is asked again for the chosen region");
    assert.equal(env.$('[data-testid="directory-status"]')?.textContent, "2 hasil di Kabupaten Bogor", "the status names the filter");
    assert.equal(select.value, "3201", "the choice survives the re-render");
    env.close();
  });

  it("pages through every hit with 'show more', focus moving to the first new row", async () => {
    const env = domEnv();
    const asked: Array<Record<string, unknown>> = [];
    const page = (offset: number) => {
      const all = searchResult("paspor");
      return { ...all, total: 3, offset, hits: offset === 0 ? all.hits : [{ ...all.hits[0]!, service: { ...all.hits[0]!.service, id: "3276-imigrasi-paspor-biasa", regionCode: "3276" }, regionName: "Kota Depok" }] };
    };
    const a = api({ search: async (_q, opts) => { asked.push({ ...opts }); return page(opts?.offset ?? 0); } });
    createDirectory(env.root, { api: a.api, i18n: env.i18n, debounceMs: 0, searchLimit: 2 });
    await flush();
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    input.value = "paspor"; input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    await wait(5);
    const more = env.$('[data-testid="search-more"]')!;
    assert.equal(more.textContent, "Tampilkan lebih banyak (2 dari 3)", "how many are shown of how many");
    more.focus();
    more.click();
    await flush();
    assert.deepEqual(asked.map((o) => o.offset), [undefined, 2], "the next page starts after the hits shown");
    assert.equal(env.$$('[data-testid="search-result"]').length, 3, "the page is appended");
    assert.equal(env.$('[data-testid="search-more"]'), null, "no button once all are shown");
    assert.equal((env.doc.activeElement as HTMLElement | null)?.dataset.serviceId, "3276-imigrasi-paspor-biasa", "focus on the first new row");
    assert.ok(env.$$(".mpp-directory__group h3").some((h) => h.textContent?.startsWith("Kota Depok")), "a new region's group appears");
    env.close();
  });

  it("says a too-long query is too long instead of failing, without asking the API", async () => {
    const env = domEnv();
    const a = api();
    createDirectory(env.root, { api: a.api, i18n: env.i18n, debounceMs: 0 });
    await flush();
    const input = env.$<HTMLInputElement>('[data-testid="search-input"]')!;
    assert.equal(input.maxLength, 100, "the box takes at most 100 characters");
    input.value = "paspor ".repeat(43); // 301 characters set by script (an on-screen keyboard, a paste)
    input.dispatchEvent(new env.win.Event("input") as unknown as Event);
    await wait(5);
    assert.deepEqual(a.queries, [], "no request");
    assert.match(env.$('[data-testid="directory-status"]')?.textContent ?? "", /terlalu panjang: paling banyak 100 karakter/, "says what is wrong");
    assert.equal(env.$('[data-testid="search-retry"]'), null, "no 'Coba lagi' that can only fail again");
    const refused = api({ search: async () => { throw Object.assign(new Error("too long"), { code: "query_too_long" }); } });
    const env2 = domEnv();
    createDirectory(env2.root, { api: refused.api, i18n: env2.i18n, debounceMs: 0 });
    const input2 = env2.$<HTMLInputElement>('[data-testid="search-input"]')!;
    input2.value = "x"; input2.dispatchEvent(new env2.win.Event("input") as unknown as Event);
    await wait(5);
    assert.match(env2.$('[data-testid="directory-status"]')?.textContent ?? "", /terlalu panjang/, "the API's query_too_long says the same");
    env.close();
    env2.close();
  });

  it("shows a load error with retry", async () => {
    const env = domEnv();
    let calls = 0;
    createDirectory(env.root, {
      api: api({ regions: async (): Promise<RegionSummary[]> => { if (calls++ === 0) throw new Error("down"); return [bandungSummary]; } }).api,
      i18n: env.i18n,
    });
    await flush();
    assert.match(env.$(".mpp-directory__regions")?.textContent ?? "", /tidak dapat dimuat/, "error text");
    env.$('[data-testid="directory-retry"]')!.click();
    await flush();
    assert.equal(env.$$('[data-testid="region-row"]').length, 1, "loaded after retry");
    env.close();
  });

  it("re-renders on language change", async () => {
    const env = domEnv();
    createDirectory(env.root, { api: api().api, i18n: env.i18n });
    await flush();
    env.i18n.setLang("en");
    assert.equal(env.$("#mpp-directory-title")?.textContent, "Directory of West Java MPPs", "title");
    assert.match(env.$$('[data-testid="region-row"]')[1]?.textContent ?? "", /City · 2 agencies/, "rows");
    assert.equal(env.$<HTMLInputElement>('[data-testid="search-input"]')?.placeholder.startsWith("Search services"), true, "placeholder");
    env.close();
  });

  it("removes nodes and listeners on dispose", async () => {
    const env = domEnv();
    const c = countingI18n(env.i18n);
    const d = createDirectory(env.root, { api: api().api, i18n: c.i18n });
    d.dispose();
    env.key(env.doc.body, "/");
    assert.equal(d.isOpen, false, "/ no longer opens it");
    assert.equal(env.root.children.length, 0, "node removed");
    assert.equal(c.live(), 0, "language listener removed");
    await flush();
    env.close();
  });
});
