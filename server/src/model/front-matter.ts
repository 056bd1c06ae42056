/**
 * A document's YAML front matter, read once per version of its text: the YAML itself (as remark-
 * frontmatter cut it out, see markdown.ts), and its `clausewise:` key validated and typed. Every
 * consumer (detection, bundle, review, the CLI, the language server and, through it, the VS Code
 * client) reads `model.frontMatterSettings` instead of picking at the raw YAML.
 *
 * The `clausewise:` key is checked against a schema built from the configuration file's schema
 * (schema/clausewise.schema.json) for the keys the two share (profiles, clausePosition), so a
 * value means the same in both places and a mistake is worded the same way (model/schema-problems).
 */
import { isMap, isSeq, LineCounter, parseDocument, YAMLParseError, type Document, type Node as YamlNode } from 'yaml';
import configSchema from '../../../schema/clausewise.schema.json';
import { keyText, lazyValidator, nodeAt, schemaProblems } from './schema-problems';
import type { FrontMatter, FrontMatterClausePosition, FrontMatterParty, FrontMatterProblem, FrontMatterSettings, Span } from './types';

export type { FrontMatter, FrontMatterClausePosition, FrontMatterParty, FrontMatterProblem, FrontMatterSettings };

/** A document without front matter (fresh objects: models never share mutable parts). */
export function noFrontMatter(): FrontMatter {
  return { frontMatter: null, frontMatterSpan: null, frontMatterError: null, frontMatterSettings: {}, frontMatterProblems: [], frontMatterLines: {} };
}

const PROPERTIES = (configSchema as { properties: Record<string, Record<string, unknown>> }).properties;
const ID_PATTERN = (PROPERTIES.profiles.items as { pattern: string }).pattern;
/** One profile id, or a list of them, as the configuration file's `profiles` allows. */
const { type: _type, description: _description, ...PROFILES_RULES } = PROPERTIES.profiles;
const PROFILE_IDS = { ...PROFILES_RULES, type: ['array', 'string'], pattern: ID_PATTERN };
const PARTY = { type: ['string', 'object'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, alias: { type: 'string', minLength: 1 } } };

/** The schema of a front matter mapping: only its `clausewise` key is Clausewise's to check. */
export const FRONT_MATTER_SCHEMA = {
  type: 'object',
  properties: {
    clausewise: {
      type: ['object', 'boolean'],
      additionalProperties: false,
      properties: {
        review: { type: 'boolean' },
        profiles: PROFILE_IDS,
        profile: PROFILE_IDS,
        clausePosition: PROPERTIES.clausePosition,
        bundle: { type: 'array', items: { type: 'string', minLength: 1 } },
        parties: { type: 'object', additionalProperties: false, properties: { supplier: PARTY, customer: PARTY } },
      },
    },
  },
} as const;

const validate = lazyValidator(FRONT_MATTER_SCHEMA);

/**
 * The front matter as remark-frontmatter found it (`value` between the fences, `span` with them).
 * Never throws: bad YAML and invalid values are reported in the result.
 */
export function readFrontMatter(yamlNode: { value: string; span: Span } | null): FrontMatter {
  if (!yamlNode) return noFrontMatter();
  const frontMatterSpan = yamlNode.span;
  const lines = new LineCounter();
  let doc: Document;
  let value: unknown;
  try {
    // Warnings (an ambiguous anchor) would go to stderr, which the language server shares with its client logs.
    doc = parseDocument(yamlNode.value, { lineCounter: lines, logLevel: 'error' });
    if (doc.errors.length) throw doc.errors[0];
    value = doc.toJS();
  } catch (e) {
    // linePos is 1-based within the YAML; the opening --- fence is line 1 of the document.
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line + 1 : undefined;
    const what = (e as Error).message.split('\n')[0].replace(/:\s*$/, '').replace(/ at line \d+, column \d+$/, '');
    const frontMatterError = `invalid YAML in the front matter${line ? ` at line ${line}` : ''}: ${what}. Fix the YAML between the --- lines (keys as "name: value", indented with spaces), or remove the front matter`;
    return { ...noFrontMatter(), frontMatterSpan, frontMatterError };
  }
  if (value === null || value === undefined) return { ...noFrontMatter(), frontMatterSpan };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ...noFrontMatter(), frontMatterSpan, frontMatterError: 'front matter is not a mapping of keys to values; write it as "name: value" lines between the --- lines' };
  }
  const frontMatter = value as Record<string, unknown>;
  // The YAML's line 1 is the document's line 2 (after the opening ---).
  const docLine = (node: YamlNode | null | undefined): number => {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : lines.linePos(offset).line + 1;
  };

  const check = validate();
  const problems: FrontMatterProblem[] = [];
  const rejected = new Set<string>();
  if (!check(frontMatter)) {
    for (const p of schemaProblems(frontMatter, check.errors ?? [], FRONT_MATTER_SCHEMA)) {
      const line = docLine(nodeAt(doc, p.segments, p.atKey));
      // A value that is wrong is ignored as a whole ("profiles" when one of its entries is wrong).
      rejected.add(String(p.segments[1] ?? ''));
      problems.push({ line, message: `front matter line ${line}: ${p.message}; ${p.segments.length > 1 ? 'this value is ignored until fixed' : 'the clausewise key is ignored until fixed'} (the keys are described in docs/cli.md#front-matter)` });
    }
  }
  return {
    frontMatter, frontMatterSpan, frontMatterError: null,
    frontMatterSettings: rejected.has('') ? {} : settingsOf(frontMatter, rejected),
    frontMatterProblems: problems.sort((a, b) => a.line - b.line),
    frontMatterLines: valueLines(doc, docLine),
  };
}

/** The settings of a validated front matter, without the keys that were rejected. */
function settingsOf(fm: Record<string, unknown>, rejected: ReadonlySet<string>): FrontMatterSettings {
  const out: FrontMatterSettings = {};
  const cw = fm.clausewise;
  const ok = (key: string, o: Record<string, unknown>): boolean => o[key] !== undefined && !rejected.has(key);
  const list = (v: unknown): string[] => (typeof v === 'string' ? [v] : (v as string[]));
  if (typeof cw === 'boolean') out.review = cw;
  if (cw && typeof cw === 'object') {
    const o = cw as Record<string, unknown>;
    if (ok('review', o)) out.review = o.review as boolean;
    if (ok('profiles', o)) out.profiles = list(o.profiles);
    else if (ok('profile', o) && o.profiles === undefined) out.profiles = list(o.profile);
    if (ok('clausePosition', o)) out.clausePosition = o.clausePosition as FrontMatterClausePosition;
    if (ok('bundle', o)) out.bundle = (o.bundle as string[]).map((p) => p.trim()).filter(Boolean);
    if (ok('parties', o)) out.parties = o.parties as FrontMatterSettings['parties'];
  }
  // A top-level `parties` key is read leniently (it may be another tool's): only its two roles.
  if (!out.parties && fm.parties && typeof fm.parties === 'object' && !Array.isArray(fm.parties)) {
    const p = fm.parties as Record<string, unknown>;
    const party = (v: unknown): FrontMatterParty | undefined => (typeof v === 'string' || (v && typeof v === 'object' && !Array.isArray(v)) ? v as FrontMatterParty : undefined);
    const parties = { supplier: party(p.supplier), customer: party(p.customer) };
    if (parties.supplier || parties.customer) out.parties = parties;
  }
  return out;
}

/** The line of each value under `clausewise:`, and of each entry of a list, for messages about them. */
function valueLines(doc: Document, docLine: (node: YamlNode | null | undefined) => number): Record<string, number> {
  const out: Record<string, number> = {};
  const root = doc.contents;
  if (!isMap(root)) return out;
  const cw = root.items.find((p) => keyText(p.key) === 'clausewise');
  if (!cw || !isMap(cw.value)) return out;
  for (const pair of cw.value.items) {
    const key = keyText(pair.key);
    out[key] = docLine((pair.value as YamlNode | null) ?? (pair.key as YamlNode));
    if (isSeq(pair.value)) pair.value.items.forEach((item, i) => { out[`${key}[${i}]`] = docLine(item as YamlNode); });
  }
  return out;
}
