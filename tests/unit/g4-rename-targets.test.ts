// A rename the check gives is one the writer can follow: to a name free in that folder (to a
// Mac or Windows too: capitals, accents, a space or dot at the end), never the same for two
// files; and two names that look the same get messages that tell them apart.
import assert from "node:assert/strict";
import { existsSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { shownName, unpublishableFiles, windowsNameProblem, windowsSafeName } from "../../lib/content-paths.ts";
import { type Diagnostic, formatDiagnostic } from "../../lib/diagnostics.ts";
import { copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";

const POST = "---\ntitle: A post\ndate: 2026-11-21\n---\nText.\n";
const NFD_SKIP = process.platform === "darwin" && "a Mac's disk gives names in either form";

const siteWith = (files: Record<string, string>): string => copySiteWith(FIXTURE_SITE, { files });
const report = (root: string) => unpublishableFiles(root).map(formatDiagnostic);
const line = (file: string, rest: string) => `${file}:1:1  ${rest}`;
const WINDOWS = (what: string) => `a file of this name cannot be downloaded to Windows (${what}): a writer there gets a copy of the site without it`;
const LINKED = "and write the new name in the posts and pages that link to it";

/** The renames given, as [from, to] from the project folder: the target ends at ` (`, `, and ` or the end. */
function renames(diagnostics: Diagnostic[]): [string, string][] {
  return diagnostics.flatMap((d): [string, string][] => {
    const target = /^rename (?:it|the folder) to (.+?)(?: \(|, and |$)/.exec(d.fix ?? "")?.[1];
    if (target === undefined) return [];
    return [[d.file, target.startsWith("content/") ? target : `${path.posix.dirname(d.file)}/${target}`]];
  });
}
const oneName = (p: string) => p.normalize("NFC").toLowerCase().replace(/[ .]+$/, "");

/** Follows every rename as given, after checking none names a file there or one given to another file; returns the check after. */
function applyRenames(root: string): { given: [string, string][]; after: string[] } {
  const given = renames(unpublishableFiles(root));
  const before = new Set<string>();
  for (const [from] of given) for (const name of readdirSync(path.join(root, path.posix.dirname(from)))) before.add(`${path.posix.dirname(from)}/${name}`);
  const targets = given.map(([, to]) => oneName(to));
  assert.equal(new Set(targets).size, targets.length, `two files given one name: ${given.map((r) => r.join(" → ")).join("; ")}`);
  for (const [from, to] of given) {
    // Another file of that name, to a Mac or Windows; its own name is no obstacle (`x.MD` → `x.md`).
    assert.ok(![...before].some((p) => p !== from && oneName(p) === oneName(to)), `${from} → ${to}: that name is taken`);
    assert.ok(!existsSync(path.join(root, to)));
    renameSync(path.join(root, from), path.join(root, to));
  }
  return { given, after: report(root) };
}

describe("a rename never names a file that is there, nor one name for two files (finding 7)", () => {
  it("numbers the name (-2, -3…) past names taken in any capitals, and past those given in this run", () => {
    const lines = report(siteWith({
      "content/posts/a:b.png": "x", "content/posts/a|b.png": "x", "content/posts/a-b.png": "x",
      "content/posts/x?.png": "x", "content/posts/x.png": "x",
      "content/posts/aux.png": "x", "content/posts/aux-1.png": "x", "content/posts/AUX-2.png": "x",
      "content/posts/nul/a.png": "x", "content/posts/nul-1/b.png": "x",
      "content/posts/con.md": POST, "content/posts/2026-11-21-con.md": POST,
    }));
    assert.deepEqual(lines, [
      line("content/posts/a:b.png", `${WINDOWS("Windows does not allow : in a name")} → rename it to content/posts/a-b-2.png (a-b.png is taken), ${LINKED}`),
      line("content/posts/aux.png", `${WINDOWS("AUX is a name Windows keeps for a device")} → rename it to content/posts/aux-3.png (aux-1.png and aux-2.png are taken), ${LINKED}`),
      line("content/posts/a|b.png", `${WINDOWS("Windows does not allow | in a name")} → rename it to content/posts/a-b-3.png (a-b.png and a-b-2.png are taken), ${LINKED}`),
      line("content/posts/con.md", `${WINDOWS("CON is a name Windows keeps for a device")} → rename it to content/posts/2026-11-21-con-2.md (2026-11-21-con.md is taken; its address becomes /posts/con-2/)`),
      line("content/posts/nul", "a folder of this name cannot be downloaded to Windows (NUL is a name Windows keeps for a device): a writer there gets a copy of the site without it → rename the folder to content/posts/nul-2 (nul-1 is taken)"),
      line("content/posts/x?.png", `${WINDOWS("Windows does not allow ? in a name")} → rename it to content/posts/x-2.png (x.png is taken), ${LINKED}`),
    ]);
  });

  it("names every taken name it passed over", () => {
    const lines = report(siteWith({ "content/files/a-b.png": "x", "content/files/a:b.png": "x", "content/files/a<b.png": "x", "content/files/a>b.png": "x", "content/files/a|b.png": "x" }));
    assert.deepEqual(lines.map((l) => l.slice(l.indexOf("→"))), [
      `→ rename it to content/files/a-b-2.png (a-b.png is taken), ${LINKED}`,
      `→ rename it to content/files/a-b-3.png (a-b.png and a-b-2.png are taken), ${LINKED}`,
      `→ rename it to content/files/a-b-4.png (a-b.png, a-b-2.png and a-b-3.png are taken), ${LINKED}`,
      `→ rename it to content/files/a-b-5.png (a-b.png and a-b-2.png to a-b-4.png are taken), ${LINKED}`,
    ]);
  });

  it("NFD: the accent-free name is numbered when it is taken", { skip: NFD_SKIP }, () => {
    const lines = report(siteWith({ "content/posts/e\u0301te\u0301.png": "x", "content/posts/ete.png": "x" }));
    assert.deepEqual(lines, [
      line("content/posts/e\u0301te\u0301.png", `warning: the accents of this name are stored apart from their letters (Unicode NFD, as a Mac saves some names): a link or picture that writes \u00e9t\u00e9.png as usually typed does not find it on the web server → rename it to content/posts/ete-2.png (ete.png is taken), ${LINKED}`),
    ]);
  });

  it("the posts folder's own renames (.MD, a space after .md, no .md) too, but a change of capitals alone is free", () => {
    const lines = report(siteWith({
      "content/posts/2017-01-01-x.MD": POST, "content/posts/2017-01-01-x.md": POST,
      "content/posts/2017-01-02-y.md ": POST, "content/posts/2017-01-02-y.md": POST,
      "content/posts/2017-01-03-z": POST, "content/posts/2017-01-03-Z.md": POST,
      "content/Team.MD": "---\ntitle: Team\nlayout: base.njk\n---\nText\n",
    }));
    assert.ok(lines.includes(line("content/posts/2017-01-01-x.MD", "only files whose names end in .md (in lower case) are posts, so this one is not published → rename it to 2017-01-01-x-2.md (2017-01-01-x.md is taken)")), lines.join("\n"));
    assert.ok(lines.includes(line("content/posts/2017-01-02-y.md ", "the name ends in a space after .md, so it is not a post and is not published → rename it to 2017-01-02-y-2.md (2017-01-02-y.md is taken)")), lines.join("\n"));
    assert.ok(lines.includes(line("content/posts/2017-01-03-z", "the name has no .md at the end, so it is not a post and is not published → rename it to 2017-01-03-z-2.md (2017-01-03-z.md is taken)")), lines.join("\n"));
    assert.ok(lines.includes(line("content/Team.MD", "the name ends in .MD, not .md: the site would publish it as a page at /Team.MD/ without checking it → rename it to Team.md")), lines.join("\n"));
  });

  it("every rename applied as given in a temp folder: the check then finds nothing about names", () => {
    const root = siteWith({
      "content/posts/a:b.png": "x", "content/posts/a|b.png": "x", "content/posts/a*b.png": "x", "content/posts/a-b.png": "x",
      "content/posts/x?.png": "x", "content/posts/x.png": "x", "content/posts/X.png.": "x",
      "content/posts/aux.png": "x", "content/posts/Aux.jpg": "x", "content/posts/aux-1.png": "x", "content/posts/AUX-2.png": "x",
      "content/posts/con :.png": "x", "content/posts/con.png": "x",
      "content/posts/trail space.png ": "x", "content/posts/trail space.png": "x", "content/posts/slides.pdf.": "x",
      "content/posts/nul/a.png": "x", "content/posts/nul-1/b.png": "x", "content/posts/NUL-2/c.png": "x",
      "content/posts/con.md": POST, "content/posts/2026-11-21-con.md": POST,
      "content/posts/2017-01-01-x.MD": POST, "content/posts/2017-01-01-x-2.md": POST,
      "content/posts/2017-01-02-y.md ": POST, "content/posts/2017-01-02-y.md": POST,
      "content/files/?.pdf": "%PDF", "content/files/file.pdf": "%PDF", "content/files/:.pdf": "%PDF",
      ...(NFD_SKIP ? {} : { "content/posts/e\u0301te\u0301.png": "x", "content/posts/ete.png": "x", "content/posts/ETE-2.png": "x", "content/pics/cafe\u0301/a.png": "x", "content/pics/cafe/b.png": "x" }),
    });
    const { given, after } = applyRenames(root);
    assert.ok(given.length >= (NFD_SKIP ? 17 : 19), given.map((r) => r.join(" → ")).join("\n"));
    // The two posts the .MD and `.md ` renames make are posts; the file checks have nothing left to say.
    assert.deepEqual(after, []);
  });

  it("many names in one folder: every rename free, and the check clean after", () => {
    const stems = ["a:b", "a|b", "a-b", "a<b", "a>b", "a\"b", "a b ", "a-b.", "aux", "AUX", "aux-1", "Aux-2", "com1", "com1-1", "x?", "x", "X ", "?", "file", "File-2"];
    const files: Record<string, string> = {};
    for (const stem of stems) files[`content/posts/${stem}.png`] = "x";
    for (const stem of stems) files[`content/posts/${stem}`] = "x";
    const { after } = applyRenames(siteWith(files));
    assert.deepEqual(after, []);
  });
});

describe("names that look the same get messages that tell them apart (finding 15)", () => {
  it("a space at the end: the rename says it leaves the space out", () => {
    assert.deepEqual(report(siteWith({ "content/posts/trail space.png ": "x" })), [
      line("content/posts/trail space.png ", `${WINDOWS("it ends in a space, which Windows drops")} → rename it to content/posts/trail space.png (without the space at the end), ${LINKED}`),
    ]);
    assert.deepEqual(report(siteWith({ "content/posts/notes . .": "x" })), [
      line("content/posts/notes . .", "a file of this name cannot be downloaded to Windows (it ends in a dot, which Windows drops): a writer there gets a copy of the site without it → rename it to content/posts/notes (without the spaces and dots at the end), and write the new name in the posts and pages that link to it"),
    ]);
  });

  it("the same name with the accent stored two ways: each says how it stores it, and how the other does", () => {
    const nfc = "content/posts/caf\u00e9.png";
    const nfd = "content/posts/cafe\u0301.png";
    const TAIL = "; on a Mac or Windows they are one name, so only one of them is kept when the site is downloaded there → keep one of them: delete or rename the other";
    const STORED = "the accent is stored with its letter (Unicode NFC, as usually typed)";
    const APART = "the accent is stored apart from its letter (Unicode NFD, as a Mac saves some names)";
    const lines = report(siteWith({ [nfc]: "x", [nfd]: "y" }));
    assert.deepEqual(lines.sort(), [
      line(nfd, `its name and caf\u00e9.png beside it differ only in how an accent is stored: in this name ${APART}, in caf\u00e9.png ${STORED}${TAIL}`),
      line(nfc, `its name and cafe\u0301.png beside it differ only in how an accent is stored: in this name ${STORED}, in cafe\u0301.png ${APART}${TAIL}`),
    ].sort());
    assert.notEqual(lines[0]!.slice(lines[0]!.indexOf("  ")), lines[1]!.slice(lines[1]!.indexOf("  ")));
  });

  it("capitals and accents both: says both", () => {
    const lines = report(siteWith({ "content/posts/Caf\u00e9.jpg": "x", "content/posts/cafe\u0301.jpg": "y" }));
    assert.ok(lines.includes(line("content/posts/Caf\u00e9.jpg", "its name and cafe\u0301.jpg beside it differ in capitals and in how an accent is stored: in this name the accent is stored with its letter (Unicode NFC, as usually typed), in cafe\u0301.jpg the accent is stored apart from its letter (Unicode NFD, as a Mac saves some names); on a Mac or Windows they are one name, so only one of them is kept when the site is downloaded there → keep one of them: delete or rename the other (names in lower case avoid this)")), lines.join("\n"));
  });

  it("a name that starts or ends in a space, or holds an invisible character, is shown in quotes with it escaped; others as they are", () => {
    assert.equal(shownName("photo.png"), "photo.png");
    assert.equal(shownName("caf\u00e9.png"), "caf\u00e9.png");
    assert.equal(shownName("photo.png "), '"photo.png "');
    assert.equal(shownName(" photo.png"), '" photo.png"');
    assert.equal(shownName("a\u200bb.png"), '"a\\u200bb.png"');
    assert.equal(shownName("a\u00a0b.png"), '"a\\u00a0b.png"');
    assert.equal(shownName("a\tb.png"), '"a\\tb.png"');
    const lines = report(siteWith({ "content/posts/Photo.png ": "x", "content/posts/photo.png ": "y" }));
    assert.ok(lines.includes(line("content/posts/Photo.png ", 'its name and "photo.png " beside it differ only in capitals: on a Mac or Windows they are one name, so only one of them is kept when the site is downloaded there → keep one of them: delete or rename the other (names in lower case avoid this)')), lines.join("\n"));
  });
});

describe("windowsSafeName", () => {
  it("numbers a device name as asked, and tests for a device after trimming dashes", () => {
    assert.equal(windowsSafeName("aux.png", 3), "aux-3.png");
    assert.equal(windowsSafeName("con :.png"), "con-1.png");
    assert.equal(windowsNameProblem(windowsSafeName("con :.png")), undefined);
  });
});
