// Read access to the MPP data for the routes, on either engine. The catalog is read into a
// CatalogView (catalog-view.ts) once per data version (db/data-version.ts) and shared by every
// request until the data changes through any node; the view also keeps ranked searches, full
// service records and the API's serialized answers for that version.
import type { Agency, Health, RegionDetail, RegionSummary, SearchHit, SearchResult, Service, ServiceSummary } from "../../domain/types";
import type { Db } from "../db/open";
import { CatalogView, type SearchOptions } from "./catalog-view";
import { agencyRows, counterRows, healthRow, indexedTextRows, regionRows, searchRows, serviceRow, summaryRows, toSummary } from "./queries";
import { docKey, score, searchDoc, type SearchDoc } from "./rank";
import { tokenize } from "../../domain/normalize";
import { Vocabulary, type WordForms } from "./vocabulary";

export type { SearchOptions };

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class Repository {
  private current: CatalogView | null = null;
  private building: Promise<CatalogView> | null = null;
  /** Search documents by service pk, kept across versions while the row's texts are unchanged. */
  private docs = new Map<number, SearchDoc>();
  private readonly reads = {
    service: (id: string) => serviceRow(this.db.kysely, id),
    rank: (terms: WordForms[], phrase: string) => this.rank(terms, phrase),
    vocabulary: () => this.vocabulary(),
  };

  constructor(private readonly db: Db, private readonly appVersion: string) {}

  /**
   * The catalog at the current data version, rebuilt (once, shared) when it moved. Everything a
   * request reads and keeps must come from one view, so an answer is never filed under a version
   * whose data it does not hold.
   */
  async view(): Promise<CatalogView> {
    const version = await this.db.dataVersion.current();
    if (this.current?.version === version) return this.current;
    if (!this.building) {
      this.building = this.rebuild(version).finally(() => { this.building = null; });
    }
    // A rebuild started for an older version is still newer than what we had; the next request re-checks.
    return await this.building;
  }

  /**
   * The current view when that is known without waiting (the version known synchronously and its
   * view built), else null: then view() reads and, if need be, rebuilds.
   */
  viewNow(): CatalogView | null {
    const version = this.db.dataVersion.currentNow();
    return version !== null && this.current?.version === version ? this.current : null;
  }

  private async rebuild(version: string): Promise<CatalogView> {
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
    const view = new CatalogView(version, {
      regions,
      regionDetails: new Map(regions.map((r) => [r.code, { ...r, agencies: agenciesByRegion.get(r.code) ?? [] }])),
      summariesByRegion,
    }, this.reads);
    if (!this.current || this.current.version !== version) this.current = view;
    return view;
  }

  async regions(): Promise<RegionSummary[]> {
    return (await this.view()).regions();
  }

  async region(code: string): Promise<RegionDetail | null> {
    return (await this.view()).region(code);
  }

  /** The services of a region in counter order; null when the region does not exist. */
  async services(code: string, filter: { agency?: string | undefined; q?: string | undefined } = {}): Promise<ServiceSummary[] | null> {
    return (await this.view()).serviceList(code, filter);
  }

  async service(id: string): Promise<Service | null> {
    return (await this.view()).service(id);
  }

  /**
   * Ranked search across regions (or within one); the query must have at least one word.
   * `near` (the visitor's region) puts that region's hits first, each part in score order;
   * `offset`/`limit` page through them; `regions` counts the hits of every region (before the
   * region filter), so a visitor can reach each of them.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    return (await this.view()).search(query, options);
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
