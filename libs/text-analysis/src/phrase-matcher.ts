/**
 * Aho–Corasick automaton over the characters of a list of phrases: one pass over a text
 * finds every occurrence of every phrase. Used for the sentiment lexicon, sensitive words,
 * place names and taxonomy keywords, where substring matching is what Chinese needs (no
 * spaces between words) and the lists are edited at run time.
 */
export interface PhraseMatch<T> {
  /** index of the first code unit in the text */
  start: number;
  /** index after the last code unit */
  end: number;
  phrase: string;
  value: T;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** phrases ending here: [length, value index] (own and through fail links) */
  out: number[];
  depth: number;
  entry: number;
}

export class PhraseMatcher<T> {
  private readonly nodes: Node[] = [];
  private readonly phrases: string[] = [];
  private readonly values: T[] = [];
  /** transitions from the root by UTF-16 code unit (-1: none): most characters of a text stop here */
  private readonly root = new Int32Array(65536).fill(-1);

  /** Later duplicates of a phrase replace earlier ones. */
  constructor(entries: Iterable<readonly [string, T]>) {
    this.nodes.push({ next: new Map(), fail: 0, out: [], depth: 0, entry: -1 });
    for (const [phrase, value] of entries) {
      if (!phrase) continue;
      let state = 0;
      for (let i = 0; i < phrase.length; i++) {
        const c = phrase.charCodeAt(i);
        let nextState = this.nodes[state]!.next.get(c);
        if (nextState === undefined) {
          nextState = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [], depth: this.nodes[state]!.depth + 1, entry: -1 });
          this.nodes[state]!.next.set(c, nextState);
        }
        state = nextState;
      }
      const node = this.nodes[state]!;
      if (node.entry >= 0) this.values[node.entry] = value;
      else {
        node.entry = this.phrases.length;
        this.phrases.push(phrase);
        this.values.push(value);
      }
    }
    // breadth-first fail links
    const queue: number[] = [];
    for (const s of this.nodes[0]!.next.values()) queue.push(s);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const node = this.nodes[s]!;
      if (node.entry >= 0) node.out.push(node.entry);
      for (const e of this.nodes[node.fail]!.out) node.out.push(e);
      for (const [c, t] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        this.nodes[t]!.fail = target !== undefined && target !== t ? target : 0;
        queue.push(t);
      }
    }
    this.compileRoot();
  }

  private compileRoot(): void {
    for (const [c, t] of this.nodes[0]!.next) this.root[c] = t;
  }

  get size(): number {
    return this.phrases.length;
  }

  /** Every occurrence, overlapping ones included, ordered by end then by length (longest first). */
  findAll(text: string): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    if (this.phrases.length === 0) return found;
    const root = this.root;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (state === 0) {
        state = root[c]!;
        if (state < 0) {
          state = 0;
          continue;
        }
      } else {
        let next = this.nodes[state]!.next.get(c);
        while (next === undefined && state !== 0) {
          state = this.nodes[state]!.fail;
          next = state === 0 ? undefined : this.nodes[state]!.next.get(c);
        }
        if (next === undefined) {
          const fromRoot = root[c]!;
          state = fromRoot < 0 ? 0 : fromRoot;
        } else state = next;
      }
      const out = this.nodes[state]!.out;
      if (out.length === 0) continue;
      for (let k = 0; k < out.length; k++) {
        const e = out[k]!;
        const phrase = this.phrases[e]!;
        found.push({ start: i + 1 - phrase.length, end: i + 1, phrase, value: this.values[e]! });
      }
    }
    return found;
  }

  /**
   * Non-overlapping occurrences, chosen leftmost first and longest at each start, the way a
   * reader takes "至今未解决" as one phrase rather than "解决".
   */
  findLongest(text: string): PhraseMatch<T>[] {
    const all = this.findAll(text);
    if (all.length <= 1) return all;
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: PhraseMatch<T>[] = [];
    let covered = 0;
    for (const m of all) {
      if (m.start < covered) continue;
      chosen.push(m);
      covered = m.end;
    }
    return chosen;
  }
}
