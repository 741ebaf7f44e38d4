// Under `npm start`, removes from the preview folder the pages no source makes any more
// (lib/preview-outputs.ts): a tag no post has now, a deleted post (scripts/serve.ts has a
// deletion rebuild every page). Synchronous, and added before the site-links plugin, whose
// check looks in the folder: a link to a removed page is then reported, as a build would.
// The address a post's page left (its file renamed or deleted) says where the post went:
// served by scripts/serve.ts from memory (previewAtLeftAddress), never written to the
// folder, so the link check and a build see nothing of it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isPostFile } from "../lib/content-paths.ts";
import { LeftAddresses, leftAddressHtml, OutputLedger, removeWithEmptyFolders, type WrittenPage } from "../lib/preview-outputs.ts";
import { context } from "./context.ts";

// Outside the plugin: Eleventy sets its plugins up again when the settings file changes.
const ledger = new OutputLedger();
const leftAddresses = new LeftAddresses();

interface Result {
  inputPath: string;
  outputPath: string | false;
  url?: string;
}

/** A post's text and its title line: what tells a renamed file (read now, while it is there). */
function identity(file: string): string[] {
  try {
    const text = readFileSync(path.join(context().root, file), "utf8");
    const title = /^title[ \t]*:(.*)$/m.exec(text)?.[1]?.trim();
    return [`text:${createHash("sha256").update(text).digest("hex")}`, ...(title ? [`title:${title}`] : [])];
  } catch {
    return [];
  }
}

/** The preview's page at the address a request names, when that address is one a post's page left. */
export function previewAtLeftAddress(requestUrl: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURI(new URL(requestUrl, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  // Under a path prefix (/chat/), the dev server's addresses start with it; a page's url does not.
  const prefix = (process.env.CHATPOST_PATH_PREFIX ?? context().settings.pathPrefix ?? "").replace(/^\/+|\/+$/g, "");
  const url = prefix && pathname.startsWith(`/${prefix}/`) ? pathname.slice(prefix.length + 1) : pathname;
  for (const candidate of [url, url.replace(/index\.html$/, ""), `${url}/`]) {
    const left = leftAddresses.at(candidate);
    if (left) return leftAddressHtml(candidate, left);
  }
  return undefined;
}

export default function previewOutputsPlugin(eleventyConfig: any): void {
  eleventyConfig.on("eleventy.after", ({ directories, results, incremental }: { directories: { output: string }; results: Result[]; incremental: boolean }) => {
    if (context().mode !== "preview") return;
    const output = path.resolve(directories.output);
    const written = results.flatMap((r) => (r.outputPath ? [{ input: path.resolve(r.inputPath), output: path.resolve(r.outputPath) }] : []));
    for (const file of ledger.record(written, !incremental)) removeWithEmptyFolders(file, output);
    const posts: WrittenPage[] = [];
    for (const r of results) {
      const file = path.relative(context().root, path.resolve(r.inputPath)).split(path.sep).join("/");
      if (r.outputPath && r.outputPath.endsWith(".html") && typeof r.url === "string" && isPostFile(file)) posts.push({ input: file, url: r.url, identity: identity(file) });
    }
    leftAddresses.record(posts, !incremental);
  });
}
