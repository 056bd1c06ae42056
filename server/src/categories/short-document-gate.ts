/**
 * Which signal patterns a short document can match at all, from the words each pattern needs (the
 * table written at build time, categories/signal-needs.generated.ts) looked up in the whole
 * document's text. Below the prefilter's size (categories/scan.ts) every pattern of every list used
 * to run on every sentence, so a process reviewing one small contract compiled all of them, most
 * for nothing: V8 compiles a regular expression on its first run, and compiling the category
 * signals was about a sixth of a cold CLI run (docs/performance.md). A pattern whose words are
 * absent from the document matches no sentence of it, so it is never run, hence never compiled.
 *
 * Sound in the same way as the prefilter: a sentence's flat text is a piece of the joined text, and
 * a literal any match needs is found in it with ASCII letters folded (String#toLowerCase folds them
 * the same; it may also fold a non-ASCII letter to an ASCII one, which only lets more patterns run).
 * Masked patterns (false senses blanked to spaces) have needs read with that in mind, and blanking
 * only removes literals. So skipping a pattern changes no result.
 */
import { needKey, type Need, type NeedTable } from './prefilter';

/**
 * Joins sentence texts. A literal found across two sentences would only let a pattern run that
 * need not (never skip one that could match), so any separator is sound; a line break keeps the
 * joined text one byte per character (V8 searches those faster) and no literal of the table holds one.
 */
const JOIN = '\n';

export class ShortDocumentGate {
  private readonly found = new Map<string, boolean>();
  private readonly text: string;

  /** `texts`: every sentence's text as the patterns see it (SentenceInfo.flat). */
  constructor(texts: readonly string[], private readonly needs: ReadonlyMap<string, Need>) {
    this.text = texts.join(JOIN).toLowerCase();
  }

  /**
   * Per pattern, 1 where it may match some sentence, 0 where it cannot; null when all may (no
   * pattern could be ruled out, so the caller skips nothing).
   */
  possible(patterns: ReadonlyArray<{ pattern: RegExp; masked: boolean }>): Uint8Array | null {
    const out = new Uint8Array(patterns.length);
    let all = true;
    for (let i = 0; i < patterns.length; i++) {
      const { pattern, masked } = patterns[i];
      // A pattern the table lacks (a test's own, a table older than the assessors) always runs.
      const need = pattern.global || pattern.sticky ? true : this.needs.get(needKey(pattern, masked)) ?? true;
      if (this.meets(need)) out[i] = 1;
      else all = false;
    }
    return all ? null : out;
  }

  private meets(need: Need): boolean {
    if (need === true) return true;
    if ('lit' in need) {
      let hit = this.found.get(need.lit);
      if (hit === undefined) this.found.set(need.lit, (hit = this.text.includes(need.lit)));
      return hit;
    }
    if ('and' in need) {
      for (const part of need.and) if (!this.meets(part)) return false;
      return true;
    }
    for (const part of need.or) if (this.meets(part)) return true;
    return false;
  }
}

/** The table as a map, made on first use. */
export function needMapOf(table: NeedTable): () => ReadonlyMap<string, Need> {
  let map: Map<string, Need> | null = null;
  return () => (map ??= new Map(table));
}
