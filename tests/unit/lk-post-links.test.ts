// A link to a post that has errors of its own is not a link to no post: the post's own errors
// are the cause, and told once, with it. The example of a link by file name in every "leads to
// no post" or "no page" fix names a post of the writer's site (the one the link most likely
// means, else last week's), or is a plain pattern when the site has no other post: never a file
// of chatpost's sample site. Each fix, applied, leaves no problem.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyLinks, type SitePost } from "../../lib/body-links.ts";
import { crossFileProblems, postLinkExample, type CrossFilePost, type LinkingPost } from "../../lib/cross-file-checks.ts";
import { siteLinkProblems, type BuiltSite } from "../../lib/site-links.ts";

const TODAY = "2027-11-01";
const week = (n: number, date: string, extra: Partial<CrossFilePost> = {}): CrossFilePost => ({
  file: `content/posts/${date}-week-${String(n).padStart(2, "0")}.md`, url: `/posts/week-${String(n).padStart(2, "0")}/`, date, draft: false, postLinks: [], ...extra,
});
const week1 = week(1, "2027-01-03");
const week8 = week(8, "2027-02-21");
const WEEK9 = "content/posts/2027-02-28-week-09.md"; // has an error of its own: not loaded
const WEEK10 = "content/posts/2027-03-07-week-10.md";
const POST_FILES = [week1.file, week8.file, WEEK9, WEEK10];
const exists = (file: string) => POST_FILES.includes(file);
const SITE_POSTS: SitePost[] = POST_FILES.map((file) => ({ file }));

/** Week 10 with `body` (from line 10), as the loader keeps it: its links to other posts. */
function week10(body: string): CrossFilePost {
  const links = bodyLinks(body, WEEK10, 10, exists, undefined, () => SITE_POSTS);
  assert.deepEqual(links.problems, []);
  return week(10, "2027-03-07", { postLinks: links.posts });
}
const shown = (posts: CrossFilePost[], linkingOnly: LinkingPost[] = [], postFiles: readonly string[] | undefined = POST_FILES) =>
  crossFileProblems(posts, { today: TODAY, linkingOnly, ...(postFiles ? { postFiles } : {}) }).map((d) => `${d.line}:${d.column}  ${d.message} → ${d.fix}`);

describe("a link to a post with errors of its own", () => {
  it("is no second error, by address or by file: the post's own errors are the cause", () => {
    const linking = week10("See [last week](/posts/week-09/) and [again](2027-02-28-week-09.md#t1).");
    assert.deepEqual(shown([week1, week8, linking]), []);
  });

  it("is known from the post's other links and tags too, without the list of post files", () => {
    const linking = week10("See [last week](/posts/week-09/).");
    const broken: LinkingPost = { file: WEEK9, draft: false, postLinks: [{ href: "/posts/week-08/", line: 12, url: "/posts/week-08/" }] };
    assert.deepEqual(shown([week1, week8, linking], [broken], undefined), []);
  });

  it("is a near address to guess for a slip, with that post's file as the link to write", () => {
    const linking = week10("See [last week](/posts/week-9/).");
    assert.deepEqual(shown([week1, week8, linking]), [
      "10:17  the link to /posts/week-9/ leads to no post: no post has the address /posts/week-9/ → did you mean /posts/week-09/? Or link to that post by its file name: [last week](2027-02-28-week-09.md)",
    ]);
    // Written as the fix says, the link leads to that post: once its own errors are fixed, nothing is left.
    const fixed = week10("See [last week](2027-02-28-week-09.md).");
    assert.deepEqual(shown([week1, week8, fixed]), []);
    assert.deepEqual(shown([week1, week8, week(9, "2027-02-28"), fixed]), []);
  });
});

describe("the example of a link by file name", () => {
  it("is last week's post of the writer's site when no post is like the address", () => {
    const linking = week10("See [that chat](/posts/nothing-like-it/).");
    assert.deepEqual(shown([week1, week8, linking]), [
      "10:17  the link to /posts/nothing-like-it/ leads to no post: no post has the address /posts/nothing-like-it/ → check the address, or link to the post by its file name, e.g. [last week](2027-02-28-week-09.md)",
    ]);
    const fixed = week10("See [that chat](2027-02-28-week-09.md).");
    assert.deepEqual(shown([week1, week8, fixed]), []);
  });

  it("never guesses the linking post's own address", () => {
    // Loaded or with errors of its own, week 10 is nearest `/posts/week-10x/`, but a link to itself is not what was meant.
    const linking = week10("See [this](/posts/week-10x/).");
    for (const [posts, linkingOnly] of [[[week1, linking], []], [[week1], [linking]]] as const) {
      const [fix, ...rest] = shown([...posts], [...linkingOnly], [week1.file, WEEK10]);
      assert.deepEqual(rest, []);
      assert.doesNotMatch(fix!, /week-10\//);
      assert.match(fix!, /\[last week\]\(2027-01-03-week-01\.md\)$/);
    }
  });

  it("is written from the linking file's folder, and a pattern when the site has no other post", () => {
    assert.equal(postLinkExample("content/about.md", POST_FILES), "[last week](posts/2027-03-07-week-10.md)");
    assert.equal(postLinkExample("content/posts/2028/2028-01-02-week-01.md", POST_FILES), "[last week](../2027-03-07-week-10.md)");
    assert.equal(postLinkExample(week1.file, POST_FILES), "[last week](2027-03-07-week-10.md)");
    assert.equal(postLinkExample(WEEK10, [WEEK10]), "[last week](YYYY-MM-DD-title.md), with the name of that post's file in content/posts/");
  });

  it("names the post the file name most likely meant in a slip, and the writer's posts otherwise", () => {
    const fixes = bodyLinks("[a](2027-02-28-week-9.md#t1) [b](2027-02-28-gone) [c](2027-01-01-gone.md)", WEEK10, 10, exists, undefined, () => SITE_POSTS).problems.map((p) => p.fix);
    assert.deepEqual(fixes, [
      "check the file name: did you mean 2027-02-28-week-09.md#t1?",
      "check the file name: link to another post by its file name, ending in .md, e.g. [last week](2027-02-28-week-09.md)",
      "check the file name: link to another post by its file name, e.g. [last week](2027-02-28-week-09.md)",
    ]);
    assert.deepEqual(bodyLinks("[a](2027-02-28-week-09.md#t1)", WEEK10, 10, exists, undefined, () => SITE_POSTS).problems, []);
  });

  it("in the build's check of addresses, is the guessed post's file, or one of the site's posts", () => {
    const site: BuiltSite = {
      hasFile: (file) => ["/about/index.html", "/posts/week-08/index.html", "/posts/week-10/index.html"].includes(file),
      placesIn: () => new Set(),
      addresses: () => ["/about/", "/posts/week-08/", "/posts/week-10/"],
      postFiles: () => [week8.file, WEEK10],
    };
    const fixes = siteLinkProblems([{ file: WEEK10, url: "/posts/week-10/", links: [
      { href: "../week-8/", line: 12, address: "../week-8/" },
      { href: "/nothing-like-it/", line: 13, address: "/nothing-like-it/" },
    ] }], site).map((d) => d.fix);
    assert.deepEqual(fixes, [
      'did you mean /posts/week-08/? Write an address of the site from its root, starting with "/" (e.g. /about/), or link to a post by its file name, e.g. [last week](2027-02-21-week-08.md)',
      'Write an address of the site from its root, starting with "/" (e.g. /about/), or link to a post by its file name, e.g. [last week](2027-02-21-week-08.md)',
    ]);
  });
});
