import type { CategoryDefinition } from './types';
import type { Signal } from './scan';
import { has, scan, verdictOf } from './scan';
import { FALSE_SENSES } from './senses';

const DAMAGE_KIND = String.raw`(?:indirect|consequential|incidental|special|punitive|exemplary|speculative|multiple|treble)`;
// A list of kinds of damage: "indirect, special, incidental or consequential damages".
const KINDS = String.raw`\b${DAMAGE_KIND}(?:\s*,?\s*(?:or|and|and/or)?\s*(?:${DAMAGE_KIND}|other|similar|economic|direct))*\s+(?:damages?|loss(?:es)?)\b`;
// An exclusion needs words that take something away; an indemnity covering such losses is not one.
const EXCLUDES = /\b(?:not|no|never|neither|nor|exclud\w*|waives?|waived|disclaims?)\b|\b(?:can|won|don|isn|aren)'t\b|\bcannot\b/i;

/** Signals of a liability cap or exclusion; exported for the example table in test/signals. */
export const LIABILITY_SIGNALS: Signal[] = [
  { requirement: 'cap', pattern: /\b(?:liability|liable)\b[^.;]{0,200}\b(?:shall not exceed|will not exceed|not to exceed|does not exceed|shall in no event exceed|limited to|capped at|in excess of|exceed(?:s|ing)?)\b|\b(?:not|no)\b[^.;]{0,40}\bliable\b[^.;]{0,80}\bmore than\b|\b(?:aggregate|total|cumulative|maximum|entire) liability\b|\bliability cap\b|\bcap on liability\b|\bgeneral cap\b/i, unless: new RegExp(`${FALSE_SENSES.insuranceLimit.pattern.source}|${FALSE_SENSES.forceMajeure.pattern.source}`, 'i') },
  { requirement: 'exclusion', pattern: new RegExp(`${KINDS}|\\b(?:loss of|lost) (?:profits?|revenues?|business|goodwill|data)\\b`, 'i'), context: /\bliab|\bdamages\b|\bexclu/i, unless: new RegExp(FALSE_SENSES.forceMajeure.pattern.source, 'i') },
  // Time limits on claims bar liability too ("no action may be brought more than one year after").
  { requirement: 'exclusion', pattern: /\bno (?:action|claim|suit|proceeding)s?\b[^.;]{0,120}\bmay be (?:brought|commenced|instituted)\b[^.;]{0,60}\bmore than\b/i },
  { requirement: 'disclaimer', pattern: /\blimitations? (?:on|of) liability (?:provisions?|clause|section)\b/i },
  // A real "as is" disclaimer, not "such time as is necessary".
  { requirement: 'disclaimer', pattern: /"as is"|\bon an? ["']?as[- ]is\b|\b(?:provided|delivered|supplied|furnished|licensed|sold|accepts?\b[^.;]{0,40})\s+["']?as[- ]is\b|\bas is,? where is\b|\bdisclaims?\b[^.;]{0,120}\bwarrant|\b(?:sole (?:and exclusive )?|exclusive )remedy\b/i, context: /\bwarrant|\bdefect|\bliab|\bservice (?:credit|level)|\bSLA\b|\bobligation/i, mask: [FALSE_SENSES.asIsComparison], unless: /\bnot (?:be |constitute )?(?:the|an?) (?:sole|exclusive)\b/i },
];

export const limitationOfLiability: CategoryDefinition = {
  id: 'limitation-of-liability',
  title: 'Limitation of liability',
  expectation: 'A liability cap with an amount or formula and an exclusion of indirect or consequential loss, with sensible carve-outs.',
  assess(ctx) {
    const found = scan(ctx, LIABILITY_SIGNALS, /\blimitations? (?:of|on) liability\b|\bexclusions? (?:of|and limitations? of) (?:liability|damages|loss)\b|\blimitation of damages\b|\bconsequential (?:damages|loss)\b|\bliability cap\b/i);
    found.exclusion = (found.exclusion ?? []).filter((e) => EXCLUDES.test(e.text));
    if (has(found, 'cap', 'exclusion')) return verdictOf('limitation-of-liability', found, 'present', 'a liability cap or an exclusion of indirect loss');
    if (has(found, 'disclaimer', 'heading')) return verdictOf('limitation-of-liability', found, 'weak', 'only a disclaimer or an exclusive-remedy clause; no cap or exclusion');
    return verdictOf('limitation-of-liability', found, 'missing', 'no limitation of liability');
  },
};
