// Whether a file of the site is there with its name written exactly, capitals included.
// macOS and Windows find `meetup.jpg` when the file is `Meetup.JPG`, but the web server
// that publishes the site does not: the check must fail where the published site would,
// on every machine, and say which capitals differ.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Whether a file exists, from the project root; `otherCase` gives its path as on disk when
 * only capitals differ, `bytes` the size of a file that is there as written.
 */
export interface FileLookup {
  (relativePath: string): boolean;
  otherCase?: (relativePath: string) => string | undefined;
  bytes?: (relativePath: string) => number | undefined;
}

// A folder's names, kept while the folder's modification time is unchanged (adding,
// removing or renaming a file in it changes it): a build asks about many files of one folder.
const listings = new Map<string, { changed: number; names: Set<string> }>();

function namesIn(dir: string): Set<string> | undefined {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return undefined;
  const known = listings.get(dir);
  if (known && known.changed === stat.mtimeMs) return known.names;
  let names: Set<string>;
  try {
    // Compared as NFC: macOS may store "café" decomposed, and git gives it back composed.
    names = new Set(readdirSync(dir).map((n) => n.normalize("NFC")));
  } catch {
    return undefined;
  }
  listings.set(dir, { changed: stat.mtimeMs, names });
  return names;
}

/**
 * Where `relativePath` is on disk: `exact` when every part of it is there as written; else
 * the path whose parts differ from it in capitals only, when there is one such file.
 */
export function findFile(root: string, relativePath: string): { exact: boolean; otherCase?: string } {
  const parts = relativePath.split("/").filter((p) => p !== "" && p !== ".");
  let dir = root;
  const found: string[] = [];
  let exact = true;
  for (const part of parts) {
    const names = namesIn(dir);
    if (!names) return { exact: false };
    const written = part.normalize("NFC");
    let name: string | undefined = names.has(written) ? written : undefined;
    if (!name) {
      const lower = written.toLowerCase();
      const near = [...names].filter((n) => n.toLowerCase() === lower);
      if (near.length !== 1) return { exact: false };
      name = near[0]!;
      exact = false;
    }
    found.push(name);
    dir = path.join(dir, name);
  }
  return exact ? { exact: true } : { exact: false, otherCase: found.join("/") };
}

/**
 * What a validation found of a file it looked for: `true` there as written, `false` absent,
 * or the path of the file whose name differs in capitals only (its error names that file,
 * so a record of the validation holds only while that file is still there under that name).
 */
export type FileProbe = [relativePath: string, found: boolean | string, bytes?: number];

function probeOf(root: string, relativePath: string): { exact: boolean; otherCase?: string; found: boolean | string } {
  const f = findFile(root, relativePath);
  return { ...f, found: f.exact ? true : (f.otherCase ?? false) };
}

function sizeOf(root: string, relativePath: string): number | undefined {
  return statSync(path.join(root, relativePath), { throwIfNoEntry: false })?.size;
}

/** A FileLookup of the project at `root`: exact names only, with the capitals that differ, and sizes. */
export function fileLookup(root: string, onProbe?: (relativePath: string, found: boolean | string, bytes?: number) => void): FileLookup {
  const lookup: FileLookup = (relativePath) => {
    const { exact, found } = probeOf(root, relativePath);
    onProbe?.(relativePath, found);
    return exact;
  };
  lookup.otherCase = (relativePath) => {
    const { otherCase, found } = probeOf(root, relativePath);
    onProbe?.(relativePath, found);
    return otherCase;
  };
  // Kept with the size it had: a record of a warning about a big picture holds while the file is unchanged.
  lookup.bytes = (relativePath) => {
    const { exact, found } = probeOf(root, relativePath);
    const bytes = exact ? sizeOf(root, relativePath) : undefined;
    onProbe?.(relativePath, found, ...(bytes === undefined ? [] : [bytes]));
    return bytes;
  };
  return lookup;
}

/** Whether every file looked for is still there (at the size it had, when that was asked), absent, or under other capitals, as it was. */
export function probesHold(root: string, probes: unknown): boolean {
  return Array.isArray(probes) && probes.every((p) =>
    Array.isArray(p) && typeof p[0] === "string" && probeOf(root, p[0]).found === p[1] && (p[2] === undefined || sizeOf(root, p[0]) === p[2]));
}

/**
 * A name written with other capitals than its file's: the file's name, and the fix, which
 * writes the address as written with the file's capitals (only the parts that differ change).
 * `written` is the address as in the post, `file` where it leads from the project root.
 */
export function caseSlip(written: string, file: string, fileExists: FileLookup): { name: string; fix: string } | undefined {
  const onDisk = fileExists.otherCase?.(file);
  if (!onDisk) return undefined;
  const name = onDisk.slice(onDisk.lastIndexOf("/") + 1);
  // The parts of the written address, matched from the end with those of the file on disk.
  const [pathPart = "", rest = ""] = /^([^?#]*)(.*)$/s.exec(written)!.slice(1);
  const parts = pathPart.split("/");
  const disk = onDisk.split("/");
  const fixed = parts.map((part, i) => {
    const same = disk[disk.length - parts.length + i];
    let decoded = part;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      // Kept as written.
    }
    return same !== undefined && same !== decoded && same.toLowerCase() === decoded.normalize("NFC").toLowerCase() ? encodeURI(same) : part;
  });
  return { name, fix: `write it with the file's capitals: ${fixed.join("/")}${rest} (or rename the file to match)` };
}
