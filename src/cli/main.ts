/**
 * The roadmap command: argument parsing and wiring of the library's stages. No logic of its own
 * beyond choosing files, a reporter and an exit code.
 *
 * Start-up matters (a pre-commit hook runs on every commit): this module imports no stage.
 * `--help`, `--version` and usage errors answer without loading the library; a command loads it,
 * and its own module, with import() (lazy inside the bundle as well).
 */
import { parseArgs } from 'node:util';
import type { SettingsLayer } from '../lint/settings.js';
import { PACKAGE } from '../version.js';
import type { Io, RunOptions } from './shared.js';

// The library's EXIT_OK and EXIT_FAILURE, needed before it loads.
const EXIT_OK = 0;
const EXIT_FAILURE = 2;

const HELP = `Usage: roadmap <command> [options] [paths|globs…]

Keep curated link documents (roadmaps, resource lists) as Markdown: repair mojibake, lint, and
emit JSON, CSV and cleaned Markdown.

Commands:
  build [paths…]        lint, then write dist/<name>.json, .csv, .md and dist/index.json
                        (paths default to content/)
  lint [paths…|-]       lint and report (paths default to content/); "-" reads
                        standard input
  links [paths…]        check every http(s) link: dead-link, moved-link,
                        redirected-away, soft-404, link-unreachable (--fix rewrites
                        moved links)

Options:
  --format <name>       stylish (default), compact, json, github, sarif
  --quiet               report errors only
  --max-warnings <n>    exit 1 when there are more than n warnings
  --rule <id=setting>   set a rule: id=error|warn|off, or id='["error",{options}]';
                        repeatable
  --config <path>       use this configuration for every file
  --no-config           use no configuration file
  --fix                 apply fixes to the files (lint only)
  --fix-dry-run         print the fixes as a unified diff, change nothing (lint only)
  --stdin-filename <p>  the path to report (and configure) standard input as
  --write-baseline [f]  accept the current findings in a baseline file (lint only)
  --baseline <file>     the baseline to apply (default: the configuration's, if any)
  --no-baseline         ignore any baseline
  --out <dir>           output directory for build (default: dist)
  --no-emit-on-error    build writes nothing when there are lint errors
  --cache               lint, build: skip files unchanged since the last run
                        (and their configuration); keeps .roadmapcache
  --cache-location <p>  the cache file (implies --cache)
  --threads <n>         worker processes that check files (default: one per
                        core for 24 files and 2.5 MiB or more; 1: none)
  --max-nesting <n>     refuse documents nested deeper (default 1000)
  --max-file-size <n>   refuse documents larger, in bytes (default 33554432)
  --max-findings <n>    report at most n findings per document, then one that
                        counts the rest (default 10000)
  --links[=cached]      lint, build: check links too; =cached (also for links):
                        report from the links cache only, with no request
  --links-cache <file>  the links cache (default:
                        node_modules/.cache/roadmap-pipeline/links.json)
  --diff-base <ref>     check only links on lines added since this git ref
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors; 1 lint or content errors (or too many warnings);
            2 usage, configuration or I/O failure;
            3 a bug in roadmap-pipeline (an internal error): please report it.
`;

const OPTIONS = {
  format: { type: 'string' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'write-baseline': { type: 'boolean' },
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean' },
  out: { type: 'string' },
  'no-emit-on-error': { type: 'boolean' },
  threads: { type: 'string' },
  'max-nesting': { type: 'string' },
  'max-file-size': { type: 'string' },
  'max-findings': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'links-cache': { type: 'string' },
  'diff-base': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

class UsageError extends Error {}

type Library = typeof import('./library.js');
const parseValues = (args: string[]) => parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
type Values = ReturnType<typeof parseValues>['values'];

function parse(argv: string[]): {
  command: string | null;
  paths: string[];
  values: Values;
  baselineTarget?: string;
  links?: 'network' | 'cached';
  help: boolean;
  version: boolean;
} {
  // "--links" and "--links=cached": a flag with an optional value.
  let links: 'network' | 'cached' | undefined;
  const args = argv.filter((a) => {
    if (a === '--links' || a === '--links=network') links = 'network';
    else if (a === '--links=cached') links = 'cached';
    else if (a.startsWith('--links=')) throw new UsageError(`${a}: write --links or --links=cached`);
    else return true;
    return false;
  });
  // "--write-baseline file.json": the other option whose value is optional.
  let baselineTarget: string | undefined;
  const wb = args.indexOf('--write-baseline');
  if (wb >= 0 && args[wb + 1]?.endsWith('.json') && !args[wb + 1]!.startsWith('-')) {
    baselineTarget = args.splice(wb + 1, 1)[0];
  }
  let parsed;
  try {
    parsed = parseValues(args);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/su, ''));
  }
  const [command = null, ...paths] = parsed.positionals;
  return {
    command,
    paths,
    values: parsed.values,
    ...(baselineTarget ? { baselineTarget } : {}),
    ...(links ? { links } : {}),
    help: parsed.values.help ?? false,
    version: parsed.values.version ?? false,
  };
}

/**
 * --rule values as one settings layer: "id=severity" keeps the rule's configured options,
 * 'id=["error", {…}]' replaces them. Ids, severities and options are checked like a configuration's.
 */
function parseRuleFlags(values: readonly string[], lib: Library): SettingsLayer {
  // No prototype: "--rule __proto__=error" is an unknown rule, not a write to Object.prototype's slot.
  const rules: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--rule ${value}: write id=severity (error, warn or off)`);
    const id = value.slice(0, eq).trim();
    const setting = value.slice(eq + 1).trim();
    if (setting.startsWith('[')) {
      try {
        rules[id] = JSON.parse(setting);
      } catch (error) {
        throw new UsageError(`--rule ${id}: the setting is not valid JSON: ${(error as Error).message}`);
      }
    } else {
      rules[id] = setting;
    }
  }
  const layer: SettingsLayer = { source: '--rule', rules };
  try {
    lib.checkLayer(lib.RULES, layer);
  } catch (error) {
    if (error instanceof lib.SettingsError) throw new UsageError(error.message);
    throw error;
  }
  return layer;
}

/** The run's options, checked against the library (formats, rule ids). */
function runOptions(v: Values, baselineTarget: string | undefined, links: 'network' | 'cached' | undefined, lib: Library): RunOptions {
  const { isReporterName, REPORTER_NAMES } = lib;
  const format = v.format ?? 'stylish';
  if (!isReporterName(format)) throw new UsageError(`unknown format "${format}" (use ${REPORTER_NAMES.join(', ')})`);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
  }
  const ruleFlags = parseRuleFlags(v.rule ?? [], lib);
  let threads: number | undefined;
  if (v.threads !== undefined) {
    threads = Number(v.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new UsageError('--threads takes a whole number, 1 or more');
  }
  const limits: Record<string, number> = {};
  for (const [flag, key, max] of [
    ['max-nesting', 'maxNesting', 100_000],
    ['max-file-size', 'maxFileSize', Number.MAX_SAFE_INTEGER],
    ['max-findings', 'maxFindings', Number.MAX_SAFE_INTEGER],
  ] as const) {
    const value = v[flag];
    if (value === undefined) continue;
    const n = Number(value);
    if (!/^\d+$/u.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new UsageError(`--${flag} takes a whole number from 1${max < Number.MAX_SAFE_INTEGER ? ` to ${max.toLocaleString('en-US')}` : ''}`);
    }
    limits[key] = n;
  }
  if (v.config && v['no-config']) throw new UsageError('--config and --no-config exclude each other');
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  return {
    format,
    quiet: v.quiet ?? false,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ruleFlags,
    ...(v.config ? { configPath: v.config } : {}),
    noConfig: v['no-config'] ?? false,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    ...(v['stdin-filename'] ? { stdinFilename: v['stdin-filename'] } : {}),
    writeBaseline: v['write-baseline'] ?? false,
    ...(baselineTarget ? { baselineTarget } : {}),
    ...(v.baseline ? { baselinePath: v.baseline } : {}),
    noBaseline: v['no-baseline'] ?? false,
    out: v.out ?? 'dist',
    noEmitOnError: v['no-emit-on-error'] ?? false,
    ...(threads !== undefined ? { threads } : {}),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...((v.cache ?? false) || v['cache-location'] !== undefined ? { cache: true } : {}),
    ...(v['cache-location'] !== undefined ? { cacheLocation: v['cache-location'] } : {}),
    ...(links ? { links } : {}),
    ...(v['links-cache'] ? { linksCache: v['links-cache'] } : {}),
    ...(v['diff-base'] ? { diffBase: v['diff-base'] } : {}),
  };
}

/** The line for an error nothing expected: a bug, with its stack only when ROADMAP_DEBUG asks. */
export function internalErrorLine(error: unknown, env: Record<string, string | undefined>): string {
  return (
    `roadmap: internal error: ${error instanceof Error ? error.message : String(error)}. This is a bug in roadmap-pipeline; please report it` +
    `${env['ROADMAP_DEBUG'] ? `\n${error instanceof Error ? error.stack : ''}` : ' (set ROADMAP_DEBUG=1 to see where)'}\n`
  );
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`roadmap: ${error.message}\nTry "roadmap --help".\n`);
    return EXIT_FAILURE;
  }
  if (parsed.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (parsed.version) {
    io.stdout(`${PACKAGE.version}\n`);
    return EXIT_OK;
  }
  const { command, paths } = parsed;
  if (command !== 'build' && command !== 'lint' && command !== 'links') {
    io.stderr(command ? `roadmap: unknown command "${command}"\n` : HELP);
    return EXIT_FAILURE;
  }
  const lib = await import('./library.js');
  const { ConfigError, BaselineError, InputError, FileWriteError, describeIoError, EXIT_INTERNAL } = lib;
  let options: RunOptions;
  try {
    options = runOptions(parsed.values, parsed.baselineTarget, parsed.links, lib);
    if (command === 'links') options = { ...options, links: options.links ?? 'network', linksOnly: true };
    if (!options.links && (options.linksCache !== undefined || options.diffBase !== undefined)) {
      throw new UsageError(`--${options.diffBase !== undefined ? 'diff-base' : 'links-cache'} applies only when links are checked (roadmap links, or --links)`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`roadmap: ${error.message}\nTry "roadmap --help".\n`);
    return EXIT_FAILURE;
  }
  const misplaced = command === 'build' ? ['fix', 'fixDryRun', 'writeBaseline'] : ['noEmitOnError'];
  if (command === 'build' && paths.includes('-')) {
    io.stderr('roadmap: build writes outputs named after files, so it does not read standard input ("-" goes with lint and links)\n');
    return EXIT_FAILURE;
  }
  if (command === 'build' && options.diffBase !== undefined) {
    io.stderr('roadmap: --diff-base does not apply to build\n');
    return EXIT_FAILURE;
  }
  for (const key of misplaced) {
    if (options[key as keyof RunOptions] === true) {
      io.stderr(`roadmap: --${key.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)} does not apply to ${command}\n`);
      return EXIT_FAILURE;
    }
  }
  const loader = (await import('./shared.js')).createLoader(options, io.cwd);
  try {
    return command === 'build'
      ? await (await import('./build.js')).runBuild(paths, options, loader, io)
      : // roadmap links is roadmap lint with only the link rules, and links checked.
        await (await import('./lint.js')).runLint(paths, options, loader, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`roadmap: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof ConfigError ||
      error instanceof BaselineError ||
      error instanceof FileWriteError ||
      (error instanceof Error && (error.name === 'OutDirError' || error.name === 'WorkerStoppedError'))
    ) {
      io.stderr(`roadmap: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    const e = error as NodeJS.ErrnoException;
    if (e && typeof e.code === 'string' && e.syscall) {
      io.stderr(`roadmap: ${e.path ? `${e.path}: ` : ''}${describeIoError(e, 'write')}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(internalErrorLine(e, io.env));
    return EXIT_INTERNAL;
  }
}
