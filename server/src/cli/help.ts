/** Usage text for --help and usage errors; the option lines come from the option tables. */
import { CLI_OPTIONS } from './args';
import { CONVERT_OPTIONS, EXPORT_OPTIONS } from './convert-commands';
import { optionHelp } from './options';
import { RULES_OPTIONS } from './rules-command';

export const USAGE_LINE = 'Usage: clausewise [options] <file|dir|glob>...';

export function helpText(version: string, profiles: readonly string[]): string {
  const ctx = { profiles };
  return `clausewise ${version}: reviews IT-outsourcing contract drafts written in Markdown.

${USAGE_LINE}
       clausewise [options] --stdin-filename <path> < file.md
       clausewise --print-config <file>
       clausewise rules [--format text|json]
       clausewise convert <file.docx|.html|.pdf> [-o <file.md>]
       clausewise export <file.md> --docx <out.docx> [--changes-from <base>] [--comments]

Paths may be files, folders (searched recursively for *.md, *.markdown and *.txt,
skipping node_modules, .git and what .gitignore ignores) or quoted glob patterns;
- reads the document from standard input. Word (.docx) and PDF files are converted to
Markdown first (folders included); so are HTML files named or matched by a pattern.
Findings on them give the clause number, the Word paragraph or PDF page and a quote.

Options:
${optionHelp(CLI_OPTIONS, 'Options', ctx)}

Convert and export:
  convert <file> [-o <file.md>]  Write a Word, HTML or PDF document as a Markdown draft (Word's
                                 automatic numbering as clause numbers, bold, tables)
${optionHelp(CONVERT_OPTIONS.filter((o) => o.name !== 'help'), 'convert', ctx, '  ')}
  export <file.md> --docx <out>  Write the draft as a Word document (headings, lists, tables)
${optionHelp(EXPORT_OPTIONS.filter((o) => o.name !== 'help'), 'export', ctx, '  ')}

Rules:
  rules [--format text|json]     List every rule: id, category, default severity, whether it
                                 runs by default, title; json adds the description and docs link
${optionHelp(RULES_OPTIONS.filter((o) => o.name !== 'help'), 'rules', ctx, '  ')}

Configuration: the .clausewise.yaml, .clausewise.yml, .clausewise.json or package.json
"clausewise" key nearest to each file (up to the git root). Suppress a finding in the
document with <!-- clausewise-disable-next-line RULE -- reason -->.

Exit codes:
  0  no finding at or above the --fail-on level (and no more warnings than --max-warnings)
  1  findings at or above the --fail-on level, or more warnings than --max-warnings
  2  usage error, unreadable input, invalid configuration (e.g. a bad config file or front
     matter), or no file reviewed (nothing found, all ignored or skipped) without --allow-empty

Examples:
  clausewise contracts/msa.md
  clausewise contracts/                          # every .md, .markdown and .txt file below
  clausewise "contracts/**/*.md" --format json --output clausewise.json
  clausewise contracts/ --format sarif --output clausewise.sarif
  clausewise contracts/ --format github          # annotations in a GitHub Actions log
  clausewise --profile dora-ict,gdpr-processor --fail-on warning drafts/   # it-outsourcing + both
  clausewise --profile-only gdpr-processor dpa.md # only the GDPR Art. 28 checklist
  clausewise --write-baseline .clausewise-baseline.json contracts/
  clausewise --baseline .clausewise-baseline.json contracts/
  clausewise --enable signature-block --disable unused-term contracts/
  clausewise rules --format json                 # the rule catalogue, for tools
  clausewise --force notes/vendor-terms.txt      # review even if it does not look like a contract
  cat msa.md | clausewise --stdin-filename contracts/msa.md
  clausewise counterparty-draft.docx             # review a Word document as it is
  clausewise convert counterparty-draft.docx -o msa.md
  clausewise export msa.md --docx reply.docx --changes-from-git HEAD~1 --comments
`;
}
