// Near misses of the settings file and of the shared bibliography files: a settings file saved
// as site.yml, Site.yaml or site.yaml.txt, or in the wrong folder, is named with the rename;
// a listed bibliography that is not there names the file most likely meant, at the settings'
// line and column, never offering the missing path itself as the example; a citation whose key
// is only in a bibliography file the settings do not list says so, with the settings line to
// write; an empty listed bibliography is a warning. And .bib numbers follow a post's rule for
// invisible characters: a non-breaking space only between two digits, and a byte order mark at
// a number's end (trimmed, as a space is) is nothing.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { loadSharedBibliography, parseBibliographyFile } from "../../lib/bibliography.ts";
import { formatBibliography, prepareEngine } from "../../lib/citations.ts";
import { unresolvedCitationProblems } from "../../lib/cross-file-checks.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { formatDiagnostic, SettingsError, type Diagnostic } from "../../lib/diagnostics.ts";
import { loadSiteSettings } from "../../lib/settings.ts";

const SETTINGS = readFileSync(new URL("../../content/_data/site.yaml", import.meta.url), "utf8");
const BIB = readFileSync(new URL("../../content/bibliography.bib", import.meta.url), "utf8");
// The sample's settings list content/bibliography.bib on this line, its path at this column.
const LISTED_LINE = SETTINGS.split("\n").findIndex((l) => l.trim() === "- content/bibliography.bib") + 1;
const LISTED_COLUMN = SETTINGS.split("\n")[LISTED_LINE - 1]!.indexOf("content/") + 1;

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
/** A site folder holding `files` (paths from the site's folder). */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-nm-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function settingsErrors(root: string): string[] {
  try {
    loadSiteSettings(root);
  } catch (error) {
    assert.ok(error instanceof SettingsError, String(error));
    return (error as SettingsError & { diagnostics: Diagnostic[] }).diagnostics.map(formatDiagnostic);
  }
  return [];
}

describe("the settings file under a near name", () => {
  it("site.yml: named, with the rename; renamed, the settings load", () => {
    const root = site({ "content/_data/site.yml": SETTINGS });
    assert.deepEqual(settingsErrors(root), [
      "content/_data/site.yaml  the site settings file is missing, but content/_data/site.yml is there: chatpost reads the settings from site.yaml only, in small letters → rename content/_data/site.yml to site.yaml",
    ]);
    renameSync(path.join(root, "content/_data/site.yml"), path.join(root, "content/_data/site.yaml"));
    assert.deepEqual(settingsErrors(root), []);
  });

  for (const name of ["site.YAML", "Site.yaml"]) {
    it(`${name}: the same, with that name`, () => {
      assert.deepEqual(settingsErrors(site({ [`content/_data/${name}`]: SETTINGS })), [
        `content/_data/site.yaml  the site settings file is missing, but content/_data/${name} is there: chatpost reads the settings from site.yaml only, in small letters → rename content/_data/${name} to site.yaml`,
      ]);
    });
  }

  it("site.yaml.txt: the editor's .txt named, and how to see it", () => {
    assert.deepEqual(settingsErrors(site({ "content/_data/site.yaml.txt": SETTINGS })), [
      `content/_data/site.yaml  the site settings file is missing, but content/_data/site.yaml.txt is there: the editor that saved it added .txt to its name → rename content/_data/site.yaml.txt to site.yaml (on Windows, turn on "File name extensions" in File Explorer's View menu to see the .txt)`,
    ]);
  });

  it("in content/data/: the folder to rename", () => {
    assert.deepEqual(settingsErrors(site({ "content/data/site.yaml": SETTINGS })), [
      "content/_data/site.yaml  the site settings file is missing, but content/data/site.yaml is there: the settings folder is named _data, in small letters with the underscore → rename the folder content/data to _data",
    ]);
  });

  it("one folder too high: the move (and the rename for site.yml)", () => {
    assert.deepEqual(settingsErrors(site({ "content/site.yaml": SETTINGS })), [
      "content/_data/site.yaml  the site settings file is missing, but content/site.yaml is there: the settings are read from the folder content/_data/ only → move content/site.yaml into content/_data/",
    ]);
    assert.deepEqual(settingsErrors(site({ "site.yml": SETTINGS })), [
      "content/_data/site.yaml  the site settings file is missing, but site.yml is there: the settings are read from the folder content/_data/ only → move site.yml into content/_data/ and rename it to site.yaml",
    ]);
  });

  it("nothing near: to create it, as before; another data file is not taken for it", () => {
    assert.deepEqual(settingsErrors(site({ "content/_data/links.yaml": "a: 1\n" })), [
      'content/_data/site.yaml  the site settings file is missing → create content/_data/site.yaml (see the README, section "Site settings")',
    ]);
  });
});

describe("a listed bibliography file that is not there", () => {
  const at = `content/_data/site.yaml:${LISTED_LINE}:${LISTED_COLUMN}  citations.bibliography  `;
  const problems = (files: Record<string, string>, listed = "content/bibliography.bib") => {
    const root = site({ "content/_data/site.yaml": SETTINGS.replace("- content/bibliography.bib", `- ${listed}`), ...files });
    return { root, told: loadSharedBibliography(root, [listed]).diagnostics.map(formatDiagnostic) };
  };

  it("named in other capitals: that file, at the settings' line and column, with both fixes", () => {
    const { told } = problems({ "content/Bibliography.bib": BIB });
    assert.deepEqual(told, [
      `${at}the bibliography file content/bibliography.bib was not found: the file is named content/Bibliography.bib, and file names must match in capitals and small letters (the computer that builds the site tells them apart) → rename content/Bibliography.bib to bibliography.bib, or write line ${LISTED_LINE} as \`    - content/Bibliography.bib\``,
    ]);
    // The example is never the missing path itself.
    assert.doesNotMatch(told[0]!, /e\.g\. content\/bibliography\.bib/);
  });

  it("with .txt added: the rename", () => {
    const { root, told } = problems({ "content/bibliography.bib.txt": BIB });
    assert.deepEqual(told, [
      `${at}the bibliography file content/bibliography.bib was not found, but content/bibliography.bib.txt is there: the editor that saved it added .txt to its name → rename content/bibliography.bib.txt to bibliography.bib (on Windows, turn on "File name extensions" in File Explorer's View menu to see the .txt; on a Mac, Get Info, Name & Extension)`,
    ]);
    renameSync(path.join(root, "content/bibliography.bib.txt"), path.join(root, "content/bibliography.bib"));
    const fixed = loadSharedBibliography(root, ["content/bibliography.bib"]);
    assert.deepEqual(fixed.diagnostics, []);
    assert.ok(fixed.entries.has("fox2013"));
  });

  it("saved as another kind (.json): the settings line naming it", () => {
    const json = JSON.stringify([{ id: "fox2013", type: "report", title: "Health online 2013", author: [{ family: "Fox", given: "Susannah" }], issued: { "date-parts": [[2013]] } }]);
    const { root, told } = problems({ "content/bibliography.json": json });
    assert.deepEqual(told, [`${at}the bibliography file content/bibliography.bib was not found, but content/bibliography.json is there → write line ${LISTED_LINE} as \`    - content/bibliography.json\``]);
    assert.deepEqual(loadSharedBibliography(root, ["content/bibliography.json"]).diagnostics, []);
  });

  it("written from content/ rather than from the site's folder: the path that is there", () => {
    const { root, told } = problems({ "content/bibliography.bib": BIB }, "bibliography.bib");
    const column = LISTED_COLUMN;
    assert.deepEqual(told, [
      `content/_data/site.yaml:${LISTED_LINE}:${column}  citations.bibliography  the bibliography file bibliography.bib was not found (looked for ${path.join(root, "bibliography.bib")}), but content/bibliography.bib is there: paths are written from the site's folder, the one holding content/ → write line ${LISTED_LINE} as \`    - content/bibliography.bib\``,
    ]);
  });

  it("nothing near: the bibliography file the site has, as the line to write", () => {
    const { root, told } = problems({ "content/refs/works.bib": BIB });
    assert.deepEqual(told, [
      `${at}the bibliography file content/bibliography.bib was not found (looked for ${path.join(root, "content/bibliography.bib")}) → put the file there, or write the path of the bibliography file the site has instead (content/refs/works.bib): write line ${LISTED_LINE} as \`    - content/refs/works.bib\``,
    ]);
  });

  it("none at all: to put it there or to delete the line, not an example path", () => {
    const { root, told } = problems({});
    assert.deepEqual(told, [
      `${at}the bibliography file content/bibliography.bib was not found (looked for ${path.join(root, "content/bibliography.bib")}) → put the bibliography file there (a .bib, CSL JSON or CSL YAML file, as a reference manager exports it), or, if the site needs no shared bibliography, delete line ${LISTED_LINE} of content/_data/site.yaml`,
    ]);
  });

  it("the site's own files, listed and there: nothing", () => {
    const root = site({ "content/_data/site.yaml": SETTINGS, "content/bibliography.bib": BIB });
    assert.deepEqual(loadSharedBibliography(root, ["content/bibliography.bib"]).diagnostics, []);
  });
});

describe("an empty listed bibliography file", () => {
  const warned = (file: string, text: string) => {
    const root = site({ "content/_data/site.yaml": SETTINGS.replace("- content/bibliography.bib", `- ${file}`), [file]: text });
    const { diagnostics, entries } = loadSharedBibliography(root, [file]);
    assert.equal(entries.size, 0);
    return diagnostics.map(formatDiagnostic);
  };

  it("with nothing in it (or only spaces): a warning, with what goes in it and the settings line", () => {
    const expected = `content/bibliography.bib:1:1  warning: the bibliography file content/bibliography.bib is empty, so no post can cite a work from it → put the works in it (BibTeX entries such as @article{smith2020, …}, as reference managers export them), or, if the site needs no shared bibliography, delete line ${LISTED_LINE} of content/_data/site.yaml`;
    assert.deepEqual(warned("content/bibliography.bib", ""), [expected]);
    assert.deepEqual(warned("content/bibliography.bib", "\ufeff \n\n"), [expected]);
  });

  it("holding no entry (a comment, an empty CSL JSON list): a warning too", () => {
    assert.deepEqual(warned("content/bibliography.bib", "% exported later\n"), [
      `content/bibliography.bib:1:1  warning: the bibliography file content/bibliography.bib holds no entries, so no post can cite a work from it → put the works in it (BibTeX entries such as @article{smith2020, …}, as reference managers export them), or, if the site needs no shared bibliography, delete line ${LISTED_LINE} of content/_data/site.yaml`,
    ]);
    assert.deepEqual(warned("content/refs.json", "[]\n"), [
      `content/refs.json:1:1  warning: the bibliography file content/refs.json holds no entries, so no post can cite a work from it → put the works in it (a CSL JSON list such as [{"id": "smith2020", …}], as reference managers export it), or, if the site needs no shared bibliography, delete line ${LISTED_LINE} of content/_data/site.yaml`,
    ]);
  });
});

describe("a citation whose key is only in a bibliography file the settings do not list", () => {
  const problem: Diagnostic = {
    severity: "error", file: "content/posts/2026-11-22-listening.md", line: 42, column: 134, field: "",
    message: `the citation [@fox2013] cites "fox2013", which is neither in this post's references nor in the shared bibliography`,
    fix: "add the work to `references:` (or to the shared bibliography); if this is not a citation, such as a social media handle, write \\@ instead of @",
  };
  const cited = [{ key: "fox2013", problem, source: "[@fox2013]" }];
  const FOX = "@report{fox2013,\n  author = {Fox, Susannah},\n  title = {Health Online 2013},\n  year = {2013}\n}\n";
  const IN_REFERENCES = `${problem.message}; it is in content/references.bib (line 3), which is not one of the site's bibliography files: only the files \`citations.bibliography\` lists in content/_data/site.yaml are read`;
  const told = (settings: string, listed: string[], files: Record<string, string> = { "content/references.bib": `% second file\n\n${FOX}` }) => {
    const root = site({ "content/_data/site.yaml": settings, "content/bibliography.bib": BIB.replace(/fox2013/g, "fox2013x"), ...files });
    return unresolvedCitationProblems(cited, [], { root, sharedBibliography: listed }).map((d) => [d.file, d.line, d.column, d.message, d.fix]);
  };

  it("settings listing files one per line: the file and line of the key, and the line to add after the last", () => {
    assert.deepEqual(told(SETTINGS, ["content/bibliography.bib"]), [[
      problem.file, 42, 134, IN_REFERENCES,
      `add the line \`    - content/references.bib\` to content/_data/site.yaml after line ${LISTED_LINE} (\`- content/bibliography.bib\`)`,
    ]]);
  });

  it("settings listing them on one line: that line as it should read", () => {
    const flow = SETTINGS.replace(/ {2}bibliography:.*\n {4}- content\/bibliography\.bib/, "  bibliography: [content/bibliography.bib]");
    const line = flow.split("\n").findIndex((l) => l.startsWith("  bibliography:")) + 1;
    assert.deepEqual(told(flow, ["content/bibliography.bib"])[0]!.slice(3), [
      IN_REFERENCES, `write line ${line} of content/_data/site.yaml as \`  bibliography: [content/bibliography.bib, content/references.bib]\``,
    ]);
  });

  it("settings with no `bibliography:` (or no `citations:`): the lines to add", () => {
    const withoutList = SETTINGS.replace(/ {2}bibliography:.*\n.*\n/, "");
    const citationsLine = withoutList.split("\n").indexOf("citations:") + 1;
    assert.deepEqual(told(withoutList, [])[0]!.slice(4), [
      `add the lines \`  bibliography:\` and \`    - content/references.bib\` to content/_data/site.yaml after line ${citationsLine} (\`citations:\`)`,
    ]);
    const withoutCitations = SETTINGS.replace(/citations:[\s\S]*?\n\n/, "");
    assert.deepEqual(told(withoutCitations, [])[0]!.slice(4), [
      "add these three lines at the end of content/_data/site.yaml: `citations:` (not indented), `  bibliography:` and `    - content/references.bib`",
    ]);
  });

  it("in an unlisted CSL JSON or CSL YAML file: found there too", () => {
    const json = `[\n  {\n    "id": "fox2013",\n    "type": "report"\n  }\n]\n`;
    assert.match(told(SETTINGS, ["content/bibliography.bib"], { "content/more/refs.json": json })[0]![3] as string, /; it is in content\/more\/refs\.json \(line 3\), which is not one of the site's bibliography files/);
    const yaml = "references:\n  - id: other\n  - id: fox2013\n    type: report\n";
    assert.match(told(SETTINGS, ["content/bibliography.bib"], { "content/refs.yaml": yaml })[0]![3] as string, /; it is in content\/refs\.yaml \(line 3\),/);
  });

  it("a key in no file, or only in a listed one, or only in the settings folder: the post's own error, as it was", () => {
    assert.deepEqual(told(SETTINGS, ["content/bibliography.bib"], {}), [[problem.file, 42, 134, problem.message, problem.fix]]);
    assert.deepEqual(told(SETTINGS, ["content/bibliography.bib", "content/references.bib"]), [[problem.file, 42, 134, problem.message, problem.fix]]);
    assert.deepEqual(told(SETTINGS, ["content/bibliography.bib"], { "content/_data/extra.yaml": "- id: fox2013\n" }), [[problem.file, 42, 134, problem.message, problem.fix]]);
  });
});

describe("invisible characters in a .bib number, by a post's rule", () => {
  const APA = { style: "apa", locale: "en-US" } as const;
  const article = (extra: string) => `@article{smith2020,\n  author = {Smith, Jo},\n  title = {A study},\n  journal = {BMJ},\n  year = {2020},\n  ${extra}\n}\n`;
  const apa = (item: CslItem) => {
    prepareEngine(APA as any);
    return formatBibliography([item], APA as any)[0]!.html.replace(/<[^>]+>/g, "");
  };
  const read = (extra: string) => parseBibliographyFile("refs.bib", article(extra));

  it("non-breaking spaces around a page range's dash: nothing, and the range prints as one", () => {
    for (const pages of ["442\u00a0--\u00a0450", "442\u202f--\u202f450", "44\u00a0--56"]) {
      const { diagnostics, entries } = read(`pages = {${pages}}`);
      assert.deepEqual(diagnostics, [], pages);
      assert.match(apa(entries[0]!.item), /BMJ, 44?2?–(?:450|56)\./);
    }
  });

  it("a byte order mark or a non-breaking space at a number's end: nothing (trimmed, as a space is)", () => {
    for (const extra of ["volume = {12\ufeff}", "volume = {\ufeff12}", "number = {4\u00a0}", 'number = "3\ufeff"']) {
      const { diagnostics, entries } = read(extra);
      assert.deepEqual(diagnostics, [], extra);
      assert.equal(entries.length, 1);
    }
    assert.match(apa(read("volume = {12\ufeff}").entries[0]!.item), /BMJ, 12\./);
  });

  it("a non-breaking space between two digits: still an error, said as such, and the fix reads back clean", () => {
    const { diagnostics, entries } = read("volume = {1\u00a06}");
    assert.equal(entries.length, 0);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'refs.bib:6:14  smith2020.volume  the number `1 6` in `volume` has a non-breaking space, U+00A0, between its digits at column 14: the citation style prints "1 6" and reads it as text, not as one number → delete it, so that line 6 reads `  volume = {16}` (or, if it stands between two numbers, write - for a range or a comma in its place)'.replace("the number", 'entry "smith2020": the number'),
    ]);
    const fixed = read("volume = {16}");
    assert.deepEqual(fixed.diagnostics, []);
    assert.match(apa(fixed.entries[0]!.item), /BMJ, 16\./);
  });

  it("a zero-width character anywhere in a number: an error naming what it does to the printed reference", () => {
    const { diagnostics } = read("pages = {442\u200b--450}");
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'refs.bib:6:15  smith2020.pages  entry "smith2020": the number `442--450` in `pages` has an invisible character in it (a zero-width space, U+200B, at column 15): BibTeX keeps it as part of the value, and the citation style then reads it as text, not as a number: a page range is printed as written, without the en dash and the "pp." the style gives a range → delete it, so that line 6 reads `  pages = {442--450}`',
    ]);
  });

  it("an @string used as a number: the same rule (a range's spaces pass, digits split do not)", () => {
    const withString = (value: string) => `@string{vol = "${value}"}\n${article("volume = vol")}`;
    assert.deepEqual(parseBibliographyFile("refs.bib", withString("12\u00a0--\u00a013")).diagnostics, []);
    const [d, ...rest] = parseBibliographyFile("refs.bib", withString("1\u00a06")).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual([d!.severity, d!.line, d!.column, d!.field], ["error", 1, 17, "@string.vol"]);
  });

  it("the identifiers keep theirs: a non-breaking space in a year is still an error", () => {
    const { diagnostics } = parseBibliographyFile("refs.bib", article("").replace("year = {2020}", "year = {20\u00a020}"));
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.field]), [["error", 5, "smith2020.year"]]);
  });
});
