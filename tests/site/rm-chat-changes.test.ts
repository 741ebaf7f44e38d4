// A moved, a cancelled and a postponed chat as readers meet them in the built site: the moved
// chat's block gives everything about its new time ("Your time" among it) before "Moved from";
// the lists (home, archive, tag) say "Moved to … from …" as they say "Cancelled:" and
// "Postponed:"; a chat called off or put off lists its questions without copy buttons.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

// As in the audit's site: hosted in London, moved a day and half an hour later, all three tagged "changes".
const MOVED = "content/posts/2026-11-21-moved.md";
const movedText = ["---", "title: The moved chat", "date: 2026-11-21", "updated: 2026-11-23", "tags: [changes]", "chat:", "  start: 2026-12-23T21:00", "  moved_from: 2026-12-22T20:30", "  zone: Europe/London", "topics:", "  - Where now?", "  - Who moved it?", "---", "Moved body.", ""].join("\n");
const CANCELLED = "content/posts/2026-11-22-cancelled.md";
const cancelledText = ["---", "title: The cancelled chat", "date: 2026-11-22", "updated: 2026-11-23", "tags: [changes]", "chat:", "  start: 2026-12-08T20:30", "  cancelled: true", "topics:", "  - Will this happen?", "  - Or this?", "---", "Cancelled body.", ""].join("\n");
const POSTPONED = "content/posts/2026-11-22-postponed.md";
const postponedText = ["---", "title: The postponed chat", "date: 2026-11-22", "updated: 2026-11-23", "tags: [changes]", "chat:", "  start: 2026-12-15T20:30", "  postponed: true", "topics:", "  - Later then?", "---", "Postponed body.", ""].join("\n");

const NEW_TIME = "Wednesday, December 23, 2026, 9:00 PM GMT (UTC)";
const OLD_TIME = "Tuesday, December 22, 2026, 8:30 PM GMT (UTC)";

let site: BuiltSite;
before(async () => {
  site = await buildSite(copySiteWith(FIXTURE_SITE, { files: { [MOVED]: movedText, [CANCELLED]: cancelledText, [POSTPONED]: postponedText } }));
});

const page = (slug: string) => dom(site.read(`posts/${slug}/index.html`));
const text = (node: { textContent: string | null } | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
/** True when `a` comes before `b` in the document (the order a screen reader reads them in). */
const before_ = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */);

describe("a moved chat's block", () => {
  it("gives its new time, in UTC, the reader's own and the status, then from when it moved", () => {
    const block = page("moved").querySelector("section.chat-block")!;
    const order = [".chat-when", ".chat-utc", ".chat-local", ".chat-status", ".chat-moved"].map((sel) => {
      const el = block.querySelector(sel);
      assert.ok(el, sel);
      return el!;
    });
    for (let i = 1; i < order.length; i++) assert.ok(before_(order[i - 1]!, order[i]!), `${order[i - 1]!.className} before ${order[i]!.className}`);
    // In the text a screen reader reads, "Your time:" (filled in by the script) comes before "Moved from".
    const said = text(block);
    const utc = said.indexOf("That is Wednesday, December 23, 2026, 21:00 UTC."), yours = said.indexOf("Your time:"), moved = said.indexOf("Moved from");
    assert.ok(utc >= 0 && utc < yours && yours < moved, said);
    assert.equal(text(block.querySelector(".chat-moved")), "Moved from Tuesday, December 22, 2026, 8:30 PM GMT Greenwich Mean Time (UTC).");
  });

  it("reads, without JavaScript, the new time, UTC, then Moved from (Your time stays hidden)", () => {
    const block = page("moved").querySelector("section.chat-block")!;
    assert.equal(block.querySelector(".chat-local")!.hasAttribute("hidden"), true);
    const shown = [...block.children].filter((el) => !el.hasAttribute("hidden") && el.tagName === "P").map((el) => el.className);
    assert.deepEqual(shown.slice(0, 3), ["chat-when", "chat-utc", "chat-moved"]);
  });

  it("still offers a copy button for each question", () => {
    const buttons = [...page("moved").querySelectorAll(".topic-list button.copy-topic")];
    assert.deepEqual(buttons.map((b) => b.getAttribute("data-copy")), ["T1 Where now? #fixchat", "T2 Who moved it? #fixchat"]);
  });
});

describe("the lists", () => {
  const when = (file: string, title: string) => {
    const item = [...dom(site.read(file)).querySelectorAll("li")].find((li) => li.querySelector(".post-list-when") && text(li.querySelector("a")) === title);
    assert.ok(item, `${file}: ${title}`);
    return item!.querySelector(".post-list-when")!;
  };
  // The home page's list is the site's own content/index.njk: it says "Moved to" once /tmp/rm-1.diff is applied to it.
  const homeHasIt = /movedFrom/.test(readFileSync(path.join(FIXTURE_SITE, "content/index.njk"), "utf8"));
  const lists = ["archive/index.html", "archive/2026/index.html", "tags/changes/index.html"];

  for (const file of ["index.html", ...lists]) {
    it(`${file} says a moved chat is moved to its time, and from when`, { todo: file === "index.html" && !homeHasIt ? "the fixture's content/index.njk lists moved chats once /tmp/rm-1.diff is applied" : false }, () => {
      const moved = when(file, "The moved chat");
      assert.equal(text(moved), `Moved to ${NEW_TIME} from ${OLD_TIME}`);
      assert.equal(text(moved.querySelector("strong")), "Moved to");
      assert.deepEqual([...moved.querySelectorAll("time")].map((t) => t.getAttribute("datetime")), ["2026-12-23T21:00:00+00:00", "2026-12-22T20:30:00+00:00"]);
      assert.match(text(when(file, "The cancelled chat")), /^Cancelled: Tuesday, December 8, 2026, 8:30 PM EST \(UTC−5\)$/);
      assert.match(text(when(file, "The postponed chat")), /^Postponed: Tuesday, December 15, 2026, 8:30 PM EST \(UTC−5\)$/);
      // A chat that did not move is told by its time alone.
      if (file !== "tags/changes/index.html") assert.equal(text(when(file, "The upcoming chat")), "Tuesday, December 1, 2026, 8:30 PM EST (UTC−5)");
    });
  }
});

describe("a chat called off or put off", () => {
  for (const [slug, topics] of [["cancelled", ["Will this happen?", "Or this?"]], ["postponed", ["Later then?"]]] as const) {
    it(`(${slug}) lists its questions, with their anchors, and no copy button`, () => {
      const doc = page(slug);
      const items = [...doc.querySelectorAll(".topic-list > li")];
      assert.deepEqual(items.map((li) => text(li.querySelector(".topic-text"))), topics);
      assert.deepEqual(items.map((li) => li.id), topics.map((_, i) => `t${i + 1}`));
      assert.equal(doc.querySelectorAll("button.copy-topic, [data-copy]").length, 0);
      for (const li of items) assert.doesNotMatch(text(li), /Copy/);
    });
  }
});

describe("the pages and lists of moved, cancelled and postponed chats", () => {
  it("pass html-validate (no stray whitespace where a button or a line was left out)", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
    const found: string[] = [];
    for (const file of ["posts/moved/index.html", "posts/cancelled/index.html", "posts/postponed/index.html", "index.html", "archive/index.html", "tags/changes/index.html"]) {
      const report = await validator.validateString(site.read(file), file);
      for (const result of report.results) for (const m of result.messages as Message[]) if (m.severity === 2) found.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(found, []);
  });
});
