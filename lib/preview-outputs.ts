// The live preview writes into the same folder build after build, and an incremental build
// writes only some pages: a page whose source was deleted or renamed, or a tag page no post
// uses any more, would stay there and be served. This ledger says which files to remove.
import { readdirSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";

export interface WrittenFile {
  /** The source the file was made from. */
  input: string;
  output: string;
}

export class OutputLedger {
  #bySource = new Map<string, Set<string>>();

  /**
   * Records the files a build wrote and returns the files recorded before that no source
   * makes any more. A source a build rendered wrote all of its files (all the pages of a
   * paginated one): its other files from before are stale. After a complete build (every
   * source rendered) so are the files of a source it did not render, which was deleted.
   */
  record(written: Iterable<WrittenFile>, complete: boolean): string[] {
    const now = new Map<string, Set<string>>();
    for (const { input, output } of written) {
      let outputs = now.get(input);
      if (!outputs) now.set(input, (outputs = new Set()));
      outputs.add(output);
    }
    const kept = new Set([...now.values()].flatMap((outputs) => [...outputs]));
    const stale: string[] = [];
    for (const [input, outputs] of this.#bySource) {
      if (!complete && !now.has(input)) continue;
      for (const output of outputs) if (!kept.has(output)) stale.push(output);
      this.#bySource.delete(input);
    }
    for (const [input, outputs] of now) this.#bySource.set(input, outputs);
    return stale;
  }
}

/** Removes `file` and then each folder it leaves empty, up to (not including) `output`. */
export function removeWithEmptyFolders(file: string, output: string): void {
  if (!file.startsWith(output + path.sep)) return;
  rmSync(file, { force: true });
  for (let dir = path.dirname(file); dir.startsWith(output + path.sep); dir = path.dirname(dir)) {
    try {
      if (readdirSync(dir).length) return;
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}
