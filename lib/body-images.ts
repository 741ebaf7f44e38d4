// The images of a post's markdown body. Each must say what it shows: a markdown image
// with empty alt text, or a raw <img> without an alt attribute, is a writer's mistake.
// Each of the site's own must exist, where the post names it (next to the post, most
// often), and be of a kind the build publishes. The body is read through markdown-it's
// token stream, so an <img> inside a code block or code span (shown as text, not as an
// image) is never reported.
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { Diagnostic } from "./diagnostics.ts";
import { caseSlip, type FileLookup } from "./file-case.ts";
import { DATA_FOLDER, isPublishedFile, PUBLISHED_FILE_EXTENSIONS, PUBLISHED_IMAGE_EXTENSIONS, rawAddresses, rawImages, resolveLocalPath } from "./local-paths.ts";
import { parseBody } from "./markdown.ts";
import { isPostFile } from "./content-paths.ts";
import { ATTRIBUTE_VALUE_PREFIXES, MARKDOWN_ADDRESS_PREFIXES, sourceColumns, writtenForms } from "./source-columns.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];

/**
 * Every problem of the images in `body`, as errors at the file line each is on.
 * `bodyLine` is the file line the body starts on (1-based); `fileExists` takes a path
 * from the project root. A raw `<img alt="">` is allowed: it is how a writer marks an
 * image as purely decorative.
 */
export function bodyImageProblems(body: string, file: string, bodyLine: number, fileExists: FileLookup): Diagnostic[] {
  // Most posts have no image at all; skip the parse for them.
  if (!body.includes("![") && !/<(?:img|source|video|audio|track)\b/i.test(body)) return [];
  const problems: Diagnostic[] = [];
  const columns = sourceColumns(body);
  const report = (line: number, column: number | undefined, message: string, fix: string, severity: "error" | "warning" = "error") =>
    problems.push({ severity, file, line: bodyLine + line, ...(column ? { column } : {}), field: "", message, fix });
  const checkFile = (line: number, column: number | undefined, src: string, kind: "image" | "file" = "image") => {
    const problem = imageFileProblem(file, src, fileExists, kind);
    if (problem) report(line, column, problem.message, problem.fix, problem.severity);
  };
  const raw = (html: string, first: number) => {
    for (const img of rawImages(html)) {
      if (img.alt === undefined) report(first + img.lineOffset, columns.find(first + img.lineOffset, [img.written]), rawMessage(img.src), RAW_FIX);
    }
    // Each picture a browser may load (src, every srcset candidate, a video's poster) and each media file.
    for (const a of rawAddresses(html)) {
      if (a.kind === "link") continue;
      const line = first + a.lineOffset;
      checkFile(line, columns.find(line, [a.address], ATTRIBUTE_VALUE_PREFIXES), a.address, a.kind);
    }
  };

  for (const token of parseBody(body)) {
    const first = token.map?.[0] ?? 0;
    if (token.type === "html_block") raw(token.content, first);
    else if (token.type === "inline") {
      let offset = 0;
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        else if (child.type === "html_inline") raw(child.content, first + offset);
        else if (child.type === "image") {
          const line = first + offset;
          const src = child.attrGet("src") ?? "";
          // The file's name for a problem with the file, the "![" for one with the description.
          const at = columns.find(line, writtenForms(src), MARKDOWN_ADDRESS_PREFIXES);
          const start = at === undefined ? undefined : columns.before(line, at, /!\[/);
          if (child.content.trim() === "") {
            report(line, start, `the image ${src || "(no file)"} has no alt text`, `describe what it shows between the brackets: ![Two hosts at the meetup](${src})`);
          } else if (!describes(child.children ?? [])) {
            // "![[@smith2020]](chart.png)" names a source, not what the image shows.
            report(
              line,
              start,
              `the alt text of the image ${src || "(no file)"} is only a citation (${child.content.trim()}), which does not say what the image shows`,
              `describe the image before the citation: ![Chart of weekly chat participants ${child.content.trim()}](${src})`,
            );
          }
          checkFile(line, at, src);
        }
      }
    }
  }
  return problems;
}

/**
 * What is wrong with an image (or, with kind "file", a video, a sound or captions of
 * raw HTML) the post `file` names, if anything: a file of the site that is missing,
 * outside content/, or of a kind that is not published.
 */
/**
 * A picture larger than this is a warning: the page has no smaller copy of it, so a reader
 * on a phone downloads all of it, and a camera's photo (3–6 MB) is many times the page.
 */
export const IMAGE_BYTES_LIMIT = 1_000_000;

export function imageFileProblem(file: string, src: string, fileExists: FileLookup, kind: "image" | "file" = "image"): { message: string; fix: string; severity?: "warning" } | undefined {
  const where = resolveLocalPath(file, src);
  if (where.kind === "remote") return undefined;
  const what = kind === "image" ? "image file" : "file";
  if (where.kind === "outside" && where.file.startsWith(DATA_FOLDER)) {
    return { message: `the ${what} ${src} is in ${DATA_FOLDER}, the folder of the site's data, from which nothing is published`, fix: `move it next to the ${isPostFile(file) ? "post" : "page"} and write its file name, e.g. ${path.posix.basename(where.file)}` };
  }
  if (where.kind === "outside" || !fileExists(where.file)) {
    const slip = where.kind === "local" ? caseSlip(src, where.file, fileExists) : undefined;
    if (slip) {
      return { message: `the ${what} ${src} was not found: the file is named ${slip.name}, and the published site tells capitals apart`, fix: slip.fix };
    }
    return { message: `the ${what} ${src} was not found (looked for ${where.file})`, fix: `check the file name and put the ${kind === "image" ? "image" : "file"} next to the ${isPostFile(file) ? "post" : "page"}` };
  }
  const extension = /\.([^./]+)$/.exec(where.file)?.[1] ?? "";
  const published = kind === "image" ? PUBLISHED_IMAGE_EXTENSIONS : PUBLISHED_FILE_EXTENSIONS;
  // In any capitals: a camera's `Photo.JPG` is published as it is named.
  if (!isPublishedFile(where.file, published)) {
    return {
      message: `the ${what} ${src} is not published: the site copies ${kind === "image" ? "images" : "files"} ending in ${published.map((e) => `.${e}`).join(", ")}`,
      fix: kind === "image"
        ? "save the image as PNG, JPEG, WebP, GIF, AVIF or SVG"
        : "save a video as MP4 or WebM, a sound as MP3, M4A or Ogg, captions as WebVTT (.vtt)",
    };
  }
  const bytes = kind === "image" ? fileExists.bytes?.(where.file) : undefined;
  if (bytes !== undefined && bytes > IMAGE_BYTES_LIMIT) {
    return {
      severity: "warning",
      message: `the image file ${src} is ${megabytes(bytes)}: readers download all of it with the page, which is slow and costly on a phone`,
      fix: extension.toLowerCase() === "svg"
        ? "simplify the drawing, or save it as PNG or WebP, under 1 MB"
        : "save it smaller, under 1 MB: about 1600 pixels wide, as JPEG or WebP, is usually under 300 KB",
    };
  }
  return undefined;
}

/** 4,194,304 bytes → "4.2 MB" (1 MB = 1,000,000 bytes, as the page-weight budget counts). */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Whether an image's description has words besides its citations. */
function describes(children: Token[]): boolean {
  return children.some((c) => (c.type === "image" ? describes(c.children ?? []) : c.type !== "citation" && /[\p{L}\p{N}]/u.test(c.content)));
}

const RAW_FIX = 'add alt="what the image shows" to the <img> tag (alt="" only for a purely decorative image)';

function rawMessage(src: string | undefined): string {
  return `the <img>${src ? ` of ${src}` : ""} has no alt attribute`;
}
