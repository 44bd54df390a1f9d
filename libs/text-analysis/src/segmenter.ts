/**
 * Chinese word segmentation with jieba (`@node-rs/jieba`, a native Rust port) and a
 * replaceable user dictionary of local names, plus stop-word filtering.
 *
 * jieba can add words to a loaded dictionary but not remove them, so replacing the user
 * dictionary builds a fresh jieba instance (about 0.25 s, the general dictionary is 5 MB);
 * a dictionary that only adds words is loaded into the current instance.
 */
import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDictionary } from '@node-rs/jieba/dict';
import { DEFAULT_STOP_WORDS } from './dictionary/stop-words';
import { cleanUserDictionary, DEFAULT_USER_DICTIONARY, DEFAULT_WORD_FREQUENCY, toJiebaDictionary, type UserDictionaryEntry } from './dictionary/user-dictionary';

export interface SegmenterOptions {
  /** default: DEFAULT_USER_DICTIONARY (Pingyin County) */
  userDictionary?: readonly UserDictionaryEntry[];
  /** default: DEFAULT_STOP_WORDS */
  stopWords?: Iterable<string>;
}

/** Tokens worth keeping as content words: some letter, digit or Han character, not only digits. */
const CONTENT = /[\p{L}\p{N}]/u;
const ONLY_NUMBER = /^[\p{N}.,%]+$/u;

function isBlank(token: string): boolean {
  const c = token.charCodeAt(0);
  // the common case, a Han character or a letter, decided by the first code unit
  if (c > 0x20 && c !== 0x3000 && c !== 0xa0 && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff) return false;
  return token.trim() === '';
}

/** A Han-only token (no case, no digits, no punctuation): the usual content word. */
function isHan(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return true;
}
/** unpaired UTF-16 surrogates (from broken input) */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SURROGATE = /[\uD800-\uDFFF]/;

/** A number and the word after it that together name one thing: 3路 (a bus line), 3号线, 5号楼, 2栋. */
const NUMBERED = new Set(['路', '号线', '号', '号楼', '栋', '期', '单元', '组', '层', '中', '小']);
const DIGITS = /^\d{1,4}$/;
/** An anonymised place code (A市, A2区, K9县) with a Chinese character after it. */
const PLACE_CODE_BEFORE_NAME = /(?<![A-Za-z0-9])([A-Z]\d{0,2}[市区县])(?=[\u3400-\u9fff])/g;

/** Replaces unpaired surrogates with U+FFFD (String.prototype.toWellFormed of ES2024). */
export function toWellFormed(text: string): string {
  return SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

export class Segmenter {
  private jieba: Jieba;
  private entries: UserDictionaryEntry[];
  private stops: Set<string>;

  constructor(options: SegmenterOptions = {}) {
    this.entries = cleanUserDictionary(options.userDictionary ?? DEFAULT_USER_DICTIONARY);
    this.jieba = Segmenter.build(this.entries);
    this.stops = new Set(options.stopWords ?? DEFAULT_STOP_WORDS);
  }

  private static build(entries: readonly UserDictionaryEntry[]): Jieba {
    const jieba = Jieba.withDict(jiebaDictionary);
    if (entries.length > 0) jieba.loadDict(Buffer.from(toJiebaDictionary(entries)));
    return jieba;
  }

  /** The current user dictionary (cleaned: trimmed, one entry per word). */
  get userDictionary(): readonly UserDictionaryEntry[] {
    return this.entries;
  }

  /**
   * Replaces the user dictionary. Words left out are forgotten (jieba is rebuilt); a list that
   * only adds words or raises frequencies is loaded into the running instance.
   */
  setUserDictionary(words: readonly UserDictionaryEntry[]): void {
    const next = cleanUserDictionary(words);
    const current = new Map(this.entries.map((e) => [e.word, e]));
    const nextWords = new Set(next.map((e) => e.word));
    const onlyAdds =
      this.entries.every((e) => nextWords.has(e.word)) &&
      next.every((e) => {
        const old = current.get(e.word);
        return !old || (old.tag === e.tag && (e.freq ?? DEFAULT_WORD_FREQUENCY) >= (old.freq ?? DEFAULT_WORD_FREQUENCY));
      });
    if (onlyAdds) {
      const added = next.filter((e) => {
        const old = current.get(e.word);
        return !old || old.freq !== e.freq;
      });
      if (added.length > 0) this.jieba.loadDict(Buffer.from(toJiebaDictionary(added)));
    } else {
      this.jieba = Segmenter.build(next);
    }
    this.entries = next;
  }

  get stopWords(): ReadonlySet<string> {
    return this.stops;
  }

  setStopWords(words: Iterable<string>): void {
    this.stops = new Set(Array.from(words, (w) => w.trim()).filter(Boolean));
  }

  isStopWord(word: string): boolean {
    return this.stops.has(word);
  }

  /**
   * Every token jieba produces (HMM on for unknown words), white space removed, a number joined
   * with the word that makes it a name (3路, 1号线), and the anonymised place codes of exported
   * data (A市, A2区, K9县) cut off from the name after them: 丽发新城 and 伊景园 read the same
   * with or without A2区 / A市 in front (jieba alone cuts 区丽发 | 新城 and 市伊 | 景园).
   * Towns then stand alone too (A7县星沙 → 星沙), so words shared by many hotspots do not make
   * mentions one matter (the index's `maxAnchorShare`).
   */
  cut(text: string): string[] {
    if (!text) return [];
    const tokens = this.jieba.cut(toWellFormed(text).replace(PLACE_CODE_BEFORE_NAME, '$1 '), true);
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (isBlank(t)) continue;
      const next = tokens[i + 1];
      if (next !== undefined && NUMBERED.has(next) && DIGITS.test(t)) {
        out.push(t + next);
        i++;
      } else out.push(t);
    }
    return out;
  }

  /** Content words of already cut tokens: no stop words, punctuation or bare numbers; lower case. */
  contentWords(tokens: readonly string[]): string[] {
    const out: string[] = [];
    for (const raw of tokens) {
      if (isHan(raw)) {
        if (!this.stops.has(raw)) out.push(raw);
        continue;
      }
      const t = raw.toLowerCase();
      if (!CONTENT.test(t) || ONLY_NUMBER.test(t) || this.stops.has(t)) continue;
      out.push(t);
    }
    return out;
  }

  /** `cut` then `contentWords`. */
  words(text: string): string[] {
    return this.contentWords(this.cut(text));
  }

  /** Tokens with jieba's part-of-speech tags (about 2.5 times slower than `cut`). */
  tag(text: string): { word: string; tag: string }[] {
    if (!text) return [];
    return this.jieba.tag(toWellFormed(text), true).filter((t) => t.word.trim());
  }
}

let shared: Segmenter | undefined;

/** A segmenter with the default user dictionary and stop words, created on first use. */
export function defaultSegmenter(): Segmenter {
  return (shared ??= new Segmenter());
}
