// A settings `bibliography:` entry, or a post's image, written in other capitals than its file:
// a Mac or Windows opens it, the Linux computer that builds the site does not. The check compares
// the name with the folder's names and says which to write, whatever the disk.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { loadSharedBibliography, type FindFile } from "../../lib/bibliography.ts";
import { findFile } from "../../lib/file-case.ts";
import { siteFilesHash } from "../../lib/validation-cache.ts";
import { copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";
import { loadPostFile } from "../../lib/corpus.ts";
import { loadSettings } from "../../lib/settings.ts";

const BIB = "@article{smith2020,\n  author = {Smith, Jane},\n  title = {A title},\n  journal = {J},\n  year = {2020}\n}\n";

function siteWith(bibName: string, listed: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "ck-bib-"));
  mkdirSync(path.join(root, "content/_data"), { recursive: true });
  writeFileSync(path.join(root, "content", bibName), BIB);
  writeFileSync(path.join(root, "content/_data/site.yaml"), `title: T\ncitations:\n  bibliography:\n    - ${listed}\n`);
  return root;
}

describe("shared bibliography in other capitals", () => {
  it("is an error with the name to write, at its line of the settings", () => {
    const root = siteWith("Bibliography.bib", "content/bibliography.bib");
    const shared = loadSharedBibliography(root, ["content/bibliography.bib"]);
    assert.equal(shared.entries.size, 0);
    assert.deepEqual(shared.unreadable, ["content/bibliography.bib"]);
    const [d] = shared.diagnostics;
    assert.equal(d?.file, "content/_data/site.yaml");
    assert.equal(d?.line, 4);
    assert.match(d!.message, /the file is named content\/Bibliography\.bib, and file names must match in capitals/);
    assert.equal(d!.fix, "rename content/Bibliography.bib to bibliography.bib, or write line 4 as `    - content/Bibliography.bib`");
  });

  it("is an error even where the disk opens it (the file read under the written name)", () => {
    const root = siteWith("Bibliography.bib", "content/bibliography.bib");
    // Stand for macOS: the written name opens the file.
    const written = path.join(root, "content/bibliography.bib");
    writeFileSync(written, BIB);
    // Only the folder's listing says which name the file has: the real one, as a case-insensitive disk lists it.
    const macDisk: FindFile = (r, rel) => (rel === "content/bibliography.bib" ? { exact: false, otherCase: "content/Bibliography.bib" } : findFile(r, rel));
    const shared = loadSharedBibliography(root, ["content/bibliography.bib"], macDisk);
    assert.equal(shared.entries.size, 0);
    assert.match(shared.diagnostics[0]!.message, /the file is named content\/Bibliography\.bib, and file names must match in capitals and small letters \(the computer that builds the site tells them apart, even where this one does not\)/);
    assert.equal(shared.diagnostics[0]!.fix, "rename content/Bibliography.bib to bibliography.bib, or write line 4 as `    - content/Bibliography.bib`");
    // As written on disk, it is read.
    assert.equal(loadSharedBibliography(root, ["content/bibliography.bib"]).entries.size, 1);
  });

  it("a folder in other capitals too, where the disk opens it", () => {
    const root = siteWith("refs.bib", "Content/refs.bib");
    const macDisk: FindFile = (r, rel) => (rel === "Content/refs.bib" ? { exact: false, otherCase: "content/refs.bib" } : findFile(r, rel));
    mkdirSync(path.join(root, "Content"));
    writeFileSync(path.join(root, "Content/refs.bib"), BIB);
    const [d] = loadSharedBibliography(root, ["Content/refs.bib"], macDisk).diagnostics;
    assert.equal(d!.fix, "rename the folder of content/refs.bib to match, or write line 4 as `    - content/refs.bib`");
  });

  it("a record of the site's files changes when the file is renamed to other capitals", () => {
    const root = siteWith("bibliography.bib", "content/bibliography.bib");
    const before = siteFilesHash(root, ["content/bibliography.bib"]);
    renameSync(path.join(root, "content/bibliography.bib"), path.join(root, "content/Bibliography.bib"));
    assert.notEqual(siteFilesHash(root, ["content/bibliography.bib"]), before);
  });
});

describe("a post's image in other capitals", () => {
  it("is reported with the file's name (lib/file-case.ts)", () => {
    const file = "content/posts/2017-04-30-online-communities.md";
    const text = readFileSync(path.join(FIXTURE_SITE, file), "utf8").replace("src: ./meetup.png", "src: ./Meetup.PNG");
    const root = copySiteWith(FIXTURE_SITE, { files: { [file]: text } });
    const diagnostics = loadPostFile(root, file, loadSettings(root)).diagnostics;
    const image = diagnostics.find((d) => d.field.startsWith("image"));
    assert.ok(image, JSON.stringify(diagnostics));
    assert.match(`${image.message} ${image.fix}`, /meetup\.png/);
  });
});
