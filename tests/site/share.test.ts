// Share links and copy buttons on the built pages: present on every announcement,
// escaped and URL-encoded whatever the front matter holds, with the path prefix.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { pngSize } from "../../lib/og-image.ts";
import { dom, text } from "../helpers/html.ts";

let site: BuiltSite;
let prefixed: BuiltSite;
before(async () => {
  [site, prefixed] = await Promise.all([buildSite(), buildSite(undefined, { args: ["--path-prefix", "/repo/"] })]);
});

const posts = () => site.files().filter((f) => /^posts\/[^/]+\/index\.html$/.test(f));

describe("share links and copy buttons on the built site", () => {
  it("every announcement has Bluesky, Mastodon, LinkedIn and email links to its own address", () => {
    for (const file of posts()) {
      const doc = dom(site.read(file));
      const links = [...doc.querySelectorAll(".share-links a")];
      assert.deepEqual(links.map((a) => text(a)), ["Bluesky", "Mastodon", "LinkedIn", "Email"], file);
      // Out of the section, in a screen reader's list of links, each says what it does (and
      // "Share on Bluesky" is not the chat's own "Bluesky" link); the visible text is in the name.
      assert.deepEqual(links.map((a) => a.getAttribute("aria-label")), ["Share on Bluesky", "Share on Mastodon", "Share on LinkedIn", "Share by email"], file);
      const address = `https://careleaders.example/${file.replace(/index\.html$/, "")}`;
      assert.equal(new URL(links[2]!.getAttribute("href")!).searchParams.get("url"), address, file);
      assert.ok(new URL(links[0]!.getAttribute("href")!).searchParams.get("text")!.endsWith(address), file);
    }
  });

  it("keeps markup in a title as text: escaped in the attribute, encoded in the address", () => {
    const html = site.read("posts/escaping/index.html");
    const doc = dom(html);
    const title = text(doc.querySelector("h1"));
    assert.match(title, /<script>alert\('title'\)<\/script>/);
    const bluesky = doc.querySelector(".share-bluesky")!.getAttribute("href")!;
    assert.ok(new URL(bluesky).searchParams.get("text")!.startsWith(title));
    const email = doc.querySelector(".share-email")!.getAttribute("href")!;
    assert.equal(decodeURIComponent(/subject=([^&]*)/.exec(email)![1]!), title);
    // In the raw HTML, the share addresses hold no character that could end the attribute or open a tag.
    for (const m of html.matchAll(/class="share-[a-z]+" href="([^"]*)"/g)) assert.doesNotMatch(m[1]!, /[<>"' ]/);
  });

  it("gives each topic a hidden copy button holding `T1 <topic> #hashtag`, escaped", () => {
    const doc = dom(site.read("posts/escaping/index.html"));
    const items = [...doc.querySelectorAll(".topic-list > li")];
    assert.ok(items.length >= 1);
    for (const li of items) {
      const button = li.querySelector("button.copy-topic")!;
      assert.equal(button.getAttribute("type"), "button");
      assert.ok(button.hasAttribute("hidden"), "hidden until the script finds a clipboard");
      const expected = `${text(li.querySelector(".topic-label"))} ${text(li.querySelector(".topic-text"))} ${text(doc.querySelector(".chat-hashtag"))}`;
      assert.equal(button.getAttribute("data-copy"), expected);
    }
    assert.match(site.read("posts/escaping/index.html"), /data-copy="T1 Topic with &lt;script&gt;/);
    assert.ok(doc.querySelector('script[src="/assets/copy-topic.js"][defer]'));
  });

  it("loads no copy script on a page without topics", () => {
    for (const file of ["index.html", "about/index.html", "404.html"]) {
      assert.equal(dom(site.read(file)).querySelector('script[src*="copy-topic"]'), null, file);
    }
  });

  it("includes the path prefix in shared addresses and the script's address", () => {
    const doc = dom(prefixed.read("posts/online-communities/index.html"));
    const linkedin = doc.querySelector(".share-linkedin")!.getAttribute("href")!;
    assert.equal(new URL(linkedin).searchParams.get("url"), "https://careleaders.example/repo/posts/online-communities/");
    assert.ok(doc.querySelector('script[src="/repo/assets/copy-topic.js"]'));
  });
});

describe("share images of titles with emoji and scripts the fonts lack", () => {
  let built: BuiltSite;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    const post = (name: string, title: string) => writeFileSync(path.join(root, "content/posts", name), `---\ntitle: "${title}"\ndate: 2018-03-01\n---\nA post.\n`);
    post("2018-03-01-party.md", "🎉 500 chats! 👩🏽‍⚕️");
    post("2018-03-01-voices.md", "🎉 患者の声を聞く");
    built = await buildSite(root);
  });

  it("builds both posts, each with its 1200×630 card", () => {
    for (const name of ["party", "voices"]) {
      assert.ok(built.exists(`posts/${name}/index.html`), name);
      assert.deepEqual(pngSize(readFileSync(path.join(built.out, `posts/${name}/share.png`))), { width: 1200, height: 630 }, name);
    }
  });

  it("warns once about the Japanese title, naming the characters and the font to add, and not about emoji", () => {
    const warnings = built.stderr.split("\n").filter((line) => line.includes("share images"));
    assert.deepEqual(warnings, [
      'content/posts/2018-03-01-voices.md:2:1  title  warning: no font of the share images can draw "患", "者", "の", "声", "を" and 2 more of the title: this post\'s share image is drawn without the title (the page shows them) → add a font that has them (Noto Sans JP, free at fonts.google.com) to the site\'s fonts/ folder and name it in content/_data/site.yaml: shareImage: { fonts: [fonts/NotoSansJP-Regular.ttf] }',
    ]);
  });
});
