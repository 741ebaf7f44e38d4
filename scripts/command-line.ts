// The options of chatpost's commands. node's parseArgs throws a TypeError with a stack
// trace for a mistyped option; a writer typing `npm run build -- --outptu x` gets one
// line naming the option, the nearest real one, and the command's usage instead.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../lib/suggest.ts";

export interface Command<T extends ParseArgsConfig> {
  /** How the command is run, e.g. "npm run build". */
  name: string;
  /** What to type, when not `<name> -- [options]`. */
  synopsis?: string;
  /** One line per option or argument, printed by --help and after a mistake. */
  usage: string[];
  config: T;
  /** The arguments, without node and the script (process.argv.slice(2) when not given). */
  args?: string[];
}

export type CommandLine<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** The parsed command line; prints the usage and exits on --help (0) or a mistake (2). */
export function commandLine<T extends ParseArgsConfig>(command: Command<T>): CommandLine<T> {
  const args = command.args ?? process.argv.slice(2);
  const help = () => [`usage: ${command.synopsis ?? `${command.name} -- [options]`}`, ...command.usage.map((line) => `  ${line}`)].join("\n");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(help());
    process.exit(0);
  }
  try {
    // parseArgs's result type does not follow the spread config; the options are the same.
    return parseArgs({ ...command.config, args }) as CommandLine<T>;
  } catch (error) {
    const problem = commandLineProblem(error, Object.keys(command.config.options ?? {}));
    if (problem === undefined) throw error;
    console.error(`${command.name}: ${problem}\n${help()}`);
    process.exit(2);
  }
}

/** What is wrong with the command line, from parseArgs's error; undefined for any other error. */
export function commandLineProblem(error: unknown, options: string[]): string | undefined {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const given = /'(-{1,2}[^']*)'/.exec(message)?.[1] ?? "";
    const guess = closest(given.replace(/^-+/, "").replace(/=.*$/, ""), options);
    return `there is no option ${given}${guess ? ` → did you mean --${guess}?` : ""}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const option = /'(--?[^\s']+)/.exec(message)?.[1] ?? "the option";
    // "Option '--output <value>' argument missing" or "Option '--force' does not take an argument".
    return /does not take an argument/.test(message) ? `${option} takes no value` : `${option} needs a value after it`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const given = /'([^']*)'/.exec(message)?.[1] ?? "";
    return `unexpected argument "${given}"`;
  }
  return undefined;
}
