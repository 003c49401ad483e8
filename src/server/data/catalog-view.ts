// The catalog at one data version: region lists and details, per-region service lists, full
// service records and ranked searches, and the API's answers serialized once with their ETags.
// Everything here was read at `version` and is dropped with the view when the version moves
// (repository.ts makes a new one), so nothing in it can outlive a change made through any node.
import type { RegionDetail, RegionSummary, SearchHit, SearchResult, Service, ServiceSummary } from "../../domain/types";
import { ByteCache, estimateBytes } from "../http/byte-cache";
import { etagOf } from "../http/cache";
import { KeptAnswer } from "../http/representation";
import { queryWords } from "./rank";
import type { Vocabulary, WordForms } from "./vocabulary";

/** Bytes of ranked search lists kept per data version (issue 19: a broad query's list is 1,000 times a narrow one's). */
export const SEARCH_CACHE_BYTES = 16 * 1024 * 1024;
/** Bytes of serialized answers kept per data version, their compressed codings (br, gzip) included. */
export const ANSWER_CACHE_BYTES = 8 * 1024 * 1024;
const SERVICE_CACHE_SIZE = 2000;

/** An answer as sent: the serialized body, its strong ETag and its codings, each computed once per data version. */
export { KeptAnswer };

/** What a view reads from the database on demand (one indexed row; search candidates ranked). */
export interface ViewReads {
  service(id: string): Promise<Service | null>;
  /** Every region's hits for the query's words (each with its typo-tolerant forms), best first. */
  rank(terms: WordForms[], phrase: string): Promise<SearchHit[]>;
  /** The indexed words (typo tolerance), read once per version on its first search. */
  vocabulary(): Promise<Vocabulary>;
}

export interface SearchOptions {
  /** Only this region's services. */
  region?: string | null;
  /** The visitor's region: its services first. */
  near?: string | null;
  limit?: number;
  offset?: number;
}

export interface ViewData {
  regions: RegionSummary[];
  regionDetails: Map<string, RegionDetail>;
  summariesByRegion: Map<string, ServiceSummary[]>;
}

/** Inserts into a bounded map, dropping the oldest entry when full. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, size: number): void {
  if (map.size >= size) map.delete(map.keys().next().value!);
  map.set(key, value);
}

export class CatalogView {
  /** Ranked hits of every region per query, bounded by bytes; short queries match most rows. */
  private readonly searches = new ByteCache<string, SearchHit[]>({ maxBytes: SEARCH_CACHE_BYTES, sizeOf: estimateBytes });
  private readonly services = new Map<string, Service | null>();
  private vocabulary: Promise<Vocabulary> | null = null;
  private readonly answers = new ByteCache<string, KeptAnswer>({
    maxBytes: ANSWER_CACHE_BYTES,
    sizeOf: (a) => a.body.length + a.codingBytes + 2 * a.etag.length + 80,
  });
  /** Answers being built: concurrent requests for one key (a crowd after a publish) share one build. */
  private readonly building = new Map<string, Promise<KeptAnswer>>();

  constructor(readonly version: string, private readonly data: ViewData, private readonly reads: ViewReads) {}

  /** Bytes this view keeps now (answers and ranked searches), each bounded by its constant above. */
  keptBytes(): { answers: number; searches: number } {
    return { answers: this.answers.bytes, searches: this.searches.bytes };
  }

  regions(): RegionSummary[] {
    return this.data.regions;
  }

  region(code: string): RegionDetail | null {
    return this.data.regionDetails.get(code) ?? null;
  }

  /** The services of a region in counter order; null when the region does not exist. */
  async serviceList(code: string, filter: { agency?: string | undefined; q?: string | undefined } = {}): Promise<ServiceSummary[] | null> {
    if (!this.data.regionDetails.has(code)) return null;
    let list = this.data.summariesByRegion.get(code) ?? [];
    if (filter.agency !== undefined) list = list.filter((s) => s.agencySlug === filter.agency);
    if (filter.q !== undefined && filter.q.trim() !== "") {
      const ids = new Set((await this.search(filter.q, { region: code, limit: Number.MAX_SAFE_INTEGER })).hits.map((h) => h.service.id));
      list = list.filter((s) => ids.has(s.id));
    }
    return list;
  }

  async service(id: string): Promise<Service | null> {
    if (this.services.has(id)) return this.services.get(id)!;
    const service = await this.reads.service(id);
    remember(this.services, id, service, SERVICE_CACHE_SIZE);
    return service;
  }

  /**
   * Ranked search across regions (or within one); the query must have at least one word.
   * `near` (the visitor's region) puts that region's hits first, each part in score order;
   * `offset`/`limit` page through them; `regions` counts the hits of every region (before the
   * region filter), so a visitor can reach each of them.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const region = options.region ?? null;
    const near = options.near ?? null;
    const offset = options.offset ?? 0;
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const { words, phrase } = queryWords(query);
    if (words.length === 0) return { query, region, near, total: 0, offset, hits: [], regions: [] };
    const key = `${words.join(" ")}|${phrase}`;
    let ranked = this.searches.get(key);
    if (!ranked) {
      const vocabulary = await (this.vocabulary ??= this.reads.vocabulary());
      ranked = await this.reads.rank(words.map((w) => vocabulary.forms(w)), phrase);
      this.searches.set(key, ranked);
    }
    const counts = new Map<string, { code: string; name: string; count: number }>();
    for (const h of ranked) {
      const c = counts.get(h.service.regionCode);
      if (c) c.count++; else counts.set(h.service.regionCode, { code: h.service.regionCode, name: h.regionName, count: 1 });
    }
    let list = region === null ? ranked : ranked.filter((h) => h.service.regionCode === region);
    if (near !== null && region === null) {
      list = [...list.filter((h) => h.service.regionCode === near), ...list.filter((h) => h.service.regionCode !== near)];
    }
    return {
      query, region, near, total: list.length, offset,
      hits: list.slice(offset, offset + limit),
      regions: [...counts.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    };
  }

  /** The answer for `key` if it is kept now: the synchronous path of a repeated request. */
  keptNow(key: string): KeptAnswer | undefined {
    return this.answers.get(key);
  }

  /**
   * The answer for `key` at this version: `make()` serializes it on the first request (reading
   * this view only), later requests get the same bytes and ETag with no JSON building or hashing.
   * A make() that throws (404, 503) keeps nothing. Keys must name the route and every input the
   * body depends on.
   */
  answer(key: string, make: () => Promise<string | Buffer>): Promise<KeptAnswer> {
    const kept = this.answers.get(key);
    if (kept) return Promise.resolve(kept);
    let pending = this.building.get(key);
    if (!pending) {
      pending = make().then((made) => {
        const body = typeof made === "string" ? Buffer.from(made) : made;
        // A coding made later is counted against the bound: set() again re-measures the entry.
        const answer = new KeptAnswer(body, etagOf(body), (grown) => {
          if (this.answers.get(key) === grown) this.answers.set(key, grown);
        });
        this.answers.set(key, answer);
        return answer;
      }).finally(() => { this.building.delete(key); });
      this.building.set(key, pending);
    }
    return pending;
  }
}
