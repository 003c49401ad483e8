// Read access to the MPP data for the routes, on either engine. Region summaries and details,
// the per-region service lists and ranked searches are computed once per data version (see
// db/data-version.ts) and shared by every request until the data changes through any node.
// Full service records are read per request (one indexed row) and cached per version too.
import type { Agency, Health, RegionDetail, RegionSummary, SearchHit, SearchResult, Service, ServiceSummary } from "../../domain/types";
import type { Db } from "../db/open";
import { ByteCache, estimateBytes } from "../http/byte-cache";
import { agencyRows, counterRows, healthRow, regionRows, searchRows, serviceRow, summaryRows, toSummary } from "./queries";
import { docKey, queryWords, score, searchDoc, type SearchDoc } from "./rank";

/** Bytes of ranked search lists kept per data version (issue 19: a broad query's list is 1,000 times a narrow one's). */
const SEARCH_CACHE_BYTES = 16 * 1024 * 1024;
const SERVICE_CACHE_SIZE = 2000;

interface Snapshot {
  version: string;
  regionList: RegionSummary[];
  regionDetails: Map<string, RegionDetail>;
  summariesByRegion: Map<string, ServiceSummary[]>;
  /** Ranked hits per (region, query), bounded by bytes; short queries match most rows. */
  searches: ByteCache<string, SearchHit[]>;
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
      const ids = new Set((await this.search(filter.q, code, Number.MAX_SAFE_INTEGER)).hits.map((h) => h.service.id));
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

  /** Ranked search across regions (or within one); the query must have at least one word. */
  async search(query: string, region: string | null, limit: number): Promise<SearchResult> {
    const snap = await this.fresh();
    const { words, phrase } = queryWords(query);
    if (words.length === 0) return { query, region, total: 0, hits: [] };
    const key = `${region ?? "*"}|${words.join(" ")}|${phrase}`;
    let ranked = snap.searches.get(key);
    if (!ranked) {
      ranked = await this.rank(words, phrase, region);
      snap.searches.set(key, ranked);
    }
    return { query, region, total: ranked.length, hits: ranked.slice(0, limit) };
  }

  private async rank(words: string[], phrase: string, region: string | null): Promise<SearchHit[]> {
    const rows = await searchRows(this.db.kysely, this.db.engine, words, region);
    const hits = rows.map((r) => {
      const texts = { name: r.name, nameEn: r.name_en, keywords: r.keywords, slug: r.slug, agencyText: r.agency_text, description: r.description };
      let doc = this.docs.get(r.pk);
      if (!doc || doc.key !== docKey(texts)) this.docs.set(r.pk, (doc = searchDoc(texts)));
      return { service: toSummary(r), regionName: r.region_name, score: score(doc, words, phrase), order: `${r.region_code}:${String(r.pk).padStart(8, "0")}` };
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
