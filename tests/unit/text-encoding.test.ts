// A post, page or bibliography file saved as Windows-1252 or Latin-1: one error naming the
// file, the first line and the others, with the fix (save as UTF-8); the rest still checked.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, it } from "node:test";
import { useProjectCache } from "../../lib/content-cache.ts";
import { checkSite } from "../../lib/site-check.ts";
import { copySite, FIXTURE_SITE } from "../helpers/build-site.ts";
import { loadSharedBibliography } from "../../lib/bibliography.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { encodingProblems } from "../../lib/text-encoding.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
// What node's "utf8" decoding makes of Windows-1252 bytes: é (E9) and ’ (92) each become U+FFFD.
const latin1 = (bytes: string) => Buffer.from(bytes, "latin1").toString("utf8");

describe("a file not saved as UTF-8", () => {
  it("is one error at the first character that is not UTF-8, naming the other lines", () => {
    const file = "content/posts/2017-07-02-sante.md";
    const text = latin1("---\ntitle: Sant\xe9\ndate: 2017-07-02\ntopics:\n  - Qu\x92est-ce que la sant\xe9?\n---\nLe caf\xe9.\n");
    assert.deepEqual(loadPost(file, text, ctx).diagnostics.map(formatDiagnostic), [
      `${file}:2:12  the file is not saved as UTF-8: a character here is shown as "\uFFFD", in "title: Sant\uFFFD" (also on lines 5, 7); it was saved in another encoding, such as Windows-1252 → save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8) and check the accented letters and quotes on these lines`,
    ]);
  });

  it("still reports the post's other problems in the same list", () => {
    const messages = loadPost("content/posts/2017-07-02-sante.md", latin1("---\ntitle: Sant\xe9\n---\nBody.\n"), ctx).diagnostics.map((d) => d.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /not saved as UTF-8/);
    assert.match(messages[1]!, /`date` is missing/);
  });

  it("counts the other lines past five", () => {
    const text = latin1(Array.from({ length: 9 }, (_, i) => `line ${i + 1} caf\xe9`).join("\n"));
    assert.match(encodingProblems("x.md", text)[0]!.message, /\(also on lines 2, 3, 4, 5, 6 and 3 more\)/);
  });

  it("is found in the site's other pages and in a shared bibliography", () => {
    assert.match(formatDiagnostic(loadPage("content/about.md", latin1("---\ntitle: \xc0 propos\n---\nNous.\n"), ctx).diagnostics[0]!), /^content\/about\.md:2:8  the file is not saved as UTF-8/);
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-encoding-"));
    try {
      writeFileSync(path.join(root, "refs.bib"), Buffer.from("@book{muller2020,\n  author = {M\xfcller, Anna},\n  title = {Gesundheit},\n  year = {2020}\n}\n", "latin1"));
      const { diagnostics } = loadSharedBibliography(root, ["refs.bib"]);
      assert.match(formatDiagnostic(diagnostics[0]!), /^refs\.bib:2:14  the file is not saved as UTF-8: "author = \{M\uFFFDller, Anna\}," here was written as "author = \{Müller, Anna\},"/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("says nothing of a file in UTF-8, accents and curly quotes included", () => {
    assert.deepEqual(encodingProblems("x.md", "title: Santé, Qu’est-ce?\n"), []);
  });
});

describe("a file not saved as UTF-8, read from its bytes", () => {
  const file = "content/posts/2017-07-02-sante.md";
  const bytes = (text: string) => Buffer.from(text, "latin1");
  const load = (b: Buffer) => loadPost(file, b.toString("utf8"), { ...ctx, bytes: b }).diagnostics.map(formatDiagnostic);
  afterEach(() => useProjectCache(undefined));

  it("shows what the line was meant to say, read as Windows-1252", () => {
    const [first, ...rest] = load(bytes("---\ntitle: Sant\xe9 \x96 qu\x92en dit-on?\ndate: 2017-07-02\n---\nLe caf\xe9.\n"));
    assert.equal(first, `${file}:2:12  the file is not saved as UTF-8: "title: Sant\uFFFD \uFFFD qu\uFFFDen dit-on?" here was written as "title: Santé – qu’en dit-on?" (also on line 5); it was saved in another encoding, probably Windows-1252 → save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8); the accented letters and quotes then read as written`);
    assert.deepEqual(rest, []);
  });

  it("reads what is UTF-8 as UTF-8 in a file that mixes both (text pasted from elsewhere)", () => {
    const mixed = Buffer.concat([Buffer.from("---\ntitle: Café – où\ndate: 2017-07-02\n---\nSo “quoted” and na"), bytes("\xefve"), Buffer.from(".\n")]);
    const [error] = load(mixed);
    assert.match(error!, /^content\/posts\/2017-07-02-sante\.md:5:19 {2}the file is not saved as UTF-8: "So “quoted” and na\uFFFDve\." here was written as "So “quoted” and naïve\."; /);
  });

  it("tells a replacement character really in the text from a file in another encoding: saving it again would not mend that", () => {
    const [error, ...rest] = load(Buffer.from("---\ntitle: Sant\uFFFD\ndate: 2017-07-02\n---\nIt\uFFFDs here.\n"));
    assert.equal(error, `${file}:2:12  the text has "\uFFFD" in "title: Sant\uFFFD" (also on line 5): a character was lost before the text came into this file (the file itself is saved right, as UTF-8) → write the character that was meant in place of each "\uFFFD" (often an accented letter, a curly quote or a dash), or copy the text again from its original`);
    assert.deepEqual(rest, []);
  });

  it("names UTF-16 for a file saved so", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("---\ntitle: T\ndate: 2017-07-02\n---\nBody.\n", "utf16le")]);
    assert.equal(load(utf16)[0], `${file}:1:1  the file is saved as UTF-16, which the site cannot read → save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)`);
  });

  it("in `npm run check`, and again after one letter is changed for another", async () => {
    const root = copySite(FIXTURE_SITE);
    const post = "content/posts/2017-04-30-online-communities.md";
    const original = readFileSync(path.join(root, post), "utf8");
    const write = (letter: string) => writeFileSync(path.join(root, post), Buffer.concat([Buffer.from(original), bytes(`\nUne id\xe9e ${letter} retenir.\n`)]));
    useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-encoding-cache-")));
    const encoding = async () => (await checkSite(root)).diagnostics.filter((d) => /UTF-8/.test(d.message)).map((d) => `${d.file} ${d.message}`);
    write("\xe0");
    assert.deepEqual(await encoding(), [`${post} the file is not saved as UTF-8: "Une id\uFFFDe \uFFFD retenir." here was written as "Une idée à retenir."; it was saved in another encoding, probably Windows-1252`]);
    // Read as UTF-8 the file is the same text: what it holds was kept under its bytes.
    write("\xe2");
    assert.deepEqual(await encoding(), [`${post} the file is not saved as UTF-8: "Une id\uFFFDe \uFFFD retenir." here was written as "Une idée â retenir."; it was saved in another encoding, probably Windows-1252`]);
  });
});
