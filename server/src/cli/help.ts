/** Usage text for --help and usage errors. */

export const USAGE_LINE = 'Usage: clausewise [options] <file|dir|glob>...';

export function helpText(version: string, profiles: readonly string[]): string {
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
  -f, --format <name>            Output format (default: stylish):
                                 stylish, json, sarif, github, junit, markdown
  -o, --output <file>            Write the report to <file> instead of standard output
  -p, --profile <id>             Also review against these profiles, in addition to those of the
                                 config file or the default it-outsourcing (repeatable or
                                 comma-separated; front matter in a document still wins).
                                 Known: ${profiles.join(', ')}
      --profile-only <id>        Review against these profiles only, replacing the configured ones
      --enable <rule>            Run this rule at its default severity, even if it is off by
                                 default or in the config file (repeatable or comma-separated)
      --disable <rule>           Do not run this rule (repeatable or comma-separated); the last
                                 --enable or --disable of a rule wins. List: clausewise rules
      --force                    Review every file as a contract, even if it does not read as one
      --no-gitignore             Also review files that .gitignore files ignore
      --allow-empty              Exit 0 when no file was reviewed (default: exit 2, with the reason)
      --fail-on <level>          Exit 1 when a finding is at or above <level>:
                                 error (default), warning or none
      --max-warnings <n>         Also exit 1 when there are more than <n> warnings
  -q, --quiet                    Report errors only (the exit code still follows --fail-on)
      --baseline <file>          Report and fail only on findings not recorded in <file>
      --write-baseline <file>    Record the current findings in <file> (they then count as known)
      --stdin-filename <path>    Read the document from standard input; <path> names it
                                 (configuration lookup, reports)
      --shard <i>/<n>            Review only part <i> of <n> (split by a hash of the path),
                                 for CI matrix jobs
      --concurrency <n|auto>     Worker threads for runs of more than 8 files (default: auto,
                                 one per core; 1 reviews in the main thread)
      --print-config <file>      Print the configuration in effect for <file> as JSON, and exit
      --color, --no-color        Force colours on or off (default: on for a terminal, off if NO_COLOR is set)
  -h, --help                     Show this help
  -v, --version                  Show the version

Convert and export:
  convert <file> [-o <file.md>]  Write a Word, HTML or PDF document as a Markdown draft (Word's
                                 automatic numbering as clause numbers, bold, tables)
  export <file.md> --docx <out>  Write the draft as a Word document (headings, lists, tables)
      --changes-from <base>      ...with every difference from <base> (a file, or REV:path
                                 from git) as a tracked change by "Clausewise"
      --changes-from-git <REV>   ...against this file's version at git revision <REV>
      --comments                 ...with each open finding as a Word comment on its paragraph

Rules:
  rules [--format text|json]     List every rule: id, category, default severity, whether it
                                 runs by default, title; json adds the description and docs link

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
