// `npm run new -- "Title"`: scaffold the post for the chat's next weekly slot.
// Refuses to overwrite an existing file.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeChatTime, resolveChatStart } from "../lib/chat-time.ts";
import { now, today } from "../lib/clock.ts";
import { ContentError, formatReport, REPORT_ENDINGS } from "../lib/diagnostics.ts";
import { loadPost, type Chat } from "../lib/post-loader.ts";
import { scaffoldPost, slugFromTitle } from "../lib/post-scaffold.ts";
import { baseSlug } from "../lib/slug.ts";
import { loadSiteSettings } from "../lib/settings.ts";
import { firstFreeName, listPostFiles, slugFromFile } from "../lib/content-paths.ts";
import { loadPostFile } from "../lib/corpus.ts";
import { freeSlot, type SlotOccurrence, type TakenChat } from "../lib/weekly-slot.ts";
import { runStep, USAGE_EXIT_CODE } from "./run-step.ts";
import { commandLine } from "./command-line.ts";

const { values, positionals } = commandLine({
  name: "npm run new",
  synopsis: 'npm run new -- "Title of the post" [options]',
  options: {
    address: { type: "string", value: "NAME", help: "the post's web address, /posts/NAME/ (a-z, 0-9 and -; default: made from the title)" },
  },
  allowPositionals: true,
});

await runStep(async () => {
  const title = positionals.join(" ").trim();
  if (!title) {
    console.error('Give the title of the post: npm run new -- "Listening to patients"');
    process.exitCode = 1;
    return;
  }
  // A chosen address must be one as written: it becomes the file's name and the post's address for good.
  const chosen = values.address?.trim();
  if (chosen !== undefined && (chosen === "" || slugFromTitle(chosen) !== chosen)) {
    const made = slugFromTitle(chosen);
    const tooLong = chosen.length > 60;
    const why = tooLong
      ? `is ${chosen.length} characters long: an address has at most 60`
      : baseSlug(chosen) === chosen || /^[a-z0-9-]+$/.test(chosen)
        ? "is not a web address: it may not start or end with -, nor have two in a row"
        : "is not a web address: use lower-case letters a-z, digits and - only";
    console.error(`--address ${JSON.stringify(values.address)} ${why}${made ? `, e.g. --address ${made}` : ", e.g. --address listening-to-patients"}. Nothing was written.`);
    process.exitCode = USAGE_EXIT_CODE;
    return;
  }
  const root = path.resolve(values.root);
  const { settings, warnings } = loadSiteSettings(root);
  // The settings' warnings (an old zone name, curly quotes in the title), as `npm run check`
  // and the build print them: before what the command did, whichever way it ends.
  if (warnings.length) console.warn(formatReport(warnings, REPORT_ENDINGS.new));
  const zone = settings.chat.zone;
  // Chats the site's posts (drafts too) already announce; a post with errors has none to go by.
  const chats = new Map<string, Chat>();
  const titles = new Map<string, string>();
  for (const file of listPostFiles(root)) {
    const post = loadPostFile(root, file, settings).post;
    if (post?.chat) chats.set(file, post.chat);
    if (post) titles.set(file, post.title);
  }
  // A cancelled chat's week is free again (freeSlot): its state goes with it.
  const taken: TakenChat[] = [...chats].map(([file, chat]) => ({ file, startMillis: chat.startMillis, ...(chat.status ? { status: chat.status } : {}) }));
  const { occurrence: slot, passed } = freeSlot({ weekday: settings.chat.weekday, time: settings.chat.time, zone }, now(), taken);
  // The same title again: the post is already there, a week earlier than this would be. By
  // its title, whatever its file is named (`online-communities-2.md`, or not after its title).
  const sameText = (a: string) => a.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  const same = passed.find((p) => {
    const written = titles.get(p.file);
    return written !== undefined ? sameText(written) === sameText(title) : slugFromFile(p.file) === slugFromTitle(title);
  });
  if (same) {
    console.error(`${same.file} already exists, for the chat on ${same.occurrence.date}; nothing was written.\nEdit that file, or choose another title.`);
    process.exitCode = 1;
    return;
  }
  // Another post, of any week or year, with the address this one would get (a yearly "Year in
  // review"): the check would stop on both. The first free one instead, said so.
  const addresses = new Map(listPostFiles(root).map((f) => [slugFromFile(f).toLowerCase(), f]));
  if (chosen !== undefined && addresses.has(chosen)) {
    console.error(`/posts/${chosen}/ is already the address of ${addresses.get(chosen)}; nothing was written.\nChoose another --address.`);
    process.exitCode = 1;
    return;
  }
  // A title with no letter a-z or digit (日本語のチャット, Привет) makes no address: the chat's
  // date does, one per week, rather than chat, chat-2, chat-3… that say nothing.
  const fromTitle = slugFromTitle(title);
  const wanted = chosen ?? (fromTitle || `chat-${slot.date}`);
  const { name: slug } = firstFreeName(wanted, (name) => addresses.has(name), (n) => `${wanted}-${n}`);
  const { file, text } = scaffoldPost({ title, slug, publishDate: today(zone), slot, zone });

  // The scaffold must pass the same checks as any post.
  const checked = loadPost(file, text, { settings, root, fileExists: () => false });
  if (!checked.post) throw new ContentError(checked.diagnostics);

  mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
  try {
    writeFileSync(path.join(root, file), text, { flag: "wx" });
  } catch (error: any) {
    if (error?.code !== "EEXIST") throw error;
    console.error(`${file} already exists; nothing was written.\nEdit that file, or choose another title.`);
    process.exitCode = 1;
    return;
  }
  const resolved = resolveChatStart(slot.start, zone);
  const when = resolved.ok ? describeChatTime(resolved.instant, settings.language).host : slot.start;
  for (const p of passed) console.log(passedOverText(p.occurrence, p.file, chats.get(p.file)!, settings.chat.duration, settings.language));
  const renamed =
    slug !== wanted
      ? `\nIts address is /posts/${slug}/: /posts/${wanted}/ is the address of ${addresses.get(wanted)}.`
      : !chosen && !fromTitle
        ? `\nIts address is /posts/${slug}/: web addresses are made of the letters a-z and digits, and the title has none. For a readable one, rename the file before the post is published (the part of its name after the date is the address: ${path.posix.dirname(file)}/${slot.date}-your-words.md). Next time, --address chooses it: npm run new -- "Title" --address your-words`
        : "";
  console.log(`Created ${file}\nfor the chat on ${when}.${renamed}\nWrite the topics and remove \`draft: true\` when it is ready.`);
}, REPORT_ENDINGS.new);

/**
 * Why a week was passed over: the post announcing the chat at the slot's time, or the week's
 * chat at another time (moved for a holiday, a guest chat in another zone), said with its time.
 */
function passedOverText(occurrence: SlotOccurrence, file: string, chat: Chat, durationMinutes: number, language: string): string {
  const atSlot = chat.startMillis < occurrence.startMillis + durationMinutes * 60_000 && occurrence.startMillis < chat.endMillis;
  if (atSlot) return `The chat on ${occurrence.date} already has a post: ${file}.`;
  return `The week of ${occurrence.date} already has its chat, on ${describeChatTime(chat, language).host}: ${file}.`;
}
