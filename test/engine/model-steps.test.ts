// The model of an edit built in steps (issue 13: the language server answers requests between the
// steps of a review, so no step may be a whole model build): IncrementalReview.modelSteps gives the
// model a one-go build gives, a model asked for between two of its steps finishes it first, and a
// build stopped half-way leaves the document's state as it was.
import assert from 'node:assert/strict';
import { IncrementalReview } from '../../server/src/engine';
import { buildContractModel, type ContractModel } from '../../server/src/model';
import { runReviewJobSteps, type ReviewJob } from '../../server/src/lsp/review-job';
import { stepped } from '../support/stepped';

const clauses = Array.from({ length: 12 }, (_, i) => `## ${i + 1}. Services ${i + 1}\n\n${i + 1}.1 The Supplier shall provide the Services described in clause ${i + 1}.2 with reasonable care.\n\n${i + 1}.2 The Customer shall pay the "Charges" within thirty days of each invoice.\n`);
const v1 = `# Agreement\n\nBetween Contoso Bank plc (the "Customer") and Fabrikam Ltd (the "Supplier").\n\n${clauses.join('\n')}`;
const v2 = v1.replace('## 6. Services 6\n\n6.1 The Supplier', '## 6. Services 6\n\n6.1 Promptly, the Supplier');
const v3 = v2.replace('9.2 The Customer shall pay', '9.2 The Customer shall promptly pay');

/** What a reader of the model sees, as plain data. */
const snapshot = (m: ContractModel) => JSON.parse(JSON.stringify({
  text: m.text, lineStarts: m.lineStarts, title: m.title,
  blocks: m.blocks.map((b) => ({ kind: b.kind, index: b.index, start: b.start, end: b.end, text: b.text, section: b.section, sentences: b.sentences })),
  sections: m.sections, definedTerms: m.definedTerms, parties: m.parties,
}));


describe('the model of an edit built in steps (IncrementalReview.modelSteps)', () => {
  it('stops between the re-read chunks, the new blocks, the moved blocks and the document-level model, and gives the model of a whole parse', () => {
    const inc = new IncrementalReview();
    inc.model(v1, 1, 'markdown');
    const { value, stops } = stepped(inc.modelSteps(v2, 2, 'markdown'));
    assert.equal(inc.fullParseReason, null, 'the edit was spliced');
    assert.ok(stops >= 3, `stopped ${stops} times`);
    assert.deepEqual(snapshot(value), snapshot(buildContractModel(v2, 2)));
    assert.equal(inc.model(v2, 2, 'markdown'), value, 'the state holds the model built');
  });

  it('a first model is built in steps too', () => {
    const { value, stops } = stepped(new IncrementalReview().modelSteps(v1, 1, 'markdown'));
    assert.ok(stops >= 1, `stopped ${stops} times`);
    assert.deepEqual(snapshot(value), snapshot(buildContractModel(v1, 1)));
  });

  it('a model asked for between two steps of a build finishes that build first, and both get the model of their text', () => {
    const inc = new IncrementalReview();
    inc.model(v1, 1, 'markdown');
    const building = inc.modelSteps(v2, 2, 'markdown');
    assert.equal(building.next().done, false);
    // A request on a newer version (the server's thread builds the current model for it) during a review's pause.
    const third = inc.model(v3, 3, 'markdown');
    assert.deepEqual(snapshot(third), snapshot(buildContractModel(v3, 3)));
    const { value: second } = stepped(building);
    assert.deepEqual(snapshot(second), snapshot(buildContractModel(v2, 2)));
    assert.equal(inc.model(v3, 3, 'markdown'), third, 'the newest build is the state');
  });

  it('a build stopped between two steps (the document closed) leaves the state as it was', () => {
    const inc = new IncrementalReview();
    const first = inc.model(v1, 1, 'markdown');
    const building = inc.modelSteps(v2, 2, 'markdown');
    building.next();
    building.return(undefined as unknown as ContractModel);
    assert.equal(inc.model(v1, 1, 'markdown'), first, 'still the state of version 1');
    assert.deepEqual(snapshot(inc.model(v2, 2, 'markdown')), snapshot(buildContractModel(v2, 2)));
  });

  it('a review job dropped inside its model (the document closed) drops the build: the state is still the last one', () => {
    const job = (version: number, text: string): ReviewJob => ({ uri: 'file:///steps.md', version, text, format: 'markdown', settings: {}, force: true, workspaceFolders: [] });
    const inc = new IncrementalReview();
    runReviewJobSteps(job(1, v1), inc, () => undefined).next();
    const first = inc.model(v1, 1, 'markdown');
    const steps = runReviewJobSteps(job(2, v2), inc, () => undefined);
    assert.equal(steps.next().done, false);
    steps.return(undefined as never);
    assert.equal(inc.model(v1, 1, 'markdown'), first);
  });

  it('a review job of an edit stops inside its model, and its findings are those of a fresh review', () => {
    const job = (version: number, text: string): ReviewJob => ({ uri: 'file:///steps.md', version, text, format: 'markdown', settings: {}, force: true, workspaceFolders: [] });
    const inc = new IncrementalReview();
    stepped(runReviewJobSteps(job(1, v1), inc, () => undefined));
    const edited = stepped(runReviewJobSteps(job(2, v2), inc, () => undefined));
    // The same text again at a new version: the model is taken over without a build, the review's steps are the same.
    const same = stepped(runReviewJobSteps(job(3, v2), inc, () => undefined));
    assert.ok(edited.stops - same.stops >= 3, `the edit's model took ${edited.stops - same.stops} more stops`);
    const fresh = stepped(runReviewJobSteps(job(2, v2), new IncrementalReview(), () => undefined)).value;
    assert.deepEqual(JSON.parse(JSON.stringify(edited.value.diagnostics)), JSON.parse(JSON.stringify(fresh.diagnostics)));
  });
});
