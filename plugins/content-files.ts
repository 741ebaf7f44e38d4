// Which files under content/ Eleventy reads: those the check reads (lib/content-paths.ts),
// never a hidden one (`.trash/`, macOS's `._post.md`), a Word lock file (`~$post.docx`),
// or what a linked folder holds (the check stops on such a link; ignored here too, so that
// a link to a folder holding itself cannot run Eleventy in circles under `npm start`), and
// the same whatever .gitignore or an .eleventyignore lists.
import { statSync } from "node:fs";
import path from "node:path";
import { ELEVENTY_IGNORE_FILES, ignoreFilePatterns, linkedFolders, SKIPPED_CONTENT_GLOBS } from "../lib/content-paths.ts";
import { context } from "./context.ts";

export default function contentFilesPlugin(eleventyConfig: any): void {
  // Every file in content/ is the site, as the check reads it: a file listed in .gitignore
  // that is committed all the same (uploaded on GitHub's website, or there before the line
  // was added) is published, never skipped in silence while the check passes it.
  eleventyConfig.setUseGitIgnore(false);
  for (const glob of SKIPPED_CONTENT_GLOBS) eleventyConfig.ignores.add(glob);
  for (const folder of linkedFolders(context().root)) eleventyConfig.ignores.add(`${folder}/**`);
  // Nor an .eleventyignore: Eleventy has no setting to leave it unread, so its patterns are
  // taken back out of the list it announces before searching with it (the check warns that
  // the file has no effect). tests/site/fn-eleventyignore.test.ts builds with one.
  eleventyConfig.on("eleventy.ignores", (ignores: string[]) => {
    const listed = new Set(eleventyIgnoreEntries(process.cwd()));
    // Those chatpost adds itself stay, should a line of the file read the same.
    const own = new Set([...eleventyConfig.ignores].map((glob: string) => (glob.startsWith("**/") ? glob : dotSlash(posix(path.join(".", glob))))));
    for (let i = ignores.length - 1; i >= 0; i--) if (listed.has(ignores[i]!) && !own.has(ignores[i]!)) ignores.splice(i, 1);
  });
}

const posix = (p: string) => {
  const joined = p.split(path.sep).join("/");
  return joined !== "/" && joined.endsWith("/") ? joined.slice(0, -1) : joined;
};
const dotSlash = (p: string) => (p === "." || p === ".." ? `${p}/` : path.isAbsolute(p) || p.startsWith("./") || p.startsWith("../") ? p : `./${p}`);

/**
 * The ignore globs Eleventy 3.1 makes of the .eleventyignore files, as its
 * EleventyFiles.normalizeIgnoreContent writes them: each pattern joined to its file's
 * folder, from the working folder (Eleventy's root), with `./` in front, and `/**` after
 * one naming a folder.
 */
function eleventyIgnoreEntries(cwd: string): string[] {
  return ELEVENTY_IGNORE_FILES.flatMap((file) => {
    const dir = path.posix.dirname(file);
    return ignoreFilePatterns(cwd, file).map(({ pattern }) => {
      let entry = dotSlash(posix(path.normalize(path.join(dir, "/", pattern))));
      entry = dotSlash(posix(path.normalize(entry.startsWith(`${cwd}/`) ? entry.slice(cwd.length + 1) : entry)));
      try {
        if (statSync(path.join(cwd, entry)).isDirectory()) return `${entry}/**`;
      } catch {
        // Not there: a glob, or a file to come.
      }
      return entry;
    });
  });
}
