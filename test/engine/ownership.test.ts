// Words two rules look for are reported once, by the rule that owns them (RuleMeta.owns). Here:
// open points ("to be agreed", "TBD"), which vague-wording owns inside obligations and placeholder
// reports everywhere else. Every contract text here was written for these tests.
import assert from 'node:assert/strict';
import { review, RULES, type ReviewSettings } from '../../server/src/engine';
import { ownedFindings, wordOwners, type OwnedFinding } from '../../server/src/engine/ownership';
import { WORD_KINDS, type Rule } from '../../server/src/rules/types';
import { textAt } from '../rules/support';

const TEXT = `# Hosting Agreement

This Agreement is made between Harbourline Housing Association Limited (the "Customer") and Quillfeather Systems Limited (the "Supplier").

## 1. Services

1.1 The Supplier shall deliver the monthly reports, in a format to be agreed.
`;

/** [rule id, flagged words] of every finding on the open point. */
function onOpenPoint(text: string, settings: ReviewSettings = {}): Array<[string, string]> {
  const r = review({ text, force: true, settings });
  return r.diagnostics.map((d) => [d.ruleId, textAt(text, d.range)] as [string, string]).filter(([, words]) => /to be agreed/.test(words));
}

const f = (ruleId: string, start: number, end: number, words?: 'open-points'): OwnedFinding => ({ ruleId, start, end, words });

describe('word ownership', () => {
  it('gives every kind of shared words exactly one owner among the rules', () => {
    const owners = wordOwners(RULES);
    assert.deepEqual([...owners.keys()].sort(), Object.keys(WORD_KINDS).sort());
    assert.equal(owners.get('open-points'), 'vague-wording');
  });

  it('refuses two owners of the same words', () => {
    const rule = (id: string): Rule => ({ meta: { id, category: 'drafting', defaultSeverity: 'warning', title: id, description: id, rationale: id, examples: { flagged: [], fine: [] }, owns: ['open-points'] }, check: () => [] });
    assert.throws(() => wordOwners([rule('a'), rule('b')]), /owned by both a and b/);
  });

  it('drops the other rule\'s finding only where the owner reports the same kind of words on an overlapping span', () => {
    const owners = new Map([['open-points', 'owner']] as const);
    const kept = ownedFindings([
      f('owner', 10, 20, 'open-points'),
      f('other', 12, 18, 'open-points'), // same words: dropped
      f('other', 20, 25, 'open-points'), // touches, does not overlap: kept
      f('other', 40, 45, 'open-points'), // the owner is silent here: kept
      f('other', 10, 20), // not of the owned kind: kept
      f('third', 15, 16, undefined),
    ], owners);
    assert.deepEqual(kept.map((k) => `${k.ruleId}@${k.start}`), ['owner@10', 'other@20', 'other@40', 'other@10', 'third@15']);
  });

  it('reports an open point inside an obligation once, by its owner vague-wording', () => {
    assert.deepEqual(onOpenPoint(TEXT), [['vague-wording', 'to be agreed']]);
  });

  it('lets placeholder report it when vague-wording is switched off or not run, so the words are still reported once', () => {
    // A user who silences the vague-wording style check still wants to hear about a term left open.
    assert.deepEqual(onOpenPoint(TEXT, { severity: { 'vague-wording': 'off' } }), [['placeholder', 'to be agreed']]);
    assert.deepEqual(onOpenPoint(TEXT, { severity: { deliverables: 'off' } }), [['placeholder', 'to be agreed']]);
    // A profile without scope and deliverables does not run vague-wording at all.
    assert.deepEqual(onOpenPoint(TEXT, { profiles: ['gdpr-processor'] }), [['placeholder', 'to be agreed']]);
  });

  it('keeps the owner\'s finding when placeholder is switched off', () => {
    assert.deepEqual(onOpenPoint(TEXT, { severity: { placeholder: 'off' } }), [['vague-wording', 'to be agreed']]);
  });

  it('does not bring the words back under placeholder when the owner\'s finding is accepted', () => {
    const accepted = TEXT.replace('1.1 The Supplier', '<!-- clausewise-disable-next-line vague-wording -- the format is fixed in the kick-off minutes -->\n1.1 The Supplier');
    const r = review({ text: accepted, force: true });
    assert.deepEqual(onOpenPoint(accepted), []);
    assert.deepEqual(r.suppressed.map((s) => s.diagnostic.ruleId), ['vague-wording']);
  });
});
