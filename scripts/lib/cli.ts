/** Small helpers shared by the operations scripts. */

/** Splits argv into positionals and --flags; fails on a flag not in `known`. */
export function parseArgs(argv: readonly string[], known: readonly string[], usage: string): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = known.find((k) => k.replace(/=$/, "") === name);
    if (!spec) throw new UsageError(`unknown option --${name}`, usage);
    if (spec.endsWith("=")) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`, usage);
      flags.set(name, value);
    } else {
      flags.set(name, true);
    }
  }
  return { positional, flags };
}

export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(`${message}\nusage: ${usage}`);
  }
}

/** `main`'s exit code: an error is printed as `error: <its message>` (never its stack) and is exit 1. */
export async function settle(main: () => Promise<number | void>, stderr: (text: string) => void = (text) => process.stderr.write(text)): Promise<number> {
  try {
    return (await main()) ?? 0;
  } catch (err) {
    stderr(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

/**
 * Runs a script's main, printing only the message of an error, exit code 1. Sets the exit
 * code rather than calling process.exit, so output still queued for a pipe is not lost.
 */
export function runMain(main: () => Promise<number | void>): void {
  let settled = false;
  // A promise that can never settle would otherwise end the process silently with 0.
  process.once("beforeExit", () => {
    if (!settled) {
      process.stderr.write("error: internal: the script stopped before finishing\n");
      process.exitCode = 1;
    }
  });
  void settle(main).then((code) => {
    settled = true;
    process.exitCode = code;
  });
}
