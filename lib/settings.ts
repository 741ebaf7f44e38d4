// Site-wide settings: one YAML file, validated by one zod schema.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readYamlDocument } from "./front-matter.ts";
import { zodIssuesToDiagnostics } from "./schema-messages.ts";
import { checkZone } from "./chat-time.ts";
import { chatDuration } from "./post-schema.ts";
import { SettingsError, type Diagnostic } from "./diagnostics.ts";

import { SETTINGS_FILE } from "./content-paths.ts";

export { SETTINGS_FILE };

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

const hashtag = z.string().regex(/^#[\p{L}\p{N}_]+$/u, { message: "a hashtag is # followed by letters, digits or _" });

export const settingsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  url: z.url({ protocol: /^https?$/, message: "an absolute http(s) URL such as https://example.org" }),
  pathPrefix: z
    .string()
    .regex(/^\/([\w.~-]+\/)*$/, { message: "a path that starts and ends with /, such as / or /repo/" })
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
});

export type Settings = z.infer<typeof settingsSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
export { WEEKDAYS };

// Lives with the other diagnostics so that commands can catch it without loading zod.
export { SettingsError } from "./diagnostics.ts";

/** Parse and validate the settings text; every problem is returned, none thrown. */
export function parseSettings(text: string, file = SETTINGS_FILE): { settings?: Settings; diagnostics: Diagnostic[] } {
  const doc = readYamlDocument(text, file, 1);
  if (doc.diagnostics.length) return { diagnostics: doc.diagnostics };
  const parsed = settingsSchema.safeParse(doc.data ?? {});
  const diagnostics: Diagnostic[] = [];
  if (!parsed.success) diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues, file, doc.locate, settingsSchema, { data: doc.data, commentedOut: doc.commentedOut }));
  // The zone is checked even when another field is wrong: every problem at once.
  const zone = (doc.data as { chat?: { zone?: unknown } } | undefined)?.chat?.zone;
  const zoneProblem = typeof zone === "string" ? checkZone(zone) : undefined;
  if (zoneProblem) {
    diagnostics.push({ severity: "error", file, ...doc.locate(["chat", "zone"]), field: "chat.zone", ...zoneProblem });
  }
  if (!parsed.success || diagnostics.length) return { diagnostics };
  const settings = parsed.data;
  if (!settings.url.endsWith("/")) settings.url += "/";
  return { settings, diagnostics };
}

// The text each loaded settings object was validated from (for the validation records).
const sources = new WeakMap<Settings, string>();

/** The settings file's text `settings` were validated from, when they came from loadSettings. */
export function settingsSource(settings: Settings): string | undefined {
  return sources.get(settings);
}

/** Load the settings of the site rooted at `root`; throws SettingsError on a writer's mistake. */
export function loadSettings(root = process.cwd()): Settings {
  const file = path.join(root, SETTINGS_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new SettingsError([
      {
        severity: "error",
        file: SETTINGS_FILE,
        field: "",
        message: "the site settings file is missing",
        fix: `create ${SETTINGS_FILE} (see the README, section "Site settings")`,
      },
    ]);
  }
  const { settings, diagnostics } = parseSettings(text);
  if (!settings) throw new SettingsError(diagnostics);
  sources.set(settings, text);
  return settings;
}
