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

  /** Every category with some evidence, best first. */
  scores(text: string): CategoryScore[] {
    const lower = text.toLowerCase();
    const counts = new Map<string, { n: number; owners: number[] }>();
    for (const m of this.matcher.findAll(lower)) {
      const seen = counts.get(m.phrase);
      if (seen) seen.n++;
      else counts.set(m.phrase, { n: 1, owners: m.value });
    }
    const evidence = new Float64Array(this.categories.length);
    const found: string[][] = this.categories.map(() => []);
    for (const [keyword, { n, owners }] of counts) {
      const w = keywordWeight(keyword) * (1 + Math.log(n));
      // a keyword shared by several categories counts for each, divided among them
      for (const index of owners) {
        evidence[index] += w / owners.length;
        found[index]!.push(keyword);
      }
    }
    const out: CategoryScore[] = [];
    this.categories.forEach((c, i) => {
      if (evidence[i]! > 0) out.push({ code: c.code, name: c.name, evidence: evidence[i]!, keywords: found[i]!, score: Math.round((1 - Math.exp(-evidence[i]! / 2)) * 1000) / 1000 });
    });
    // ties go to the category listed first (the county plan's topics lead the default taxonomy)
    return out.sort((a, b) => b.evidence - a.evidence || this.indexOf(a.code) - this.indexOf(b.code));
  }

  private indexOf(code: string): number {
    return this.categories.findIndex((c) => c.code === code);
  }

  /** The best category, or null when the text mentions too little of any. */
  categorize(text: string): CategoryMatch | null {
    const best = this.scores(text)[0];
    if (!best || best.evidence < this.minEvidence) return null;
    return { code: best.code, name: best.name, score: best.score };
  }
}
