// Posts that announce no chat (a recap, a break) are shared and listed as posts; `npm run new`
// passes over a week whose chat is a guest chat in another zone at another time.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSite, copySite, copySiteWith, FIXTURE_SITE, runScript, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const GUEST = `---
title: Guest host from Auckland
date: 2017-11-15
chat:
  start: 2017-11-21T23:30
  zone: Pacific/Auckland
---
Our guest hosts from Auckland this week.
`;

const RECAP = `---
title: What we heard about night shifts
date: 2017-11-09
---
A recap of the chat of November 7.
`;

describe("npm run new, the week after a guest chat in another zone", () => {
  it("passes over the week, says when its chat is, and writes the next week's post", async () => {
    // Tuesday November 21 2017 23:30 NZDT is 10:30 UT, 05:30 EST the same Tuesday: no overlap with the 20:30 slot.
    const root = copySiteWith(FIXTURE_SITE, { files: { "content/posts/2017-11-15-guest-auckland.md": GUEST } });
    const env = { CHATPOST_NOW: "2017-11-15T12:00:00Z" };
    const result = await runScript("new-post", root, ["Listening to patients"], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^The week of 2017-11-21 already has its chat, on Tuesday, November 21, 2017, 11:30 PM [^:]+: content\/posts\/2017-11-15-guest-auckland\.md\.\nCreated content\/posts\/2017-11-28-listening-to-patients\.md\n/);
    assert.equal(existsSync(path.join(root, "content/posts/2017-11-21-listening-to-patients.md")), false);
    assert.match(readFileSync(path.join(root, "content/posts/2017-11-28-listening-to-patients.md"), "utf8"), /^  start: 2017-11-28T20:30 /m);
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stderr);
    assert.doesNotMatch(check.stdout + check.stderr, /warning/);
  });
});

describe("npm run new, with a title an earlier year's post already has", () => {
  it("gives the new post the first free address, says so, and the site checks clean", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: {} });
    const env = { CHATPOST_NOW: "2026-11-24T12:00:00Z" };
    const result = await runScript("new-post", root, ["Online communities"], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Created content\/posts\/2026-11-24-online-communities-2\.md\nfor the chat on [^\n]+\nIts address is \/posts\/online-communities-2\/: \/posts\/online-communities\/ is the address of content\/posts\/2017-04-30-online-communities\.md\.\n/m);
    assert.equal(existsSync(path.join(root, "content/posts/2026-11-24-online-communities.md")), false);
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    // Again at once: the post just written is named, by its title, not a third written.
    const again = await runScript("new-post", root, ["Online  communities"], env);
    assert.equal(again.code, 1, again.stdout);
    assert.match(again.stderr, /^content\/posts\/2026-11-24-online-communities-2\.md already exists, for the chat on 2026-11-24; nothing was written\./m);
    // A week later, with that chat past: -2 is taken too, by the post just written.
    const later = await runScript("new-post", root, ["Online communities"], { CHATPOST_NOW: "2026-12-02T12:00:00Z" });
    assert.equal(later.code, 0, later.stderr);
    assert.match(later.stdout, /^Created content\/posts\/2026-12-08-online-communities-3\.md\n/m);
  });
});

describe("npm run new, the post's address", () => {
  const env = { CHATPOST_NOW: "2026-11-24T12:00:00Z" };

  it("a title with no letter a-z or digit: the address is the chat's date, and the command says why and how to choose one", async () => {
    const root = copySite(FIXTURE_SITE);
    const result = await runScript("new-post", root, ["日本語のチャット"], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Created content\/posts\/2026-11-24-chat-2026-11-24\.md\n/m);
    assert.match(result.stdout, /^Its address is \/posts\/chat-2026-11-24\/: web addresses are made of the letters a-z and digits, and the title has none\. For a readable one, rename the file before the post is published \(the part of its name after the date is the address: content\/posts\/2026-11-24-your-words\.md\)\. Next time, --address chooses it: /m);
    assert.match(readFileSync(path.join(root, "content/posts/2026-11-24-chat-2026-11-24.md"), "utf8"), /^title: "?日本語のチャット"?$/m);
    // The next one, in Cyrillic, has the next week's date: never chat, chat-2…
    const next = await runScript("new-post", root, ["Другой чат"], env);
    assert.equal(next.code, 0, next.stderr);
    assert.match(next.stdout, /^Created content\/posts\/2026-12-08-chat-2026-12-08\.md\n/m);
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });

  it("--address chooses it; one that is not an address, or is another post's, writes nothing", async () => {
    const root = copySite(FIXTURE_SITE);
    const posts = () => readdirSync(path.join(root, "content/posts")).sort();
    const before = posts();
    const bad = await runScript("new-post", root, ["日本語のチャット", "--address", "Nihongo Chat"], env);
    assert.equal(bad.code, 2, bad.stdout);
    assert.equal(bad.stderr.trim(), '--address "Nihongo Chat" is not a web address: use lower-case letters a-z, digits and - only, e.g. --address nihongo-chat. Nothing was written.');
    const long = "a-very-long-address-that-goes-on-and-on-well-past-what-a-file-name-should-hold";
    const tooLong = await runScript("new-post", root, ["Long", "--address", long], env);
    assert.equal(tooLong.code, 2, tooLong.stdout);
    assert.match(tooLong.stderr, new RegExp(`^--address "${long}" is ${long.length} characters long: an address has at most 60, e\\.g\\. --address a-very-long-address-that-goes-on-and-on-well-past-what-a\\. Nothing was written\\.$`, "m"));
    const dashes = await runScript("new-post", root, ["Dashes", "--address", "care--chat-"], env);
    assert.equal(dashes.code, 2, dashes.stdout);
    assert.equal(dashes.stderr.trim(), '--address "care--chat-" is not a web address: it may not start or end with -, nor have two in a row, e.g. --address care-chat. Nothing was written.');
    const taken = await runScript("new-post", root, ["Communities again", "--address", "online-communities"], env);
    assert.equal(taken.code, 1, taken.stdout);
    assert.match(taken.stderr, /^\/posts\/online-communities\/ is already the address of content\/posts\/2017-04-30-online-communities\.md; nothing was written\.\nChoose another --address\.$/m);
    assert.deepEqual(posts(), before);
    const good = await runScript("new-post", root, ["日本語のチャット", "--address", "nihongo-chat"], env);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /^Created content\/posts\/2026-11-24-nihongo-chat\.md\nfor the chat on [^\n]+\nWrite the topics/m);
    const check = await runScript("check", root, [], env);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });
});

describe("a post without a chat", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite(copySiteWith(FIXTURE_SITE, { files: { "content/posts/2017-11-09-night-shift-recap.md": RECAP } }), { env: { CHATPOST_NOW: "2017-11-15T12:00:00Z" } });
  });

  it("is shared as a post, and a chat's announcement still as a chat", () => {
    const recap = dom(site.read("posts/night-shift-recap/index.html"));
    assert.equal(text(recap.querySelector("#share-heading")), "Share this post");
    const chat = dom(site.read("posts/after-dst/index.html"));
    assert.equal(text(chat.querySelector("#share-heading")), "Share this chat");
  });

  it("makes the home page's list one of posts, with the recap's publish date", () => {
    const home = dom(site.read("index.html"));
    assert.equal(text(home.querySelector("#all-heading")), "All posts");
    const items = [...home.querySelectorAll(".post-list .posts li")];
    const recap = items.find((li) => text(li.querySelector("a")) === "What we heard about night shifts");
    assert.ok(recap, "the recap is listed");
    assert.equal(recap.querySelector("time")?.getAttribute("datetime"), "2017-11-09");
  });
});

describe("a site whose posts are all chats", () => {
  it("lists them as chats", async () => {
    const site = await buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2017-11-15T12:00:00Z" } });
    assert.equal(text(dom(site.read("index.html")).querySelector("#all-heading")), "All chats");
  });
});
