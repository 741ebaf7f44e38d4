// Checks between posts, on the facts kept of each: shared addresses, shared chat
// starts, and links to posts that are missing, drafts, or published later.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PostLink } from "../../lib/body-links.ts";
import { crossFileProblems, type CrossFilePost } from "../../lib/cross-file-checks.ts";

const post = (name: string, date: string, extra: Partial<CrossFilePost> = {}): CrossFilePost => ({
  file: `content/posts/${date}-${name}.md`, url: `/posts/${name}/`, date, draft: false, postLinks: [], ...extra,
});
const byFile = (target: CrossFilePost, line = 7): PostLink => ({ href: target.file.replace("content/posts/", ""), line, file: target.file });
const byUrl = (url: string, line = 8): PostLink => ({ href: url, line, url });
const TODAY = "2026-11-24";
const summary = (posts: CrossFilePost[]) => crossFileProblems(posts, { today: TODAY }).map((d) => [d.severity, d.file, d.line, d.message]);

describe("links between posts", () => {
  const april = post("online-communities", "2017-04-30");
  const draft = post("ideas", "2017-05-01", { draft: true });
  const nextWeek = post("next-week", "2026-12-01");

  it("to published posts, by file or address, or to itself, are fine", () => {
    const later = post("later", "2017-06-01", { postLinks: [byFile(april), byUrl("/posts/online-communities/"), byUrl("/posts/later/")] });
    assert.deepEqual(summary([april, later]), []);
  });

  it("by an address no post has is an error, with the nearest address", () => {
    const later = post("later", "2017-06-01", { postLinks: [byUrl("/posts/online-community/", 9), byUrl("/posts/nothing-like-it/", 10)] });
    const problems = crossFileProblems([april, later], { today: TODAY });
    assert.deepEqual(problems.map((d) => [d.severity, d.line, d.message]), [
      ["error", 9, "the link to /posts/online-community/ leads to no post: no post has the address /posts/online-community/"],
      ["error", 10, "the link to /posts/nothing-like-it/ leads to no post: no post has the address /posts/nothing-like-it/"],
    ]);
    assert.match(problems[0]!.fix!, /^did you mean \/posts\/online-communities\/\?/);
    assert.match(problems[1]!.fix!, /^check the address/);
  });

  it("to a draft is a warning on the linking post", () => {
    const later = post("later", "2017-06-01", { postLinks: [byFile(draft, 12)] });
    assert.deepEqual(summary([april, draft, later]), [
      ["warning", later.file, 12, `the link to 2017-05-01-ideas.md leads to a draft (${draft.file}), which is not published: on the site the link leads nowhere`],
    ]);
  });

  it("to a post still to come, dated after the linking one, is a warning", () => {
    const now = post("this-week", "2026-11-24", { postLinks: [byFile(nextWeek, 5)] });
    assert.deepEqual(summary([now, nextWeek]), [
      ["warning", now.file, 5, `the link to 2026-12-01-next-week.md leads to a post dated 2026-12-01 (${nextWeek.file}), published after this one (2026-11-24): until then the link leads nowhere`],
    ]);
  });

  it("to a post still to come is fine from a post published the same day or later, and once both are out", () => {
    const sameDay = post("same-day", "2026-12-01", { postLinks: [byFile(nextWeek)] });
    const after = post("after", "2026-12-08", { postLinks: [byUrl("/posts/next-week/")] });
    assert.deepEqual(summary([nextWeek, sameDay, after]), []);
    const now = post("this-week", "2026-11-24", { postLinks: [byFile(nextWeek)] });
    assert.deepEqual(crossFileProblems([now, nextWeek], { today: "2026-12-01" }), []);
  });

  it("from a draft are not checked, and a link to a post file that could not be loaded is left to its own errors", () => {
    const drafted = post("drafted", "2017-06-01", { draft: true, postLinks: [byFile(post("gone", "2017-01-01")), byUrl("/posts/gone/"), byFile(draft)] });
    const broken = post("broken", "2017-06-02", { postLinks: [byFile(post("unloadable", "2017-01-02"))] });
    assert.deepEqual(summary([april, draft, drafted, broken]), []);
  });
});

describe("links of a post with errors of its own", () => {
  it("are checked too, and the date warning needs its date", () => {
    const april = post("online-communities", "2017-04-30");
    const future = post("future", "2030-01-01");
    const linkingOnly = [
      { file: "content/posts/2019-01-01-broken.md", date: "2019-01-01", draft: false, postLinks: [byUrl("/posts/online-community/", 6), byFile(future, 7)] },
      { file: "content/posts/2019-01-02-no-date.md", draft: false, postLinks: [byFile(future, 8)] },
      { file: "content/posts/2019-01-03-draft.md", draft: true, postLinks: [byUrl("/posts/nowhere/", 9)] },
    ];
    const problems = crossFileProblems([april, future], { today: TODAY, linkingOnly }).map((d) => [d.severity, d.file, d.line]);
    assert.deepEqual(problems, [
      ["error", "content/posts/2019-01-01-broken.md", 6],
      ["warning", "content/posts/2019-01-01-broken.md", 7],
    ]);
  });
});

describe("links of the site's other pages", () => {
  it("are checked like a post's; a post still to come is a warning, since the page is out already", () => {
    const april = post("online-communities", "2017-04-30");
    const draft = post("ideas", "2017-05-01", { draft: true });
    const future = post("future", "2030-01-01");
    const about = { file: "content/about.md", page: true as const, draft: false, postLinks: [byFile(april, 5), byFile(draft, 6), byFile(future, 7), byUrl("/posts/nowhere/", 8)] };
    const problems = crossFileProblems([april, draft, future], { today: TODAY, linkingOnly: [about] });
    assert.deepEqual(problems.map((d) => [d.severity, d.file, d.line]), [
      ["warning", "content/about.md", 6],
      ["warning", "content/about.md", 7],
      ["error", "content/about.md", 8],
    ]);
    assert.equal(problems[1]!.message, "the link to 2030-01-01-future.md leads to a post dated 2030-01-01 (content/posts/2030-01-01-future.md), not published yet: until then the link leads nowhere");
    assert.equal(crossFileProblems([april, future], { today: "2030-01-01", linkingOnly: [{ ...about, postLinks: [byFile(future)] }] }).length, 0);
  });
});

describe("posts sharing an address or a chat start", () => {
  it("are errors on both files", () => {
    const a = post("same", "2017-01-01", { chat: { startMillis: 1000 } });
    const b = { ...post("same", "2018-01-01", { chat: { startMillis: 1000 } }) };
    const problems = summary([a, b]);
    assert.equal(problems.filter((p) => /both get the address \/posts\/same\//.test(String(p[3]))).length, 2);
    assert.equal(problems.filter((p) => /starts at the same moment/.test(String(p[3]))).length, 2);
  });

  it("with a post that has errors of its own: told on both at once, not only once it is fixed", () => {
    const valid = post("online-communities", "2017-04-30");
    const broken = "content/posts/2026-11-18-online-communities.md";
    const problems = crossFileProblems([valid], { today: TODAY, postFiles: [valid.file, broken] });
    assert.deepEqual(problems.map((d) => [d.file, d.message]), [
      [valid.file, `this post and ${broken} both get the address /posts/online-communities/`],
      [broken, `this post and ${valid.file} both get the address /posts/online-communities/`],
    ]);
  });
});

describe("chats that clash", () => {
  const at = (wallClock: string, zone: string, startMillis: number, minutes = 60, hashtag = "#careldr") => ({
    chat: { startMillis, endMillis: startMillis + minutes * 60_000, hashtag, wallClock: `${wallClock}:00`, zone },
  });
  const EIGHT_THIRTY = Date.UTC(2017, 4, 3, 0, 30); // 20:30 in New York, 01:30 in London

  it("the same moment is named in each writer's own zone, not in UTC", () => {
    const a = post("a", "2017-05-01", at("2017-05-02T20:30", "America/New_York", EIGHT_THIRTY));
    const b = post("b", "2017-05-01", at("2017-05-03T01:30", "Europe/London", EIGHT_THIRTY, 60, "#other"));
    assert.deepEqual(summary([a, b]).map((p) => p[3]), [
      `this chat starts at the same moment (2017-05-02 20:30 America/New_York) as the chat in ${b.file} (2017-05-03 01:30 Europe/London)`,
      `this chat starts at the same moment (2017-05-03 01:30 Europe/London) as the chat in ${a.file} (2017-05-02 20:30 America/New_York)`,
    ]);
  });

  it("one hashtag cannot hold two chats at once: a chat starting before the other ends is an error on both", () => {
    const a = post("a", "2017-05-01", at("2017-05-02T20:30", "America/New_York", EIGHT_THIRTY, 60, "#CareLdr"));
    const b = post("b", "2017-05-01", at("2017-05-02T21:00", "America/New_York", EIGHT_THIRTY + 30 * 60_000));
    const found = crossFileProblems([b, a], { today: TODAY, where: () => ({ line: 5, column: 3 }) });
    assert.deepEqual(found.map((d) => [d.file, d.line, d.field, d.message]), [
      [a.file, 5, "chat.start", `this chat (2017-05-02 20:30 America/New_York) and the chat in ${b.file} (2017-05-02 21:00 America/New_York) are both on #CareLdr at once: one starts before the other ends`],
      [b.file, 5, "chat.start", `this chat (2017-05-02 21:00 America/New_York) and the chat in ${a.file} (2017-05-02 20:30 America/New_York) are both on #careldr at once: one starts before the other ends`],
    ]);
    assert.match(found[0]!.fix ?? "", /`duration:`/);
  });

  it("back to back, on other hashtags, or a draft: no problem", () => {
    const a = post("a", "2017-05-01", at("2017-05-02T20:30", "America/New_York", EIGHT_THIRTY));
    const next = post("next", "2017-05-01", at("2017-05-02T21:30", "America/New_York", EIGHT_THIRTY + 60 * 60_000));
    const guest = post("guest", "2017-05-01", at("2017-05-02T21:00", "America/New_York", EIGHT_THIRTY + 30 * 60_000, 60, "#guestchat"));
    const draft = post("draft", "2017-05-01", { ...at("2017-05-02T20:30", "America/New_York", EIGHT_THIRTY), draft: true });
    assert.deepEqual(summary([a, next, guest, draft]), []);
  });

  it("facts without the local time (an older record) still name the moment, in UTC", () => {
    const a = post("a", "2017-05-01", { chat: { startMillis: EIGHT_THIRTY } });
    const b = post("b", "2018-01-01", { chat: { startMillis: EIGHT_THIRTY } });
    assert.match(String(summary([a, b])[0]![3]), /same moment \(2017-05-03T00:30:00Z\) as the chat in content\/posts\/2018-01-01-b\.md \(2017-05-03T00:30:00Z\)$/);
  });
});

describe("many posts copied from one", () => {
  // An import or a script gone wrong: 2,000 posts at one address, title and chat start once
  // made each message name every other post (420 MB of report) in 15 s.
  const copies = (n: number) => Array.from({ length: n }, (_, i) => post("same", `2017-01-${String(1 + (i % 28)).padStart(2, "0")}`, {
    file: `content/posts/2017-01-01-same-${String(i).padStart(4, "0")}.md`,
    title: "Online communities",
    chat: { startMillis: Date.UTC(2017, 0, 2, 1), endMillis: Date.UTC(2017, 0, 2, 2), hashtag: "#careldr", wallClock: "2017-01-01T20:00:00", zone: "America/New_York" },
  }));

  it("each message names three of the others and counts the rest", () => {
    const posts = copies(6);
    const onFirst = crossFileProblems(posts, { today: TODAY }).filter((d) => d.file === posts[0]!.file);
    const [, b, c, d] = posts.map((p) => p.file);
    assert.deepEqual(onFirst.map((p) => p.message), [
      `this post and ${b}, ${c}, ${d} and 2 more posts all get the address /posts/same/`,
      `this chat starts at the same moment (2017-01-01 20:00 America/New_York) as the chat in ${b} (2017-01-01 20:00 America/New_York), ${c} (2017-01-01 20:00 America/New_York), ${d} (2017-01-01 20:00 America/New_York) and 2 more posts`,
      `this post has the same title as ${b}, ${c}, ${d} and 2 more posts: in the archive, feeds, search results and calendars readers cannot tell them apart`,
    ]);
  });

  it("up to four posts, all are named", () => {
    const posts = copies(4);
    const [a, b, c, d] = posts.map((p) => p.file);
    const messages = crossFileProblems(posts, { today: TODAY }).filter((p) => p.file === a).map((p) => p.message);
    assert.equal(messages[0], `this post and ${b}, ${c} and ${d} all get the address /posts/same/`);
    assert.match(messages[2]!, new RegExp(`same title as ${b}, ${c} and ${d}: `));
  });

  it("2,000 copies: one error per post and field, each of a few hundred characters", () => {
    const problems = crossFileProblems(copies(2000), { today: TODAY });
    assert.equal(problems.length, 3 * 2000);
    assert.ok(Math.max(...problems.map((p) => p.message.length)) < 600);
    assert.match(problems[0]!.message, /and 1,996 more posts all get the address/);
  });
});

describe("one tag written differently in posts", () => {
  /** A post with `tags`, the first written on line 5 from column 8, one per line after it. */
  const tagged = (name: string, date: string, tags: string[], extra: Partial<CrossFilePost> = {}): CrossFilePost =>
    post(name, date, { tags, tagsAt: tags.map((_, i) => ({ line: 5 + i, column: 8 })), ...extra });
  const tagErrors = (posts: CrossFilePost[]) => crossFileProblems(posts, { today: TODAY }).map(({ severity, file, line, column, field, message, fix }) => ({ severity, file, line, column, field, message, fix }));

  it("is an error where the other spelling is written, naming the post that uses the common one", () => {
    const sydney = tagged("sydney", "2018-02-09", ["community", "nursing"]);
    const later = tagged("later", "2018-03-01", ["Nursing"]);
    assert.deepEqual(tagErrors([sydney, later]), [{
      severity: "error", file: later.file, line: 5, column: 8, field: "tags[0]",
      message: `the tag \`Nursing\` is written \`nursing\` in ${sydney.file}: both spellings would have the tag page /tags/nursing/`,
      fix: "write it as `nursing` like the other post",
    }]);
  });

  it("advises the spelling most posts use, whichever post is earliest", () => {
    const first = tagged("first", "2017-01-01", ["Nursing"]);
    const rest = ["2017-02-01", "2017-03-01", "2017-04-01"].map((date, i) => tagged(`n${i}`, date, ["research", "nursing"]));
    const problems = tagErrors([first, ...rest]);
    assert.deepEqual(problems.map((d) => [d.file, d.field]), [[first.file, "tags[0]"]]);
    assert.equal(problems[0]!.message, `the tag \`Nursing\` is written \`nursing\` in ${rest[0]!.file} and 2 other posts: both spellings would have the tag page /tags/nursing/`);
    assert.equal(problems[0]!.fix, "write it as `nursing` like the other 3 posts");
  });

  it("on a tie, advises the spelling of the earliest file, in whatever order the posts come", () => {
    const posts = [tagged("a", "2017-05-01", ["Nursing"]), tagged("b", "2017-01-01", ["nursing"]), tagged("c", "2017-09-01", ["NURSING"])];
    const expected = [["content/posts/2017-05-01-a.md", "write it as `nursing` like the other post"], ["content/posts/2017-09-01-c.md", "write it as `nursing` like the other post"]];
    assert.deepEqual(tagErrors(posts).map((d) => [d.file, d.fix]), expected);
    assert.deepEqual(tagErrors([...posts].reverse()).map((d) => [d.file, d.fix]).sort(), expected);
  });

  it("within one post, is an error on the later spelling, whose removal loses nothing", () => {
    const both = tagged("both", "2017-01-01", ["nursing", "research", "Nursing"]);
    assert.deepEqual(tagErrors([both]), [{
      severity: "error", file: both.file, line: 7, column: 8, field: "tags[2]",
      message: "the tag `Nursing` is this post's tag `nursing` (item 1 of `tags`) written differently: both spellings would have the tag page /tags/nursing/",
      fix: "remove `Nursing` from this post's tags: it already has `nursing`",
    }]);
    // Where other posts agree with its later spelling, the earlier one goes.
    const others = [tagged("x", "2017-02-01", ["Nursing"]), tagged("y", "2017-03-01", ["Nursing"])];
    const problems = tagErrors([both, ...others]);
    assert.deepEqual(problems.map((d) => [d.file, d.field, d.fix]), [[both.file, "tags[0]", "remove `nursing` from this post's tags: it already has `Nursing`"]]);
    assert.match(problems[0]!.message, /is this post's tag `Nursing` \(item 3 of `tags`\) written differently, as content\/posts\/2017-02-01-x\.md and 1 other post do:/);
  });

  it("counts accents and symbols too; only for symbols does the fix say how to keep two different tags", () => {
    const problems = tagErrors([
      tagged("a", "2017-01-01", ["santé", "C++"]),
      tagged("b", "2017-02-01", ["sante", "C#"]),
    ]);
    assert.deepEqual(problems.map((d) => [d.file, d.field, d.fix]), [
      ["content/posts/2017-02-01-b.md", "tags[0]", "write it as `santé` like the other post"],
      ["content/posts/2017-02-01-b.md", "tags[1]", "write it as `C++` like the other post; or, if it is a different tag, give it a name that differs in more than capitals, accents, spaces and symbols"],
    ]);
    assert.equal(problems[0]!.message, "the tag `sante` is written `santé` in content/posts/2017-01-01-a.md: both spellings would have the tag page /tags/sante/");
    assert.equal(problems[1]!.message, "the tag `C#` would have the same tag page, /tags/c/, as the tag `C++` in content/posts/2017-01-01-a.md");
    const inOnePost = tagErrors([tagged("one", "2017-01-01", ["C++", "C#"])]);
    assert.equal(inOnePost[0]!.message, "the tag `C#` would have the same tag page, /tags/c/, as this post's tag `C++` (item 1 of `tags`)");
    assert.equal(inOnePost[0]!.fix, "remove `C#` from this post's tags: it already has `C++`; or, if it is a different tag, give it a name that differs in more than capitals, accents, spaces and symbols");
  });

  it("counts drafts, whose tags are published with them; asks `where` for a position not given", () => {
    const published = tagged("published", "2017-01-01", ["nursing"]);
    const draft = post("draft", "2017-02-01", { draft: true, tags: ["Nursing"] });
    const problems = crossFileProblems([published, draft], { today: TODAY, where: (file, field) => ({ line: field.length === 2 && field[0] === "tags" && field[1] === 0 && file === draft.file ? 6 : 99, column: 3 }) });
    assert.deepEqual(problems.map((d) => [d.file, d.line, d.column, d.field]), [[draft.file, 6, 3, "tags[0]"]]);
  });

  it("is fine when every post writes a tag alike, and for tags with no readable address", () => {
    assert.deepEqual(tagErrors([
      tagged("a", "2017-01-01", ["nursing", "🩺"]),
      tagged("b", "2017-02-01", ["nursing", "💉", "nursing"]),
      tagged("c", "2017-03-01", ["Research"]),
      tagged("d", "2017-04-01", ["Research"]),
    ]), []);
  });
});

describe("tags of a post with errors of its own", () => {
  it("are checked against the other posts' tags, and count for the spelling to advise", () => {
    const sydney = post("sydney", "2018-02-09", { tags: ["nursing"], tagsAt: [{ line: 5, column: 8 }] });
    // Loaded with an error elsewhere (a wrong field), so it comes only as linking: its tags still count.
    const broken = { file: "content/posts/2018-03-01-broken.md", draft: false, postLinks: [], tags: ["Nursing"], tagsAt: [{ line: 6, column: 9 }] };
    const problems = crossFileProblems([sydney], { today: TODAY, linkingOnly: [broken] });
    assert.deepEqual(problems.map((d) => [d.file, d.line, d.column, d.field, d.fix]), [[broken.file, 6, 9, "tags[0]", "write it as `nursing` like the other post"]]);
    // Two posts with errors spelling it `Nursing` outnumber the one: the loaded post is told to change.
    const another = { ...broken, file: "content/posts/2018-03-08-another.md" };
    const advice = crossFileProblems([sydney], { today: TODAY, linkingOnly: [broken, another] });
    assert.deepEqual(advice.map((d) => [d.file, d.fix]), [[sydney.file, "write it as `Nursing` like the other 2 posts"]]);
  });
});
