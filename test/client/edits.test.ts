// The VS Code client's pure text helpers: profiles in front matter, accept-finding comments.
import { strict as assert } from 'node:assert';
import { setFrontMatterProfiles as setProfilesAt, type TextChange } from '../../client/src/edits';
import { buildContractModel } from '../../server/src/model';
import { frontMatterResult, yamlSpan } from '../../server/src/lsp/front-matter';
import { statusText } from '../../client/src/format';

// The client edits where the server says the YAML is (clausewise/frontMatter), and reads profiles from it.
function setFrontMatterProfiles(text: string, profiles: readonly string[]): TextChange | string {
  const m = buildContractModel(text);
  return setProfilesAt(text, m.frontMatterSpan ? yamlSpan(text, m.frontMatterSpan) : null, profiles);
}

function frontMatterProfiles(text: string): string[] | undefined {
  return frontMatterResult(buildContractModel(text)).settings.profiles;
}

function apply(text: string, change: TextChange | string): string {
  assert.notEqual(typeof change, 'string', String(change));
  const c = change as TextChange;
  return text.slice(0, c.start) + c.newText + text.slice(c.end);
}

describe('client: front matter profiles', () => {
  it('adds front matter to a document without any', () => {
    const out = apply('# Agreement\n\nText.\n', setFrontMatterProfiles('# Agreement\n\nText.\n', ['it-outsourcing', 'dora-critical']));
    assert.equal(out, '---\nclausewise:\n  profiles: [it-outsourcing, dora-critical]\n---\n\n# Agreement\n\nText.\n');
    assert.deepEqual(frontMatterProfiles(out), ['it-outsourcing', 'dora-critical']);
  });

  it('sets the profiles in existing front matter and keeps the other keys and comments', () => {
    const text = '---\ntitle: MSA # the working title\nclausewise:\n  review: true\n---\n\n# MSA\n';
    const out = apply(text, setFrontMatterProfiles(text, ['gdpr-processor']));
    assert.match(out, /^---\ntitle: MSA # the working title\nclausewise:\n {2}review: true\n {2}profiles: \[ gdpr-processor \]\n---\n\n# MSA\n$/);
    assert.deepEqual(frontMatterProfiles(out), ['gdpr-processor']);
  });

  it('replaces profiles already chosen, and adds a clausewise key when there is none', () => {
    const text = '---\nclausewise: { profiles: [it-outsourcing] }\n---\nBody\n';
    assert.deepEqual(frontMatterProfiles(apply(text, setFrontMatterProfiles(text, ['dora-ict', 'hipaa-baa']))), ['dora-ict', 'hipaa-baa']);
    const other = '---\ntitle: SOW\n---\nBody\n';
    const out = apply(other, setFrontMatterProfiles(other, ['dora-ict']));
    assert.match(out, /^---\ntitle: SOW\nclausewise:\n {2}profiles: \[ dora-ict \]\n---\nBody\n$/);
  });

  it('keeps CRLF line endings', () => {
    const text = '---\r\ntitle: MSA\r\n---\r\nBody\r\n';
    const out = apply(text, setFrontMatterProfiles(text, ['dora-ict']));
    assert.ok(!/[^\r]\n/.test(out), JSON.stringify(out));
    assert.deepEqual(frontMatterProfiles(out), ['dora-ict']);
  });

  it('replaces a single profile key with the profiles list', () => {
    const text = '---\nclausewise:\n  profile: dora-ict\n---\nBody\n';
    assert.deepEqual(frontMatterProfiles(text), ['dora-ict'], 'the server reads the one-id form too');
    const out = apply(text, setFrontMatterProfiles(text, ['gdpr-processor']));
    assert.deepEqual(frontMatterProfiles(out), ['gdpr-processor']);
    assert.doesNotMatch(out, /profile:/);
  });

  it('fills empty front matter and keeps its closing fence on its own line', () => {
    const text = '---\n---\n# MSA\n';
    const out = apply(text, setFrontMatterProfiles(text, ['dora-ict']));
    assert.match(out, /^---\nclausewise:\n {2}profiles: \[ ?dora-ict ?\]\n---\n# MSA\n$/);
    assert.deepEqual(frontMatterProfiles(out), ['dora-ict']);
  });

  it('refuses to edit invalid YAML or a clausewise key that is not a mapping', () => {
    assert.equal(typeof setFrontMatterProfiles('---\ntitle: [unclosed\n---\n', ['dora-ict']), 'string');
    assert.equal(typeof setFrontMatterProfiles('---\nclausewise: yes\n---\n', ['dora-ict']), 'string');
  });
});

describe('client: status text', () => {
  it('reads "Clausewise: 15/22 covered, 3 weak, 4 missing (it-outsourcing)"', () => {
    assert.equal(statusText({ uri: 'file:///a.md', isContract: true, reason: '', profiles: ['it-outsourcing'], covered: 15, weak: 3, missing: 4, total: 22 }),
      'Clausewise: 15/22 covered, 3 weak, 4 missing (it-outsourcing)');
    assert.match(statusText({ uri: 'file:///a.md', isContract: false, reason: 'no parties', profiles: [], covered: 0, weak: 0, missing: 0, total: 0 }), /not reviewed/);
  });
});
