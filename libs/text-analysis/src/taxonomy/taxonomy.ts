/**
 * Categories of what a text is about, from a configurable taxonomy: each category has
 * keywords, and a text belongs to the category whose keywords it mentions most (longer,
 * more specific keywords count more). Admins replace the taxonomy at run time.
 */
import { PhraseMatcher } from '../phrase-matcher';

export interface TaxonomyCategory {
  /** stable identifier, e.g. `land-expropriation` */
  code: string;
  /** display name, e.g. 土地征收 */
  name: string;
  keywords: readonly string[];
}

export interface CategoryMatch {
  code: string;
  name: string;
  /** 0 … 1: 1 − e^(−evidence/2); one clear keyword ≈ 0.4, three ≈ 0.8 */
  score: number;
}

export interface CategoryScore extends CategoryMatch {
  evidence: number;
  keywords: string[];
}

/** Weight of one keyword: 1 for two characters, up to 2.5 for long phrases. */
export function keywordWeight(keyword: string): number {
  return Math.min(2.5, 1 + (keyword.length - 2) * 0.5);
}

/** Below this, a tie between categories is no answer. */
const WEAK_EVIDENCE = 2;

export interface CategorizerOptions {
  /** least evidence for an answer (default 1: one two-character keyword) */
  minEvidence?: number;
}

export class Categorizer {
  private readonly matcher: PhraseMatcher<number[]>;
  private readonly categories: readonly TaxonomyCategory[];
  private readonly minEvidence: number;

  constructor(taxonomy: readonly TaxonomyCategory[], options: CategorizerOptions = {}) {
    this.categories = taxonomy.map((c) => ({ code: c.code, name: c.name, keywords: [...new Set(c.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean))] }));
    const byKeyword = new Map<string, number[]>();
    this.categories.forEach((c, index) => {
      for (const k of c.keywords) {
        const list = byKeyword.get(k) ?? [];
        list.push(index);
        byKeyword.set(k, list);
      }
    });
    this.matcher = new PhraseMatcher(byKeyword);
    this.minEvidence = options.minEvidence ?? 1;
  }

  get taxonomy(): readonly TaxonomyCategory[] {
    return this.categories;
  }

  /** Evidence per category index, and the keywords that gave it, for categories with any. */
  private evidence(text: string): Map<number, { evidence: number; keywords: string[] }> {
    const counts = new Map<string, { n: number; owners: number[] }>();
    for (const m of this.matcher.findAll(text.toLowerCase())) {
      const seen = counts.get(m.phrase);
      if (seen) seen.n++;
      else counts.set(m.phrase, { n: 1, owners: m.value });
    }
    const byCategory = new Map<number, { evidence: number; keywords: string[] }>();
    for (const [keyword, { n, owners }] of counts) {
      // a keyword shared by several categories counts for each, divided among them
      const w = (keywordWeight(keyword) * (1 + Math.log(n))) / owners.length;
      for (const index of owners) {
        const entry = byCategory.get(index);
        if (entry) {
          entry.evidence += w;
          entry.keywords.push(keyword);
        } else byCategory.set(index, { evidence: w, keywords: [keyword] });
      }
    }
    return byCategory;
  }

  private result(index: number, evidence: number, keywords: string[]): CategoryScore {
    const c = this.categories[index]!;
    return { code: c.code, name: c.name, evidence, keywords, score: Math.round((1 - Math.exp(-evidence / 2)) * 1000) / 1000 };
  }

  /** Every category with some evidence, best first; ties go to the category listed first. */
  scores(text: string): CategoryScore[] {
    return Array.from(this.evidence(text))
      .sort(([ia, a], [ib, b]) => b.evidence - a.evidence || ia - ib)
      .map(([index, e]) => this.result(index, e.evidence, e.keywords));
  }

  /** The best category, or null when the text mentions too little of any (or only a word each of several). */
  categorize(text: string): CategoryMatch | null {
    let bestIndex = -1;
    let bestEvidence = 0;
    let tied = false;
    // ties go to the category listed first (the county plan's topics lead the default taxonomy)
    for (const [index, e] of this.evidence(text)) {
      if (e.evidence > bestEvidence) {
        bestIndex = index;
        bestEvidence = e.evidence;
        tied = false;
      } else if (e.evidence === bestEvidence) {
        tied = true;
        if (index < bestIndex) bestIndex = index;
      }
    }
    if (bestIndex < 0 || bestEvidence < this.minEvidence) return null;
    // one stray word each for several categories says nothing about the text
    if (tied && bestEvidence < WEAK_EVIDENCE) return null;
    const { code, name, score } = this.result(bestIndex, bestEvidence, []);
    return { code, name, score };
  }
}
