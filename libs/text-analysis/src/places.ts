/**
 * Places mentioned in a text: the entries of the user dictionary tagged as a place or unit
 * kind (towns, streets, villages, communities, places, projects, units), found as substrings
 * and longest first, so 平阴县教育和体育局 is one unit rather than the county and a word.
 */
import { isPlaceKind, type PlaceKind, type UserDictionaryEntry } from './dictionary/user-dictionary';
import { PhraseMatcher } from './phrase-matcher';

export interface PlaceMention {
  name: string;
  kind: PlaceKind;
}

export class PlaceFinder {
  private readonly matcher: PhraseMatcher<PlaceKind>;

  constructor(dictionary: readonly UserDictionaryEntry[]) {
    const entries: [string, PlaceKind][] = [];
    for (const e of dictionary) if (isPlaceKind(e.tag)) entries.push([e.word, e.tag]);
    this.matcher = new PhraseMatcher(entries);
  }

  /** Distinct places in order of first mention. */
  find(text: string): PlaceMention[] {
    const out: PlaceMention[] = [];
    const seen = new Set<string>();
    for (const m of this.matcher.findLongest(text)) {
      if (seen.has(m.phrase)) continue;
      seen.add(m.phrase);
      out.push({ name: m.phrase, kind: m.value });
    }
    return out;
  }
}
