// Command-line flags, declared per command and read by node's util.parseArgs: unknown flags,
// a missing value and a value given to a boolean flag are usage errors, said in one line.
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export interface FlagSpec {
  /** `boolean` flags take no value; `string` take one; `list` may repeat. */
  [name: string]: 'boolean' | 'string' | 'list';
}

export interface Parsed {
  flags: Record<string, string | boolean | string[] | undefined>;
  positional: string[];
}

export function parseArgs(argv: string[], spec: FlagSpec): Parsed {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, kind] of Object.entries(spec)) options[name] = kind === 'list' ? { type: 'string', multiple: true } : { type: kind };
  try {
    const { values, positionals } = parseNodeArgs({ args: arranged(argv, spec), options, allowPositionals: true, strict: true });
    return { flags: values as Parsed['flags'], positional: positionals };
  } catch (e) {
    const error = e as Error & { code?: string };
    if (!error.code?.startsWith('ERR_PARSE_ARGS')) throw e;
    throw new UsageError(usageMessage(error));
  }
}

/**
 * The arguments as util.parseArgs reads them the way this CLI always has: a flag's value is the
 * next argument whatever it looks like (`--offset -1` is refused by intFlag, not taken for a
 * flag), and an argument that starts with a single dash is a claim (`"-5% in May"`): there are no
 * short flags. Flags go first, with their values attached, then `--` and the positionals in order.
 */
function arranged(argv: string[], spec: FlagSpec): string[] {
  const flags: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) positionals.push(arg);
    else if (!arg.includes('=') && spec[arg.slice(2)] && spec[arg.slice(2)] !== 'boolean' && i + 1 < argv.length) flags.push(`${arg}=${argv[++i]}`);
    else flags.push(arg);
  }
  return [...flags, '--', ...positionals];
}

/** util.parseArgs explains at length; a CLI error is one short line. */
function usageMessage(error: Error & { code?: string }): string {
  const flag = /'(-{1,2}[^' =]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message) ? `${flag} takes no value` : `${flag} needs a value`;
    default:
      return error.message.split('\n')[0];
  }
}

export function intFlag(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  // Digits only: Number() would also take '', '0x10' and '1e3'.
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}
