// Drafts and scheduled posts: absent from everything a build publishes, shown by
// the live preview, which also shows a broken post's problems and keeps serving.
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { usePreview, waitFor, waitForStatus } from "../helpers/preview-server.ts";

const UNPUBLISHED = [
  { slug: "draft", title: "A draft that must not be published", body: "Draft body." },
  { slug: "scheduled", title: "A scheduled post from the future", body: "Scheduled body." },
];

describe("a build", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite();
  });

  it("publishes no page of a draft or a future post", () => {
    for (const { slug } of UNPUBLISHED) assert.equal(site.files().some((f) => f.startsWith(`posts/${slug}/`)), false, slug);
  });

  it("mentions them in no page, feed, calendar or sitemap", () => {
    const textFiles = site.files().filter((f) => /\.(html|xml|json|ics|txt|webmanifest)$/.test(f));
    assert.ok(textFiles.some((f) => f.endsWith(".ics")) && textFiles.some((f) => f.endsWith(".xml")));
    for (const file of textFiles) {
      const text = site.read(file);
      for (const { slug, title, body } of UNPUBLISHED) {
        assert.ok(!text.includes(title) && !text.includes(body) && !text.includes(`/posts/${slug}/`), `${file} mentions ${slug}`);
      }
    }
  });

  it("publishes a future post once its date has come where the chat is hosted", async () => {
    // Midnight in New York (the fixture's chat.zone), five hours after midnight UTC.
    const later = await buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2030-01-01T00:00:00-05:00" } });
    assert.ok(later.exists("posts/scheduled/index.html"));
    assert.ok(!later.exists("posts/draft/index.html"));
  });
});

describe("npm start (live preview)", () => {
  const preview = usePreview(() => copySite(FIXTURE_SITE));

  it("shows drafts and future posts", async () => {
    for (const { slug, title } of UNPUBLISHED) await waitFor(`${preview.base}/posts/${slug}/`, (html) => html.includes(title));
  });

  it("rebuilds an edited post: its new title reaches the page", async () => {
    const file = path.join(preview.root, "content/posts/2017-11-03-after-dst.md");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace(/^title: .*$/m, "title: Edited while the preview runs"));
    const page = await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("Edited while the preview runs"));
    assert.match(page, /<title>Edited while the preview runs/);
  });

  it("prints a link to the site that leads nowhere and still serves the page with it", async () => {
    const file = path.join(preview.root, "content/posts/2018-02-09-escaping.md");
    const original = readFileSync(file, "utf8");
    const before = preview.log.length;
    writeFileSync(file, `${original.trimEnd()}\n\nSee [the team](/abuot/) and [the top](#main).\n`);
    const line = original.trimEnd().split("\n").length + 2;
    await waitFor(`${preview.base}/posts/escaping/`, (html) => html.includes("the team</a>"));
    const deadline = Date.now() + 20_000;
    while (!/a build stops on them/.test(preview.log.slice(before)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const printed = preview.log.slice(before);
    assert.match(printed, new RegExp(`content/posts/2018-02-09-escaping\\.md:${line}:16  the link to /abuot/ leads to no page or file of the site → did you mean /about/\\?`));
    assert.match(printed, /1 error: the preview shows the pages with these links; a build stops on them/);
    assert.doesNotMatch(printed, /#main/);
    writeFileSync(file, original);
    await waitFor(`${preview.base}/posts/escaping/`, (html) => !html.includes("the team</a>"));
    assert.equal(preview.server.exitCode, null, "the server stopped");
  });

  it("shows a broken post's problems on its page, prints them, and keeps serving; the fix brings the post back", async () => {
    const file = path.join(preview.root, "content/posts/2017-04-30-online-communities.md");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace(/^date: .*$/m, "date: 2017-04-31"));
    const page = await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("This post cannot be published yet"));
    assert.match(page, /content\/posts\/2017-04-30-online-communities\.md:3:1 {2}date {2}&quot;2017-04-31&quot; is not a date/);
    assert.match(preview.log, /2017-04-30-online-communities\.md:3:1 {2}date {2}"2017-04-31" is not a date/);
    assert.doesNotMatch(preview.log, /^\s+at /m);
    // The other pages are still served.
    await waitFor(`${preview.base}/posts/draft/`, (html) => html.includes("A draft that must not be published"));

    writeFileSync(file, original);
    await waitFor(`${preview.base}/posts/online-communities/`, (html) => !html.includes("cannot be published") && html.includes("<h1"));
    assert.equal(preview.server.exitCode, null, "the server stopped");
  });

  it("takes an edited settings file without a restart; a mistake in it is printed and the settings kept until it is fixed", async () => {
    const file = path.join(preview.root, "content/_data/site.yaml");
    const original = readFileSync(file, "utf8");
    const renamed = original.replace(/^title: .*$/m, "title: Renamed while the preview runs").replace(/^( {2}hashtag: ).*$/m, '$1"#renamedchat"');
    writeFileSync(file, renamed);
    await waitFor(`${preview.base}/about/`, (html) => html.includes("<title>About · Renamed while the preview runs"));
    // A chat default: the validated settings reach the posts too, not only the templates.
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("#renamedchat"));

    const before = preview.log.length;
    writeFileSync(file, renamed.replace(/^( {2}duration: )\d+/m, "$1sixty"));
    const deadline = Date.now() + 20_000;
    while (!/chat\.duration {2}expected the length of the chat in minutes/.test(preview.log.slice(before)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.match(preview.log.slice(before), /content\/_data\/site\.yaml:\d+:\d+ {2}chat\.duration {2}expected the length of the chat in minutes[^\n]*\n\n1 error: the preview keeps the settings as they were/);
    assert.doesNotMatch(preview.log.slice(before), /^\s+at /m);
    await waitFor(`${preview.base}/about/`, (html) => html.includes("<title>About · Renamed while the preview runs"));
    assert.equal(preview.server.exitCode, null, "the server stopped");

    writeFileSync(file, original);
    await waitFor(`${preview.base}/about/`, (html) => html.includes("<title>About · Fixture Chat"));
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("#fixchat") && !html.includes("#renamedchat"));
  });

  it("reports a problem in the site's citation style once, says the preview was not updated, and recovers when it is fixed", async () => {
    const file = path.join(preview.root, "content/_data/site.yaml");
    const original = readFileSync(file, "utf8");
    const before = preview.log.length;
    writeFileSync(file, original.replace(/^( {2}style: )apa\b/m, "$1chicgo"));
    const deadline = Date.now() + 20_000;
    while (!/the preview was not updated/.test(preview.log.slice(before)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const printed = preview.log.slice(before);
    assert.match(printed, /content\/_data\/site\.yaml:\d+:\d+ {2}citations\.style {2}"chicgo" is not a citation style[^\n]*\n\n1 error: the preview was not updated/);
    assert.equal(printed.match(/"chicgo" is not a citation style/g)?.length, 1, printed);
    assert.equal(preview.server.exitCode, null, "the server stopped");
    writeFileSync(file, original.replace(/^title: .*$/m, "title: Style fixed"));
    await waitFor(`${preview.base}/about/`, (html) => html.includes("<title>About · Style fixed"));
    writeFileSync(file, original);
    await waitFor(`${preview.base}/about/`, (html) => html.includes("<title>About · Fixture Chat"));
  });
  it("forgets a deleted post and file everywhere, reports the links to them, and takes them back when they return", async () => {
    const post = path.join(preview.root, "content/posts/2017-04-30-online-communities.md");
    const slides = path.join(preview.root, "content/posts/meetup-slides.pdf");
    const postText = readFileSync(post, "utf8");
    const slidesBytes = readFileSync(slides);
    for (const url of ["/posts/online-communities/", "/posts/online-communities/chat.ics", "/tags/sponsorship/", "/posts/meetup-slides.pdf"]) await waitForStatus(`${preview.base}${url}`, 200);
    const before = preview.log.length;
    rmSync(post);
    rmSync(slides);
    // Its page, its calendar file, the page of a tag only it had, the copied file: gone.
    for (const url of ["/posts/online-communities/", "/posts/online-communities/chat.ics", "/tags/sponsorship/", "/posts/meetup-slides.pdf"]) await waitForStatus(`${preview.base}${url}`, 404);
    assert.equal(existsSync(path.join(preview.root, "_preview/posts/online-communities")), false, "its folder is still in the preview");
    for (const url of ["/", "/tags/", "/archive/", "/archive/2017/", "/feed.xml"]) {
      // Named nowhere (another post's link to it remains in that post's text, reported below).
      assert.doesNotMatch(await (await fetch(`${preview.base}${url}`)).text(), /Online Communities/, url);
    }
    assert.doesNotMatch(await (await fetch(`${preview.base}/tags/`)).text(), /sponsorship/);
    assert.doesNotMatch(await (await fetch(`${preview.base}/calendar.ics`)).text(), /Online Communities/);
    // The links to them are reported where they are written, as a build would.
    const deadline = Date.now() + 20_000;
    const reported = () => /2017-11-03-after-dst\.md:11:\d+ [^\n]*2017-04-30-online-communities\.md/.test(preview.log.slice(before)) && /2017-11-03-after-dst\.md:15:\d+ [^\n]*meetup-slides\.pdf/.test(preview.log.slice(before));
    while (!reported() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok(reported(), preview.log.slice(before));
    assert.equal(preview.server.exitCode, null, "the server stopped");

    writeFileSync(post, postText);
    writeFileSync(slides, slidesBytes);
    for (const url of ["/posts/online-communities/", "/posts/online-communities/chat.ics", "/tags/sponsorship/", "/posts/meetup-slides.pdf"]) await waitForStatus(`${preview.base}${url}`, 200);
    await waitFor(`${preview.base}/tags/`, (html) => html.includes("sponsorship"));
    await waitFor(`${preview.base}/calendar.ics`, (text) => text.includes("Online Communities"));
  });

  it("keeps the tags index, the calendars and the tag pages in step with an edited post", async () => {
    const file = path.join(preview.root, "content/posts/2017-11-03-after-dst.md");
    const original = readFileSync(file, "utf8");
    const edited = original.replace(/^date: .*$/m, "$&\ntags: [brandnewtag]").replace(/^( {2}start: 2017-11-07T)20:30/m, "$121:15");
    assert.notEqual(edited, original);
    writeFileSync(file, edited);
    await waitFor(`${preview.base}/tags/`, (html) => html.includes("brandnewtag"));
    await waitFor(`${preview.base}/tags/brandnewtag/`, (html) => html.includes("/posts/after-dst/"));
    await waitFor(`${preview.base}/posts/after-dst/chat.ics`, (text) => /DTSTART;TZID=America\/New_York:20171107T211500/.test(text));
    await waitFor(`${preview.base}/calendar.ics`, (text) => text.includes("20171107T211500"));
    writeFileSync(file, original);
    await waitForStatus(`${preview.base}/tags/brandnewtag/`, 404);
    await waitFor(`${preview.base}/tags/`, (html) => !html.includes("brandnewtag"));
    await waitFor(`${preview.base}/posts/after-dst/chat.ics`, (text) => !text.includes("20171107T211500"));
  });

  it("takes new posts saved while another post is being rebuilt, with no internal error", async () => {
    // Eleventy 3.1 failed on a file added during an incremental rebuild ("templateRender has
    // not yet initialized"): an edit and a new post saved together, a few times over.
    const edited = path.join(preview.root, "content/posts/2017-11-03-after-dst.md");
    const original = readFileSync(edited, "utf8");
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("<h1"));
    const before = preview.log.length;
    const added: string[] = [];
    // The new post is saved 0–120 ms after the edit: its "add" then reaches Eleventy while the
    // edit's rebuild is starting, as when a writer saves two files at once.
    for (const [round, gap] of [0, 10, 30, 60].entries()) {
      writeFileSync(edited, original.replace(/^title: .*$/m, `title: Edited in round ${round}`));
      await new Promise((r) => setTimeout(r, gap));
      const file = path.join(preview.root, `content/posts/2026-11-0${round + 1}-added-${round}.md`);
      writeFileSync(file, `---\ntitle: Added in round ${round}\ndate: 2026-11-0${round + 1}\nchat:\n  start: 2026-11-0${round + 1}T20:30\n---\nBody ${round}.\n`);
      added.push(file);
      await new Promise((r) => setTimeout(r, 1500));
    }
    // Before the fix, the first new post failed every build after it: the preview stood still.
    for (let round = 0; round <= 3; round++) await waitFor(`${preview.base}/posts/added-${round}/`, (html) => html.includes(`Added in round ${round}`));
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("Edited in round 3"));
    await waitFor(`${preview.base}/`, (html) => [0, 1, 2, 3].every((round) => html.includes(`Added in round ${round}`)));
    assert.doesNotMatch(preview.log.slice(before), /internal error|has not yet initialized|needs a call to the init/);
    assert.equal(preview.server.exitCode, null, "the server stopped");
    writeFileSync(edited, original);
    for (const file of added) rmSync(file);
    for (let round = 0; round <= 3; round++) await waitForStatus(`${preview.base}/posts/added-${round}/`, 404);
  });
});
