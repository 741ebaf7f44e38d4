// The CSL files a site keeps for its settings' `citations.style` and `citations.locale`:
// styles/*.csl and locales/*.xml, from which a mistyped name is given a "did you mean".
import { readdirSync } from "node:fs";
import path from "node:path";

/** The files with extension `ext` in the site's folder `dir`, as paths from the site's folder ("styles/nature.csl"). */
export function siteCitationFiles(root: string, dir: "styles" | "locales", ext: ".csl" | ".xml"): string[] {
  try {
    return readdirSync(path.join(root, dir))
      .filter((name) => name.toLowerCase().endsWith(ext))
      .sort()
      .map((name) => `${dir}/${name}`);
  } catch {
    return [];
  }
}

/** Every style and locale file a "did you mean" may name. */
export function citationFileChoices(root: string): string[] {
  return [...siteCitationFiles(root, "styles", ".csl"), ...siteCitationFiles(root, "locales", ".xml")];
}
