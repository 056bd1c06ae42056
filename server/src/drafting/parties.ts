/**
 * A party's legal name written in another form: "Tailspin Systems Ltd" or "Tailspin Ltd" where the
 * contract names "Tailspin Systems Limited", or a misspelling of it.
 */
import type { ContractModel, Party, Span } from '../model';
import { editDistance, foldQuotes } from '../model';
import { escapeRegExp } from './terms';
import { COMMON_WORDS, FUNCTION_WORDS } from './words';

export interface PartyNameVariant {
  span: Span;
  text: string;
  party: Party;
  legalName: string;
}

const SUFFIX = /^(?:inc|incorporated|ltd|limited|llc|l\.l\.c|llp|plc|corp|corporation|co|company|gmbh|ag|sa|s\.a|bv|b\.v|nv|n\.v|pty|lp|l\.p|pte|sarl|s\.a\.r\.l|oy|ab|as|spa|s\.p\.a|srl|kk)\.?$/i;

function norm(s: string): string {
  return foldQuotes(s).replace(/[,\s]+/g, ' ').replace(/\.$/, '').trim().toLowerCase();
}

const COMPANY = /[A-Z][\w&'.-]*(?:,?[ ]+(?:[A-Z][\w&'.-]*|of|and|&|the))*?,?[ ]+(?:Limited|Ltd\.?|plc|PLC|Inc\.?|Incorporated|LLC|L\.L\.C\.|LLP|Corporation|Corp\.?|GmbH|AG|S\.A\.|B\.V\.|N\.V\.|Pty Ltd|Pte Ltd|SARL|S\.p\.A\.)(?![\w])/g;

/**
 * The legal name of a party: the model's, or else the last company name (one ending in a legal
 * form) written before the party's parenthetical definition in the same sentence ("Tailspin
 * Systems Limited, a company registered in England and Wales (the "Supplier")").
 */
export function legalNameOf(model: ContractModel, party: Party): string | undefined {
  if (party.legalName && SUFFIX.test(party.legalName.trim().split(/[\s,]+/).pop() ?? '')) return party.legalName;
  const def = model.definedTerms.find((d) => d.term === party.alias && d.style === 'parenthetical');
  if (!def) return party.legalName;
  const block = model.blocks[def.block];
  const sentence = block.sentences.find((x) => x.start <= def.span.start && def.span.start < x.end);
  const from = sentence?.start ?? block.start;
  const before = foldQuotes(model.text.slice(from, def.span.start)).replace(/\*\*|__/g, '');
  const open = before.lastIndexOf('(');
  if (open < 0) return party.legalName;
  const names = [...before.slice(0, open).matchAll(COMPANY)].map((m) => m[0].replace(/^(?:and|between|by|with)\s+/i, '').trim());
  return names.length ? names[names.length - 1] : party.legalName;
}

export function partyNameVariants(model: ContractModel): PartyNameVariant[] {
  const out: PartyNameVariant[] = [];
  for (const party of model.parties) {
    const legal = legalNameOf(model, party)?.trim();
    if (!legal) continue;
    const words = legal.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    const suffixAt = words.findIndex((w, i) => i > 0 && SUFFIX.test(w));
    if (suffixAt < 1) continue; // only names with a legal form ("Limited", "Inc.") have variants worth reporting
    const core = words.slice(0, suffixAt);
    // The name is found by its first distinctive word ("Tailspin"), or its first two words when the first is common ("Bank of ...").
    const keyWords = COMMON_WORDS.has(core[0].toLowerCase()) || FUNCTION_WORDS.has(core[0]) ? core.slice(0, 2) : core.slice(0, 1);
    if (!keyWords.length || keyWords.join(' ').length < 3) continue;
    const keyRe = new RegExp(`(?<![\\w-])${keyWords.map(escapeRegExp).join('\\s+')}(?![\\w-])`, 'g');
    const legalNorm = norm(legal);
    const coreSet = new Set(core.map((w) => w.toLowerCase()));
    for (const block of model.blocks) {
      if (block.kind === 'code' || block.kind === 'html') continue;
      const text = foldQuotes(block.text);
      for (const m of text.matchAll(keyRe)) {
        // Read on while the words belong to a company name: core words, legal forms, commas between.
        let end = m.index! + m[0].length;
        let hasSuffix = false;
        for (;;) {
          const rest = /^(,?\s+)([A-Za-z][\w&'\u2019.-]*)/.exec(text.slice(end));
          if (!rest) break;
          const w = rest[2].replace(/['\u2019]s$/, '');
          const bare = w.replace(/\.$/, '');
          if (SUFFIX.test(w)) { hasSuffix = true; end += rest[1].length + w.length; continue; }
          if (coreSet.has(bare.toLowerCase()) && /^[A-Z&]/.test(bare)) { end += rest[1].length + bare.length; continue; }
          break;
        }
        if (!hasSuffix) continue;
        let mention = text.slice(m.index!, end).replace(/[,\s]+$/, '');
        // "Ltd." at the end of a sentence keeps its dot only when the legal name has one.
        if (/\.$/.test(mention) && !/\.$/.test(legal)) mention = mention.replace(/\.$/, '');
        if (norm(mention) === legalNorm) continue;
        if (norm(mention) === norm(party.alias)) continue;
        const at = m.index!;
        const span = { start: block.sourceOffsets[at], end: block.sourceOffsets[at + mention.length - 1] + 1 };
        out.push({ span, text: model.text.slice(span.start, span.end), party, legalName: legal });
      }
    }
    // Misspellings of the whole name ("Tailspinn Systems Limited").
    if (legal.length >= 10) {
      const fuzzy = new RegExp(`(?<![\\w-])[A-Z][\\w&'.-]*(?:,?\\s+[A-Z][\\w&'.-]*){${Math.max(0, words.length - 2)},${words.length}}`, 'g');
      for (const block of model.blocks) {
        if (block.kind === 'code' || block.kind === 'html') continue;
        const text = foldQuotes(block.text);
        for (const m of text.matchAll(fuzzy)) {
          const cand = m[0].replace(/,$/, '').replace(/\.$/, /\.$/.test(legal) ? '.' : '');
          const candWords = cand.split(/[\s,]+/);
          if (!SUFFIX.test(candWords[candWords.length - 1])) continue;
          const d = editDistance(norm(cand), legalNorm, 2);
          if (d < 1 || d > 2) continue;
          const at = m.index!;
          const span = { start: block.sourceOffsets[at], end: block.sourceOffsets[at + cand.length - 1] + 1 };
          if (out.some((o) => o.span.start === span.start)) continue;
          out.push({ span, text: model.text.slice(span.start, span.end), party, legalName: legal });
        }
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
