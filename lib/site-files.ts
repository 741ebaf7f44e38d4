// The files of a built site, in one stable order: used by the post-build steps, the
// page-weight report and the tests that read a build.
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file under `dir`, as paths relative to it with forward slashes, sorted by code unit. */
export function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}
