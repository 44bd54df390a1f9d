import { randomUUID } from 'node:crypto';

/**
 * Online clustering of mentions into hotspots, in memory (pure; the ingest service keeps it in
 * step with the database). A mention joins
 * 1. the hotspot holding a near-duplicate: a SimHash at most `duplicateDistance` bits away,
 *    found through four 16-bit bands (two fingerprints within 3 bits share a band exactly);
 * 2. else the hotspot whose keyword centroid is most similar (cosine of TF-IDF weights, place
 *    names counting half, at least two shared words), found through an inverted index;
 * 3. else it starts a new hotspot.
 * Only hotspots active within `windowMs` of the mention's published time are candidates, so a
 * matter can run for weeks and replays of old data cluster as they did live.
 */
export interface ClusterMention {
  publishedAt: number;
  /** unsigned 64-bit SimHash */
  simhash: bigint;
  keywords: readonly { word: string; weight: number }[];
  places: readonly string[];
  category: string | null;
}

export interface IndexedHotspot {
  id: string;
  firstSeenAt: number;
  lastSeenAt: number;
  simhashes: bigint[];
  terms: Map<string, number>;
  /** Place names and district codes its mentions named. */
  places: Set<string>;
  mentionCount: number;
}

export interface ClusterOptions {
  windowMs: number;
  duplicateDistance: number;
  minSimilarity: number;
  minSharedWords: number;
  /** SimHashes kept per hotspot for near-duplicate matching. */
  maxSimhashes: number;
  /** Centroid words kept per hotspot. */
  maxTerms: number;
  /** A word in more active hotspots than this is too common to find candidates by. */
  maxPostings: number;
  /**
   * Topic words (物业, 补课, 拆迁 …) and complaint verbs: they make mentions similar without
   * making them one matter. They count half, and a related mention must share at least one
   * word that is neither generic nor a place (the matter's own name: a compound, a school, a
   * project, a bus line) or a place the county's dictionary names (a town, village, river) —
   * not merely an anonymised district code.
   */
  genericWords: ReadonlySet<string>;
}

/** Words of complaints in general, on top of the taxonomy's topic words. */
export const GENERIC_COMPLAINT_WORDS = [
  '投诉', '举报', '反映', '请求', '咨询', '建议', '问题', '解决', '处理', '多项', '强制', '希望', '要求', '关于', '严重',
  '情况', '相关', '部门', '领导', '政府', '群众', '市民', '居民', '村民', '业主', '我们', '现在', '目前', '一直', '多次',
  '无人', '没人', '不管', '至今', '迟迟', '违规', '违法', '乱收费', '收费', '费用', '管理', '工作', '单位', '公司',
];

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  windowMs: 90 * 24 * 3_600_000,
  duplicateDistance: 3,
  minSimilarity: 0.42,
  minSharedWords: 2,
  maxSimhashes: 32,
  maxTerms: 60,
  maxPostings: 400,
  genericWords: new Set(GENERIC_COMPLAINT_WORDS),
};

/** `a2`, `k6`: letters-and-digits codes of anonymised districts, places rather than matters. */
const DISTRICT_CODE = /^[a-z]\d{1,2}$/;
export const isDistrictCode = (word: string): boolean => DISTRICT_CODE.test(word);

export type Assignment =
  | { hotspotId: string; kind: 'near-duplicate'; distance: number; created: false }
  | { hotspotId: string; kind: 'related'; similarity: number; created: false }
  | { hotspotId: string; kind: 'new'; created: true };

const BAND_MASK = 0xffffn;
/** The SimHash of a text without words. */
const NO_FINGERPRINT = 0n;

function bandKeys(hash: bigint): number[] {
  return [0, 1, 2, 3].map((band) => band * 65536 + Number((hash >> BigInt(band * 16)) & BAND_MASK));
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Hamming distance of two 64-bit SimHashes held as [high, low] 32-bit halves (no BigInt arithmetic in the loop). */
const halvesOf = (x: bigint): [number, number] => [Number(x >> 32n) >>> 0, Number(x & 0xffffffffn) >>> 0];
const distance = (a: [number, number], b: [number, number]): number => popcount32((a[0] ^ b[0]) >>> 0) + popcount32((a[1] ^ b[1]) >>> 0);

/** A mention's term vector: keyword weights, place names counting half (a town alone is not a matter). */
export function mentionVector(m: Pick<ClusterMention, 'keywords' | 'places'>, generic: ReadonlySet<string>): Map<string, number> {
  const places = new Set(m.places);
  const v = new Map<string, number>();
  for (const k of m.keywords) {
    const half = places.has(k.word) || generic.has(k.word) || DISTRICT_CODE.test(k.word);
    v.set(k.word, (v.get(k.word) ?? 0) + k.weight * (half ? 0.5 : 1));
  }
  return v;
}

/** Place names and anonymised district codes a mention names. */
function placesOf(m: Pick<ClusterMention, 'keywords' | 'places'>): Set<string> {
  return new Set([...m.places, ...m.keywords.map((k) => k.word).filter((w) => DISTRICT_CODE.test(w))]);
}

/** Words that can name a matter: not generic, not a place. */
function anchorsOf(m: Pick<ClusterMention, 'keywords' | 'places'>, generic: ReadonlySet<string>): Set<string> {
  const places = new Set(m.places);
  return new Set(m.keywords.map((k) => k.word).filter((w) => !places.has(w) && !generic.has(w) && !DISTRICT_CODE.test(w)));
}

function norm(v: Map<string, number>): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

export class HotspotIndex {
  private readonly hotspots = new Map<string, IndexedHotspot>();
  private readonly bands = new Map<number, Set<string>>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly norms = new Map<string, number>();
  private readonly halvesCache = new Map<string, [number, number][]>();

  private halves(h: IndexedHotspot): [number, number][] {
    let cached = this.halvesCache.get(h.id);
    if (!cached || cached.length !== h.simhashes.length) {
      cached = h.simhashes.map(halvesOf);
      this.halvesCache.set(h.id, cached);
    }
    return cached;
  }

  constructor(readonly options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS) {}

  get size(): number {
    return this.hotspots.size;
  }

  get(id: string): IndexedHotspot | undefined {
    return this.hotspots.get(id);
  }

  /** Adds or replaces a hotspot (e.g. as another process stored it). */
  upsert(h: IndexedHotspot): void {
    this.remove(h.id);
    this.hotspots.set(h.id, h);
    for (const s of h.simhashes) this.indexSimhash(h.id, s);
    for (const word of h.terms.keys()) this.post(word, h.id);
  }

  remove(id: string): void {
    const h = this.hotspots.get(id);
    if (!h) return;
    for (const s of h.simhashes) for (const key of bandKeys(s)) this.bands.get(key)?.delete(id);
    for (const word of h.terms.keys()) this.postings.get(word)?.delete(id);
    this.hotspots.delete(id);
    this.norms.delete(id);
    this.halvesCache.delete(id);
  }

  /** Drops hotspots last active before `time` (memory stays bounded on long runs). */
  evictBefore(time: number): number {
    let n = 0;
    for (const h of [...this.hotspots.values()]) {
      if (h.lastSeenAt < time) {
        this.remove(h.id);
        n++;
      }
    }
    return n;
  }

  /** Finds the mention's hotspot without changing anything. */
  match(m: ClusterMention): Exclude<Assignment, { kind: 'new' }> | null {
    const active = (h: IndexedHotspot): boolean => m.publishedAt >= h.firstSeenAt - this.options.windowMs && m.publishedAt <= h.lastSeenAt + this.options.windowMs;

    let nearest: { id: string; distance: number } | null = null;
    const mine = halvesOf(m.simhash);
    const checked = new Set<string>();
    // A zero SimHash means the text had no words (emoticons, a bare link): no fingerprint to compare.
    for (const key of m.simhash === NO_FINGERPRINT ? [] : bandKeys(m.simhash)) {
      for (const id of this.bands.get(key) ?? []) {
        if (checked.has(id)) continue;
        checked.add(id);
        const h = this.hotspots.get(id)!;
        if (!active(h)) continue;
        for (const s of this.halves(h)) {
          const d = distance(s, mine);
          if (d <= this.options.duplicateDistance && (!nearest || d < nearest.distance)) nearest = { id, distance: d };
        }
      }
    }
    if (nearest) return { hotspotId: nearest.id, kind: 'near-duplicate', distance: nearest.distance, created: false };

    const v = mentionVector(m, this.options.genericWords);
    const anchors = anchorsOf(m, this.options.genericWords);
    const named = new Set(m.places);
    const vNorm = norm(v);
    if (vNorm === 0) return null;
    const dots = new Map<string, { dot: number; shared: number; anchored: boolean }>();
    for (const [word, w] of v) {
      const ids = this.postings.get(word);
      if (!ids || ids.size > this.options.maxPostings) continue;
      for (const id of ids) {
        const h = this.hotspots.get(id)!;
        const cw = h.terms.get(word);
        if (cw === undefined) continue;
        const acc = dots.get(id) ?? { dot: 0, shared: 0, anchored: false };
        acc.dot += w * cw;
        acc.shared++;
        // The matter's own name, or a named place together with its topic (浪溪河 + 排污).
        if (anchors.has(word) || named.has(word)) acc.anchored = true;
        dots.set(id, acc);
      }
    }
    const places = placesOf(m);
    let best: { id: string; similarity: number } | null = null;
    for (const [id, { dot, shared, anchored }] of dots) {
      if (!anchored || shared < Math.min(this.options.minSharedWords, v.size)) continue;
      const h = this.hotspots.get(id)!;
      if (!active(h)) continue;
      // Both name places and none is shared: the same kind of matter somewhere else.
      const elsewhere = places.size > 0 && h.places.size > 0 && ![...places].some((p) => h.places.has(p));
      const similarity = (dot / (vNorm * this.normOf(h))) * (elsewhere ? 0.5 : 1);
      if (similarity >= this.options.minSimilarity && (!best || similarity > best.similarity)) best = { id, similarity };
    }
    return best ? { hotspotId: best.id, kind: 'related', similarity: best.similarity, created: false } : null;
  }

  /** Puts the mention into its hotspot (or a new one) and updates that hotspot's state. */
  assign(m: ClusterMention, newId: () => string = randomUUID): Assignment {
    const found = this.match(m);
    if (found) {
      this.add(this.hotspots.get(found.hotspotId)!, m);
      return found;
    }
    const h: IndexedHotspot = { id: newId(), firstSeenAt: m.publishedAt, lastSeenAt: m.publishedAt, simhashes: [], terms: new Map(), places: new Set(), mentionCount: 0 };
    this.hotspots.set(h.id, h);
    this.add(h, m);
    return { hotspotId: h.id, kind: 'new', created: true };
  }

  /** Cosine similarity of a mention with a hotspot's centroid (for choosing its title). */
  similarity(hotspotId: string, m: Pick<ClusterMention, 'keywords' | 'places'>): number {
    const h = this.hotspots.get(hotspotId);
    if (!h) return 0;
    const v = mentionVector(m, this.options.genericWords);
    const vNorm = norm(v);
    if (vNorm === 0) return 0;
    let dot = 0;
    for (const [word, w] of v) dot += w * (h.terms.get(word) ?? 0);
    return dot / (vNorm * this.normOf(h));
  }

  private add(h: IndexedHotspot, m: ClusterMention): void {
    h.mentionCount++;
    h.firstSeenAt = Math.min(h.firstSeenAt, m.publishedAt);
    h.lastSeenAt = Math.max(h.lastSeenAt, m.publishedAt);
    for (const p of placesOf(m)) h.places.add(p);
    if (m.simhash !== NO_FINGERPRINT) {
      h.simhashes.push(m.simhash);
      this.halvesCache.delete(h.id);
      this.indexSimhash(h.id, m.simhash);
    }
    while (h.simhashes.length > this.options.maxSimhashes) this.unindexSimhash(h.id, h.simhashes.shift()!);
    for (const [word, w] of mentionVector(m, this.options.genericWords)) {
      if (!h.terms.has(word)) this.post(word, h.id);
      h.terms.set(word, (h.terms.get(word) ?? 0) + w);
    }
    if (h.terms.size > this.options.maxTerms * 1.5) {
      const keep = [...h.terms].sort((a, b) => b[1] - a[1]).slice(0, this.options.maxTerms);
      for (const word of h.terms.keys()) this.postings.get(word)?.delete(h.id);
      h.terms = new Map(keep);
      for (const word of h.terms.keys()) this.post(word, h.id);
    }
    this.norms.delete(h.id);
  }

  private normOf(h: IndexedHotspot): number {
    let n = this.norms.get(h.id);
    if (n === undefined) {
      n = norm(h.terms) || 1;
      this.norms.set(h.id, n);
    }
    return n;
  }

  private post(word: string, id: string): void {
    let set = this.postings.get(word);
    if (!set) this.postings.set(word, (set = new Set()));
    set.add(id);
  }

  private indexSimhash(id: string, s: bigint): void {
    if (s === NO_FINGERPRINT) return;
    for (const key of bandKeys(s)) {
      let set = this.bands.get(key);
      if (!set) this.bands.set(key, (set = new Set()));
      set.add(id);
    }
  }

  private unindexSimhash(id: string, s: bigint): void {
    const h = this.hotspots.get(id);
    // Another kept SimHash of the hotspot may share the band (`s` is no longer in the list).
    for (const key of bandKeys(s)) {
      if (h && h.simhashes.some((o) => bandKeys(o).includes(key))) continue;
      this.bands.get(key)?.delete(id);
    }
  }
}
