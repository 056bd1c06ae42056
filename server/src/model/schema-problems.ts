/**
 * JSON-schema problems in words, and where they are in a YAML document: shared by the configuration
 * files (engine/config.ts) and a document's front matter (model/front-matter.ts), so both say the same
 * thing the same way (dotted path, what is wrong, what is allowed, the key probably meant).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { closeIds } from './text';

const TYPE_WORDS: Record<string, string> = {
  array: 'a list (e.g. [a, b])', object: 'a mapping of names to values', string: 'text', number: 'a number',
  boolean: 'true or false', integer: 'a whole number', 'string,array': 'a path or a list of paths',
  'array,string': 'an id or a list of ids (e.g. [a, b])', 'object,boolean': 'true, false or a mapping of names to values',
  'string,object': 'a name, or a mapping with name and alias',
};


/**
 * A validator for `schema`, compiled on first use. ajv is loaded only then: most runs have no
 * configuration file or front matter to check, and loading it costs cold start.
 */
export function lazyValidator(schema: object): () => ValidateFunction {
  let validator: ValidateFunction | undefined;
  return () => {
    if (!validator) {
      const { default: Ajv } = require('ajv') as typeof import('ajv');
      validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
    }
    return validator;
  };
}

/** "severity.sla-metrics", "profiles[1]", "(top level)". */
export function dottedPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out || '(top level)';
}

function decodePointer(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function valueAt(root: unknown, segments: ReadonlyArray<string | number>): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** A value from the file, as quoted in a message: one short line at most, never a whole file. */
export const show = (v: unknown): string => {
  let text: string;
  try {
    text = typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v);
  } catch {
    text = Array.isArray(v) ? 'a list' : 'a mapping';
  }
  const lines = text.split(/\r\n|\r|\n/);
  let out = lines[0].replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  if (out.length > 40 || lines.length > 1) out = `${out.slice(0, 37)}...`;
  return out;
};

export interface PathProblem {
  segments: Array<string | number>;
  /** Point at the key of the last segment rather than its value. */
  atKey: boolean;
  message: string;
}

/**
 * Ajv's errors in words a user can act on: where (dotted path), what is wrong, what is allowed, with
 * a "did you mean" for a misspelt key. `schema` is the root schema the errors came from.
 */
export function schemaProblems(data: unknown, errors: readonly ErrorObject[], schema: object): PathProblem[] {
  const out: PathProblem[] = [];
  const allowed = (segments: Array<string | number>): string[] => {
    let s: Record<string, unknown> = schema as unknown as Record<string, unknown>;
    for (const seg of segments) s = ((s.properties as Record<string, Record<string, unknown>> | undefined)?.[String(seg)] ?? {}) as Record<string, unknown>;
    return Object.keys((s.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
  };
  for (const e of errors) {
    // propertyNames reports its own error besides the pattern error of the name: keep the former.
    if (e.keyword !== 'propertyNames' && e.schemaPath.includes('/propertyNames/')) continue;
    const segments = decodePointer(e.instancePath);
    const where = dottedPath(segments);
    const found = valueAt(data, segments);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const keys = allowed(segments);
        const close = closeIds(key, keys, 1);
        out.push({
          segments: [...segments, key], atKey: true,
          message: `${dottedPath([...segments, key])}: unknown setting${close.length ? `; did you mean "${close[0]}"?` : ''}; allowed ${segments.length ? `in ${where}` : 'here'}: ${keys.join(', ')}`,
        });
        break;
      }
      case 'enum': {
        const values = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        out.push({ segments, atKey: false, message: `${where}: must be one of ${values.join(', ')} (found ${show(found)})` });
        break;
      }
      case 'type': {
        const t = String((e.params as { type: string | string[] }).type);
        // The whole file is not a mapping: say what it is, without quoting it.
        const what = segments.length ? show(found) : Array.isArray(found) ? 'a list' : `${typeof found === 'string' ? 'text' : typeof found}`;
        out.push({ segments, atKey: false, message: `${where}: must be ${TYPE_WORDS[t] ?? t} (found ${what})` });
        break;
      }
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        const limit = (e.params as { limit: number }).limit;
        out.push({ segments, atKey: false, message: `${where}: must be ${e.keyword.includes('inimum') ? 'at least' : 'at most'} ${limit} (found ${show(found)})` });
        break;
      }
      case 'minLength':
        out.push({ segments, atKey: false, message: `${where}: must not be empty` });
        break;
      case 'uniqueItems':
        out.push({ segments, atKey: false, message: `${where}: names the same entry twice; list each once` });
        break;
      case 'pattern':
        out.push({ segments, atKey: false, message: `${where}: ${show(found)} is not an id; ids are lower case with hyphens, such as it-outsourcing` });
        break;
      case 'propertyNames': {
        const name = String((e.params as { propertyName: string }).propertyName);
        out.push({ segments: [...segments, name], atKey: true, message: `${dottedPath([...segments, name])}: "${name}" is not a rule or category id; ids are lower case with hyphens, such as breach-notification` });
        break;
      }
      default:
        out.push({ segments, atKey: false, message: `${where}: ${e.message ?? 'is invalid'}` });
    }
  }
  // propertyNames also reports a bare "pattern" error on the key; keep the first message per place.
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = `${p.segments.join('\u0000')}|${p.atKey}`;
    if (seen.has(k) || (!p.atKey && seen.has(`${p.segments.join('\u0000')}|true`))) return false;
    seen.add(k);
    return true;
  });
}

export const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

/** Each mapping's pairs by key, built once per mapping so locating N problems stays linear. */
const pairIndex = new WeakMap<object, Map<string, Pair>>();
/** Map items read to build key indexes (for tests: locating many problems reads each map once). */
export const pairIndexStats = { itemsRead: 0 };

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    pairIndexStats.itemsRead += map.items.length;
    index = new Map();
    for (const p of map.items) if (isPair(p) && !index.has(keyText(p.key))) index.set(keyText(p.key), p);
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** The YAML node at a path (the key node of the last segment when atKey), for its position. */
export function nodeAt(doc: Document, segments: ReadonlyArray<string | number>, atKey: boolean): YamlNode | null {
  let node: unknown = doc.contents;
  let last: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (isMap(node)) {
      const pair = pairOf(node, String(seg));
      if (!pair) return last;
      if (i === segments.length - 1 && atKey) return (pair.key as YamlNode) ?? last;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      return last;
    }
    if (node && typeof node === 'object' && 'range' in (node as object)) last = node as YamlNode;
  }
  return last;
}
