// Turns zod issues into writer-facing diagnostics: file, line, field, what, fix.
import { z } from "zod";
import type { Diagnostic } from "./diagnostics.ts";
import { fieldPath } from "./diagnostics.ts";
import type { Locate } from "./front-matter.ts";
import { closest } from "./suggest.ts";

export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: Locate,
  schema: z.ZodType,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        out.push({
          severity: "error",
          file,
          ...locate([...issue.path, key]),
          field: fieldPath([...issue.path, key]),
          message: `unknown field \`${key}\``,
          fix: guess ? `did you mean \`${guess}\`?` : `remove it; the fields here are ${known.map((k) => `\`${k}\``).join(", ")}`,
        });
      }
      continue;
    }
    const path = issue.path as PropertyKey[];
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    out.push({
      severity: "error",
      file,
      ...locate(path),
      field: fieldPath(path),
      message: missing ? `\`${fieldPath(path)}\` is required` : describe(issue),
      fix: missing ? `add \`${String(path[path.length - 1])}:\` (${describe(issue)})` : fixFor(issue),
    });
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input !== undefined) {
    const got = issue.input === null ? "nothing" : Array.isArray(issue.input) ? "a list" : typeof issue.input === "object" ? "a group of fields" : typeof issue.input === "string" ? "text" : typeof issue.input;
    return `${issue.message} (found ${got})`;
  }
  return issue.message;
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return "correct the value as described";
    case "too_small":
    case "too_big":
      return "adjust the value";
    case "invalid_value":
      return `use one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}`;
    default:
      return "correct the value as described";
  }
}

/** Keys the schema allows at `path`, for "did you mean". */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = schema;
  for (const seg of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(seg)];
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let n = node;
  for (let i = 0; i < 10 && n; i++) {
    if (n instanceof z.ZodOptional || n instanceof z.ZodDefault || n instanceof z.ZodNullable || n instanceof z.ZodPrefault) n = n.unwrap() as z.ZodType;
    else if (n instanceof z.ZodPipe) n = n.in as z.ZodType;
    else break;
  }
  return n;
}
