// A post that is not plain UTF-8 text, or that holds what a feed cannot: control characters
// pasted from a PDF, a damaged (zeroed) file, UTF-16, a Word, RTF, PDF or HTML file saved
// under a post's name, and a copy of a post ("post (1).md"). Each is one error naming what the
// file is and what to do, with no follow-on noise; legitimate text gets nothing.
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { fileLookup } from "../../lib/file-case.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { controlCharacterProblems, encodingProblems, unreadableTextProblem, withoutControlCharacters } from "../../lib/text-encoding.ts";
import { feedWithoutControlCharacters } from "../../plugins/feeds.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2026-11-22-listening.md";
const GOOD = "---\ntitle: Listening to patients\ndate: 2026-11-22\n---\nPatients organise online.\n";
const load = (text: string | Buffer, file = FILE, context = ctx) => {
  const bytes = typeof text === "string" ? undefined : text;
  return loadPost(file, typeof text === "string" ? text : text.toString("utf8"), { ...context, ...(bytes ? { bytes } : {}) });
};
const messages = (text: string | Buffer, file = FILE) => load(text, file).diagnostics.map(formatDiagnostic);
// No message prints the file's binary bytes or control characters to the terminal.
const printable = (lines: string[]) => lines.forEach((l) => assert.doesNotMatch(l, /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\uFFFD]/, l));

describe("control characters in a post (pasted from a PDF or Word)", () => {
  it("are an error at the line and column, naming the character, with the line as it reads without it", () => {
    const lines = messages(GOOD.replace("Listening to", "Listening\fto"));
    assert.deepEqual(lines, [
      `${FILE}:2:17  the line has a form feed (a page break, U+000C) at column 17: an invisible character, which text copied from a PDF or a word processor brings; the site's feed cannot hold it (feed readers would stop taking the site's updates) → write a space in its place, so that line 2 reads \`title: Listening to patients\``,
    ]);
    printable(lines);
  });

  it("are read on as deleted: a NUL after a date is that error alone, not also a wrong date", () => {
    const [only, ...rest] = load(GOOD.replace("2026-11-22", "2026-11-22\0\0")).diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(only!.line, 3);
    assert.equal(only!.column, 17);
    assert.match(only!.message, /a null character \(U\+0000\) at column 17, and 1 more control character/);
    assert.equal(only!.fix, "delete them, so that line 3 reads `date: 2026-11-22`");
  });

  it("are found in the body and in every range: C0, DEL and C1", () => {
    for (const c of ["\x01", "\x02", "\x08", "\x0b", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]) {
      const [error, ...rest] = load(GOOD.replace("organise online", `organise${c}online`)).diagnostics;
      assert.deepEqual(rest, [], JSON.stringify(c));
      assert.equal(`${error!.line}:${error!.column}`, "5:18");
      assert.match(error!.message, new RegExp(`U\\+00${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`));
    }
  });

  it("give the character meant when they are what is left of a UTF-8 character read as Latin-1", () => {
    const [error] = load(GOOD.replace("Patients organise", "Patients\u00e2\u0080\u0099 groups organise")).diagnostics;
    assert.match(error!.message, /U\+0080.*"â<U\+0080><U\+0099>", what is left of "’"/);
    assert.equal(error!.fix, "write \"’\" in its place, so that line 5 reads `Patients’ groups organise online.`");
  });

  it("are one error per line, and past ten lines one more naming the rest", () => {
    const body = Array.from({ length: 13 }, (_, i) => `Page ${i + 1}\f`).join("\n");
    const found = controlCharacterProblems(FILE, `${GOOD}${body}\n`);
    assert.equal(found.length, 11);
    assert.deepEqual(found.slice(0, 10).map((d) => d.line), [6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    assert.match(found[10]!.message, /^3 more lines \(16, 17, 18\) also hold invisible control characters/);
  });

  it("written as an escape in quoted YAML are named at the field", () => {
    const lines = messages(GOOD.replace("title: Listening to patients", 'title: "Listening\\fto patients"'));
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^content\/posts\/2026-11-22-listening\.md:2:\d+ {2}title {2}`title` holds a form feed \(a page break, U\+000C\), written as an escape in double quotes/);
  });

  it("leave legitimate text alone: tabs, CRLF, a byte order mark, non-breaking spaces, accents, emoji", () => {
    const text = `\uFEFF${GOOD.replace("Patients organise online.", "Tabs\there, 10\u00a0pm, caf\u00e9, 👩🏽‍⚕️ and 🏳️‍🌈, Persian می‌خواهم")}`.replace(/\n/g, "\r\n");
    const result = load(Buffer.from(text, "utf8"));
    assert.deepEqual(result.diagnostics, []);
    assert.ok(result.post);
    assert.deepEqual(controlCharacterProblems(FILE, text), []);
    assert.equal(withoutControlCharacters(text), text);
  });
});

describe("a damaged file (zero bytes where its text was)", () => {
  it("of zero bytes only: one error, restore it from the history", () => {
    const lines = messages(Buffer.alloc(2048));
    assert.deepEqual(lines, [
      `${FILE}:1:1  the file was damaged: it holds only zero bytes (2048 of them) and no text, as happens when the computer stops while the file is being saved → restore the file from the site's history (on GitHub: open the file, then History, and take its last good version), or write it again`,
    ]);
  });

  it("zeroed from a line on: one error at that line, nothing else", () => {
    const [error, ...rest] = load(Buffer.concat([Buffer.from(GOOD), Buffer.alloc(4096)])).diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(error!.line, 6);
    assert.match(error!.message, /^the file was damaged: from column 1 of this line it holds zero bytes/);
  });
});

describe("a post saved as UTF-16 (Notepad's \"Unicode\")", () => {
  const utf16 = "the file is saved as UTF-16, which the site cannot read → save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)";
  const le = Buffer.from(GOOD, "utf16le");
  const be = Buffer.from(le).swap16();
  for (const [name, bytes] of [
    ["little-endian with its mark", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ["big-endian with its mark", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ["little-endian without a mark", le],
    ["big-endian without a mark", be],
  ] as const) {
    it(`${name}: that error alone, no "no front matter"`, () => {
      assert.deepEqual(messages(bytes), [`${FILE}:1:1  ${utf16}`]);
      // Told from the text too, when a caller has no bytes.
      assert.deepEqual(load(bytes.toString("utf8")).diagnostics.map(formatDiagnostic), [`${FILE}:1:1  ${utf16}`]);
      assert.equal(encodingProblems(FILE, bytes.toString("utf8"), bytes).length, 1);
    });
  }

  it("is not taken for a UTF-8 file in a script without Latin letters", () => {
    const greek = Buffer.from("---\ntitle: Ακούγοντας τους ασθενείς\ndate: 2026-11-22\n---\nΟι ασθενείς οργανώνονται.\n");
    assert.equal(unreadableTextProblem(FILE, greek.toString("utf8"), greek), undefined);
    assert.deepEqual(load(greek).diagnostics, []);
  });
});

describe("a document saved under a post's name", () => {
  const zip = (entry: string) => Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01\x00\x00 \x05\x00\x00", "latin1"), Buffer.from([entry.length, 0, 0, 0]), Buffer.from(entry, "latin1"), Buffer.from("\x9c\xe4\xf7\x00\x01\x02", "latin1")]);
  const cases: [string, Buffer, RegExp, RegExp][] = [
    ["a Word document", zip("[Content_Types].xml"), /^the file is a Word document \(\.docx\) saved under a text file's name/, /in Word, File → Save As, then Plain Text \(\.txt\) and Encoding: UTF-8.*npm run new/],
    ["a LibreOffice document", zip("mimetypeapplication/vnd.oasis.opendocument.text"), /^the file is a LibreOffice or OpenOffice document \(\.odt\)/, /in LibreOffice, File → Save As, then Text \(\.txt\)/],
    ["an old Word document", Buffer.from("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00", "latin1"), /^the file is a Word document of the older kind \(\.doc\)/, /open it in Word/],
    ["rich text", Buffer.from("{\\rtf1\\ansi\\ansicpg1252\\cocoartf2639\n{\\fonttbl\\f0\\fswiss Helvetica;}\n---\ntitle: x\n"), /^the file is rich text \(RTF/, /in TextEdit, Format → Make Plain Text, then save/],
    ["a PDF", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "latin1"), /^the file is a PDF saved under a text file's name/, /^copy its text into a new post made with `npm run new -- "Title"`, then delete 2026-11-22-listening\.md$/],
    ["a web page", Buffer.from("<!DOCTYPE html>\n<html lang=\"en\"><body><p>Patients organise.</p></body></html>\n"), /^the file is a web page \(HTML\)/, /npm run new.*a line ---, the fields title: and date:, and a line ---/],
  ];
  for (const [name, bytes, message, fix] of cases) {
    it(`${name}: one error saying what the file is and how to make it text, with no bytes of it printed`, () => {
      const { diagnostics } = load(bytes);
      assert.equal(diagnostics.length, 1, diagnostics.map(formatDiagnostic).join("\n"));
      const [error] = diagnostics as [Diagnostic];
      assert.equal(`${error.line}:${error.column}`, "1:1");
      assert.match(error.message, message);
      assert.match(error.fix ?? "", fix);
      printable(diagnostics.map(formatDiagnostic));
    });
  }

  it("leaves a post whose body is HTML after its front matter alone", () => {
    assert.deepEqual(load(`${GOOD}<!DOCTYPE html>\n<p>Fine.</p>\n`).diagnostics, []);
  });
});

describe("a copy of a post (\"post (1).md\", \"post - Copy.md\")", () => {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-tx-copies-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, "content/posts"), { recursive: true });
  writeFileSync(path.join(root, FILE), GOOD);
  const copyCtx = (): LoadContext => ({ ...ctx, root, fileExists: fileLookup(root) });
  const loadCopy = (name: string, text: string) => {
    const file = `content/posts/${name}`;
    writeFileSync(path.join(root, file), text);
    return loadPost(file, text, { ...copyCtx(), bytes: readFileSync(path.join(root, file)) }).diagnostics.map(formatDiagnostic);
  };

  for (const name of ["2026-11-22-listening (1).md", "2026-11-22-listening - Copy.md", "2026-11-22-listening - Copy (2).md", "2026-11-22-listening copy.md", "2026-11-22-listening copy 2.md", "2026-11-22-listening (Jane's conflicted copy 2026-11-23).md"]) {
    it(`"${name}" with the same text: a copy of the post, to delete (not to rename, which would publish it twice)`, () => {
      assert.deepEqual(loadCopy(name, GOOD), [
        `content/posts/${name}:1:1  this file is a copy of ${FILE} (the same text), as a file manager or a browser names a second copy; published, the announcement would be there twice → delete this file: ${FILE} is the post`,
      ]);
    });
  }

  it("with other text: the rename advice still, and the copy named", () => {
    const [error, ...rest] = loadCopy("2026-11-22-listening (1).md", GOOD.replace("online", "offline too"));
    assert.deepEqual(rest, []);
    assert.equal(error, `content/posts/2026-11-22-listening (1).md:1:1  the file name gives the web address "listening (1)", which has characters other than a-z, 0-9 and -; the name is that of a copy of ${FILE}, and its text differs from that post's → if it is another version of that post, keep the text you want in ${FILE} and delete this file; if it is a new post, rename it to content/posts/2026-11-22-listening-1.md and give it its own title and chat time`);
  });

  it("without the post it copies: rename it to that post's name", () => {
    assert.deepEqual(loadCopy("2026-11-29-next-chat (1).md", GOOD.replace("2026-11-22", "2026-11-29")), [
      `content/posts/2026-11-29-next-chat (1).md:1:1  the file name gives the web address "next-chat (1)", which has characters other than a-z, 0-9 and -: the name is that of a copy (of content/posts/2026-11-29-next-chat.md, which is not there) → rename the file to content/posts/2026-11-29-next-chat.md`,
    ]);
  });

  it("leaves other names with spaces to the rename advice", () => {
    assert.deepEqual(loadCopy("2026-11-22-my post.md", GOOD), [
      "content/posts/2026-11-22-my post.md:1:1  the file name gives the web address \"my post\", which has characters other than a-z, 0-9 and - → rename the file to content/posts/2026-11-22-my-post.md",
    ]);
  });
});

describe("the feeds, whatever reaches them", () => {
  it("carry no control character in feed.xml: a page break between words becomes a space", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\n<feed><title>Care\fLeaders</title><content type="html"><![CDATA[<p>A\0B|\x7f\x85|\ufffe\uffff|\ud800</p>]]></content></feed>\n`;
    const out = feedWithoutControlCharacters(xml, "_site/feed.xml");
    assert.equal(out, `<?xml version="1.0" encoding="utf-8"?>\n<feed><title>Care Leaders</title><content type="html"><![CDATA[<p>AB|||</p>]]></content></feed>\n`);
  });

  it("carry none in feed.json, where JSON writes them escaped; a clean feed is left as written", () => {
    const json = `{\n  "title": ${JSON.stringify("Care\fLeaders")},\n  "items": [{ "content_html": ${JSON.stringify("<p>A\0B\x0bC</p>")}, "tags": [${JSON.stringify("x\x02")}] }]\n}\n`;
    const out = feedWithoutControlCharacters(json, "_site/feed.json");
    assert.deepEqual(JSON.parse(out), { title: "Care Leaders", items: [{ content_html: "<p>AB C</p>", tags: ["x"] }] });
    const clean = `{ "title": "Care\\tLeaders 👩🏽‍⚕️" }\n`;
    assert.equal(feedWithoutControlCharacters(clean, "_site/feed.json"), clean);
  });
});
