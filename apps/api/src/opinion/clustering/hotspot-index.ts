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
 *
 * The first mentions of a matter often start several hotspots side by side (one about the dead
 * fish, one about the smell), and each later mention joins the one nearest to it, so the
 * fragments never meet. As a hotspot grows (at 3, 4, 5 … mentions, then every quarter more),
 * its centroid is compared with the other hotspots' centroids; one at least `mergeSimilarity`
 * alike, sharing a word that names the matter, is merged: the smaller into the larger. The
 * ingest service stores what `takeMerges` reports. Hotspots a monitor split (`keepApart`) are
 * left out of this, or the next mention would undo the split.
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
  /** A monitor split it: never merged automatically (it still takes mentions). */
  keepApart?: boolean;
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
  /** Centroid similarity at which two hotspots of one matter are merged (above 1: never). */
  mergeSimilarity: number;
  /**
   * A word in the centroids of more than this share of the hotspots (and of more than 10)
   * names no matter, whatever the dictionary says: in a county's stream, the towns that most
   * messages name (星沙 in the real export's A7县).
   */
  maxAnchorShare: number;
}

/** A hotspot merged into another as its centroid came close (the ingest stores it). */
export interface HotspotMerge {
  from: string;
  into: string;
  similarity: number;
}

/** Words of complaints in general, on top of the taxonomy's topic words. */
export const GENERIC_COMPLAINT_WORDS = [
  '投诉', '举报', '反映', '请求', '咨询', '建议', '问题', '解决', '处理', '多项', '强制', '希望', '要求', '关于', '严重',
  '情况', '相关', '部门', '领导', '政府', '群众', '市民', '居民', '村民', '业主', '我们', '现在', '目前', '一直', '多次',
  '来电', '问政', '热线', '网友', '记者', '无人', '没人', '不管', '至今', '迟迟', '违规', '违法', '乱收费', '收费', '费用', '管理', '工作', '单位', '公司',
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
  mergeSimilarity: 0.45,
  maxAnchorShare: 0.01,
};

/** Below this many hotspots sharing it, a word's share is no evidence (see `maxAnchorShare`). */
const MIN_ANCHOR_POSTINGS = 10;

/** Where each hotspot's mentions are after these merges: itself, or the hotspot it ended up in. */
export function mergeTargets(merges: readonly HotspotMerge[]): (id: string) => string {
  const into = new Map(merges.map((m) => [m.from, m.into]));
  return (id) => {
    let at = id;
    for (let next = into.get(at); next !== undefined; next = into.get(at)) at = next;
    return at;
  };
}

/** Mention counts at which a hotspot looks for a hotspot of the same matter: 3, 4, 5 … then about every quarter more. */
export function isMergeCheckpoint(count: number): boolean {
  if (count < 3) return false;
  const step = (n: number) => Math.floor(Math.log(n) / Math.log(1.25));
  return step(count) !== step(count - 1) || count <= 8;
}

/** `a2`, `k6`: letters-and-digits codes of anonymised districts, places rather than matters. */
const DISTRICT_CODE = /^[a-z]\d{1,2}$/;
export const isDistrictCode = (word: string): boolean => DISTRICT_CODE.test(word);

export type Assignment = (
  | { hotspotId: string; kind: 'near-duplicate'; distance: number; created: false }
  | { hotspotId: string; kind: 'related'; similarity: number; created: false }
  | { hotspotId: string; kind: 'new'; created: true }
) & {
  /** Cosine similarity of the mention with its hotspot's centroid once it is in (for choosing a title). */
  centroidSimilarity: number;
};

/** The SimHash of a text without words. */
const NO_FINGERPRINT = 0n;

/** The four 16-bit bands of a SimHash given as its [high, low] halves, each keyed apart. */
function bandKeys(high: number, low: number): [number, number, number, number] {
  return [low & 0xffff, 65536 + (low >>> 16), 2 * 65536 + (high & 0xffff), 3 * 65536 + (high >>> 16)];
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A 64-bit SimHash as [high, low] 32-bit halves (no BigInt arithmetic in the comparison loop). */
const halvesOf = (x: bigint): [number, number] => [Number(x >> 32n) >>> 0, Number(x & 0xffffffffn) >>> 0];

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
  /**
   * Inverted index of centroid words: word → (hotspot slot → the word's weight in that
   * centroid). Slots are small integers, so a mention's dot products accumulate in typed arrays.
   */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly slotOf = new Map<string, number>();
  private readonly bySlot: (IndexedHotspot | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private dots = new Float64Array(64);
  private shared = new Uint16Array(64);
  private anchored = new Uint8Array(64);
  /** Each slot's centroid norm (NaN: to be computed again). */
  private norms = new Float64Array(64).fill(Number.NaN);
  /** Each hotspot's SimHashes as [high, low, high, low, …] 32-bit halves, kept in step with `simhashes`. */
  private readonly halves = new Map<string, number[]>();
  /** Each hotspot's band keys with how many of its kept SimHashes have each. */
  private readonly bandRefs = new Map<string, Map<number, number>>();
  /** Merges not yet taken by `takeMerges`. */
  private merges: HotspotMerge[] = [];

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
    this.insert(h);
    for (const s of h.simhashes) this.indexSimhash(h.id, s);
    const slot = this.slotOf.get(h.id)!;
    for (const [word, w] of h.terms) this.post(word, slot, w);
  }

  remove(id: string): void {
    const h = this.hotspots.get(id);
    if (!h) return;
    for (const key of this.bandRefs.get(id)?.keys() ?? []) this.bands.get(key)?.delete(id);
    this.bandRefs.delete(id);
    this.unpostAll(h);
    const slot = this.slotOf.get(id)!;
    this.bySlot[slot] = undefined;
    this.freeSlots.push(slot);
    this.slotOf.delete(id);
    this.hotspots.delete(id);
    this.norms[slot] = Number.NaN;
    this.halves.delete(id);
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
    const found = this.find(m, mentionVector(m, this.options.genericWords));
    if (!found) return null;
    const h = this.hotspots.get(found.hotspotId)!;
    return { ...found, centroidSimilarity: this.similarity(h.id, m) };
  }

  private find(m: ClusterMention, v: Map<string, number>): DistributiveOmit<Exclude<Assignment, { kind: 'new' }>, 'centroidSimilarity'> | null {
    const active = (h: IndexedHotspot): boolean => m.publishedAt >= h.firstSeenAt - this.options.windowMs && m.publishedAt <= h.lastSeenAt + this.options.windowMs;

    let nearest: { id: string; distance: number } | null = null;
    const mine = halvesOf(m.simhash);
    const checked = new Set<string>();
    // A zero SimHash means the text had no words (emoticons, a bare link): no fingerprint to compare.
    for (const key of m.simhash === NO_FINGERPRINT ? [] : bandKeys(mine[0], mine[1])) {
      for (const id of this.bands.get(key) ?? []) {
        if (checked.has(id)) continue;
        checked.add(id);
        const h = this.hotspots.get(id)!;
        if (!active(h)) continue;
        const halves = this.halves.get(id)!;
        for (let i = 0; i < halves.length; i += 2) {
          const d = popcount32((halves[i]! ^ mine[0]) >>> 0) + popcount32((halves[i + 1]! ^ mine[1]) >>> 0);
          if (d <= this.options.duplicateDistance && (!nearest || d < nearest.distance)) nearest = { id, distance: d };
        }
      }
    }
    if (nearest) return { hotspotId: nearest.id, kind: 'near-duplicate', distance: nearest.distance, created: false };

    const anchors = anchorsOf(m, this.options.genericWords);
    const named = new Set(m.places);
    const vNorm = norm(v);
    if (vNorm === 0) return null;
    // Dot products with every hotspot sharing a word, accumulated by slot.
    const touched: number[] = [];
    const anchorLimit = this.anchorLimit();
    for (const [word, w] of v) {
      const posting = this.postings.get(word);
      if (!posting || posting.size > this.options.maxPostings) continue;
      // The matter's own name, or a named place together with its topic (浪溪河 + 排污).
      // A word in a large share of the hotspots (a town every message of a county names) is not one.
      const anchor = (anchors.has(word) || named.has(word)) && posting.size <= anchorLimit ? 1 : 0;
      const { dots, shared, anchored } = this;
      posting.forEach((cw, slot) => {
        if (shared[slot] === 0) touched.push(slot);
        dots[slot] += w * cw;
        shared[slot]++;
        anchored[slot] |= anchor;
      });
    }
    const places = [...placesOf(m)];
    const minShared = Math.min(this.options.minSharedWords, v.size);
    let best: { id: string; similarity: number } | null = null;
    for (const slot of touched) {
      const dot = this.dots[slot]!;
      const ok = this.anchored[slot] === 1 && this.shared[slot]! >= minShared;
      this.dots[slot] = 0;
      this.shared[slot] = 0;
      this.anchored[slot] = 0;
      if (!ok) continue;
      const h = this.bySlot[slot]!;
      const cosine = dot / (vNorm * this.normOf(h, slot));
      // Cheap bounds first: the penalty below only lowers the similarity.
      if (cosine < this.options.minSimilarity || (best && cosine <= best.similarity) || !active(h)) continue;
      // Both name places and none is shared: the same kind of matter somewhere else.
      const elsewhere = places.length > 0 && h.places.size > 0 && !places.some((p) => h.places.has(p));
      const similarity = cosine * (elsewhere ? 0.5 : 1);
      if (similarity >= this.options.minSimilarity && (!best || similarity > best.similarity)) best = { id: h.id, similarity };
    }
    return best ? { hotspotId: best.id, kind: 'related', similarity: best.similarity, created: false } : null;
  }

  /** Puts the mention into its hotspot (or a new one) and updates that hotspot's state. */
  assign(m: ClusterMention, newId: () => string = randomUUID): Assignment {
    const v = mentionVector(m, this.options.genericWords);
    const found = this.find(m, v);
    let h: IndexedHotspot;
    if (found) h = this.hotspots.get(found.hotspotId)!;
    else {
      h = { id: newId(), firstSeenAt: m.publishedAt, lastSeenAt: m.publishedAt, simhashes: [], terms: new Map(), places: new Set(), mentionCount: 0 };
      this.insert(h);
    }
    this.add(h, m, v);
    if (isMergeCheckpoint(h.mentionCount) && this.options.mergeSimilarity <= 1 && !h.keepApart) h = this.consolidate(h);
    const centroidSimilarity = this.similarityOf(h, v);
    if (found && found.hotspotId !== h.id) return { ...found, hotspotId: h.id, centroidSimilarity };
    return found ? { ...found, centroidSimilarity } : { hotspotId: h.id, kind: 'new', created: true, centroidSimilarity };
  }

  /** The merges done since the last call, in order (a hotspot may be merged into one merged later: see `mergeTargets`). */
  takeMerges(): HotspotMerge[] {
    const merges = this.merges;
    this.merges = [];
    return merges;
  }

  /** Merges the hotspots of one matter with this one, while there is one; returns the survivor. */
  private consolidate(start: IndexedHotspot): IndexedHotspot {
    let h = start;
    for (let round = 0; round < 4; round++) {
      const partner = this.closestCentroid(h);
      if (!partner) break;
      const [into, from] = partner.hotspot.mentionCount > h.mentionCount || (partner.hotspot.mentionCount === h.mentionCount && partner.hotspot.firstSeenAt <= h.firstSeenAt) ? [partner.hotspot, h] : [h, partner.hotspot];
      this.absorb(into, from);
      this.merges.push({ from: from.id, into: into.id, similarity: partner.similarity });
      h = into;
    }
    return h;
  }

  /** The other active hotspot whose centroid is most like this one's, if at least `mergeSimilarity` and sharing a word naming the matter. */
  private closestCentroid(h: IndexedHotspot): { hotspot: IndexedHotspot; similarity: number } | null {
    const { genericWords, maxPostings, windowMs, mergeSimilarity } = this.options;
    const own = this.slotOf.get(h.id)!;
    const touched: number[] = [];
    const { dots, shared, anchored } = this;
    const anchorLimit = this.anchorLimit();
    for (const [word, w] of h.terms) {
      const posting = this.postings.get(word);
      if (!posting || posting.size > maxPostings) continue;
      const anchor = genericWords.has(word) || DISTRICT_CODE.test(word) || posting.size > anchorLimit ? 0 : 1;
      posting.forEach((cw, slot) => {
        if (slot === own) return;
        if (shared[slot] === 0) touched.push(slot);
        dots[slot] += w * cw;
        shared[slot]++;
        anchored[slot] |= anchor;
      });
    }
    const hNorm = this.normOf(h, own);
    let best: { hotspot: IndexedHotspot; similarity: number } | null = null;
    for (const slot of touched) {
      const dot = dots[slot]!;
      const ok = anchored[slot] === 1;
      dots[slot] = 0;
      shared[slot] = 0;
      anchored[slot] = 0;
      if (!ok) continue;
      const g = this.bySlot[slot]!;
      if (g.keepApart) continue;
      const similarity = dot / (hNorm * this.normOf(g, slot));
      if (similarity < mergeSimilarity || (best && similarity <= best.similarity)) continue;
      if (g.firstSeenAt > h.lastSeenAt + windowMs || h.firstSeenAt > g.lastSeenAt + windowMs) continue;
      if (h.places.size > 0 && g.places.size > 0 && ![...h.places].some((p) => g.places.has(p))) continue;
      best = { hotspot: g, similarity };
    }
    return best;
  }

  /** Moves hotspot `from` into `into`: centroid, fingerprints, places and counts; `from` leaves the index. */
  private absorb(into: IndexedHotspot, from: IndexedHotspot): void {
    this.remove(from.id);
    const slot = this.slotOf.get(into.id)!;
    into.mentionCount += from.mentionCount;
    into.firstSeenAt = Math.min(into.firstSeenAt, from.firstSeenAt);
    into.lastSeenAt = Math.max(into.lastSeenAt, from.lastSeenAt);
    for (const p of from.places) into.places.add(p);
    const halves = this.halves.get(into.id)!;
    for (const s of from.simhashes) {
      into.simhashes.push(s);
      halves.push(...halvesOf(s));
      this.indexSimhash(into.id, s);
    }
    this.trimSimhashes(into, halves);
    for (const [word, w] of from.terms) into.terms.set(word, (into.terms.get(word) ?? 0) + w);
    this.unpostAll(into);
    if (into.terms.size > this.options.maxTerms * 1.5) into.terms = new Map([...into.terms].sort((a, b) => b[1] - a[1]).slice(0, this.options.maxTerms));
    for (const [word, w] of into.terms) this.post(word, slot, w);
    this.norms[slot] = Number.NaN;
  }

  /** Cosine similarity of a mention with a hotspot's centroid (for choosing its title). */
  similarity(hotspotId: string, m: Pick<ClusterMention, 'keywords' | 'places'>): number {
    const h = this.hotspots.get(hotspotId);
    return h ? this.similarityOf(h, mentionVector(m, this.options.genericWords)) : 0;
  }

  private similarityOf(h: IndexedHotspot, v: Map<string, number>): number {
    const vNorm = norm(v);
    if (vNorm === 0) return 0;
    let dot = 0;
    for (const [word, w] of v) dot += w * (h.terms.get(word) ?? 0);
    return dot / (vNorm * this.normOf(h, this.slotOf.get(h.id)!));
  }

  private add(h: IndexedHotspot, m: ClusterMention, v: Map<string, number>): void {
    h.mentionCount++;
    h.firstSeenAt = Math.min(h.firstSeenAt, m.publishedAt);
    h.lastSeenAt = Math.max(h.lastSeenAt, m.publishedAt);
    for (const p of placesOf(m)) h.places.add(p);
    const halves = this.halves.get(h.id)!;
    if (m.simhash !== NO_FINGERPRINT) {
      h.simhashes.push(m.simhash);
      halves.push(...halvesOf(m.simhash));
      this.indexSimhash(h.id, m.simhash);
    }
    this.trimSimhashes(h, halves);
    const slot = this.slotOf.get(h.id)!;
    for (const [word, w] of v) {
      const weight = (h.terms.get(word) ?? 0) + w;
      h.terms.set(word, weight);
      this.post(word, slot, weight);
    }
    if (h.terms.size > this.options.maxTerms * 1.5) {
      const keep = [...h.terms].sort((a, b) => b[1] - a[1]).slice(0, this.options.maxTerms);
      this.unpostAll(h);
      h.terms = new Map(keep);
      for (const [word, w] of h.terms) this.post(word, slot, w);
    }
    this.norms[this.slotOf.get(h.id)!] = Number.NaN;
  }

  /** Keeps the newest `maxSimhashes` fingerprints. */
  private trimSimhashes(h: IndexedHotspot, halves: number[]): void {
    while (h.simhashes.length > this.options.maxSimhashes) {
      h.simhashes.shift();
      const [high, low] = halves.splice(0, 2) as [number, number];
      this.unindexSimhash(h.id, high, low);
    }
  }

  /** Hotspots a word may be in and still name a matter (see `maxAnchorShare`). */
  private anchorLimit(): number {
    return Math.max(MIN_ANCHOR_POSTINGS, this.options.maxAnchorShare * this.hotspots.size);
  }

  private normOf(h: IndexedHotspot, slot: number): number {
    let n = this.norms[slot]!;
    if (Number.isNaN(n)) this.norms[slot] = n = norm(h.terms) || 1;
    return n;
  }


  /** Stores a hotspot with a slot of its own (a freed one if there is). */
  private insert(h: IndexedHotspot): void {
    const slot = this.freeSlots.pop() ?? this.bySlot.length;
    this.bySlot[slot] = h;
    this.slotOf.set(h.id, slot);
    this.hotspots.set(h.id, h);
    this.halves.set(h.id, h.simhashes.flatMap(halvesOf));
    if (slot >= this.dots.length) {
      // The accumulators are all zero between matches: bigger empty ones will do.
      const size = this.dots.length * 2;
      this.dots = new Float64Array(size);
      this.shared = new Uint16Array(size);
      this.anchored = new Uint8Array(size);
      const norms = new Float64Array(size).fill(Number.NaN);
      norms.set(this.norms);
      this.norms = norms;
    }
  }

  /** Sets a centroid word's weight in the inverted index. */
  private post(word: string, slot: number, weight: number): void {
    let posting = this.postings.get(word);
    if (!posting) this.postings.set(word, (posting = new Map()));
    posting.set(slot, weight);
  }

  private unpostAll(h: IndexedHotspot): void {
    const slot = this.slotOf.get(h.id)!;
    for (const word of h.terms.keys()) {
      const posting = this.postings.get(word);
      if (!posting) continue;
      posting.delete(slot);
      if (!posting.size) this.postings.delete(word);
    }
  }

  private indexSimhash(id: string, s: bigint): void {
    if (s === NO_FINGERPRINT) return;
    let refs = this.bandRefs.get(id);
    if (!refs) this.bandRefs.set(id, (refs = new Map()));
    for (const key of bandKeys(...halvesOf(s))) {
      refs.set(key, (refs.get(key) ?? 0) + 1);
      let set = this.bands.get(key);
      if (!set) this.bands.set(key, (set = new Set()));
      set.add(id);
    }
  }

  /** Takes a dropped SimHash's bands off the hotspot, unless one of its kept SimHashes shares them. */
  private unindexSimhash(id: string, high: number, low: number): void {
    const refs = this.bandRefs.get(id);
    for (const key of bandKeys(high, low)) {
      const n = (refs?.get(key) ?? 1) - 1;
      if (n > 0) refs!.set(key, n);
      else {
        refs?.delete(key);
        this.bands.get(key)?.delete(id);
      }
    }
  }
}

/** Omit applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
