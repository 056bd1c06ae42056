import type { Block, DefinedTerm } from './types';
import { foldQuotes } from './text';

// "Services" means / shall mean / has the meaning / refers to / includes
const MEANS = /"([A-Z][^"\n]{0,60}?)"\s*(?:\([^)]{0,40}\)\s*)?(?:shall\s+)?(?:means?|mean|has the meaning|have the meanings?|refers? to|includes?|is defined|shall have the meaning)\b/g;
// (the "Supplier"), ("VIP"), (hereinafter "Customer"), (each a "Party"), (collectively, the "Services")
const PAREN = /\((?:[^()"\n]{0,60}?)?"([A-Z][^"\n]{0,60}?)"(?:\s*(?:or|and)\s*(?:the\s+)?"([A-Z][^"\n]{0,60}?)")?\s*\)/g;

/** Finds the terms a contract defines, in either the "X means" or the parenthetical style. */
export function findDefinedTerms(blocks: Block[]): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  for (const block of blocks) {
    if (block.kind === 'code' || block.kind === 'html' || !block.text.includes('"') && !/[\u201C\u201D]/.test(block.text)) continue;
    const text = foldQuotes(block.text);
    const add = (term: string, at: number, style: DefinedTerm['style']) => {
      const clean = term.trim();
      if (!clean || clean.length > 60) return;
      const sentence = block.sentences.find((s) => s.textStart <= at && at < s.textStart + s.text.length);
      terms.push({
        term: clean,
        span: { start: block.sourceOffsets[at], end: block.sourceOffsets[at + clean.length - 1] + 1 },
        definition: sentence?.text ?? block.text,
        block: block.index,
        style,
      });
    };
    for (const m of text.matchAll(MEANS)) add(m[1], m.index! + 1, 'means');
    for (const m of text.matchAll(PAREN)) {
      const first = m.index! + m[0].indexOf('"' + m[1] + '"') + 1;
      add(m[1], first, 'parenthetical');
      if (m[2]) add(m[2], m.index! + m[0].lastIndexOf('"' + m[2] + '"') + 1, 'parenthetical');
    }
  }
  return terms;
}
