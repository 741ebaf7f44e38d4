// A picture over 1 MB is a warning where it is named: the page has no smaller copy of
// it, so readers on phones download all of it. Kept records follow the file's size.
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, it } from "node:test";
import { useProjectCache } from "../../lib/content-cache.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { fileLookup } from "../../lib/file-case.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { loadSettings } from "../../lib/settings.ts";
import { checkSite } from "../../lib/site-check.ts";
import { copySite, FIXTURE_SITE } from "../helpers/build-site.ts";

const POST = "content/posts/2017-04-30-online-communities.md";
const bytes = (n: number) => Buffer.alloc(n, 1);

function site(files: Record<string, number>): { root: string; ctx: LoadContext } {
  const root = copySite(FIXTURE_SITE);
  for (const [name, size] of Object.entries(files)) writeFileSync(path.join(root, "content/posts", name), bytes(size));
  return { root, ctx: { settings: loadSettings(root), root, fileExists: fileLookup(root) } };
}

const text = (front: string, body: string) => `---\ntitle: Photos\ndate: 2017-04-30\n${front}---\n${body}\n`;

describe("a picture over 1 MB", () => {
  afterEach(() => useProjectCache(undefined));

  it("in the text, a warning at its name with its size; 1 MB or less says nothing", () => {
    const { ctx } = site({ "meetup.jpg": 4_200_000, "small.jpg": 1_000_000, "map.svg": 1_500_000 });
    const found = loadPost(POST, text("", "![Two hosts](meetup.jpg)\n\n![A map](map.svg) ![Small](small.jpg)\n\n<img src=\"meetup.jpg\" alt=\"Again\">"), ctx).diagnostics;
    assert.deepEqual(found.map(formatDiagnostic), [
      `${POST}:5:14  warning: the image file meetup.jpg is 4.2 MB: readers download all of it with the page, which is slow and costly on a phone → save it smaller, under 1 MB: about 1600 pixels wide, as JPEG or WebP, is usually under 300 KB`,
      `${POST}:7:10  warning: the image file map.svg is 1.5 MB: readers download all of it with the page, which is slow and costly on a phone → simplify the drawing, or save it as PNG or WebP, under 1 MB`,
      `${POST}:9:11  warning: the image file meetup.jpg is 4.2 MB: readers download all of it with the page, which is slow and costly on a phone → save it smaller, under 1 MB: about 1600 pixels wide, as JPEG or WebP, is usually under 300 KB`,
    ]);
  });

  it("as the post's image, a warning at image.src, and the post keeps its image", () => {
    const { ctx } = site({ "meetup.jpg": 2_000_000 });
    const { post, diagnostics } = loadPost(POST, text("image:\n  src: ./meetup.jpg\n  alt: Two hosts\n", "Body."), ctx);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.field, d.message]), [
      ["warning", 5, "image.src", "the image file ./meetup.jpg is 2.0 MB: readers download all of it with the page, which is slow and costly on a phone"],
    ]);
    assert.equal(post?.image?.alt, "Two hosts");
  });

  it("in `npm run check`'s records: the warning goes when the file is saved smaller, and comes back", async () => {
    const { root } = site({ "meetup.jpg": 3_000_000 });
    appendFileSync(path.join(root, POST), "\n![Two hosts](meetup.jpg)\n");
    useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-image-weight-")));
    const warned = async () => (await checkSite(root)).diagnostics.filter((d) => /MB:/.test(d.message)).map((d) => d.message);
    assert.deepEqual(await warned(), ["the image file meetup.jpg is 3.0 MB: readers download all of it with the page, which is slow and costly on a phone"]);
    writeFileSync(path.join(root, "content/posts/meetup.jpg"), bytes(200_000));
    assert.deepEqual(await warned(), []);
    writeFileSync(path.join(root, "content/posts/meetup.jpg"), bytes(1_100_000));
    assert.deepEqual(await warned(), ["the image file meetup.jpg is 1.1 MB: readers download all of it with the page, which is slow and costly on a phone"]);
    assert.match(readFileSync(path.join(root, POST), "utf8"), /meetup\.jpg/);
  });
});
