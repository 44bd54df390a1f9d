/**
 * Places mentioned in a text: the entries of the user dictionary tagged as a place or unit
 * kind (towns, streets, villages, communities, places, projects, units), found as substrings
 * and longest first, so 平阴县教育和体育局 is one unit rather than the county and a word; and
 * the anonymised place codes of exported government data (A市, A5区, K9县; a district code names
 * its city too — A5区 is part of A市 — while a county is a place of its own), so that a matter in
 * K市 and one in M市, or in K9县 and K3县, count as in different places, and one in A市 and one in
 * A5区 do not.
 */
import { isPlaceKind, type PlaceKind, type UserDictionaryEntry } from './dictionary/user-dictionary';
import { PhraseMatcher } from './phrase-matcher';

export interface PlaceMention {
  name: string;
  kind: PlaceKind;
}

/** An anonymised city, district or county: a capital letter, up to two digits, 市/区/县. */
const PLACE_CODE = /(?<![A-Za-z0-9])[A-Z]\d{0,2}[市区县]/g;

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
    for (const [code] of text.matchAll(PLACE_CODE)) {
      for (const name of code.endsWith('区') ? [code, `${code[0]}市`] : [code]) {
        if (seen.has(name)) continue;
        seen.add(name);
        out.push({ name, kind: name.endsWith('县') ? 'county' : 'place' });
      }
    }
    return out;
  }
}
