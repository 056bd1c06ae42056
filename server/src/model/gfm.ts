import type { Processor } from 'unified';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

/**
 * GitHub-flavoured Markdown (tables, strikethrough, task lists, and optionally literal autolinks)
 * without footnotes. remark-gfm bundles footnotes, whose parser is quadratic on runs of brackets
 * (100 KB of "[" took 17 s); contracts number their notes in the text, so they are left out.
 * Literal autolinks ("www.example.com") walk back over the whole paragraph at every word after an
 * unclosed "[" (13 s for one such 100 KB paragraph) and change no text, so the contract model
 * leaves them out too; the HTML report, which renders short text of our own, keeps them.
 * Parsing only: nothing here serialises Markdown.
 */
export function remarkGfmWithoutFootnotes(this: Processor, options?: { autolinks?: boolean; tables?: boolean }): void {
  const autolinks = options?.autolinks !== false;
  // `tables: false` is for text known to hold no table (model/markdown.ts decides when).
  const tables = options?.tables !== false;
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmStrikethrough(), ...(tables ? [gfmTable()] : []), gfmTaskListItem(), ...(autolinks ? [gfmAutolinkLiteral()] : []));
  (data.fromMarkdownExtensions ??= []).push(
    gfmStrikethroughFromMarkdown(), ...(tables ? [gfmTableFromMarkdown()] : []), gfmTaskListItemFromMarkdown(), ...(autolinks ? [gfmAutolinkLiteralFromMarkdown()] : []),
  );
}
