/** The answer to `clausewise/frontMatter`: the model's reading of a document's front matter, for the client. */
import { positionAt, type ContractModel, type Span } from '../model';
import type { FrontMatterResult } from './protocol';

/** The YAML between the fences of a front matter block (`span` includes the fences). */
export function yamlSpan(text: string, span: Span): Span {
  const start = text.indexOf('\n', span.start) + 1;
  // The closing fence is the block's last line; the YAML ends before the line break above it.
  const closing = text.lastIndexOf('\n', span.end - 1) + 1;
  if (closing <= start) return { start, end: start };
  return { start, end: closing - (text[closing - 2] === '\r' ? 2 : 1) };
}

export function frontMatterResult(model: ContractModel): FrontMatterResult {
  const { review, profiles, clausePosition, bundle } = model.frontMatterSettings;
  const yaml = model.frontMatterSpan ? yamlSpan(model.text, model.frontMatterSpan) : null;
  return {
    yamlRange: yaml ? { start: positionAt(model.lineStarts, yaml.start), end: positionAt(model.lineStarts, yaml.end) } : null,
    settings: {
      ...(review !== undefined ? { review } : {}),
      ...(profiles ? { profiles } : {}),
      ...(clausePosition ? { clausePosition } : {}),
      ...(bundle ? { bundle } : {}),
    },
    problems: [
      ...(model.frontMatterError ? [{ line: null, message: model.frontMatterError }] : []),
      ...model.frontMatterProblems.map((p) => ({ line: p.line, message: p.message })),
    ],
  };
}
