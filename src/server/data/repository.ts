// Read access to the MPP data for the routes, on either engine. Region summaries and details,
// the per-region service lists and ranked searches are computed once per data version (see
// db/data-version.ts) and shared by every request until the data changes through any node.
// Full service records are read per request (one indexed row) and cached per version too.
import type { Agency, Health, RegionDetail, RegionSummary, SearchHit, SearchResult, Service, ServiceSummary } from "../../domain/types";
import type { Db } from "../db/open";
import { ByteCache, estimateBytes } from "../http/byte-cache";
import { agencyRows, counterRows, healthRow, indexedTextRows, regionRows, searchRows, serviceRow, summaryRows, toSummary } from "./queries";
import { docKey, queryWords, score, searchDoc, type SearchDoc } from "./rank";
import { tokenize } from "../../domain/normalize";
import { Vocabulary, type WordForms } from "./vocabulary";

/** Bytes of ranked search lists kept per data version (issue 19: a broad query's list is 1,000 times a narrow one's). */
const SEARCH_CACHE_BYTES = 16 * 1024 * 1024;
const SERVICE_CACHE_SIZE = 2000;

interface Snapshot {
  version: string;
  regionList: RegionSummary[];
  regionDetails: Map<string, RegionDetail>;
  summariesByRegion: Map<string, ServiceSummary[]>;
  /** Ranked hits of every region per query, bounded by bytes; short queries match most rows. */
  searches: ByteCache<string, SearchHit[]>;
  /** The indexed words (typo tolerance), read on the first search of this version. */
  vocabulary: Promise<Vocabulary> | null;
  services: Map<string, Service | null>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Inserts into a bounded map, dropping the oldest entry when full. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, size: number): void {
  if (map.size >= size) map.delete(map.keys().next().value!);
  map.set(key, value);
}

export interface SearchOptions {
  /** Only this region's services. */
  region?: string | null;
  /** The visitor's region: its services first. */
  near?: string | null;
  limit?: number;
  offset?: number;
}

export class Repository {
  private snapshot: Snapshot | null = null;
  private building: Promise<Snapshot> | null = null;
  /** Search documents by service pk, kept across versions while the row's texts are unchanged. */
  private docs = new Map<number, SearchDoc>();

  constructor(private readonly db: Db, private readonly appVersion: string) {}

  /** The caches for the current data version, rebuilt (once, shared) when it moved. */
  private async fresh(): Promise<Snapshot> {
    const version = await this.db.dataVersion.current();
    if (this.snapshot?.version === version) return this.snapshot;
    if (!this.building) {
      this.building = this.rebuild(version).finally(() => { this.building = null; });
    }
    const built = await this.building;
    // A rebuild started for an older version is still newer than what we had; the next request re-checks.
    return built;
  }

  private async rebuild(version: string): Promise<Snapshot> {
    const k = this.db.kysely;
    const [regions, agencies, counters, summaries] = await Promise.all([regionRows(k), agencyRows(k), counterRows(k), summaryRows(k)]);
    const countersByAgency = new Map<string, Array<{ id: string; label: string }>>();
    for (const c of counters) push(countersByAgency, c.agency_id, { id: c.id, label: c.label });
    const agenciesByRegion = new Map<string, Agency[]>();
    for (const a of agencies) {
      push(agenciesByRegion, a.region_code, {
        id: a.id, slug: a.slug, name: a.name, nameEn: a.name_en, shortName: a.short_name, level: a.level,
        counters: countersByAgency.get(a.id) ?? [], serviceCount: Number(a.service_count ?? 0), note: a.note,
      });
    }
    const summariesByRegion = new Map<string, ServiceSummary[]>();
    for (const s of summaries) push(summariesByRegion, s.regionCode, s);
    const snapshot: Snapshot = {
      version,
      regionList: regions,
      regionDetails: new Map(regions.map((r) => [r.code, { ...r, agencies: agenciesByRegion.get(r.code) ?? [] }])),
      summariesByRegion,
      searches: new ByteCache<string, SearchHit[]>({ maxBytes: SEARCH_CACHE_BYTES, sizeOf: estimateBytes }),
      services: new Map(),
      vocabulary: null,
    };
    if (!this.snapshot || this.snapshot.version !== version) this.snapshot = snapshot;
    return snapshot;
  }

  async regions(): Promise<RegionSummary[]> {
    return (await this.fresh()).regionList;
  }

  async region(code: string): Promise<RegionDetail | null> {
    return (await this.fresh()).regionDetails.get(code) ?? null;
  }

  /** The services of a region in counter order; null when the region does not exist. */
  async services(code: string, filter: { agency?: string | undefined; q?: string | undefined } = {}): Promise<ServiceSummary[] | null> {
    const snap = await this.fresh();
    if (!snap.regionDetails.has(code)) return null;
    let list = snap.summariesByRegion.get(code) ?? [];
    if (filter.agency !== undefined) list = list.filter((s) => s.agencySlug === filter.agency);
    if (filter.q !== undefined && filter.q.trim() !== "") {
      const ids = new Set((await this.search(filter.q, { region: code, limit: Number.MAX_SAFE_INTEGER })).hits.map((h) => h.service.id));
      list = list.filter((s) => ids.has(s.id));
    }
    return list;
  }

  async service(id: string): Promise<Service | null> {
    const snap = await this.fresh();
    if (snap.services.has(id)) return snap.services.get(id)!;
    const service = await serviceRow(this.db.kysely, id);
    remember(snap.services, id, service, SERVICE_CACHE_SIZE);
    return service;
  }

  /**
   * Ranked search across regions (or within one); the query must have at least one word.
   * `near` (the visitor's region) puts that region's hits first, each part in score order;
   * `offset`/`limit` page through them; `regions` counts the hits of every region (before the
   * region filter), so a visitor can reach each of them.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const snap = await this.fresh();
    const region = options.region ?? null;
    const near = options.near ?? null;
    const offset = options.offset ?? 0;
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    const { words, phrase } = queryWords(query);
    if (words.length === 0) return { query, region, near, total: 0, offset, hits: [], regions: [] };
    const key = `${words.join(" ")}|${phrase}`;
    let ranked = snap.searches.get(key);
    if (!ranked) {
      const vocabulary = await (snap.vocabulary ??= this.vocabulary());
      ranked = await this.rank(words.map((w) => vocabulary.forms(w)), phrase);
      snap.searches.set(key, ranked);
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

  private async vocabulary(): Promise<Vocabulary> {
    const rows = await indexedTextRows(this.db.kysely);
    const words = new Set<string>();
    for (const r of rows) {
      for (const text of [r.name, r.name_en, r.slug, r.keywords, r.description, r.agency_text]) for (const w of tokenize(text)) words.add(w);
    }
    return new Vocabulary(words);
  }

  private async rank(terms: WordForms[], phrase: string): Promise<SearchHit[]> {
    const rows = await searchRows(this.db.kysely, this.db.engine, terms.map((forms) => forms.map(([w]) => w)));
    const hits = rows.map((r) => {
      const texts = { name: r.name, nameEn: r.name_en, keywords: r.keywords, slug: r.slug, agencyText: r.agency_text, description: r.description };
      let doc = this.docs.get(r.pk);
      if (!doc || doc.key !== docKey(texts)) this.docs.set(r.pk, (doc = searchDoc(texts)));
      return { service: toSummary(r), regionName: r.region_name, score: score(doc, terms, phrase), order: `${r.region_code}:${String(r.pk).padStart(8, "0")}` };
    });
    hits.sort((a, b) => b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    return hits.map(({ service, regionName, score: s }) => ({ service, regionName, score: s }));
  }

  async health(): Promise<Health> {
    const [counts, schemaVersion] = await Promise.all([healthRow(this.db.kysely), this.db.schemaVersion()]);
    return {
      status: "ok",
      version: this.appVersion,
      regions: counts.regions,
      services: counts.services,
      dataUpdatedAt: counts.updated ?? new Date(0).toISOString(),
      database: { engine: this.db.name, schemaVersion },
    };
  }
}
