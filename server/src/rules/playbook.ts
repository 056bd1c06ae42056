import type { Span } from '../model';
import { durationsIn, percentagesIn, type Duration } from '../model/language';
import { sentencesOf, type SentenceInfo } from '../categories';
import type { Rule, RuleContext, RuleMeta, Thresholds } from './types';
import { sourceSpanOf } from '../drafting/offsets';

/** Helpers for the playbook rules: numbers found in the text, with the exact span of each. */

export interface Found<T> { value: T; span: Span; sentence: SentenceInfo }

function spanIn(ctx: RuleContext, info: SentenceInfo, at: number, length: number): Span {
  const block = ctx.model.blocks[info.block];
  const i = info.sentence.textStart + at;
  return sourceSpanOf(block, i, i + length);
}

/** Percentages in sentences that match `context` (and not `unless`). */
export function percentages(ctx: RuleContext, context: RegExp, unless?: RegExp): Array<Found<number>> {
  const out: Array<Found<number>> = [];
  for (const info of sentencesOf(ctx.model)) {
    if (info.isDefinition || !context.test(info.flat) || unless?.test(info.flat)) continue;
    for (const p of percentagesIn(info.text)) out.push({ value: p.value, span: spanIn(ctx, info, p.at, p.length), sentence: info });
  }
  return out;
}

/** Durations in sentences that match `context`. */
export function durations(ctx: RuleContext, context: RegExp, unless?: RegExp): Array<Found<Duration>> {
  const out: Array<Found<Duration>> = [];
  for (const info of sentencesOf(ctx.model)) {
    if (info.isDefinition || !context.test(info.flat) || unless?.test(info.flat)) continue;
    for (const d of durationsIn(info.text)) out.push({ value: d, span: spanIn(ctx, info, d.at, d.length), sentence: info });
  }
  return out;
}

/** The header row of the table that row `i` belongs to. */
export function tableHeader(ctx: RuleContext, i: number): string {
  const blocks = ctx.model.blocks;
  let h = i;
  while (h > 0 && blocks[h - 1].kind === 'tableRow') h--;
  return blocks[h].text;
}

const P1 = /^\s*(?:P\s?1|priority\s*1|severity\s*(?:level\s*)?1|sev\s?1|critical|urgent)\b/i;

/**
 * The P1 (highest priority) time for `column` ("respon" or "resol"), from a table whose header
 * names the column, or from sentences like "respond to Priority 1 incidents within 30 minutes".
 */
export function p1Times(ctx: RuleContext, column: RegExp): Array<Found<Duration>> {
  const out: Array<Found<Duration>> = [];
  const blocks = ctx.model.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'tableRow') continue;
    const cells = b.text.split(' | ');
    if (!P1.test(cells[0])) continue;
    const header = tableHeader(ctx, i).split(' | ');
    // A service-credit table lists bands ("more than 4 hours: 5%"), not targets.
    if (header.some((h) => /credit|rebate|reduction|deduction|%/i.test(h)) || cells.some((c) => /\b(?:more than|exceeds?|over|greater than|beyond|longer than)\b/i.test(c))) continue;
    header.forEach((name, col) => {
      if (!column.test(name) || col >= cells.length) return;
      const offset = cells.slice(0, col).reduce((n, c) => n + c.length + 3, 0);
      const d = durationsIn(cells[col])[0];
      if (!d) return;
      const at = offset + d.at;
      out.push({ value: d, span: sourceSpanOf(b, at, at + d.length), sentence: sentencesOf(ctx.model).find((s) => s.block === i)! });
    });
  }
  for (const info of sentencesOf(ctx.model)) {
    if (ctx.model.blocks[info.block].kind === 'tableRow') continue;
    // In prose only an explicit priority counts ("critical vulnerabilities" are not P1 incidents).
    if (!/\b(?:P\s?1|priority\s*(?:level\s*)?1|severity\s*(?:level\s*)?1|sev\s?1)\b/i.test(info.flat) || !column.test(info.flat) || !/\b(?:incidents?|faults?|outages?|tickets?|calls?|requests?|issues?)\b/i.test(info.flat)) continue;
    const m = new RegExp(`${column.source}\\w*[^.;]{0,60}?\\bwithin\\s+`, 'i').exec(info.text);
    if (!m) continue;
    const d = durationsIn(info.text.slice(m.index + m[0].length))[0];
    if (d && d.at === 0) out.push({ value: d, span: spanIn(ctx, info, m.index + m[0].length + d.at, d.length), sentence: info });
  }
  return out;
}

export function formatHours(h: number): string {
  if (h < 1) return `${Math.round(h * 60)} minutes`;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} hour${h === 1 ? '' : 's'}`;
}

/** A rule comparing the P1 time in one column (response or resolution) with a playbook maximum. */
export function p1TimeRule(meta: RuleMeta, opts: { threshold: keyof Thresholds; column: RegExp; what: string }): Rule {
  return {
    meta,
    check(ctx) {
      const max = ctx.thresholds[opts.threshold];
      if (max === undefined) return [];
      return p1Times(ctx, opts.column)
        .filter((t) => t.value.hours > max)
        .map((t) => ({ span: t.span, message: `P1 ${opts.what} time of ${formatHours(t.value.hours)} exceeds your playbook maximum of ${formatHours(max)}.` }));
    },
  };
}
