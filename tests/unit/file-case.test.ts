// Names of files must match in capitals, as on the web server, even on a disk that does
// not tell them apart (macOS, Windows): the check says which capitals differ.
import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, it } from "node:test";
import { useProjectCache } from "../../lib/content-cache.ts";
import { forgetLoadedPosts, loadCorpus } from "../../lib/corpus.ts";
import { fileLookup, findFile, probesHold, type FileProbe } from "../../lib/file-case.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { loadSettings, parseSettings } from "../../lib/settings.ts";
import { checkSite } from "../../lib/site-check.ts";
import { copySite, FIXTURE_SITE } from "../helpers/build-site.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-case-"));
  mkdirSync(path.join(root, "content/posts/Slides"), { recursive: true });
  writeFileSync(path.join(root, "content/posts/Meetup.jpg"), "x");
  writeFileSync(path.join(root, "content/posts/Photo.JPG"), "x");
  writeFileSync(path.join(root, "content/posts/Slides/Deck.pdf"), "x");
  writeFileSync(path.join(root, "content/posts/2017-04-30-online-communities.md"), "---\ntitle: T\ndate: 2017-04-30\n---\nBody\n");
  return root;
}

describe("findFile", () => {
  it("tells an exact name from one that differs in capitals only, in any part of the path", () => {
    const root = project();
    assert.deepEqual(findFile(root, "content/posts/Meetup.jpg"), { exact: true });
    assert.deepEqual(findFile(root, "content/posts/meetup.jpg"), { exact: false, otherCase: "content/posts/Meetup.jpg" });
    assert.deepEqual(findFile(root, "content/posts/slides/deck.PDF"), { exact: false, otherCase: "content/posts/Slides/Deck.pdf" });
    assert.deepEqual(findFile(root, "content/posts/nothing.png"), { exact: false });
  });

  it("sees a rename at once (a folder's names are kept only while it is unchanged)", () => {
    const root = project();
    const probes: FileProbe[] = [];
    fileLookup(root, (rel, found) => probes.push([rel, found]))("content/posts/meetup.jpg");
    assert.deepEqual(probes, [["content/posts/meetup.jpg", "content/posts/Meetup.jpg"]]);
    assert.equal(probesHold(root, probes), true);
    renameSync(path.join(root, "content/posts/Meetup.jpg"), path.join(root, "content/posts/meetup.jpg"));
    assert.equal(probesHold(root, probes), false);
    assert.equal(probesHold(root, [["content/posts/meetup.jpg", true]]), true);
  });

  it("a probe of a file with other capitals holds only while that file keeps its name", () => {
    const root = project();
    const probes: FileProbe[] = [["content/posts/photo.jpg", "content/posts/Photo.JPG"]];
    assert.equal(probesHold(root, probes), true);
    renameSync(path.join(root, "content/posts/Photo.JPG"), path.join(root, "content/posts/PHOTO.jpg"));
    assert.equal(probesHold(root, probes), false, "renamed with other capitals again");
    rmSync(path.join(root, "content/posts/PHOTO.jpg"));
    assert.equal(probesHold(root, probes), false, "deleted");
    assert.equal(probesHold(root, [["content/posts/photo.jpg", false]]), true);
    // A record from before probes named the file, or a corrupt one, holds nothing.
    assert.equal(probesHold(root, undefined), false);
    assert.equal(probesHold(root, [[1, true]]), false);
  });
});

describe("the capitals hint of a kept validation", () => {
  const POST = "content/posts/2017-04-30-online-communities.md";
  afterEach(() => {
    useProjectCache(undefined);
    forgetLoadedPosts();
  });

  const imageErrors = (diagnostics: { file: string; message: string; fix?: string }[]) =>
    diagnostics.filter((d) => d.file === POST && /image file/.test(d.message)).map((d) => `${d.message} → ${d.fix}`);
  const site = () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, "content/posts/Meetup.jpg"), "x");
    appendFileSync(path.join(root, POST), "\n![Two hosts](meetup.jpg)\n");
    return root;
  };
  const NAMED = (name: string) => [
    `the image file meetup.jpg was not found: the file is named ${name}, and the published site tells capitals apart → write it with the file's capitals: ${name} (or rename the file to match)`,
  ];

  it("goes when the file it names is deleted or renamed, in `npm run check`'s records", async () => {
    const root = site();
    useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-case-cache-")));
    assert.deepEqual(imageErrors((await checkSite(root)).diagnostics), NAMED("Meetup.jpg"));
    renameSync(path.join(root, "content/posts/Meetup.jpg"), path.join(root, "content/posts/MEETUP.jpg"));
    assert.deepEqual(imageErrors((await checkSite(root)).diagnostics), NAMED("MEETUP.jpg"));
    rmSync(path.join(root, "content/posts/MEETUP.jpg"));
    const gone = imageErrors((await checkSite(root)).diagnostics);
    assert.equal(gone.length, 1);
    assert.doesNotMatch(gone[0]!, /capitals|MEETUP/);
    // What the records say is what a check without them says.
    useProjectCache(undefined);
    assert.deepEqual(imageErrors((await checkSite(root)).diagnostics), gone);
  });

  it("goes when the file it names is deleted, for a post kept in memory (`npm start`)", () => {
    const root = site();
    const errors = () => imageErrors(loadCorpus(root, loadSettings(root), { citations: "resolve" }).diagnostics);
    assert.deepEqual(errors(), NAMED("Meetup.jpg"));
    rmSync(path.join(root, "content/posts/Meetup.jpg"));
    const gone = errors();
    assert.equal(gone.length, 1);
    assert.doesNotMatch(gone[0]!, /capitals|Meetup\.jpg/);
  });
});

describe("a post naming a file with other capitals than the file's", () => {
  const load = (body: string, image = "") => {
    const root = project();
    const ctx: LoadContext = { settings, root, fileExists: fileLookup(root) };
    return loadPost("content/posts/2017-04-30-online-communities.md", `---\ntitle: T\ndate: 2017-04-30\n${image}---\n${body}\n`, ctx).diagnostics.map((d) => `${d.line}:${d.column} ${d.field} ${d.message} → ${d.fix}`);
  };

  it("an image in the text: an error naming the file, with the address to write", () => {
    assert.deepEqual(load("![Two hosts](meetup.jpg)"), [
      "5:14  the image file meetup.jpg was not found: the file is named Meetup.jpg, and the published site tells capitals apart → write it with the file's capitals: Meetup.jpg (or rename the file to match)",
    ]);
    // A photo's upper-case ending is published as it is: the address takes the file's capitals.
    assert.deepEqual(load("![Two hosts](photo.jpg)"), [
      "5:14  the image file photo.jpg was not found: the file is named Photo.JPG, and the published site tells capitals apart → write it with the file's capitals: Photo.JPG (or rename the file to match)",
    ]);
  });

  it("the post's image, and a link to a file in a folder", () => {
    assert.deepEqual(load("[the slides](slides/deck.pdf)", "image:\n  src: ./meetup.jpg\n  alt: Two hosts\n"), [
      "5:3 image.src the image file ./meetup.jpg was not found: the file is named Meetup.jpg, and the published site tells capitals apart → write it with the file's capitals: ./Meetup.jpg (or rename the file to match)",
      "8:14  the link to slides/deck.pdf leads to no file: the file is named Deck.pdf, and the published site tells capitals apart → write it with the file's capitals: Slides/Deck.pdf (or rename the file to match)",
    ]);
  });

  it("a link to another post by its file name", () => {
    assert.deepEqual(load("[last week](2017-04-30-Online-Communities.md#t2)"), [
      "5:13  the link to 2017-04-30-Online-Communities.md#t2 leads to no post: the file is named 2017-04-30-online-communities.md, and the published site tells capitals apart → write it with the file's capitals: 2017-04-30-online-communities.md#t2 (or rename the file to match)",
    ]);
  });

  it("the exact name: no problem", () => {
    assert.deepEqual(load("![Two hosts](Meetup.jpg) [the slides](Slides/Deck.pdf)"), []);
  });
});
