// A JavaScript data file of the site (content/_data/links.js, about.11tydata.js) that stops
// when Eleventy runs it: told as the writer's error, naming the file, the line and what it
// threw, without a stack trace. The check cannot find it (it never runs writers' code,
// lib/page-loader.ts). Knows only the shape of the error text.
import type { Diagnostic } from "./diagnostics.ts";

/** Eleventy 3.1's words when a data file fails to load: `There was a problem importing 'content/_data/links.js' via import(cjs)`. */
const IMPORTING = /^There was a problem importing '([^']+)'/;

/**
 * The error of a data file that failed to load: `message` is the outer error's, `thrown` what
 * the file threw (its cause); undefined when `message` is not Eleventy's import failure of a
 * file of content/.
 */
export function dataFileRunProblem(message: string, thrown: unknown): Diagnostic | undefined {
  const named = IMPORTING.exec(message)?.[1]?.replace(/^\.\//, "");
  if (!named || !named.startsWith("content/")) return undefined;
  const cause = thrown as { name?: unknown; message?: unknown; stack?: unknown } | undefined;
  const words = String(cause?.message ?? "").trim();
  // esbuild (through tsx) refused to compile it: `…/links.js:3:2: ERROR: Expected "}" but found "chat"`.
  const compiled = new RegExp(`${escaped(named)}:(\\d+):(\\d+): ERROR: (.*)`).exec(words);
  if (compiled) {
    return {
      severity: "error", file: named, line: Number(compiled[1]), column: Number(compiled[2]) + 1, field: "",
      message: `the file is not valid JavaScript: ${compiled[3]}`,
      fix: "correct the code at this line (look for a missing comma, bracket or quote just before it), or ask the site's maintainer",
    };
  }
  // The first place in the file itself the stack names: the line that threw.
  const place = new RegExp(`${escaped(named)}:(\\d+):(\\d+)`).exec(String(cause?.stack ?? ""));
  const name = typeof cause?.name === "string" && cause.name !== "Error" ? `${cause.name}: ` : "";
  return {
    severity: "error", file: named, line: place ? Number(place[1]) : 1, column: place ? Number(place[2]) : 1, field: "",
    message: `the build runs this data file's code, and it stopped with an error: ${name}${words.split("\n")[0] || "(no message)"}`,
    fix: "correct the code at this line, or ask the site's maintainer (npm run check does not run the code of data files: only the build finds this)",
  };
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
