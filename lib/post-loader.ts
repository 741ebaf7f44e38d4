// From a post's file text to a validated, typed Post, with every problem found.
import { readFileSync } from "node:fs";
import path from "node:path";
import { currentZoneName, isoOffset, resolveChatStart, zoneWarning, type ChatInstant } from "./chat-time.ts";
import { followedHashtag } from "./chat-address.ts";
import { normaliseItem, referenceId, sameDoiProblem, type CslItem } from "./csl-normalise.ts";
import { pastedIds } from "./pasted-references.ts";
import { fieldPath, fieldWords, type Diagnostic, type Position } from "./diagnostics.ts";
import { firstFreeName, slugFromFile, suggestedPostFile } from "./content-paths.ts";
import { dateSlips } from "./post-dates.ts";
import { topicLabelProblems } from "./topic-labels.ts";
import { postMarkupProblems } from "./front-matter-markup.ts";
import { CONTROL_CHARACTER, controlCharacterName, controlCharacterProblems, encodingProblems, unreadableTextProblem, webPageProblem, withoutControlCharacters } from "./text-encoding.ts";
import { doubledFence, fenceSlips, misplacedOpening, neverClosed, readableFields, readYamlDocument, recordValidatedYaml, splitFrontMatter, writtenIds, type SplitFile } from "./front-matter.ts";
import { bodyImageProblems, imageFileProblem } from "./body-images.ts";
import { bodyMediaProblems } from "./body-media.ts";
import { bodyHtmlProblems } from "./body-html.ts";
import { bodyFootnoteProblems } from "./body-footnotes.ts";
import { languageSpanProblems } from "./language-spans.ts";
import { bodyLinks, sitePostsIn, type PostLink } from "./body-links.ts";
import { absoluteUrl } from "./site-url.ts";
import type { SiteLink } from "./site-links.ts";
import type { LinkingPost, UnreadableReference } from "./cross-file-checks.ts";
import type { ChatOfPost } from "./chat-revisions.ts";
import type { SharedBibliography } from "./bibliography.ts";
import { resolveLocalPath } from "./local-paths.ts";
import type { FileLookup } from "./file-case.ts";
import type { ZodType } from "zod";
import { chatStateSlip, frontMatterSchema } from "./post-schema.ts";
import { knownKeys, referenceProblems, schemaReadOptions, valueCauses, zodIssuesToDiagnostics } from "./schema-messages.ts";
import type { Settings } from "./settings.ts";
import { slotSlip } from "./weekly-slot.ts";
import { unfinishedPostProblems } from "./unfinished-post.ts";

export interface Chat extends ChatInstant {
  durationMinutes: number;
  endMillis: number;
  hashtag: string;
  /** Where the chat happens, e.g. Bluesky: the post's `platform:`, or the site's. */
  platform: string;
  /**
   * Where readers follow or join this chat live: the post's `url:`, or else the site's page,
   * for this chat's hashtag (lib/chat-address.ts).
   */
  url: string;
  /**
   * A chat called off after its announcement was published (`cancelled: true`), or put off to
   * a day not yet known (`postponed: true`): the event stays, said to be off (lib/calendar.ts).
   */
  status?: "cancelled" | "postponed";
  /** The start it had before it moved (`moved_from:`), in the chat's zone. */
  movedFrom?: ChatInstant;
  /** Where `cancelled:`, `postponed:` or else `moved_from:` is written: a change calendars must be told of needs `updated:`. */
  changeAt?: Position;
}

export interface PostImage {
  /** Site-absolute URL of the image file, e.g. /posts/meetup.jpg */
  url: string;
  alt: string;
  credit?: string;
}

export interface Post {
  /** Path from the project root, forward slashes: content/posts/2017-04-30-online-communities.md */
  file: string;
  slug: string;
  /** Site-absolute URL without the path prefix: /posts/online-communities/ */
  url: string;
  title: string;
  /** Where the title is written, for the checks between posts (two posts titled alike). */
  titleAt?: Position;
  /** Where `topics:` is written, for the checks between posts (a post copied with another's questions). */
  topicsAt?: Position;
  /** Publish date, YYYY-MM-DD. */
  date: string;
  /** The day it was last corrected, YYYY-MM-DD, never before `date`. */
  updated?: string;
  /**
   * When it was last corrected, when the writer gave the time too (a second change on one
   * day): the clock time where the chat is hosted and its offset, 2017-05-01T14:30-04:00.
   */
  updatedAt?: string;
  /** Where `updated:` is written, for the check of a change dated ahead of the build's day (lib/cross-file-checks.ts). */
  updatedFieldAt?: Position;
  author: string;
  description?: string;
  /** The language tag of its own text when the writer gave one (`language: es`); the site's otherwise. */
  language?: string;
  tags: string[];
  /** Where each tag is written, for the checks between posts (two spellings of one tag). */
  tagsAt?: Position[];
  draft: boolean;
  chat?: Chat;
  topics: string[];
  references: CslItem[];
  nocite: string[];
  image?: PostImage;
  /** The links of its body to other posts, for the checks between posts. */
  postLinks: PostLink[];
  /** The links of its body to addresses of the site and places in pages, checked on the built site (lib/site-links.ts). */
  siteLinks: SiteLink[];
  /** Markdown body, and the file line it starts on. */
  body: string;
  bodyLine: number;
}

/** What a post's citations are checked against: a whole post, or what can be read of one with errors. */
export type CitingPost = Pick<Post, "file" | "references" | "nocite" | "body" | "bodyLine"> & {
  /** Ids of references too broken to use, already reported: a citation of one is not reported again. */
  brokenReferences?: string[];
  /** `references:` could not be read, nor any id in it (a RIS record pasted there): no citation is reported as missing from it (lib/post-citations.ts). */
  referencesUnread?: boolean;
};

export interface LoadResult {
  post?: Post;
  /**
   * For a post with errors (no `post`), its body, its readable references and nocite, so
   * that its citation keys are checked too: every problem of a file at once.
   */
  citing?: CitingPost;
  /** For a post with errors that links to other posts or has tags: those, checked too (lib/cross-file-checks.ts). */
  linking?: LinkingPost;
  /**
   * For a post with errors elsewhere (a tag, a reference) whose date, `updated:`, `draft:` and
   * chat are valid: its chat, compared with the chat calendars were given (lib/chat-revisions.ts),
   * so that a chat moved without a new `updated:` is told with that error, not once it is fixed.
   */
  chatOfPost?: ChatOfPost;
  /** For a page other than a post: the links of its body to the site's addresses (a post's are in `post`). */
  siteLinks?: SiteLink[];
  diagnostics: Diagnostic[];
  /**
   * Where `chat.start` is written, for the checks between posts. Only the position is
   * kept, not the parsed YAML document: a build holds every post at once, and the
   * documents would be most of its memory (citation problems re-read the file instead).
   */
  chatStartAt?: Position;
  /** The front matter as parsed, given with a post (for its validation record, lib/corpus.ts). */
  frontMatter?: unknown;
  /**
   * When a link's problem was told from the site's posts and their titles (a post named by
   * its title): sitePostsDigest of them (lib/cross-file-checks.ts). The result holds only
   * while sitePostsHold says they are unchanged; a validation record keeps it.
   */
  sitePosts?: string;
}

export interface LoadContext {
  settings: Settings;
  /** Directory that holds `content/` (the project root). */
  root: string;
  /** Whether a file exists, relative to the root, its name written exactly (lib/file-case.ts); injectable for tests. */
  fileExists: FileLookup;
  /** The file as read, when the caller has it: an encoding error then shows what its lines were meant to say. */
  bytes?: Uint8Array;
  /**
   * The shared bibliography, as the caller loaded it for the site's citations: a bare
   * `@key` of one of its entries in a title, description or topic is a citation shown as
   * typed, as one of the post's own references is. Without it, such a key reads as a handle.
   */
  sharedBibliography?: Pick<SharedBibliography, "entries" | "broken">;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

let chatFields: Set<string> | undefined;
/** The chat's own field names, and the names writers use for them (`timezone:`, `tz:`, `length:`), as schema-messages reads them; and `status:`, `published:`, which a check tells are `cancelled:` and `draft:`. */
function chatFieldNames(): Set<string> {
  return (chatFields ??= new Set([...knownKeys(frontMatterSchema, ["chat"]), "timezone", "time_zone", "time-zone", "tz", "length", "minutes", "time", "status", "published"]));
}

export { slugFromFile };

/**
 * The post's own language as a writer reads its `language:` line, for the body's checks,
 * which run before (and whatever) the schema says of the field: a tag that cannot be read is
 * the field's problem, and the body is then taken to be in the site's language.
 */
function writtenLanguage(yaml: string): string | undefined {
  const written = /^language:[ \t]*["']?([A-Za-z0-9-]+)["']?[ \t]*(?:#.*)?$/m.exec(yaml)?.[1];
  if (written === undefined || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(written)) return undefined;
  try {
    return Intl.getCanonicalLocales(written)[0];
  } catch {
    return undefined;
  }
}

export function loadPost(file: string, raw: string, ctx: LoadContext): LoadResult {
  // Set by the links' checks only when a link named a post some other way than by its file.
  const read: { sitePosts?: string } = {};
  const result = loadPostOnly(file, raw, ctx, read);
  return read.sitePosts ? { ...result, sitePosts: read.sitePosts } : result;
}

function loadPostOnly(file: string, fileText: string, ctx: LoadContext, read: { sitePosts?: string }): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const error = (field: string, pos: { line?: number; column?: number }, message: string, fix: string) =>
    diagnostics.push({ severity: "error", file, ...pos, field, message, fix });

  if (fileText.replace(/^\uFEFF/, "").trim() === "") {
    error("", { line: 1, column: 1 }, "the file is empty", "start it with front matter: a line ---, then title:, date:, then a line ---");
    return { diagnostics };
  }
  // UTF-16, a Word document, a PDF, a damaged file: read as text, its "front matter" would be noise.
  const notText = unreadableTextProblem(file, fileText, ctx.bytes);
  if (notText) return { diagnostics: [notText] };
  // Read on, so that every other problem comes in the same list.
  diagnostics.push(...encodingProblems(file, fileText, ctx.bytes));
  const controls = controlCharacterProblems(file, fileText);
  diagnostics.push(...controls);
  // Read on as if the control characters were deleted: a NUL after a date is that error alone.
  const written = controls.length ? withoutControlCharacters(fileText) : fileText;
  // `—` for `---`, `...` closing the fields, a CR alone before the closing `---`: Eleventy would not
  // read the front matter as the check does. Told, and read on as if fixed: every problem at once.
  const fences = fenceSlips(written, "post", true);
  for (const slip of fences.slips) error("", { line: slip.line, column: slip.column }, slip.message, slip.fix);
  const raw = fences.text;
  const found = splitFrontMatter(raw);
  let split: SplitFile & { yaml: string };
  if (found.yaml !== undefined) {
    split = { ...found, yaml: found.yaml };
    // A `---` written twice: read on as if it were deleted, so that every other problem comes too.
    const doubled = doubledFence(raw, found, "post");
    if (doubled) {
      const { severity, line, column, message, fix, split: fixed } = doubled;
      diagnostics.push({ severity, file, line, column, field: "", message, fix });
      if (fixed) split = fixed;
    }
  } else {
    const opened = /^\uFEFF?---[ \t]*\r?\n/.test(raw);
    const misplaced = opened ? undefined : misplacedOpening(raw, "post", true);
    if (misplaced) {
      // Read on as if it were written right: the fields' and the text's problems come in the same list.
      const { split: fixed, line, column, message, fix } = misplaced;
      error("", { line, column }, message, fix);
      split = fixed;
    } else if (!opened) {
      const webPage = webPageProblem(file, raw);
      if (webPage) diagnostics.push(webPage);
      else error("", { line: 1, column: 1 }, "the file has no front matter", "start the file with a line ---, the fields (title:, date:, …), then a line ---");
      return { diagnostics };
    } else {
      // Pointed where the text starts, with the line to add `---` after.
      const { line, column, message, fix, split: closed } = neverClosed(raw, "post");
      error("", { line, column }, message, fix);
      if (!closed) return { diagnostics };
      // Read on as if that line were there: the fields' and the text's problems come in the same list.
      split = closed;
    }
  }
  // The body's images and links are checked whatever the front matter holds: every problem at once.
  const links = bodyLinks(split.body, file, split.bodyLine, ctx.fileExists, absoluteUrl(ctx.settings.url, ctx.settings.pathPrefix, "/"), () => sitePostsIn(ctx.root));
  if (links.sitePosts) read.sitePosts = links.sitePosts;
  const bodyProblems = [
    ...bodyImageProblems(split.body, file, split.bodyLine, ctx.fileExists),
    ...bodyMediaProblems(split.body, file, split.bodyLine),
    ...bodyHtmlProblems(split.body, file, split.bodyLine), ...bodyFootnoteProblems(split.body, file, split.bodyLine),
    // Words marked as in another language ([la garde]{lang=fr}, <span lang="fr">), read as screen readers would.
    ...languageSpanProblems(split.body, file, split.bodyLine, ctx.settings.language, writtenLanguage(split.yaml)),
    ...links.problems,
  ];
  // What the schema knows that YAML does not: ` topics:` below `chat:` named as the post's field it is, a list without its name, two fields on one line.
  const readOptions = schemaReadOptions(frontMatterSchema);
  let doc = readYamlDocument(split.yaml, file, split.yamlLine, readOptions);
  // Data despite problems: YAML that parsed but lost a hashtag; the other fields are checked too.
  diagnostics.push(...doc.diagnostics);
  // YAML that does not parse: the fields its errors are not in are read and checked on their own.
  const partial = doc.data === undefined && doc.diagnostics.length ? readableFields(split.yaml, file, split.yamlLine, doc.diagnostics, readOptions) : undefined;
  if (partial) {
    const told = new Set(diagnostics.map((d) => `${d.line}:${d.column}:${d.message}`));
    diagnostics.push(...partial.doc.diagnostics.filter((d) => !told.has(`${d.line}:${d.column}:${d.message}`)));
    doc = partial.doc;
  }
  // From here on, nothing is said of a field left out: the YAML error is its problem.
  const checkedFrom = diagnostics.length;
  if (doc.data === undefined && doc.diagnostics.length) {
    // YAML that does not parse still shows whether the post is a draft and its date, as a
    // writer reads them: its links to other posts are checked with the rest.
    const date = /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})\b/m.exec(split.yaml)?.[1];
    const draft = /^draft:[ \t]*["']?true["']?[ \t]*(?:#.*)?$/m.test(split.yaml);
    const linking: LinkingPost | undefined = links.posts.length ? { file, ...(date ? { date } : {}), draft, postLinks: links.posts } : undefined;
    return { diagnostics: [...diagnostics, ...bodyProblems], ...(linking ? { linking } : {}) };
  }
  // Only whole, valid YAML goes to Eleventy's front-matter engine.
  if (!partial && !doc.repaired) recordValidatedYaml(split.yaml, doc.data);
  const data = doc.data ?? {};
  if (typeof data !== "object" || Array.isArray(data)) {
    error("", { line: split.yamlLine, column: 1 }, "the front matter must be a set of fields", "write one `field: value` per line");
    return { diagnostics: [...diagnostics, ...bodyProblems] };
  }

  const slug = slugFromFile(file);
  if (!SLUG.test(slug)) {
    const copy = copyOf(file, fileText, ctx);
    const suggestedFree = (name: string) => freePostFile(file, suggestedPostFile(name), ctx.fileExists);
    const address = `the file name gives the web address "${slug}", which has characters other than a-z, 0-9 and -`;
    if (copy?.same) {
      error("", { line: 1, column: 1 }, `this file is a copy of ${copy.original} (the same text), as a file manager or a browser names a second copy; published, the announcement would be there twice`, `delete this file: ${copy.original} is the post`);
    } else if (copy?.exists) {
      error("", { line: 1, column: 1 }, `${address}; the name is that of a copy of ${copy.original}, and its text differs from that post's`,
        `if it is another version of that post, keep the text you want in ${copy.original} and delete this file; if it is a new post, rename it to ${suggestedFree(file)} and give it its own title and chat time`);
    } else if (copy) {
      error("", { line: 1, column: 1 }, `${address}: the name is that of a copy (of ${copy.original}, which is not there)`, `rename the file to ${suggestedFree(copy.original)}`);
    } else {
      error("", { line: 1, column: 1 }, address, `rename the file to ${suggestedFree(file)}`);
    }
  }

  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    // `status: cancelled`, `canceled: true`, `movedFrom:`: said with chatpost's line, not "unknown field → remove it".
    const issues = parsed.error.issues.flatMap((issue): (typeof parsed.error.issues)[number][] => {
      if (issue.code !== "unrecognized_keys") return [issue];
      const keys = issue.keys.filter((key) => {
        const slip = chatStateSlip(key, valueIn(data, [...issue.path, key]), issue.path, valueIn(data, ["chat"]));
        if (slip) error(fieldPath([...issue.path, key]), doc.locate([...issue.path, key]), slip.message, slip.fix);
        return !slip;
      });
      return keys.length ? [{ ...issue, keys }] : [];
    });
    diagnostics.push(...zodIssuesToDiagnostics(issues, file, doc.locate, frontMatterSchema, { data, commentedOut: doc.commentedOut, source: { text: split.yaml, firstLine: split.yamlLine } }));
  }
  const fm = parsed.success ? parsed.data : undefined;
  const rawData = data as Record<string, unknown>;
  // The file's own control characters are told above; one still in a value was written as an escape in quotes ("\f", "\0").
  for (const { at, value } of stringValues(rawData, [])) {
    const c = CONTROL_CHARACTER.exec(value)?.[0];
    if (c) error(fieldPath(at), doc.locate(at), `${fieldWords(at)} holds ${controlCharacterName(c)}, written as an escape in double quotes (such as \\f or \\0): an invisible character the site's feed cannot hold`, "delete the escape (the backslash and what follows it) from the value");
  }

  // Chat, references and image are checked even when another field is wrong: every problem at once.
  let chat: Chat | undefined;
  const rawChat = fm?.chat ?? (isRecord(rawData.chat) ? (rawData.chat as Record<string, unknown>) : undefined);
  // Where the chat happens is checked whatever its start holds: every problem at once.
  const followed = followedHashtag(typeof rawChat?.hashtag === "string" ? rawChat.hashtag : ctx.settings.chat.hashtag, ctx.settings.chat);
  const sitePlatform = ctx.settings.chat.platform;
  const platform = typeof rawChat?.platform === "string" && rawChat.platform.trim() ? rawChat.platform.trim() : sitePlatform;
  // The site's page is on the site's platform: a chat elsewhere would send readers to the wrong place.
  // (Not said of a platform the schema already found wrong, e.g. an address written in it.)
  const elsewhere = platform.toLowerCase() !== sitePlatform.trim().toLowerCase() && !diagnostics.some((d) => d.field === "chat.platform");
  if (rawChat && rawChat.url === undefined && elsewhere) {
    error(
      "chat.platform",
      doc.locate(["chat", "platform"]),
      `the chat is on ${platform}, but has no \`url:\`: its link would lead to the site's ${sitePlatform} page, ${followed.url}`,
      `below \`platform:\`, add the address where readers follow or join this chat on ${platform}, indented like it: url: https://… (or remove \`platform:\` if the chat is on ${sitePlatform})`,
    );
  }
  if (rawChat && (typeof rawChat.start === "string" || rawChat.start instanceof Date)) {
    const zone = typeof rawChat.zone === "string" ? rawChat.zone : ctx.settings.chat.zone;
    const zoneField = typeof rawChat.zone === "string" ? ["chat", "zone"] : ["chat", "start"];
    // The weekly time is what a start in the site's zone most likely means; a guest chat elsewhere has its own.
    // (By current names: US/Eastern is the site's America/New_York.)
    const inSiteZone = (currentZoneName(zone) ?? zone.trim()) === (currentZoneName(ctx.settings.chat.zone) ?? ctx.settings.chat.zone);
    // The post's date gives the year or the date a start leaves out ("Wed 3 Dec 8pm"); a written
    // `zone:` line is the one a fix for another zone changes (a second one would be the field twice).
    const postDate = fm?.date ?? validField(frontMatterSchema.shape.date, rawData.date);
    const zoneAt = typeof rawChat.zone === "string" ? doc.locate(["chat", "zone"]) : undefined;
    const result = resolveChatStart(rawChat.start, zone, {
      ...(inSiteZone ? { slotTime: ctx.settings.chat.time } : {}),
      ...(postDate ? { postDate } : {}),
      ...(zoneAt?.line ? { zoneAt: { line: zoneAt.line, column: zoneAt.column ?? 3 } } : {}),
    });
    if (!result.ok) {
      const at = result.field === "zone" ? zoneField : ["chat", "start"];
      error(fieldPath(at), doc.locate(at), result.problem.message, result.problem.fix);
      // A wrong zone does not hide a wrong start: both in one run.
      if (result.startProblem) error("chat.start", doc.locate(["chat", "start"]), result.startProblem.message, result.startProblem.fix);
    }
    // An old name (US/Eastern, Europe/Kiev) still works: told, with its current name, which the post uses.
    // (Told with a wrong start too: every problem at once.)
    const oldZoneName = typeof rawChat.zone === "string" ? zoneWarning(rawChat.zone) : undefined;
    if (oldZoneName) diagnostics.push({ severity: "warning", file, ...doc.locate(["chat", "zone"]), field: "chat.zone", ...oldZoneName });
    if (result.ok) {
      const slip = inSiteZone ? slotSlip(result.instant, ctx.settings.chat.time) : undefined;
      for (const warning of [result.warning, slip]) {
        if (warning) diagnostics.push({ severity: "warning", file, ...doc.locate(["chat", "start"]), field: "chat.start", ...warning });
      }
      const durationMinutes = typeof rawChat.duration === "number" ? rawChat.duration : ctx.settings.chat.duration;
      const state = chatState(rawChat, result.instant, zone, (field, message, fix) => error(`chat.${field}`, doc.locate(["chat", field]), message, fix));
      const changeField = state.status ?? (state.movedFrom ? "moved_from" : undefined);
      chat = {
        ...result.instant,
        durationMinutes,
        endMillis: result.instant.startMillis + durationMinutes * 60_000,
        ...followed,
        platform,
        url: typeof rawChat.url === "string" ? rawChat.url.trim() : followed.url,
        ...(state.status ? { status: state.status } : {}),
        ...(state.movedFrom ? { movedFrom: state.movedFrom } : {}),
        ...(changeField ? { changeAt: doc.locate(["chat", changeField]) } : {}),
      };
    }
  }

  const references: CslItem[] = [];
  // References YAML could not read whole (a quote left open, a `- id:` out of line): the ids
  // written in them are works the post has, its YAML error already told; a citation of one
  // is not told to add it again (a writer would add a duplicate).
  // A BibTeX entry pasted there has its key as its id (`@article{shaver2022,`).
  const lostReferences = partial?.lostText.get("references");
  const brokenReferences: string[] = lostReferences !== undefined ? [...new Set([...writtenIds(lostReferences), ...pastedIds(lostReferences)])] : [];
  const referencesUnread = lostReferences !== undefined && brokenReferences.length === 0;
  // The same ids with their lines and that of the error to fix first, for a post that cites one (lib/cross-file-checks.ts).
  const unreadable = brokenReferences.length ? unreadableReferences(split.yaml, split.yamlLine, brokenReferences, diagnostics.slice(0, checkedFrom)) : [];
  // Where each broken reference is among those written, for a post that cites one (lib/cross-file-checks.ts).
  const brokenEntries: { id: string; index: number }[] = [];
  if (Array.isArray(rawData.references)) {
    const seen = new Map<string, number>();
    // Each DOI's first id: the same work under two ids would be printed twice.
    const dois = new Map<string, string>();
    // A key of the shared bibliography listed as a reference is said to be one (schema-messages.ts).
    const facts = { data: rawData, body: split.body, locate: doc.locate, source: { text: split.yaml, firstLine: split.yamlLine }, ...(ctx.sharedBibliography ? { shared: ctx.sharedBibliography.entries } : {}) };
    const yamlLines = split.yaml.split("\n");
    rawData.references.forEach((entry, i) => {
      // The field's line as written: `author: [Topol, Eric]` is told from one name per line.
      const normalised = normaliseItem(entry, {
        fieldSource: (key) => {
          const at = doc.locate(["references", i, key]);
          const line = at.line === undefined ? undefined : yamlLines[at.line - split.yamlLine];
          return line === undefined ? undefined : { line, column: at.column ?? 1 };
        },
      });
      const { item } = normalised;
      const problems = referenceProblems(entry, normalised.problems, facts);
      // `ID:` is accepted as `id:` (capitals do not matter in field names, as in pandoc).
      const id = referenceId(entry) ?? `#${i + 1}`;
      for (const p of problems) {
        const at = ["references", i, ...p.path];
        // A warning ("Kate Doe" read as an organisation) leaves the reference, and the post, as they are.
        diagnostics.push({ severity: p.severity ?? "error", file, ...doc.locate(at), field: fieldPath(at), message: `reference "${id}": ${p.message}`, fix: p.fix });
      }
      if (!item && id !== `#${i + 1}`) {
        brokenReferences.push(id);
        brokenEntries.push({ id, index: i });
      }
      if (item) {
        const first = seen.get(item.id);
        if (first !== undefined) {
          error(fieldPath(["references", i, "id"]), doc.locate(["references", i, "id"]), `reference "${item.id}": the id is used twice in this post (also ${fieldWords(["references", first])})`, "give each reference its own id");
        } else {
          seen.set(item.id, i);
          references.push(item);
          const same = sameDoiProblem(entry, item, dois);
          if (same) {
            const at = ["references", i, ...same.path];
            diagnostics.push({ severity: "warning", file, ...doc.locate(at), field: fieldPath(at), message: `reference "${item.id}": ${same.message}`, fix: same.fix });
          }
        }
      }
    });
  }

  let image: PostImage | undefined;
  // The file is checked whenever its name can be read, whatever else is wrong (`alt: ""`, another field):
  // every problem at once. A `src` the schema found wrong is its problem alone.
  const rawImage = isRecord(rawData.image) ? rawData.image : undefined;
  const src = fm?.image?.src ?? (typeof rawImage?.src === "string" && rawImage.src.trim() && !diagnostics.some((d) => d.field === "image.src") ? rawImage.src.trim() : undefined);
  if (src !== undefined) {
    const where = resolveLocalPath(file, src);
    // Missing, outside content/, or of a kind that is not published; undefined for a web address.
    const problem = imageFileProblem(file, src, ctx.fileExists);
    if (where.kind === "remote") {
      error("image.src", doc.locate(["image", "src"]), "the image must be a file in the repository, not a web address", "save the image next to the post and write its file name, e.g. ./meetup.jpg");
    } else if (problem && problem.severity !== "warning") {
      error("image.src", doc.locate(["image", "src"]), problem.message, problem.fix);
    } else {
      // A big picture is still the post's (a warning): its share card is drawn from it.
      if (problem) diagnostics.push({ severity: "warning", file, ...doc.locate(["image", "src"]), field: "image.src", message: problem.message, fix: problem.fix });
      if (where.kind === "local" && fm?.image) image = { url: where.url, alt: fm.image.alt, ...(fm.image.credit ? { credit: fm.image.credit } : {}) };
    }
  }

  // Images in the body need alt text too (WCAG 1.1.1), and their files; links, their files (above).
  diagnostics.push(...bodyProblems);
  // `npm run new`'s example texts in a post about to be published; questions typed into the text.
  for (const p of unfinishedPostProblems({
    draft: fm?.draft ?? rawData.draft === true,
    description: rawData.description,
    // Each in its place, so that a problem points at its line.
    topics: Array.isArray(rawData.topics) ? rawData.topics.map((t) => (typeof t === "string" ? t : "")) : [],
    topicsWritten: "topics" in rawData,
    references: rawData.references,
    body: split.body,
    bodyLine: split.bodyLine,
    hasChat: rawChat !== undefined,
  })) {
    const at = p.path ? doc.locate(p.path) : { line: p.line! };
    diagnostics.push({ severity: p.severity, file, ...at, field: p.path ? fieldPath(p.path) : "", message: p.message, fix: p.fix });
  }

  if (fm?.updated !== undefined && fm.updated.slice(0, 10) < fm.date) {
    error("updated", doc.locate(["updated"]), `the post was updated (${fm.updated}) before it was published (${fm.date})`, `write the day you changed the post, on or after ${fm.date}, or remove \`updated:\``);
  }
  // A time of change is read where the chat is hosted, as the chat's start is (in a post with
  // another error too, for its chat's facts below).
  const updated = fm?.updated ?? validField(frontMatterSchema.shape.updated, rawData.updated);
  let updatedAt: string | undefined;
  if (updated?.includes("T")) {
    const zone = typeof rawChat?.zone === "string" ? rawChat.zone : ctx.settings.chat.zone;
    // Read in the chat's zone, set by `start:`: a fix never offers a `zone:` line, which would move the chat too.
    const result = resolveChatStart(updated, zone, { zoneFixed: true });
    if (result.ok) updatedAt = `${updated}${isoOffset(result.instant.offsetMinutes)}`;
    // A bad zone is reported at chat.zone; a time the clocks skip, here.
    else if (result.field === "start") error("updated", doc.locate(["updated"]), result.problem.message, result.problem.fix.replaceAll("start:", "updated:"));
  }

  // Fields valid on their own are checked further even when another field is wrong: every problem at once.
  const topics = fm?.topics ?? validField(frontMatterSchema.shape.topics, rawData.topics) ?? [];
  const date = fm?.date ?? validField(frontMatterSchema.shape.date, rawData.date);
  const tags = fm?.tags ?? validField(frontMatterSchema.shape.tags, rawData.tags) ?? [];
  for (const p of topicLabelProblems(topics)) {
    diagnostics.push({ severity: p.severity, file, ...doc.locate(["topics", p.index]), field: fieldPath(["topics", p.index]), message: `${fieldWords(["topics", p.index])} ${p.message}`, fix: p.fix });
  }
  // Markdown or HTML in a text field is shown as typed: a warning, the post builds as it is.
  for (const p of postMarkupProblems({
    title: fm?.title ?? validField(frontMatterSchema.shape.title, rawData.title),
    author: fm?.author ?? validField(frontMatterSchema.shape.author, rawData.author),
    description: fm?.description ?? validField(frontMatterSchema.shape.description, rawData.description),
    topics,
    // As written: a tag written twice, which makes the list invalid, does not hide the others' markup.
    tags: Array.isArray(rawData.tags) ? rawData.tags : tags,
    image: rawData.image,
    references: rawData.references,
    // A shared entry left out for an error of its own is still a work the writer cites.
    ...(ctx.sharedBibliography ? { sharedWorks: ctx.sharedBibliography.entries, citationKeys: ctx.sharedBibliography.broken?.keys() ?? [] } : {}),
  })) {
    // A citation is pointed at where it stands in the value, not at the field.
    const at = doc.locate(p.path);
    diagnostics.push({ severity: "warning", file, ...(p.marker ? markerAt(raw, at, p.marker) : at), field: fieldPath(p.path), message: `${fieldWords(p.path)} ${p.message}`, fix: p.fix });
  }
  // Dates valid each on their own but not together (a chat written without its start has no date to compare).
  if (date !== undefined && (chat || !rawChat)) {
    for (const slip of dateSlips({ file, date, ...(chat ? { chatDate: chat.wallClock.slice(0, 10) } : {}) })) {
      diagnostics.push({ severity: "warning", file, ...doc.locate(slip.field === "date" ? ["date"] : ["chat", "start"]), field: slip.field, message: slip.message, fix: slip.fix });
    }
  }
  if (partial) {
    const kept = diagnostics.slice(checkedFrom).filter((d) => !partial.lost.has(d.field.split(/[.[]/)[0]!));
    diagnostics.splice(checkedFrom, diagnostics.length - checkedFrom, ...kept);
  }
  // An error whose cause is how the value is written (curly quotes, an invisible character): said as that, once.
  diagnostics.splice(checkedFrom, diagnostics.length - checkedFrom, ...valueCauses(diagnostics.slice(checkedFrom), data, doc.invisibleIn));
  const chatStartAt = doc.locate(["chat", "start"]);
  if (diagnostics.some((d) => d.severity === "error") || !fm) {
    const nocite = fm?.nocite ?? validField(frontMatterSchema.shape.nocite, rawData.nocite) ?? [];
    const citing: CitingPost = { file, references, nocite, body: split.body, bodyLine: split.bodyLine, ...(brokenReferences.length ? { brokenReferences } : {}), ...(referencesUnread ? { referencesUnread } : {}) };
    // Its links and tags are checked against the other posts' too, and its references are
    // named to a post that cites one of them without having it (references are per post).
    const linking: LinkingPost | undefined =
      links.posts.length || tags.length || references.length || brokenEntries.length || unreadable.length
        ? {
            file, ...(date ? { date } : {}), draft: fm?.draft ?? rawData.draft === true, postLinks: links.posts,
            ...(tags.length ? { tags, tagsAt: tags.map((_, i) => doc.locate(["tags", i])) } : {}),
            // Placed among all the references written, broken ones too.
            ...(references.length ? { references: references.map(({ id }) => ({ id })), referencesAt: references.map((r) => doc.locate(["references", (rawData.references as unknown[]).findIndex((e) => referenceId(e) === r.id), "id"])) } : {}),
            ...(brokenEntries.length ? { brokenReferences: brokenEntries, brokenReferencesAt: brokenEntries.map(({ index }) => doc.locate(["references", index, "id"])) } : {}),
            ...(unreadable.length ? { unreadableReferences: unreadable } : {}),
          }
        : undefined;
    // Only when nothing that says when the chat is, or whether it is published, has an error:
    // a wrong `duration:` would make a chat look moved that is not.
    // A chat field written outside `chat:` (`zone:` unindented, `timezone:`) or a capital
    // (`Draft:`) leaves the chat read without it: no more a chat as the writer meant it.
    const whenHolds = !diagnostics.some((d) => d.severity === "error" && (d.field === "" || /^(?:date|updated|draft|chat)(?:$|[.[])/i.test(d.field) || chatFieldNames().has(d.field.split(/[.[]/)[0]!.toLowerCase())));
    const chatOfPost: ChatOfPost | undefined = chat && date !== undefined && whenHolds
      ? {
          file, url: `/posts/${slug}/`, date, draft: fm?.draft ?? rawData.draft === true,
          ...(updated !== undefined ? { updated: updated.slice(0, 10), ...(updatedAt ? { updatedAt } : {}), updatedFieldAt: doc.locate(["updated"]) } : {}),
          chat: { startMillis: chat.startMillis, endMillis: chat.endMillis, zone: chat.zone, ...(chat.status ? { status: chat.status } : {}), ...(chat.movedFrom ? { movedFrom: { startMillis: chat.movedFrom.startMillis } } : {}) },
        }
      : undefined;
    return { diagnostics, chatStartAt, citing, ...(linking ? { linking } : {}), ...(chatOfPost ? { chatOfPost } : {}) };
  }
  const post: Post = {
    file,
    slug,
    url: `/posts/${slug}/`,
    title: fm.title,
    titleAt: doc.locate(["title"]),
    ...(fm.topics?.length ? { topicsAt: doc.locate(["topics"]) } : {}),
    date: fm.date,
    ...(fm.updated !== undefined ? { updated: fm.updated.slice(0, 10) } : {}),
    ...(updatedAt !== undefined ? { updatedAt } : {}),
    ...(fm.updated !== undefined ? { updatedFieldAt: doc.locate(["updated"]) } : {}),
    author: fm.author ?? ctx.settings.author,
    ...(fm.description ? { description: fm.description } : {}),
    ...(fm.language ? { language: fm.language } : {}),
    tags,
    ...(tags.length ? { tagsAt: tags.map((_, i) => doc.locate(["tags", i])) } : {}),
    draft: fm.draft ?? false,
    ...(chat ? { chat } : {}),
    topics: fm.topics ?? [],
    references,
    nocite: fm.nocite ?? [],
    ...(image ? { image } : {}),
    postLinks: links.posts,
    siteLinks: links.site,
    body: split.body,
    bodyLine: split.bodyLine,
  };
  return { post, diagnostics, chatStartAt, frontMatter: data };
}

/**
 * `wanted` (a path from the project root, beside `file`), or the first free of `…-2.md`,
 * `…-3.md` when a file holds that name (in any capitals, as a Mac or Windows compares names),
 * with the names passed over: `content/posts/a-2.md (a.md is taken)`. Looked up through
 * the lookup, so a validation record holds only while those files are there or not as they were.
 */
function freePostFile(file: string, wanted: string, fileExists: FileLookup): string {
  const folder = wanted.slice(0, wanted.lastIndexOf("/") + 1);
  const isTaken = (name: string) => {
    const candidate = `${folder}${name}`;
    // Its own name does not stand in its way: `Hello.md` may become `hello.md`.
    if (candidate === file) return false;
    if (fileExists(candidate)) return true;
    const other = fileExists.otherCase?.(candidate);
    return other !== undefined && other.normalize("NFC") !== file.normalize("NFC");
  };
  const given = firstFreeName(wanted.slice(folder.length), isTaken);
  return `${folder}${given.name}${given.taken === undefined ? "" : ` (${given.taken})`}`;
}

// The names a file manager, a browser or a sync service gives a second copy of a file:
// "post (1).md", "post - Copy.md" and "post - Copy (2).md" (Windows), "post copy 2.md" (macOS,
// and its translations), "post (Jane's conflicted copy 2026-11-22).md" (Dropbox).
const COPY_NAME = /^(.+?)(?: \(\d+\)| - (?:copy|kopie|copie|copia)(?: \(\d+\))?| (?:copy|kopie|copie|copia)(?: \d+)?| \([^()]*conflicted copy[^()]*\))\.md$/i;

/** The post `file` is named as a copy of, whether that is there, and whether it has the same bytes. */
function copyOf(file: string, fileText: string, ctx: LoadContext): { original: string; exists: boolean; same: boolean } | undefined {
  const name = COPY_NAME.exec(path.posix.basename(file));
  if (!name) return undefined;
  const original = path.posix.join(path.posix.dirname(file), `${name[1]}.md`);
  if (!ctx.fileExists(original)) return { original, exists: false, same: false };
  const mine = ctx.bytes ?? Buffer.from(fileText, "utf8");
  // Its size is looked up through the lookup, which keeps it with the validation record: the
  // verdict is made again when the original changes. Its bytes are read only when the size matches.
  const size = ctx.fileExists.bytes?.(original);
  let same = false;
  if (size === undefined || size === mine.length) {
    try {
      same = readFileSync(path.join(ctx.root, original)).equals(mine);
    } catch {
      // Unreadable: told apart as a different text, the safe side (nothing is deleted on it).
    }
  }
  return { original, exists: true, same };
}

/**
 * Where `marker` (text of a field's value, as written) stands: on the field's line from
 * `at`, or on a line of the same value below it (indented further); `at` when it is not
 * found there (a value in quotes with escapes in it).
 */
/**
 * Where each of `ids` (read from `references:` that YAML could not read) is written, and the
 * line of the first YAML error in that field (else the first at all): the error to fix first.
 */
function unreadableReferences(yaml: string, yamlLine: number, ids: readonly string[], errors: readonly Diagnostic[]): UnreadableReference[] {
  const lines = yaml.split("\n");
  const start = lines.findIndex((l) => /^["']?references["']?[ \t]*:/.test(l));
  let end = start + 1;
  // To the next top-level field (an entry may start at the left edge: `- id: …`).
  while (start >= 0 && end < lines.length && !/^[^\s#-]/.test(lines[end]!)) end++;
  const errorLines = errors.filter((d) => d.severity === "error" && d.line !== undefined).map((d) => d.line!);
  const errorLine = errorLines.find((l) => l >= yamlLine + start && l < yamlLine + end) ?? errorLines[0];
  return ids.map((id) => {
    const at = start < 0 ? -1 : lines.slice(start, end).findIndex((l) => writtenIds(l).includes(id) || pastedIds(l).includes(id));
    return { id, ...(at >= 0 ? { line: yamlLine + start + at } : {}), ...(errorLine !== undefined ? { errorLine } : {}) };
  });
}

function markerAt(raw: string, at: Position, marker: string): Position {
  if (at.line === undefined) return at;
  const lines = raw.split(/\r?\n/);
  const first = lines[at.line - 1] ?? "";
  const indent = /^[ \t]*/.exec(first)![0].length;
  const head = marker.split("\n")[0]!;
  for (let i = at.line - 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > at.line - 1 && line.trim() && /^[ \t]*/.exec(line)![0].length <= indent) break;
    const column = line.indexOf(head, i === at.line - 1 ? Math.max(0, (at.column ?? 1) - 1) : 0);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return at;
}

/**
 * A chat's state as written: `cancelled: true` or `postponed: true` (not both), and the start it
 * had before it moved (`moved_from:`, read as `start:` is, in the chat's zone, and not the start
 * itself). Each problem goes to `problem` with the field it is at.
 */
function chatState(
  rawChat: Record<string, unknown>,
  start: ChatInstant,
  zone: string,
  problem: (field: string, message: string, fix: string) => void,
): { status?: "cancelled" | "postponed"; movedFrom?: ChatInstant } {
  const cancelled = rawChat.cancelled === true;
  const postponed = rawChat.postponed === true;
  if (cancelled && postponed) {
    problem("postponed", "the chat says both `cancelled: true` and `postponed: true`",
      "keep `cancelled: true` if the chat will not take place, or `postponed: true` if it will, on a day not yet known, and remove the other line");
  }
  let movedFrom: ChatInstant | undefined;
  const written = rawChat.moved_from;
  if (typeof written === "string" || written instanceof Date) {
    // The zone is the one of `start:`: a fix gives the moment in it, never a `zone:` line, which would move `start:` too.
    const old = resolveChatStart(written, zone, { zoneFixed: true });
    // A bad zone is told at `zone:` (or `start:`) already.
    if (!old.ok && old.field === "start") problem("moved_from", old.problem.message.replaceAll("start:", "moved_from:"), old.problem.fix.replaceAll("start:", "moved_from:"));
    else if (old.ok && old.instant.startMillis === start.startMillis) {
      problem("moved_from", "`moved_from:` is the chat's `start:`: it says the chat moved from the time it still has",
        "write the new time in `start:` and the time the chat had before in `moved_from:`; or remove `moved_from:` if the chat did not move");
    } else if (old.ok) movedFrom = old.instant;
  }
  return { ...(cancelled ? { status: "cancelled" as const } : postponed ? { status: "postponed" as const } : {}), ...(movedFrom ? { movedFrom } : {}) };
}

/** The value at `path` in parsed front matter; undefined where there is none. */
function valueIn(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const seg of path) node = isRecord(node) ? node[String(seg)] : undefined;
  return node;
}

/** A field's value as the schema reads it, when it is valid on its own; undefined otherwise. */
function validField<T>(schema: ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Every string in a front-matter value, with its path. */
function stringValues(value: unknown, at: (string | number)[]): { at: (string | number)[]; value: string }[] {
  if (typeof value === "string") return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringValues(v, [...at, i]));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => stringValues(v, [...at, k]));
  return [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);
}
