// Fits an inserted clause to the document's own defined terms: each glossary term the clause uses
// becomes the document's term for it ("Effective Date" -> "Commencement Date"), or, when the document
// has none, its definition is added to the inserted clause. "party" follows the document's "Party".
import glossaryJson from './glossary.generated.json';

export interface GlossaryEntry {
  term: string;
  aliases: string[];
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = glossaryJson as GlossaryEntry[];

export interface DocumentTerms {
  /** The terms the document defines. */
  defined: readonly string[];
  /** The document calls itself "this Agreement" (so "Agreement" needs no definition). */
  selfReference?: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plural = (t: string) => (/s$/.test(t) ? t : `${t}s`);

/** Glossary terms a text uses (as whole words, with their plural). */
export function termsUsed(text: string): GlossaryEntry[] {
  return GLOSSARY.filter((g) => new RegExp(`\\b${escapeRe(g.term)}(?:s)?\\b`).test(text));
}

/** Terms a clause body defines itself ('(the "Monthly Charges")'). */
export function termsDefinedIn(text: string): Set<string> {
  return new Set([...text.matchAll(/"([A-Z][^"]{1,60})"/g)].map((m) => m[1]));
}

export interface FittedTerms {
  text: string;
  /** Definitions the clause needs because the document lacks the terms: ["\"Business Day\" means ..."]. */
  definitions: string[];
  /** The same, as term and definition text (no trailing full stop). */
  entries: Array<{ term: string; definition: string }>;
}

/** Maps glossary terms in `text` onto the document's own terms; returns the definitions still needed. */
export function fitTerms(text: string, doc: DocumentTerms, fill: (s: string) => string): FittedTerms {
  const defined = new Set(doc.defined);
  const has = (t: string) => defined.has(t) || defined.has(plural(t)) || (doc.selfReference === t);
  const own = termsDefinedIn(text);
  const definitions: string[] = [];
  const entries: Array<{ term: string; definition: string }> = [];
  const done = new Set<string>();
  const swaps: Array<(t: string) => string> = [];
  let out = text;
  const visit = (g: GlossaryEntry, into: 'text' | 'definition') => {
    if (done.has(g.term) || own.has(g.term) || has(g.term)) return;
    done.add(g.term);
    const alias = g.aliases.find((a) => has(a));
    if (alias) {
      const re = new RegExp(`\\b${escapeRe(g.term)}(s?)\\b`, 'g');
      const swap = (t: string) => t.replace(re, (_m, s: string) => (s ? plural(alias) : alias));
      swaps.push(swap);
      out = swap(out);
      definitions.forEach((d, i) => { definitions[i] = swap(d); });
      entries.forEach((e) => { e.definition = swap(e.definition); });
      return;
    }
    // A definition added later gets the document's terms already found ("Term" after "Effective Date").
    const definition = swaps.reduce((t, swap) => swap(t), fill(g.definition));
    definitions.push(`"${g.term}" means ${definition}`);
    entries.push({ term: g.term, definition });
    // A definition may use other glossary terms ("Term" uses "Effective Date").
    for (const inner of termsUsed(definition)) visit(inner, into);
  };
  for (const g of termsUsed(text)) visit(g, 'text');
  return { text: out, definitions, entries };
}

/** "party"/"parties" as the document writes them: capitalised when it defines "Party". */
export function fitPartyWord(text: string, doc: DocumentTerms): string {
  const defined = new Set(doc.defined);
  if (!defined.has('Party') && !defined.has('Parties')) return text;
  return text.replace(/\b(third |other than a |any )?(part(?:y|ies))\b/g, (m, pre: string | undefined, w: string) =>
    pre === 'third ' ? m : `${pre ?? ''}${w[0].toUpperCase()}${w.slice(1)}`);
}
