/** Vague words in obligations and what to write instead. Shared by vague-wording and sla-vague-target. */
import type { WordKind } from './types';

export interface VagueTerm {
  pattern: RegExp;
  /** Why the words are a problem, for the message. */
  why: string;
  /** Concrete replacements offered as quick fixes ([N] marks a number the lawyer must choose). */
  replacements: string[];
  /** Set when other rules look for the same words (see WORD_KINDS in ./types). */
  words?: WordKind;
  /**
   * Lower-case literals one of which every match of `pattern` holds (ASCII letters folded), tested
   * on the lower-cased sentence before it: V8 compiles an expression on its first run, and a short
   * contract's run compiled all twelve for the one or two terms its sentences hold
   * (test/rules/vague-wording-gate.test.ts reads each pattern to check the list).
   */
  anyOf: readonly string[];
}

// Service-level adjectives: reported by sla-vague-target, so vague-wording leaves them alone.
export const SLA_VAGUE = /\b(?:high(?:ly)?[- ]availab(?:le|ility)|maximum (?:availability|uptime)|minimal (?:downtime|disruption)|minimum downtime|(?:fast|quick|rapid|prompt|swift) (?:response|resolution|turnaround)s?|(?:respond|resolve|restore|fix|react)(?:s|ed)?\s+(?:\w+\s+)?(?:promptly|quickly|rapidly|swiftly|as soon as possible))\b/gi;
/** Lower-case words one of which every SLA_VAGUE match holds (model/word-gate.ts): most sentences hold none. */
export const SLA_VAGUE_WORDS = ['availab', 'uptime', 'downtime', 'disruption', 'response', 'resolution', 'turnaround', 'promptly', 'quickly', 'rapidly', 'swiftly', 'as soon as possible'];

export const VAGUE_TERMS: VagueTerm[] = [
  { pattern: /\bin a timely (?:manner|fashion)\b|\btimely\b/gi, why: 'sets no deadline', replacements: ['within [N] Business Days'], anyOf: ['timely'] },
  { pattern: /\bpromptly\b/gi, why: 'sets no deadline', replacements: ['within [N] Business Days'], anyOf: ['promptly'] },
  { pattern: /\bas soon as (?:reasonably )?(?:possible|practicable)\b/gi, why: 'sets no deadline', replacements: ['within [N] Business Days'], anyOf: ['as soon as'] },
  { pattern: /\bwithin a reasonable (?:time|period)(?: of time)?\b/gi, why: 'sets no deadline', replacements: ['within [N] Business Days'], anyOf: ['within a reasonable'] },
  { pattern: /\bas (?:needed|required|necessary|appropriate)\b/gi, why: 'leaves the scope to be decided later', replacements: ['as specified in Schedule [N]'], anyOf: ['as needed', 'as required', 'as necessary', 'as appropriate'] },
  { pattern: /\b(?:best|reasonable|commercially reasonable|all reasonable) (?:efforts|endeavou?rs)\b/gi, why: 'turns a duty into an attempt', replacements: [], anyOf: ['efforts', 'endeavo'] },
  { pattern: /\betc\.?(?=[\s,;)]|$)/gi, why: 'leaves the list open', replacements: [], anyOf: ['etc'] },
  { pattern: /\band\/or\b/gi, why: 'is ambiguous', replacements: ['or', 'and'], anyOf: ['and/or'] },
  { pattern: /\bto be (?:agreed|determined|confirmed|decided)(?: (?:later|between the parties|by the parties))?\b|\bTBD\b|\bTBC\b|\bTBA\b/g, why: 'leaves a term open: an agreement to agree is not enforceable', replacements: [], words: 'open-points', anyOf: ['to be agreed', 'to be determined', 'to be confirmed', 'to be decided', 'tbd', 'tbc', 'tba'] },
  { pattern: /\bindustry[- ]standard\b|\bindustry best practices?\b|\bbest practices?\b|\bgood industry practice\b/gi, why: 'names no standard that can be checked', replacements: ['[named standard, e.g. ISO/IEC 27001:2022]'], anyOf: ['industry', 'best practice'] },
  { pattern: /\bregularly\b|\bperiodically\b/gi, why: 'sets no frequency', replacements: ['every [N] months'], anyOf: ['regularly', 'periodically'] },
  { pattern: /\b(?:sufficient|adequate) (?:resources|staff|personnel|time)\b/gi, why: 'sets no measurable level', replacements: [], anyOf: ['sufficient', 'adequate'] },
];
