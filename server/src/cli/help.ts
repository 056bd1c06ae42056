/** Usage text for --help and usage errors. */

export const USAGE_LINE = 'Usage: clausewise [options] <file|dir|glob>...';

export function helpText(version: string, profiles: readonly string[]): string {
  return `clausewise ${version}: reviews IT-outsourcing contract drafts written in Markdown.

${USAGE_LINE}

Paths may be files, folders (searched recursively for *.md, *.markdown and *.txt,
skipping node_modules and .git) or quoted glob patterns.

Options:
  -f, --format <stylish|json>    Output format (default: stylish)
  -o, --output <file>            Write the report to <file> instead of standard output
  -p, --profile <id>             Review against these profiles (repeatable or comma-separated;
                                 front matter in a document still wins). Known: ${profiles.join(', ')}
      --force                    Review every file as a contract, even if it does not read as one
      --fail-on <level>          Exit 1 when a finding is at or above <level>:
                                 error (default), warning or none
  -q, --quiet                    Report errors only (the exit code still follows --fail-on)
      --color, --no-color        Force colours on or off (default: on for a terminal, off if NO_COLOR is set)
  -h, --help                     Show this help
  -v, --version                  Show the version

Exit codes:
  0  no finding at or above the --fail-on level
  1  findings at or above the --fail-on level
  2  usage error, unreadable input or invalid configuration (e.g. bad front matter)

Examples:
  clausewise contracts/msa.md
  clausewise contracts/                          # every .md, .markdown and .txt file below
  clausewise "contracts/**/*.md" --format json --output clausewise.json
  clausewise --profile dora-ict,gdpr-processor --fail-on warning drafts/
  clausewise --force notes/vendor-terms.txt      # review even if it does not look like a contract
`;
}
