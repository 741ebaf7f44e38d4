// Videos and embedded frames in a post's raw HTML must reach every reader. A <video>
// needs captions (a <track kind="captions"> or "subtitles") for readers who cannot hear
// it: a warning, as a video without speech needs none, and `muted` says so. An <iframe>
// (an embedded player, a map, a form) needs a title, the name a screen reader gives the
// frame: an error, as an <img> without alt is. Read through markdown-it's tokens, so
// HTML shown as code is never reported, and across tokens, since a blank line inside a
// <video> splits it into several pieces of raw HTML.
import type { Diagnostic } from "./diagnostics.ts";
import { attributesOf } from "./local-paths.ts";
import { parseBody } from "./markdown.ts";
import { sourceColumns } from "./source-columns.ts";

const TAG = /<(\/?)(video|source|track|iframe)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** A piece of the body's raw HTML and the 0-based body line it starts on. */
interface RawPiece {
  html: string;
  line: number;
}

interface OpenVideo {
  line: number;
  column: number | undefined;
  name: string | undefined;
  captioned: boolean;
  silent: boolean;
}

/**
 * Every problem of the videos and frames in `body`, at the file line each starts on.
 * `bodyLine` is the file line the body starts on (1-based).
 */
export function bodyMediaProblems(body: string, file: string, bodyLine: number): Diagnostic[] {
  // Most posts have neither; skip the parse for them.
  if (!/<(?:video|iframe)\b/i.test(body)) return [];
  const problems: Diagnostic[] = [];
  const columns = sourceColumns(body);
  let video: OpenVideo | undefined;
  const closeVideo = () => {
    if (video && !video.captioned && !video.silent) {
      const what = video.name ? `the video ${video.name}` : "the <video>";
      problems.push({
        severity: "warning",
        file,
        line: bodyLine + video.line,
        ...(video.column ? { column: video.column } : {}),
        field: "",
        message: `${what} has no captions: readers who cannot hear it miss what is said`,
        fix: `add captions inside the <video>: <track kind="captions" src="${captionsName(video.name)}" srclang="en" label="English"> (a WebVTT file next to the post); for a video without speech, add muted to the <video> tag`,
      });
    }
    video = undefined;
  };

  for (const piece of rawPieces(body)) {
    for (const match of piece.html.matchAll(TAG)) {
      const closing = match[1] === "/";
      const name = match[2]!.toLowerCase();
      const line = piece.line + countBreaks(piece.html, match.index);
      const attrs = new Map<string, string>();
      if (!closing) for (const a of attributesOf(match[0])) attrs.set(a.name, a.value.trim());
      if (name === "video") {
        closeVideo();
        if (closing) continue;
        video = {
          line,
          column: columns.find(line, [match[0].slice(0, 1 + name.length)]),
          name: attrs.get("src") || undefined,
          captioned: false,
          silent: attrs.has("muted"),
        };
      } else if (name === "source" && video && !closing) {
        video.name ??= attrs.get("src") || undefined;
      } else if (name === "track" && video && !closing) {
        if (/^(?:captions|subtitles)$/i.test(attrs.get("kind") ?? "subtitles") && attrs.get("src")) video.captioned = true;
      } else if (name === "iframe" && !closing) {
        if (!attrs.get("title") && !attrs.get("aria-label") && !attrs.get("aria-labelledby")) {
          const src = attrs.get("src");
          const column = columns.find(line, [match[0].slice(0, 1 + name.length)]);
          problems.push({
            severity: "error",
            file,
            line: bodyLine + line,
            ...(column ? { column } : {}),
            field: "",
            message: `the embedded frame${src ? ` of ${src}` : ""} has no title: screen readers announce it as an unnamed frame`,
            fix: 'add title="what it shows" to the <iframe> tag, e.g. title="Video: how the chat works"',
          });
        }
      }
    }
  }
  closeVideo();
  return problems;
}

/** The raw HTML of the body in order, blocks and inline tags alike. */
function rawPieces(body: string): RawPiece[] {
  const pieces: RawPiece[] = [];
  for (const token of parseBody(body)) {
    const first = token.map?.[0] ?? 0;
    if (token.type === "html_block") pieces.push({ html: token.content, line: first });
    else if (token.type === "inline") {
      let offset = 0;
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        else if (child.type === "html_inline") pieces.push({ html: child.content, line: first + offset });
      }
    }
  }
  return pieces;
}

function countBreaks(text: string, before: number): number {
  let breaks = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < before; i = text.indexOf("\n", i + 1)) breaks++;
  return breaks;
}

/** A captions file name to suggest: the video's, ending in .vtt. */
function captionsName(video: string | undefined): string {
  const base = video?.split(/[?#]/)[0]?.split("/").pop();
  return base && /\.[^.]+$/.test(base) ? base.replace(/\.[^.]+$/, ".vtt") : "captions.vtt";
}
