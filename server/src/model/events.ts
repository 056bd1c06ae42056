import { parse, postprocess, preprocess } from 'micromark';
import type { Event, ParseContext, Token } from 'micromark-util-types';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { alignValue, orderedMarker, pushCode, pushHeading, pushHtml, pushParagraph, type RawBlock } from './blocks';

/*
 * Blocks read straight from micromark's events, without building the mdast tree that extractBlocks
 * then walks: on a process's first 1 MB contract the tree builder (mdast-util-from-markdown's compile)
 * was about a third of the parse. This reader follows that compiler's rules wherever they decide a
 * block's text, offsets or position (which tokens start a text node, which contexts keep a line
 * ending, hard breaks, setext headings, links' labels, list numbering), and hands each leaf to the
 * same functions as extractBlocks (model/blocks.ts), so both give the same blocks.
 *
 * It reads the constructs contracts are written with. On anything else (tables, task-list checks,
 * front matter, or a token it does not know) it gives up and returns null, and the caller parses the
 * text through the tree as before: rare text costs a second parse, never a different model.
 */

/** micromark's parse context for one set of extensions, made once (combining the constructs is a fixed cost per call). */
const contexts = new Map<boolean, ParseContext>();

function contextFor(tables: boolean): ParseContext {
  let context = contexts.get(tables);
  if (!context) {
    // The same extensions, in the same order, as the processors of model/markdown.ts (gfm.ts without autolinks).
    context = parse({ extensions: [gfmStrikethrough(), ...(tables ? [gfmTable()] : []), gfmTaskListItem()] });
    contexts.set(tables, context);
  }
  // The only per-document state of a parse context: definitions seen and lazy lines (by line number).
  context.defined = [];
  context.lazy = {};
  return context;
}

/** micromark's events of `text` (not front matter: the first chunk is read through the tree). */
export function eventsOf(text: string, tables: boolean): Event[] {
  return postprocess(contextFor(tables).document().write(preprocess()(text, undefined, true)));
}

/** Contexts whose line endings mdast-util-from-markdown keeps as text ("fragment" is a link's label or inline code). */
const KEEPS_LINE_ENDINGS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'fragment']);

/** Tokens with no say in a block's text or position (mdast-util-from-markdown has no handler for them). */
const IGNORED = new Set([
  'whitespace', 'lineEndingBlank', 'linePrefix', 'lineSuffix', 'atxHeadingText', 'autolinkMarker',
  'characterReferenceMarker', 'characterReferenceMarkerSemi', 'codeTextPadding', 'codeTextSequence', 'content',
  'emphasisSequence', 'emphasisText', 'escapeMarker', 'labelText', 'labelLink', 'labelMarker', 'labelEnd',
  'setextHeadingLine', 'strongSequence', 'strongText', 'blockQuotePrefix', 'blockQuoteMarker',
  'blockQuotePrefixWhitespace', 'listItemIndent', 'listItemMarker', 'listItemPrefixWhitespace',
  'strikethroughSequence', 'strikethroughText',
]);

/** Flow nodes that are children of a list item (the first one carries the item's number). */
interface Container {
  kind: 'root' | 'quote' | 'list' | 'item';
  quoted: boolean;
  /** The list prefix this container's children get ("1.2." inside item 2 of item 1). */
  prefix: string;
  /** For a list: ordered, and its start number (from the first item's value). */
  ordered?: boolean;
  start?: number;
  items?: number;
  expectFirstValue?: boolean;
  /** For an item: its index, where its marker starts, the number of its flow children so far. */
  index?: number;
  at?: number;
  children?: number;
  full?: string | undefined;
  list?: Container;
}

class GiveUp extends Error {}

/**
 * The leaf blocks of `text` (offsets relative to it), as extractBlocks gives them from the tree of
 * the same parse; null when the text holds a construct this reader leaves to the tree.
 */
export function blocksFromEvents(text: string, tables: boolean): RawBlock[] | null {
  const read = readOrWhyNot(text, tables);
  return typeof read === 'string' ? null : read;
}

/** The blocks, or why the text is left to the tree (the token that stopped the reader): for tests. */
export function readOrWhyNot(text: string, tables: boolean): RawBlock[] | string {
  // Tables (rows, cells, escaped pipes) are left to the tree. Most have a "|", a cheap test that spares
  // parsing twice; a table without one ("a\n:--") stops the reader at its "table" token.
  if (tables && text.includes('|')) return 'table';
  const events = eventsOf(text, tables);
  try {
    return readEvents(events, text);
  } catch (e) {
    if (e instanceof GiveUp) return e.message;
    throw e;
  }
}

function readEvents(events: Event[], source: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  const containers: Container[] = [{ kind: 'root', quoted: false, prefix: '' }];

  // The leaf being read (paragraph or heading).
  let leaf: 'paragraph' | 'heading' | null = null;
  let leafStart = 0;
  let leafQuoted = false;
  let leafNumber: string | undefined;
  let depth = 0;
  let text = '';
  let offsets: number[] = [];
  // The open text node (mdast's last text child of the current parent).
  let nodeValue = '';
  let nodeStart = -1;
  let nodeEnd = 0;
  // Inline contexts, innermost last (for line endings); inline code's value.
  const contexts: string[] = [];
  let code: { value: string; start: number; end: number } | null = null;
  let referenceType: string | undefined;
  let atHardBreak = false;
  let slurpLineEnding = false;

  const flush = () => {
    if (nodeStart < 0) return;
    alignValue(nodeValue, source, nodeStart, nodeEnd, false, offsets);
    text += nodeValue;
    nodeValue = '';
    nodeStart = -1;
  };
  const openNode = (token: Token) => {
    if (nodeStart < 0) {
      nodeStart = token.start.offset;
      nodeEnd = token.start.offset;
    }
  };

  /** The frame of a flow node that starts now: quoted, list number, list prefix (as extractBlocks schedules them). */
  const frame = (): { quoted: boolean; listNumber: string | undefined; prefix: string } => {
    const top = containers[containers.length - 1];
    if (top.kind === 'root') return { quoted: false, listNumber: undefined, prefix: '' };
    if (top.kind === 'quote') return { quoted: true, listNumber: undefined, prefix: top.prefix };
    if (top.kind === 'item') {
      const list = top.list!;
      if (top.children === 0) {
        const own = list.ordered ? orderedMarker(source, top.at) ?? String((list.start ?? 1) + top.index!) : undefined;
        top.full = own !== undefined ? list.prefix + own : undefined;
      }
      const first = top.children === 0;
      top.children!++;
      return { quoted: top.quoted, listNumber: first ? top.full : undefined, prefix: top.full !== undefined ? top.full + '.' : list.prefix };
    }
    throw new GiveUp('a flow node directly in a list');
  };

  /** Index of the exit event of the token entered at `i`. */
  const exitOf = (i: number): number => {
    const token = events[i][1];
    let j = i + 1;
    while (events[j][1] !== token) j++;
    return j;
  };

  for (let i = 0; i < events.length; i++) {
    const [kind, token, context] = events[i];
    const type = token.type as string;
    const enter = kind === 'enter';

    if (code) {
      // Inside inline code: its data and line endings make its value.
      if (type === 'codeText') {
        if (enter) throw new GiveUp(type);
        alignValue(code.value, source, code.start, code.end, true, offsets);
        text += code.value;
        code = null;
      } else if (!enter && (type === 'codeTextData' || type === 'lineEnding')) {
        if (type === 'lineEnding' && atHardBreak) atHardBreak = false;
        else code.value += context.sliceSerialize(token);
      } else if (!IGNORED.has(type) && type !== 'codeTextData' && type !== 'lineEnding') throw new GiveUp(type);
      continue;
    }

    switch (type) {
      case 'data':
      case 'characterEscape':
      case 'characterReference':
        if (!leaf) throw new GiveUp(type);
        if (enter) openNode(token);
        else if (type === 'data') {
          nodeValue += context.sliceSerialize(token);
          nodeEnd = token.end.offset;
        } else if (type === 'characterReference') nodeEnd = token.end.offset;
        continue;
      case 'characterEscapeValue':
        if (!enter) {
          nodeValue += context.sliceSerialize(token);
          nodeEnd = token.end.offset;
        }
        continue;
      case 'characterReferenceMarkerNumeric':
      case 'characterReferenceMarkerHexadecimal':
        if (!enter) referenceType = type;
        continue;
      case 'characterReferenceValue':
        if (!enter) {
          const data = context.sliceSerialize(token);
          nodeValue += referenceType ? decodeNumericCharacterReference(data, referenceType === 'characterReferenceMarkerNumeric' ? 10 : 16) : decodeNamedCharacterReference(data);
          referenceType = undefined;
        }
        continue;
      case 'lineEnding':
        if (enter) continue;
        if (atHardBreak) {
          atHardBreak = false;
          continue;
        }
        if (leaf && !slurpLineEnding && KEEPS_LINE_ENDINGS.has(contexts[contexts.length - 1])) {
          openNode(token);
          nodeValue += context.sliceSerialize(token);
          nodeEnd = token.end.offset;
        }
        continue;
      case 'emphasis':
      case 'strong':
      case 'strikethrough':
      case 'link':
      case 'autolink':
        if (!leaf) throw new GiveUp(type);
        flush();
        if (enter) contexts.push(type === 'strikethrough' ? 'delete' : type === 'autolink' ? 'link' : type);
        else contexts.pop();
        continue;
      case 'autolinkProtocol':
      case 'autolinkEmail':
        if (enter) openNode(token);
        else {
          nodeValue += context.sliceSerialize(token);
          nodeEnd = token.end.offset;
        }
        continue;
      case 'label':
        // A link's label is buffered (a "fragment") and becomes the link's children.
        if (!leaf || contexts[contexts.length - 1] !== (enter ? 'link' : 'fragment')) throw new GiveUp(type);
        flush();
        if (enter) contexts.push('fragment');
        else contexts.pop();
        continue;
      case 'resource':
      case 'reference':
      case 'image':
      case 'htmlText':
        // A link's destination and title, an image (its alt text is not text of the contract), inline HTML.
        if (!leaf || !enter) throw new GiveUp(type);
        flush();
        i = exitOf(i);
        continue;
      case 'codeText':
        if (!leaf || !enter) throw new GiveUp(type);
        flush();
        code = { value: '', start: token.start.offset, end: token.end.offset };
        continue;
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        if (!leaf) throw new GiveUp(type);
        if (enter) {
          flush();
          text += '\n';
          offsets.push(token.start.offset);
        } else atHardBreak = true;
        continue;
      case 'paragraph':
      case 'atxHeading':
      case 'setextHeading':
        if (enter) {
          if (leaf) throw new GiveUp(type);
          const f = frame();
          leaf = type === 'paragraph' ? 'paragraph' : 'heading';
          leafStart = token.start.offset;
          leafQuoted = f.quoted;
          leafNumber = f.listNumber;
          depth = 0;
          text = '';
          offsets = [];
          contexts.length = 0;
          contexts.push(leaf);
        } else {
          flush();
          if (contexts.length !== 1) throw new GiveUp(type);
          if (leaf === 'paragraph') pushParagraph(blocks, leafStart, token.end.offset, text, offsets, leafQuoted, leafNumber);
          else pushHeading(blocks, leafStart, token.end.offset, text, offsets, depth, leafQuoted);
          leaf = null;
          slurpLineEnding = false;
        }
        continue;
      case 'atxHeadingSequence':
        if (!enter && depth === 0) depth = context.sliceSerialize(token).length;
        continue;
      case 'setextHeadingText':
        if (!enter) slurpLineEnding = true;
        continue;
      case 'setextHeadingLineSequence':
        if (!enter) depth = context.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
        continue;
      case 'codeFenced':
      case 'codeIndented': {
        if (leaf || !enter) throw new GiveUp(type);
        const f = frame();
        pushCode(blocks, source, token.start.offset, token.end.offset, f.quoted);
        i = exitOf(i);
        continue;
      }
      case 'htmlFlow': {
        if (leaf || !enter) throw new GiveUp(type);
        const f = frame();
        // Its value: the data and line endings inside, as the tree's html node has it.
        const end = exitOf(i);
        let value = '';
        for (let j = i + 1; j < end; j++) {
          const [k, t, c] = events[j];
          if (k === 'exit' && (t.type === 'htmlFlowData' || t.type === 'lineEnding')) value += c.sliceSerialize(t);
        }
        pushHtml(blocks, token.start.offset, token.end.offset, value, f.quoted);
        i = end;
        continue;
      }
      case 'thematicBreak':
      case 'definition':
        // No text; still a child of a list item (so the next child carries no number).
        if (leaf || !enter) throw new GiveUp(type);
        frame();
        i = exitOf(i);
        continue;
      case 'blockQuote':
        if (leaf) throw new GiveUp(type);
        if (enter) {
          const f = frame();
          containers.push({ kind: 'quote', quoted: true, prefix: f.prefix });
        } else if (containers.pop()!.kind !== 'quote') throw new GiveUp(type);
        continue;
      case 'listOrdered':
      case 'listUnordered':
        if (leaf) throw new GiveUp(type);
        if (enter) {
          const f = frame();
          containers.push({ kind: 'list', quoted: f.quoted, prefix: f.prefix, ordered: type === 'listOrdered', items: 0, expectFirstValue: type === 'listOrdered' });
        } else {
          if (containers[containers.length - 1].kind === 'item') containers.pop();
          if (containers.pop()!.kind !== 'list') throw new GiveUp(type);
        }
        continue;
      case 'listItemPrefix': {
        if (!enter) continue;
        if (containers[containers.length - 1].kind === 'item') containers.pop();
        const list = containers[containers.length - 1];
        if (list.kind !== 'list') throw new GiveUp(type);
        containers.push({ kind: 'item', quoted: list.quoted, prefix: list.prefix, index: list.items!++, at: token.start.offset, children: 0, list });
        continue;
      }
      case 'listItemValue': {
        if (!enter) continue;
        const item = containers[containers.length - 1];
        if (item.kind !== 'item') throw new GiveUp(type);
        if (item.list!.expectFirstValue) {
          item.list!.start = Number.parseInt(context.sliceSerialize(token), 10);
          item.list!.expectFirstValue = false;
        }
        continue;
      }
      default:
        if (!IGNORED.has(type)) throw new GiveUp(type);
    }
  }
  if (leaf || code || containers.length !== 1) throw new GiveUp('unclosed');
  return blocks;
}
