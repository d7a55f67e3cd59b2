// The command-line tool: the same core as the language server, for batch checks and CI.
// Errors are one line on stderr and exit code 2; never a stack trace.
import { UsageError } from './cli/args';
import { CHECK_USAGE, checkCommand } from './cli/check';
import { CORPUS_USAGE } from './cli/corpusArgs';
import { ENTITIES_USAGE, entitiesCommand } from './cli/entities';
import { FIND_SOURCES_USAGE, findSourcesCommand } from './cli/findSources';
import { HOVER_USAGE, hoverCommand } from './cli/hover';
import { searchCommand } from './cli/search';
import { CorpusFolderError } from './core/sourceText';

type Command = (argv: string[], out: (s: string) => void) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  'find-sources': { run: findSourcesCommand, usage: FIND_SOURCES_USAGE },
  check: { run: checkCommand, usage: CHECK_USAGE },
  search: { run: searchCommand, usage: 'search [--corpus DIR]… [--json] [--lang ja|en] [--role ROLE] [--doc NAME] [--entity NAME] "<query>"' },
  hover: { run: hoverCommand, usage: HOVER_USAGE },
  entities: { run: entitiesCommand, usage: ENTITIES_USAGE },
};

function usage(): string {
  return [
    'usage: ai-policy-claims <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => '  ' + c.usage),
    '',
    `Every command also takes ${CORPUS_USAGE}.`,
    'The index is saved after the first run and re-indexed per changed file after that, in',
    '--index-dir, $AIPC_INDEX_DIR, or $XDG_CACHE_HOME/ai-policy-claims (default ~/.cache/ai-policy-claims).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')} (--help says more)`);
  const lines: string[] = [];
  const code = await command.run(rest, (s) => {
    lines.push(s);
    if (lines.length >= 64) process.stdout.write(lines.splice(0).join('\n') + '\n');
  });
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const known = e instanceof UsageError || e instanceof CorpusFolderError;
    process.stderr.write(`ai-policy-claims: ${known ? (e as Error).message : `unexpected error: ${(e as Error)?.message ?? e}`}\n`);
    process.exitCode = 2;
  },
);
