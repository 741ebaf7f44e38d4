// The settings file, a shared bibliography and the site's other pages, saved as UTF-16 or
// Windows-1252, or holding control characters: the encoding error alone (not a YAML or
// BibTeX syntax error spelled out "a r t i c l e"), or the control character at its line.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { loadSharedBibliography } from "../../lib/bibliography.ts";
import { formatDiagnostic, SettingsError, type Diagnostic } from "../../lib/diagnostics.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadSiteSettings, parseSettings } from "../../lib/settings.ts";

const FIXTURE_SETTINGS = readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8");
const settings = parseSettings(FIXTURE_SETTINGS).settings!;
const UTF16 = "the file is saved as UTF-16, which the site cannot read → save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)";
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

const root = mkdtempSync(path.join(tmpdir(), "chatpost-tx-settings-"));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, "content/_data"), { recursive: true });
const settingsErrors = (bytes: Buffer): string[] => {
  writeFileSync(path.join(root, "content/_data/site.yaml"), bytes);
  try {
    loadSiteSettings(root);
  } catch (error) {
    assert.ok(error instanceof SettingsError, String(error));
    return (error as SettingsError & { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
  }
  return [];
};

describe("the settings file", () => {
  it("saved as UTF-16, with its mark or without: that error alone", () => {
    assert.deepEqual(settingsErrors(utf16le(FIXTURE_SETTINGS)), [`content/_data/site.yaml:1:1  ${UTF16}`]);
    assert.deepEqual(settingsErrors(Buffer.from(FIXTURE_SETTINGS, "utf16le")), [`content/_data/site.yaml:1:1  ${UTF16}`]);
  });

  it("saved as Windows-1252: the encoding error, with the title as it was written", () => {
    const [error, ...rest] = settingsErrors(Buffer.from(FIXTURE_SETTINGS.replace(/^title: .*$/m, "title: Caf\xe9 \x93Care\x94 Leaders"), "latin1"));
    assert.deepEqual(rest, []);
    assert.match(error!, /^content\/_data\/site\.yaml:\d+:\d+ {2}the file is not saved as UTF-8: .* here was written as "title: Café “Care” Leaders"/);
  });

  it("with a control character in the title: an error at its line and column, the line shown without it", () => {
    const [error, ...rest] = settingsErrors(Buffer.from(FIXTURE_SETTINGS.replace(/^title: (.*)$/m, "title: $1\0")));
    assert.deepEqual(rest, []);
    assert.match(error!, /^content\/_data\/site\.yaml:\d+:\d+ {2}the line has a null character \(U\+0000\) at column \d+.* → delete it, so that line \d+ reads `title: [^`\0]+`$/);
  });

  it("as written by the fixture: loaded, no error", () => {
    assert.deepEqual(settingsErrors(Buffer.from(FIXTURE_SETTINGS)), []);
  });
});

describe("a shared bibliography", () => {
  const bib = "@article{moorhead2013,\n  author = {Moorhead, S. Anne},\n  title = {A new dimension of health care},\n  journal = {J Med Internet Res},\n  year = {2013}\n}\n";
  it("saved as UTF-16: that error alone, not a BibTeX syntax error spelled out letter by letter", () => {
    writeFileSync(path.join(root, "u16.bib"), utf16le(bib));
    const { diagnostics, entries, unreadable } = loadSharedBibliography(root, ["u16.bib"]);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [`u16.bib:1:1  ${UTF16}`]);
    assert.equal(entries.size, 0);
    // Its citations are then told to fix this file first, not to add the works.
    assert.deepEqual(unreadable, ["u16.bib"]);
  });

  it("with a form feed pasted in a title: an error at its line, and the entry still read", () => {
    writeFileSync(path.join(root, "ff.bib"), bib.replace("new dimension", "new\fdimension"));
    const { diagnostics, entries } = loadSharedBibliography(root, ["ff.bib"]);
    assert.match(formatDiagnostic(diagnostics[0]!), /^ff\.bib:3:17 {2}the line has a form feed \(a page break, U\+000C\).* so that line 3 reads ` {2}title = \{A new dimension of health care\},`$/);
    assert.equal(diagnostics.length, 1, diagnostics.map(formatDiagnostic).join("\n"));
    assert.ok(entries.has("moorhead2013"));
  });
});

describe("a page other than a post", () => {
  const ctx = { settings, root: "/nowhere", fileExists: () => false };
  it("saved as UTF-16: that error alone", () => {
    const bytes = utf16le("---\ntitle: About\n---\nUs.\n");
    assert.deepEqual(loadPage("content/about.md", bytes.toString("utf8"), { ...ctx, bytes }).diagnostics.map(formatDiagnostic), [`content/about.md:1:1  ${UTF16}`]);
  });

  it("with a backspace in its text: an error at its line and column", () => {
    const [error] = loadPage("content/about.md", "---\ntitle: About\n---\nWe are\b here.\n", ctx).diagnostics;
    assert.equal(`${error!.line}:${error!.column}`, "4:7");
    assert.equal(error!.fix, "delete it, so that line 4 reads `We are here.`");
  });
});
