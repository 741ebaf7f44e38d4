// Which files under content/ Eleventy reads: those the check reads (lib/content-paths.ts),
// never a hidden one (`.trash/`, macOS's `._post.md`), a Word lock file (`~$post.docx`),
// or what a linked folder holds (the check stops on such a link; ignored here too, so that
// a link to a folder holding itself cannot run Eleventy in circles under `npm start`), and
// the same whatever .gitignore lists.
import { linkedFolders, SKIPPED_CONTENT_GLOBS } from "../lib/content-paths.ts";
import { context } from "./context.ts";

export default function contentFilesPlugin(eleventyConfig: any): void {
  // Every file in content/ is the site, as the check reads it: a file listed in .gitignore
  // that is committed all the same (uploaded on GitHub's website, or there before the line
  // was added) is published, never skipped in silence while the check passes it.
  eleventyConfig.setUseGitIgnore(false);
  for (const glob of SKIPPED_CONTENT_GLOBS) eleventyConfig.ignores.add(glob);
  for (const folder of linkedFolders(context().root)) eleventyConfig.ignores.add(`${folder}/**`);
}
