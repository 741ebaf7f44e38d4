// Site-wide settings: one YAML file, validated by one zod schema.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readableFields, readYamlDocument } from "./front-matter.ts";
import { schemaReadOptions, valueCauses, zodIssuesToDiagnostics } from "./schema-messages.ts";
import { checkZone, currentZoneName, zoneWarning } from "./chat-time.ts";
import { chatDuration } from "./post-schema.ts";
import { SettingsError, fieldPath, hasErrors, type Diagnostic } from "./diagnostics.ts";
import { fontKind, type FontKind } from "./font-coverage.ts";
import { PATH_PREFIX_PATTERN, siteUrlProblem } from "./site-url.ts";

import { SETTINGS_FILE } from "./content-paths.ts";
import { controlCharacterProblems, encodingProblems, unreadableTextProblem, withoutControlCharacters } from "./text-encoding.ts";

export { SETTINGS_FILE };

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

const hashtag = z.string().regex(/^#[\p{L}\p{N}_]+$/u, { message: "a hashtag is # followed by letters, digits or _" });

export const settingsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  url: z.url({ protocol: /^https?$/, message: "an absolute http(s) URL such as https://example.org" }),
  pathPrefix: z
    .string()
    .regex(PATH_PREFIX_PATTERN, { message: "a path that starts and ends with /, such as / or /repo/" })
    .default("/"),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: "a BCP 47 language tag such as en or en-US" }),
  author: z.string().min(1),
  chat: z.strictObject({
    zone: z.string().min(1),
    weekday: z.enum(WEEKDAYS),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "a 24-hour time such as 20:30" }),
    duration: chatDuration,
    hashtag,
    platform: z.string().min(1),
    url: z.url({ protocol: /^https?$/, message: "an absolute http(s) URL" }),
  }),
  citations: z
    .strictObject({
      style: z.string().min(1).default("apa"),
      locale: z.string().min(1).default("en-US"),
      bibliography: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
  postsPerPage: z.number().int().min(1).max(200).default(20),
  // Feeds carry full content, so they hold the newest posts only, as feed readers expect;
  // rendering every post into them also made each live-preview rebuild slow.
  feedSize: z.number().int().min(1).max(1000).default(20),
  // Fonts for the share images beyond DejaVu Sans (fonts/), for the scripts it lacks
  // (Japanese, Chinese, Korean, Devanagari…): TTF or OTF files, from the site's folder.
  shareImage: z
    .strictObject({
      fonts: z.array(z.string().min(1)).default([]),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
export { WEEKDAYS };

// Lives with the other diagnostics so that commands can catch it without loading zod.
export { SettingsError } from "./diagnostics.ts";

/**
 * Parse and validate the settings text; every problem is returned, none thrown. With
 * `root` (the site's folder), the files the settings name there are checked too. With
 * warnings only, the settings come with them.
 */
export function parseSettings(text: string, file = SETTINGS_FILE, root?: string): { settings?: Settings; diagnostics: Diagnostic[] } {
  // Typed by hand like a post's front matter: read with the same repairs and slips looked for.
  const options = schemaReadOptions(settingsSchema, "settings");
  // CRLF line ends (a file saved on Windows) read as a post's are; columns stay as written.
  const source = text.replace(/\r\n?/g, "\n");
  let doc = readYamlDocument(source, file, 1, options);
  const read: Diagnostic[] = [...doc.diagnostics];
  // YAML that does not parse: the fields its errors are not in are read and checked on their own.
  const partial = doc.data === undefined && hasErrors(read) ? readableFields(source, file, 1, read, options) : undefined;
  if (partial) {
    const told = new Set(read.map((d) => `${d.line}:${d.column}:${d.message}`));
    read.push(...partial.doc.diagnostics.filter((d) => !told.has(`${d.line}:${d.column}:${d.message}`)));
    doc = partial.doc;
  }
  if (doc.data === undefined && hasErrors(read)) return { diagnostics: read };
  const data = doc.data ?? {};
  const parsed = settingsSchema.safeParse(data);
  const diagnostics: Diagnostic[] = [];
  if (!parsed.success) diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues, file, doc.locate, settingsSchema, { data, commentedOut: doc.commentedOut, source: { text: source, firstLine: 1 } }));
  // The zone is checked even when another field is wrong: every problem at once.
  const zone = (data as { chat?: { zone?: unknown } }).chat?.zone;
  const zoneProblem = typeof zone === "string" ? checkZone(zone) : undefined;
  if (zoneProblem) {
    diagnostics.push({ severity: "error", file, ...doc.locate(["chat", "zone"]), field: "chat.zone", ...zoneProblem });
  }
  // An old name (US/Eastern, Europe/Kiev) gives the right times: told, and replaced below by the current one.
  const zoneOldName = typeof zone === "string" ? zoneWarning(zone) : undefined;
  if (zoneOldName) diagnostics.push({ severity: "warning", file, ...doc.locate(["chat", "zone"]), field: "chat.zone", ...zoneOldName });
  // A path in `url` (https://name.github.io/repo/) is dropped from every full address: told, at `url`.
  if (parsed.success) {
    const urlProblem = siteUrlProblem(parsed.data.url, parsed.data.pathPrefix, Object.hasOwn(data as object, "pathPrefix"));
    if (urlProblem) diagnostics.push({ severity: "warning", file, ...doc.locate(["url"]), field: "url", ...urlProblem });
  }
  if (parsed.success && root !== undefined) {
    parsed.data.shareImage.fonts.forEach((font, i) => {
      const problem = fontFileProblem(root, font);
      const at = ["shareImage", "fonts", i];
      if (problem) diagnostics.push({ severity: "error", file, ...doc.locate(at), field: fieldPath(at), ...problem });
    });
  }
  // Nothing is said of a field its YAML error left out; an error whose cause is how the value is
  // written (curly quotes, an invisible character) is said as that, once.
  const checked = valueCauses(partial ? diagnostics.filter((d) => !partial.lost.has(d.field.split(/[.[]/)[0]!)) : diagnostics, data, doc.invisibleIn);
  diagnostics.splice(0, diagnostics.length, ...read, ...checked);
  if (!parsed.success || hasErrors(diagnostics)) return { diagnostics };
  const settings = parsed.data;
  if (!settings.url.endsWith("/")) settings.url += "/";
  // Every page, calendar and feed names the zone by its current name, whatever the file calls it.
  settings.chat.zone = currentZoneName(settings.chat.zone) ?? settings.chat.zone;
  return { settings, diagnostics };
}

const FONT_EXAMPLE = "fonts/NotoSansJP-Regular.ttf";
const KIND_WORDS: Partial<Record<FontKind, string>> = {
  woff2: "a WOFF2 file (a compressed web font)",
  woff: "a WOFF file (a compressed web font)",
  collection: "a font collection (.ttc), several fonts in one file",
  unknown: "not a font file",
};

/** What is wrong with a font file named in `shareImage.fonts`, if anything. */
function fontFileProblem(root: string, font: string): { message: string; fix: string } | undefined {
  const full = path.resolve(root, font);
  let head: Buffer;
  try {
    if (!statSync(full).isFile()) throw new Error("not a file");
    head = Buffer.alloc(4);
    const fd = openSync(full, "r");
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return {
      message: `the font file ${font} was not found (looked for ${full})`,
      fix: `put the font file there, or give its path from the site's folder (the one holding content/), e.g. ${FONT_EXAMPLE}`,
    };
  }
  const kind = fontKind(head);
  if (kind === "truetype" || kind === "opentype") return undefined;
  return {
    message: `${font} is ${KIND_WORDS[kind]}: the share images can only use TrueType (.ttf) or OpenType (.otf) fonts`,
    fix: `use the font's .ttf or .otf file instead (the download from fonts.google.com has them, e.g. ${FONT_EXAMPLE.replace("fonts/", "")}) and write its path, e.g. ${FONT_EXAMPLE}`,
  };
}

// A settings file under a name close to site.yaml: .yml, other capitals, .txt added by the editor.
const SETTINGS_LIKE = /^site\.ya?ml(?:\.txt)?\s*$/i;

/**
 * The settings file is not at content/_data/site.yaml: the file most likely meant when there is
 * one (content/_data/site.yml, Site.yaml, site.yaml.txt; a settings file in a folder named
 * otherwise, or one folder too high), to rename or move; else, to create it.
 */
function missingSettings(root: string): { message: string; fix: string } {
  const folder = path.posix.dirname(SETTINGS_FILE);
  const name = path.posix.basename(SETTINGS_FILE);
  const filesIn = (dir: string) => {
    try {
      return readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const missing = "the site settings file is missing";
  const near = filesIn(folder).filter((e) => e.isFile() && SETTINGS_LIKE.test(e.name) && e.name !== name).map((e) => e.name);
  if (near.length) {
    const found = near[0]!;
    const why = /\.txt\s*$/i.test(found) ? "the editor that saved it added .txt to its name" : /\s$/.test(found) ? "its name ends in a space" : "chatpost reads the settings from site.yaml only, in small letters";
    return {
      message: `${missing}, but ${folder}/${found} is there: ${why}`,
      fix: `rename ${folder}/${found} to ${name}${/\.txt\s*$/i.test(found) ? ` (on Windows, turn on "File name extensions" in File Explorer's View menu to see the .txt)` : ""}`,
    };
  }
  // content/data/, content/_Data/: a folder Eleventy does not read as the data folder.
  const parent = path.posix.dirname(folder);
  for (const dir of filesIn(parent)) {
    if (!dir.isDirectory() || dir.name === path.posix.basename(folder) || !/^_?data$/i.test(dir.name)) continue;
    const inside = filesIn(`${parent}/${dir.name}`).find((e) => e.isFile() && SETTINGS_LIKE.test(e.name));
    if (inside) {
      return {
        message: `${missing}, but ${parent}/${dir.name}/${inside.name} is there: the settings folder is named _data, in small letters with the underscore`,
        fix: `rename the folder ${parent}/${dir.name} to ${path.posix.basename(folder)}${inside.name === name ? "" : `, and the file ${inside.name} to ${name}`}`,
      };
    }
  }
  // Saved one folder too high: content/site.yaml, or site.yaml beside package.json.
  for (const dir of [parent, "."]) {
    const inside = filesIn(dir).find((e) => e.isFile() && SETTINGS_LIKE.test(e.name));
    if (inside) {
      const found = dir === "." ? inside.name : `${dir}/${inside.name}`;
      return {
        message: `${missing}, but ${found} is there: the settings are read from the folder ${folder}/ only`,
        fix: `move ${found} into ${folder}/${inside.name === name ? "" : ` and rename it to ${name}`}`,
      };
    }
  }
  return { message: missing, fix: `create ${SETTINGS_FILE} (see the README, section "Site settings")` };
}

// The text each loaded settings object was validated from, and its warnings (for the validation records).
const sources = new WeakMap<Settings, { text: string; warnings: Diagnostic[] }>();

/** The settings file's text `settings` were validated from, and its warnings, when they came from loadSettings. */
export function settingsSource(settings: Settings): { text: string; warnings: Diagnostic[] } | undefined {
  return sources.get(settings);
}

/** Load the settings of the site rooted at `root`; throws SettingsError on a writer's mistake. */
export function loadSettings(root = process.cwd()): Settings {
  return loadSiteSettings(root).settings;
}

/**
 * Load the settings of the site rooted at `root`, with their warnings, for a command to
 * report with the posts' problems; throws SettingsError on a writer's mistake.
 */
export function loadSiteSettings(root = process.cwd()): { settings: Settings; warnings: Diagnostic[] } {
  const file = path.join(root, SETTINGS_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new SettingsError([{ severity: "error", file: SETTINGS_FILE, field: "", ...missingSettings(root) }]);
  }
  const text = bytes.toString("utf8");
  // UTF-16 (Notepad's "Unicode"), a Word document…: read as YAML, it would only give noise.
  const notText = unreadableTextProblem(SETTINGS_FILE, text, bytes);
  if (notText) throw new SettingsError([notText]);
  // Windows-1252 would put "�" in every page's title; a control character makes feed.xml unreadable.
  const textProblems = [...encodingProblems(SETTINGS_FILE, text, bytes), ...controlCharacterProblems(SETTINGS_FILE, text)];
  // Read on as if the control characters were deleted: every other problem of the file comes in the same list.
  const { settings, diagnostics } = parseSettings(textProblems.length ? withoutControlCharacters(text) : text, SETTINGS_FILE, root);
  if (!settings || textProblems.length) throw new SettingsError([...textProblems, ...diagnostics]);
  sources.set(settings, { text, warnings: diagnostics });
  return { settings, warnings: diagnostics };
}
