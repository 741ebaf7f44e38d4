// File-level mistakes under content/: what the check says of each (file, what is wrong, the fix),
// which files are never read (hidden ones, Word's lock files), and that the build's copy of
// published files skips exactly those (one list for the check and the build).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { glob } from "tinyglobby";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { contentFilesGlobs, isSkippedName, linkedFolders, listPageFiles, listPostFiles, suggestedPostFile, unpublishableFiles } from "../../lib/content-paths.ts";
import { caseSlip } from "../../lib/file-case.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { looseDatePrefixProblem } from "../../lib/post-dates.ts";
import { PUBLISHED_FILE_EXTENSIONS } from "../../lib/local-paths.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const POST = "---\ntitle: T\ndate: 2026-11-22\n---\nBody.\n";

/** A site folder holding `files` (path from the site's folder → text). */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "fb-content-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const report = (root: string) => unpublishableFiles(root).map(formatDiagnostic).sort();

describe("hidden files and Word's lock files", () => {
  it("are never posts or pages, in any folder", () => {
    const root = site({
      "content/posts/2026-11-22-kept.md": POST,
      "content/posts/._2026-11-22-kept.md": "\0\0AppleDouble",
      "content/posts/.trash/2026-11-21-old.md": POST,
      "content/posts/~$26-11-22-kept.md": "lock",
      "content/._about.md": "x",
      "content/about.md": "---\ntitle: About\nlayout: base.njk\n---\nHi.\n",
    });
    assert.deepEqual(listPostFiles(root), ["content/posts/2026-11-22-kept.md"]);
    assert.deepEqual(listPageFiles(root), ["content/about.md"]);
    assert.ok(isSkippedName(".trash") && isSkippedName("._x.md") && isSkippedName("~$draft.docx"));
    assert.ok(!isSkippedName("~notes.pdf") && !isSkippedName("a.pdf"));
  });

  it("are left out of the build's copy exactly as the check leaves them out", async () => {
    const files = [
      "content/a.pdf", "content/posts/meetup.PNG", "content/posts/2019/deep/x/handout.docx", "content/~notes.pdf", "content/$x.csv",
      "content/._a.pdf", "content/.hid/h.png", "content/posts/.trash/t.pdf", "content/posts/~$draft.docx", "content/posts/2019/.cache/deep/y.pdf",
      "content/posts/ideas.txt", "content/_data/list.csv", "content/_data/deep/photo.png", "content/posts/_data/kept.pdf", "content/_database/kept.pdf",
    ];
    const root = site(Object.fromEntries(files.map((f) => [f, "x"])));
    // As Eleventy searches a passthrough glob (src/FileSystemSearch.js).
    const copied = (await glob(contentFilesGlobs(PUBLISHED_FILE_EXTENSIONS), { cwd: root, caseSensitiveMatch: false, dot: true })).sort();
    // content/_data/ is Eleventy's data, never published: a list.csv there may hold private data.
    assert.deepEqual(copied, ["content/$x.csv", "content/_database/kept.pdf", "content/a.pdf", "content/posts/2019/deep/x/handout.docx", "content/posts/_data/kept.pdf", "content/posts/meetup.PNG", "content/~notes.pdf"]);
    const published = new RegExp(`\\.(?:${PUBLISHED_FILE_EXTENSIONS.join("|")})$`, "i");
    const walked = [...listPostFiles(root), ...listPageFiles(root)];
    assert.deepEqual(walked, []);
    // Every file the check would see with a published extension, and only those.
    const seen = files.filter((f) => published.test(f) && !f.split("/").some(isSkippedName) && !f.startsWith("content/_data/")).sort();
    assert.deepEqual(copied, seen);
  });
});

describe("files in content/posts/ that would be left out or published by mistake", () => {
  it("names each file, what is wrong and the fix, all at once", () => {
    const root = site({
      "content/posts/2026-11-25-no-extension": POST,
      "content/posts/2026-11-25-dated-note": "ideas",
      "content/posts/README": "not a post",
      "content/posts/2026-11-26-space.md ": POST,
      "content/posts/2026-11-27-textedit.md.rtf": "{\\rtf1 ---",
      "content/posts/2026-11-28-blank-first.md.txt": `\n${POST}`,
      "content/posts/2026-11-28-notes.md.txt": "ideas",
      "content/posts/2026-12-01-next-chat.docx": "PK\u0003\u0004",
      "content/posts/2026-12-02-handout.pdf": "%PDF",
      "content/posts/2026-12-02-linked.pdf": "%PDF",
      "content/posts/2026-12-02-linking.md": "---\ntitle: L\ndate: 2026-12-02\n---\n[the handout](2026-12-02-linked.pdf)\n",
      "content/posts/2026-11-22-post.md": POST,
      "content/posts/~$26-11-22-post.md": "lock",
      "content/posts/~$26-12-01-next-chat.docx": "lock",
    });
    assert.deepEqual(report(root), [
      "content/posts/2026-11-25-dated-note:1:1  warning: the name has no .md at the end, so it is not a post and is not published → rename it to 2026-11-25-dated-note.md",
      "content/posts/2026-11-25-no-extension:1:1  the name has no .md at the end, so it is not a post and is not published → rename it to 2026-11-25-no-extension.md",
      "content/posts/2026-11-26-space.md :1:1  the name ends in a space after .md, so it is not a post and is not published → rename it to 2026-11-26-space.md",
      "content/posts/2026-11-27-textedit.md.rtf:1:1  warning: a rich-text document is not a post: no post is made of it → in TextEdit choose Format → Make Plain Text and save it as 2026-11-27-textedit.md, or paste its text into a new file 2026-11-27-textedit.md (`npm run new` starts one), then delete the document",
      "content/posts/2026-11-28-blank-first.md.txt:1:1  only files whose names end in .md (in lower case) are posts, so this one is not published → rename it to 2026-11-28-blank-first.md",
      "content/posts/2026-11-28-notes.md.txt:1:1  warning: only files whose names end in .md (in lower case) are posts, so this one is not published → rename it to 2026-11-28-notes.md",
      "content/posts/2026-12-01-next-chat.docx:1:1  warning: a word processor's document is not a post: no post is made of it, and it is published as a download at /posts/2026-12-01-next-chat.docx → paste its text into a new file 2026-12-01-next-chat.md (`npm run new` starts one), then delete the document",
      "content/posts/2026-12-02-handout.pdf:1:1  warning: a PDF is not a post: no post is made of it, and it is published as a download at /posts/2026-12-02-handout.pdf → paste its text into a new file 2026-12-02-handout.md (`npm run new` starts one), then delete the document",
      "content/posts/~$26-11-22-post.md:1:1  warning: this is the lock file Word keeps while it has the post 2026-11-22-post.md open (it is not published); Word saves a post as a Word document, which is not a post → close the post in Word without saving it as a Word document, and edit posts in a plain-text editor (TextEdit in plain text, Notepad, VS Code); if Word is closed, delete this file",
    ]);
  });

  it("says nothing of files that are fine: a linked handout, notes, backups, system files", () => {
    const root = site({
      "content/posts/2026-11-22-post.md": "---\ntitle: P\ndate: 2026-11-22\n---\n[slides](2026-11-22-slides.pdf)\n",
      "content/posts/2026-11-22-slides.pdf": "%PDF",
      "content/posts/ideas.txt": "topics",
      "content/posts/2026-11-22-post.md.bak": POST,
      "content/posts/2026-11-22-post.md~": POST,
      "content/posts/Icon\r": "",
      "content/posts/Thumbs.db": "",
      "content/posts/.DS_Store": "",
      "content/posts/.trash/2026-11-21-x.md": "---\ntitle: [broken\n---\n",
      "content/posts/~$26-11-22-slides.docx": "lock",
      "content/posts/2026/2026-01-05-filed.md": "---\ntitle: F\ndate: 2026-01-05\n---\nB\n",
    });
    assert.deepEqual(report(root), []);
  });
});

describe("a post in a folder named as if it were private", () => {
  it("is a warning unless it is a draft; a page there unless its permalink is false", () => {
    const root = site({
      "content/posts/drafts/2026-11-23-out.md": POST,
      "content/posts/_Drafts/2026-11-24-kept.md": "---\ntitle: K\ndate: 2026-11-24\ndraft: true\n---\nB\n",
      "content/posts/private/2026/2026-11-25-deep.md": POST,
      "content/posts/archive/2017-01-01-old.md": POST,
      "content/unpublished/plan.md": "---\ntitle: Plan\nlayout: base.njk\n---\nB\n",
      "content/unpublished/hidden-plan.md": "---\ntitle: Plan\npermalink: false\n---\nB\n",
    });
    assert.deepEqual(report(root), [
      "content/posts/drafts/2026-11-23-out.md:1:1  warning: this post is in the folder content/posts/drafts/, but folders do not keep posts off the site: it is published at /posts/out/ → to keep it unpublished, add `draft: true` to its front matter, or move it out of content/",
      "content/posts/private/2026/2026-11-25-deep.md:1:1  warning: this post is in the folder content/posts/private/, but folders do not keep posts off the site: it is published at /posts/deep/ → to keep it unpublished, add `draft: true` to its front matter, or move it out of content/",
      "content/unpublished/plan.md:1:1  warning: this page is in the folder content/unpublished/, but folders do not keep pages off the site: it is published → to keep it unpublished, add `permalink: false` to its front matter, or move it out of content/",
    ]);
  });
});

describe("a link (symlink) to a folder", () => {
  it("is an error naming the link and its folder, and one to a folder holding it says it loops", () => {
    const root = site({ "shared/2026/2026-01-05-x.md": POST, "content/posts/2026-11-22-post.md": POST });
    symlinkSync("../../shared/2026", path.join(root, "content/posts/2026"));
    symlinkSync(".", path.join(root, "content/posts/loop"));
    assert.deepEqual(linkedFolders(root), ["content/posts/2026", "content/posts/loop"]);
    assert.deepEqual(listPostFiles(root), ["content/posts/2026-11-22-post.md"]);
    assert.deepEqual(report(root), [
      "content/posts/2026:1:1  this is a link to the folder shared/2026: the check does not read the files of a linked folder, and the build would publish them unchecked → put the folder itself at content/posts/2026 in place of the link (move or copy shared/2026 there), or delete the link 2026",
      "content/posts/loop:1:1  this is a link to the folder content/posts, which holds this link: a folder inside itself, without end → delete the link loop",
    ]);
  });
});

describe("a date at the start of a post's name not written YYYY-MM-DD", () => {
  it("is an error with the name to give, dated with `date:`, in the check's report", () => {
    const root = site({
      "content/posts/26-11-22-yy.md": POST,
      "content/posts/22-11-2026-european.md": POST,
      "content/posts/2026-11-2-one-digit.md": POST.replace("2026-11-22", "2026-11-02"),
      "content/posts/20261122-packed.md": POST,
      "content/posts/2026-11-22-10-tips.md": POST,
      "content/posts/24-7-care.md": POST,
    });
    assert.deepEqual(report(root), [
      "content/posts/2026-11-2-one-digit.md:1:1  the date at the start of the file name (2026-11-2) is not written YYYY-MM-DD (year-month-day, with two digits for the month and the day), so it would be part of the post's web address for good: /posts/2026-11-2-one-digit/ → rename the file to content/posts/2026-11-02-one-digit.md (with its publish date); its address is then /posts/one-digit/",
      "content/posts/20261122-packed.md:1:1  the date at the start of the file name (20261122) is not written YYYY-MM-DD (year-month-day, with two digits for the month and the day), so it would be part of the post's web address for good: /posts/20261122-packed/ → rename the file to content/posts/2026-11-22-packed.md (with its publish date); its address is then /posts/packed/",
      "content/posts/22-11-2026-european.md:1:1  the date at the start of the file name (22-11-2026) is not written YYYY-MM-DD (year-month-day, with two digits for the month and the day), so it would be part of the post's web address for good: /posts/22-11-2026-european/ → rename the file to content/posts/2026-11-22-european.md (with its publish date); its address is then /posts/european/",
      "content/posts/26-11-22-yy.md:1:1  the date at the start of the file name (26-11-22) is not written YYYY-MM-DD (year-month-day, with two digits for the month and the day), so it would be part of the post's web address for good: /posts/26-11-22-yy/ → rename the file to content/posts/2026-11-22-yy.md (with its publish date); its address is then /posts/yy/",
    ]);
  });

  it("without `date:`, names the day when the written date can mean only one, else asks", () => {
    assert.match(looseDatePrefixProblem("content/posts/30-11-2026-x.md")!.fix, /^rename the file to content\/posts\/2026-11-30-x\.md; its address/);
    assert.match(looseDatePrefixProblem("content/posts/03-11-2026-x.md")!.fix, /^rename the file to content\/posts\/YYYY-MM-DD-x\.md with its publish date \(2026-11-03 or 2026-03-11\?\)/);
    assert.equal(looseDatePrefixProblem("content/posts/2026-11-22-x.md"), undefined);
    assert.equal(looseDatePrefixProblem("content/posts/1-2-3-go.md"), undefined);
  });

  it("is renamed with its date by the rename a name with other characters gets, and `.md.md` loses its second .md", () => {
    assert.equal(suggestedPostFile("content/posts/30-11-2026 Night Shift.md"), "content/posts/2026-11-30-night-shift.md");
    assert.equal(suggestedPostFile("content/posts/24112026-Night-Shift.md"), "content/posts/2026-11-24-night-shift.md");
    assert.equal(suggestedPostFile("content/posts/2026-11-22-listening-to-patients.md.md"), "content/posts/2026-11-22-listening-to-patients.md");
  });
});

describe("a .md page of content/ without front matter", () => {
  const ctx = { settings, root: "/nowhere", fileExists: () => false };
  it("is an error naming the address it would get and both ways out", () => {
    assert.deepEqual(loadPage("content/notes.md", "ideas: TBD\n", ctx).diagnostics.map(formatDiagnostic), [
      "content/notes.md:1:1  the file has no front matter, so it would be published as the page /notes/, with no title of its own, and listed for search engines → if it is a note to yourself, keep it outside content/ (or rename it to notes.txt, which is not published); if it is a page, start it with front matter: a line ---, then title: Notes, then a line ---",
    ]);
    assert.match(formatDiagnostic(loadPage("content/team/index.md", "", ctx).diagnostics[0]!), /^content\/team\/index\.md:1:1  the file is empty, and it would be published as the page \/team\/, and listed for search engines → .*, or delete it;/);
  });
  it("says nothing of a page with front matter, nor of a Nunjucks page without", () => {
    assert.deepEqual(loadPage("content/about.md", "---\ntitle: About\nlayout: base.njk\n---\nHi.\n", ctx).diagnostics, []);
    assert.deepEqual(loadPage("content/x.njk", "<p>{{ site.title }}</p>\n", ctx).diagnostics, []);
  });
});

describe("a link to a file whose extension differs in capitals", () => {
  const lookup = (onDisk: string) => Object.assign((rel: string) => rel === onDisk, { otherCase: (rel: string) => (rel.toLowerCase() === onDisk.toLowerCase() ? onDisk : undefined) });
  it("is fixed in one round, by writing the file's capitals (an upper-case extension is published as it is)", () => {
    assert.equal(caseSlip("slides.pdf", "content/posts/slides.pdf", lookup("content/posts/Slides.PDF"))?.fix, "write it with the file's capitals: Slides.PDF (or rename the file to match)");
    assert.equal(caseSlip("Slides.PDF", "content/posts/Slides.PDF", lookup("content/posts/slides.PDF"))?.fix, "write it with the file's capitals: slides.PDF (or rename the file to match)");
    assert.equal(caseSlip("files/deck.pdf#p2", "content/posts/files/deck.pdf", lookup("content/posts/Files/Deck.PDF"))?.fix, "write it with the file's capitals: Files/Deck.PDF#p2 (or rename the file to match)");
  });
  it("keeps the file's capitals when its extension is already published", () => {
    assert.equal(caseSlip("slides.pdf", "content/posts/slides.pdf", lookup("content/posts/Slides.pdf"))?.fix, "write it with the file's capitals: Slides.pdf (or rename the file to match)");
  });
});
