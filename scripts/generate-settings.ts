// The `clausewise.severity` and `clausewise.clausePosition` settings' schemas in package.json, built
// from the rules and categories: one property per category id (the whole category), the drafting group
// and every rule id, so VS Code completes the names and flags a misspelt one. Written into package.json
// by scripts/generate-rules.ts (`npm run gen`), which also writes the thresholds.
import { CATEGORIES, CATEGORY_IDS, DRAFTING, RULES } from '../server/src/engine';
import { CLAUSE_POSITIONS, DEFAULT_CLAUSE_POSITION, POSITION_LABELS } from '../server/src/library';

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];
const LEVEL_DESCRIPTIONS = [
  'Red squiggle; listed as an error in the Problems panel.',
  'Yellow squiggle; listed as a warning.',
  'Blue squiggle: worth a look, not a defect.',
  'Faint dots under the text; not listed in the Problems panel.',
  'Not reported at all.',
];

interface Prop {
  type: 'string';
  enum: string[];
  enumDescriptions: string[];
  markdownDescription: string;
}

function prop(markdownDescription: string): Prop {
  return { type: 'string', enum: LEVELS, enumDescriptions: LEVEL_DESCRIPTIONS, markdownDescription };
}

export function severityProperties(): Record<string, Prop> {
  const out: Record<string, Prop> = {};
  const ruleIds = new Set(RULES.map((r) => r.meta.id));
  for (const id of CATEGORY_IDS) {
    const rules = RULES.filter((r) => r.meta.category === id).map((r) => `\`${r.meta.id}\``);
    const same = ruleIds.has(id) ? ` (this id also names the check \`${id}\`: the entry then applies to the whole category)` : '';
    out[id] = prop(`**${CATEGORIES[id].title}**, the whole category${same}: ${rules.join(', ') || 'no checks'}.`);
  }
  const drafting = RULES.filter((r) => r.meta.category === DRAFTING).map((r) => `\`${r.meta.id}\``);
  out[DRAFTING] = prop(`**Drafting**: the checks of wording and form that belong to no coverage category${drafting.length ? `: ${drafting.join(', ')}` : ''}.`);
  for (const r of [...RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))) {
    if (out[r.meta.id]) continue;
    const category = r.meta.category === DRAFTING ? 'Drafting' : CATEGORIES[r.meta.category].title;
    out[r.meta.id] = prop(`**${r.meta.title}** (${category}): ${r.meta.description} Default: \`${r.meta.defaultSeverity}\`.`);
  }
  return out;
}

/** `clausewise.clausePosition`: which of a clause's three positions quick fixes offer first. */
export function clausePositionProperty(): Record<string, unknown> {
  const what: Record<string, string> = {
    customer: 'Shorter deadlines, wider rights and lower costs for the customer.',
    balanced: 'The middle ground a fair-minded adviser to either side would accept.',
    supplier: 'Longer notice, fewer and cheaper obligations, and caps for the supplier.',
  };
  return {
    type: 'string',
    enum: [...CLAUSE_POSITIONS],
    enumDescriptions: CLAUSE_POSITIONS.map((p) => `${POSITION_LABELS[p][0].toUpperCase()}${POSITION_LABELS[p].slice(1)}: ${what[p]}`),
    default: DEFAULT_CLAUSE_POSITION,
    scope: 'resource',
    markdownDescription: 'The negotiating position of the model clauses that quick fixes insert first: `customer`, `balanced` or `supplier`. The other two positions are offered as further quick fixes, and each says what it trades away. A document can choose its own in its front matter, which wins over this setting:\n\n```yaml\n---\nclausewise: { clausePosition: supplier }\n---\n```',
  };
}
