// The options of chatpost's commands. node's parseArgs throws a TypeError with a stack
// trace for a mistyped option; a writer typing `npm run build -- --outptu x` gets one
// line naming the option, the nearest real one, and the command's usage instead.
import { parseArgs } from "node:util";
import { closest } from "../lib/suggest.ts";

/** An option and its line in the usage: `value` names what follows it ("DIR"), for a string. */
export type Option = ({ type: "string"; default?: string; value: string } | { type: "boolean" }) & { help: string };

export interface Command<O extends Record<string, Option>> {
  /** How the command is run, e.g. "npm run build". */
  name: string;
  /** What to type, when not `<name> -- [options]`. */
  synopsis?: string;
  /** The command's options, in the order the usage lists them; every command also takes --root, unless `root` is false. */
  options: O;
  /** false for a command that works on no project folder (the benchmark makes its own). */
  root?: false;
  allowPositionals?: boolean;
  /** The arguments, without node and the script (process.argv.slice(2) when not given). */
  args?: string[];
}

type Values<O extends Record<string, Option>> = { root: string } & {
  [K in keyof O]: O[K] extends { type: "boolean" } ? boolean : O[K] extends { default: string } ? string : string | undefined;
};

const ROOT: Option = { type: "string", value: "DIR", help: "the project folder (default: the current one)" };

/** The parsed command line; prints the usage and exits on --help (0) or a mistake (2). */
export function commandLine<O extends Record<string, Option>>(command: Command<O>): { values: Values<O>; positionals: string[] } {
  const args = command.args ?? process.argv.slice(2);
  const options: Record<string, Option> = command.root === false ? { ...command.options } : { ...command.options, root: ROOT };
  const help = () => usage(command, options);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(help());
    process.exit(0);
  }
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, o.type === "string" ? { type: "string" as const, ...(o.default !== undefined ? { default: o.default } : {}) } : { type: "boolean" as const, default: false }]),
  );
  try {
    const { values, positionals } = parseArgs({ options: config, args, allowPositionals: command.allowPositionals ?? false });
    return { values: { ...values, root: (values.root as string | undefined) ?? process.cwd() } as Values<O>, positionals };
  } catch (error) {
    const problem = commandLineProblem(error, Object.keys(options));
    if (problem === undefined) throw error;
    console.error(`${command.name}: ${problem}\n${help()}`);
    process.exit(2);
  }
}

/** `usage: npm run build -- [options]`, then one aligned line per option. */
function usage(command: { name: string; synopsis?: string }, options: Record<string, Option>): string {
  const flags = Object.entries(options).map(([name, o]) => [`--${name}${o.type === "string" ? ` ${o.value}` : ""}`, o.help] as const);
  const width = Math.max(...flags.map(([flag]) => flag.length)) + 3;
  return [`usage: ${command.synopsis ?? `${command.name} -- [options]`}`, ...flags.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`)].join("\n");
}

/** What is wrong with the command line, from parseArgs's error; undefined for any other error. */
export function commandLineProblem(error: unknown, options: string[]): string | undefined {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const given = /'(-{1,2}[^']*)'/.exec(message)?.[1] ?? "";
    const word = given.replace(/^-+/, "").replace(/=.*$/, "");
    // A near spelling, or part of a longer name (--prefix for --path-prefix).
    const guess = closest(word, options) ?? (word.length >= 3 ? options.find((o) => o.includes(word)) : undefined);
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
