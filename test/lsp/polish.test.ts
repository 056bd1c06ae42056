// Editor polish over the language server: the hover's order and wording (message once, whole
// sentences, the rule link up front) and "Accept this finding…" (a client command that asks for the
// reason where the client declares one, else a "[reason]" placeholder the placeholder rule flags).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, review } from '../../server/src/engine';
import { hoverAt, wholeSentences } from '../../server/src/lsp/outline';
import { MemoryClient as Client } from './memory';
import { ROOT } from './client';

const WEAK = fs.readFileSync(path.join(ROOT, 'examples', 'weak-msa.md'), 'utf8');
const uriOf = (name: string) => pathToFileURL(path.join(ROOT, 'scratch', name)).toString();
type Diag = { code?: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; source?: string };

describe('editor polish', function () {
  this.timeout(60_000);

  describe('hover', () => {
    const result = review({ text: WEAK, path: 'weak-msa.md' });
    const audit = result.diagnostics.find((d) => d.ruleId === 'audit-rights')!;
    const vague = result.diagnostics.find((d) => d.ruleId === 'vague-wording')!;

    it('orders: title with the rule link, message, why it matters, source, good wording', () => {
      const value = hoverAt(result, audit.range.start)!.contents as { value: string };
      const first = value.value.split('\n')[0];
      assert.ok(first.includes(`](${docsUrl('audit-rights')})`), 'the rule link is on the first line');
      const at = (s: string) => value.value.indexOf(s);
      assert.ok(at(audit.message) > 0);
      assert.ok(at(audit.message) < at('*Why it matters:*'));
      assert.ok(at('*Why it matters:*') < at('*Source:*'));
      assert.ok(at('*Source:*') < at('*Good wording'));
      assert.equal(value.value.split(audit.message).length - 1, 1, 'the message appears once');
    });

    it('leaves the message out when the client shows diagnostics in the hover (VS Code)', () => {
      const value = (hoverAt(result, audit.range.start, { withMessage: false })!.contents as { value: string }).value;
      assert.ok(!value.includes(audit.message));
      assert.match(value, /\*Why it matters:\*/);
    });

    it('says plainly when no law is behind a check', () => {
      const value = (hoverAt(result, vague.range.start)!.contents as { value: string }).value;
      assert.match(value, /\*Source:\* good outsourcing practice\. No law requires this under the profile in use \(it-outsourcing\)\./);
      assert.doesNotMatch(value, /cites no specific law/);
    });

    it('quotes good wording in whole sentences, never cut mid-word', () => {
      for (const d of result.diagnostics) {
        const value = (hoverAt(result, d.range.start)!.contents as { value: string }).value;
        if (!value.includes('*Good wording')) continue;
        const after = value.split('*Good wording')[1].split('\n').slice(1);
        const quote = after.slice(after.findIndex((l) => l.startsWith('> '))).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('> '))).map((l) => l.slice(2)).join(' ');
        if (!quote || quote.includes('→')) continue;
        assert.doesNotMatch(quote, /…$/, `${d.ruleId}: not clipped`);
        assert.match(quote, /[.;:!?)"”]$/, `${d.ruleId}: ends a sentence: ${quote.slice(-40)}`);
      }
    });

    it('wholeSentences keeps the first sentence whole and adds sentences while they fit', () => {
      const text = 'The Supplier shall keep records. The Customer may inspect them on ten days\' notice. Costs are shared.';
      assert.equal(wholeSentences(text, 1000), text);
      assert.equal(wholeSentences(text, 50), 'The Supplier shall keep records.');
      assert.equal(wholeSentences(text, 10), 'The Supplier shall keep records.');
      assert.equal(wholeSentences(text, 85), 'The Supplier shall keep records. The Customer may inspect them on ten days\' notice.');
    });
  });

  describe('"Accept this finding…"', () => {

    async function acceptAction(initializationOptions: Record<string, unknown>) {
      const client = await new Client().start({ initializationOptions });
      try {
        const uri = uriOf('accept-polish.md');
        await client.open(uri, WEAK);
        const d = (client.published.find((p) => p.uri === uri)!.diagnostics as Diag[]).find((x) => x.code === 'vague-wording')!;
        const actions = await client.request<Array<{ title: string; command?: { command: string; arguments: unknown[] }; edit?: { changes?: Record<string, Array<{ newText: string }>> } }>>('textDocument/codeAction', {
          textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
        });
        return { d, uri, accept: actions.find((a) => a.title.startsWith('Accept this finding…'))! };
      } finally {
        await client.stop();
      }
    }

    it('runs the client\'s clausewise.acceptFinding command (which asks for the reason) when the client declares it', async () => {
      const { d, uri, accept } = await acceptAction({ acceptFindingCommand: true });
      assert.equal(accept.edit, undefined, 'no edit with a stock reason');
      assert.equal(accept.command!.command, 'clausewise.acceptFinding');
      assert.deepEqual(accept.command!.arguments[0], { uri, line: d.range.start.line, ruleId: 'vague-wording', message: d.message });
    });

    it('the command\'s arguments and the reason typed give the edit, computed by the server (clausewise/acceptFindingEdit)', async () => {
      const client = await new Client().start({ initializationOptions: { acceptFindingCommand: true } });
      try {
        const uri = uriOf('accept-edit.md');
        const text = WEAK.replace('\n\n', '\n\n   ');
        await client.open(uri, text);
        const d = (client.published.find((p) => p.uri === uri)!.diagnostics as Diag[]).find((x) => x.code === 'vague-wording')!;
        const args = { uri, line: d.range.start.line, ruleId: 'vague-wording', message: d.message };
        const answer = await client.request<{ version: number; edit: { range: { start: { line: number; character: number }; end: unknown }; newText: string } }>(
          'clausewise/acceptFindingEdit', { uri: args.uri, line: args.line, ruleId: args.ruleId, reason: 'agreed -- see the\nside letter' });
        assert.equal(answer.version, 1);
        assert.deepEqual(answer.edit.range.start, answer.edit.range.end, 'an insertion');
        assert.equal(answer.edit.range.start.character, 0);
        assert.ok(answer.edit.range.start.line <= d.range.start.line);
        assert.match(answer.edit.newText, /^[ \t]*<!-- clausewise-disable-next-line vague-wording -- agreed — see the side letter -->\n$/);
        const lines = text.split('\n');
        lines.splice(answer.edit.range.start.line, 0, answer.edit.newText.replace(/\n$/, ''));
        const accepted = review({ text: lines.join('\n') });
        assert.ok(!accepted.diagnostics.some((x) => x.ruleId === 'vague-wording' && x.message === d.message), 'the finding is accepted');
        assert.equal(await client.request('clausewise/acceptFindingEdit', { uri: uriOf('not-open.md'), line: 0, ruleId: 'x', reason: 'y' }), null);
      } finally {
        await client.stop();
      }
    });

    it('over plain LSP inserts "[reason]", which the placeholder rule then flags', async () => {
      const { uri, accept } = await acceptAction({});
      const text = accept.edit!.changes![uri][0].newText;
      assert.match(text, /<!-- clausewise-disable-next-line vague-wording -- \[reason\] -->/);
      const lines = WEAK.split('\n');
      const r = review({ text: [text.trimEnd(), ...lines].join('\n') });
      const flagged = r.diagnostics.filter((x) => x.ruleId === 'placeholder' && x.range.start.line === 0);
      assert.equal(flagged.length, 1);
      assert.match(flagged[0].message, /"\[reason\]" is a placeholder where the reason for accepting this finding belongs/);
      const written = review({ text: [text.replace('[reason]', 'agreed with the client').trimEnd(), ...lines].join('\n') });
      assert.equal(written.diagnostics.filter((x) => x.ruleId === 'placeholder' && x.range.start.line === 0).length, 0, 'a written reason is not flagged');
    });
  });
});
