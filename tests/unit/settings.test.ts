// Unit tests of the site settings: defaults, validation and positioned messages.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { parseSettings } from "../../lib/settings.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { PROJECT } from "../helpers/build-site.ts";
import { MINIMAL_SETTINGS } from "../helpers/settings-text.ts";

const VALID = MINIMAL_SETTINGS;

describe("parseSettings", () => {
  it("fills in defaults and normalises the base URL", () => {
    const { settings, diagnostics } = parseSettings(VALID);
    assert.deepEqual(diagnostics, []);
    assert.equal(settings!.url, "https://example.org/");
    assert.equal(settings!.pathPrefix, "/");
    assert.deepEqual(settings!.citations, { style: "apa", locale: "en-US", bibliography: [] });
    assert.equal(settings!.postsPerPage, 20);
  });

  it("says in words how big a number may be, not in zod's", () => {
    const { diagnostics } = parseSettings(`${VALID}postsPerPage: 500\nfeedSize: 0\n`);
    assert.deepEqual(
      diagnostics.map((d) => [d.field, d.line, d.message, d.fix]),
      [
        ["postsPerPage", 14, "500 is too big: the largest allowed here is 200", "use 200 or less"],
        ["feedSize", 15, "0 is too small: the smallest allowed here is 1", "use 1 or more"],
      ],
    );
  });

  it("reports each bad field with its line, and suggests the IANA zone", () => {
    const text = VALID.replace("zone: America/New_York", "zone: EST").replace('time: "20:30"', 'time: "8:30pm"').replace("weekday: tuesday", "weekday: tuseday");
    const { settings, diagnostics } = parseSettings(text);
    assert.equal(settings, undefined);
    const byField = new Map(diagnostics.map((d) => [d.field, d]));
    assert.equal(byField.get("chat.time")?.line, 9);
    assert.equal(byField.get("chat.weekday")?.line, 8);
    assert.match(formatDiagnostic(byField.get("chat.weekday")!), /content\/_data\/site\.yaml:8:3  chat\.weekday/);
    assert.equal(byField.get("chat.zone")?.line, 7);
    assert.match(byField.get("chat.zone")!.fix!, /America\/New_York/);
  });

  it("rejects an unknown field with a suggestion", () => {
    const { diagnostics } = parseSettings(VALID + "titel: X\n");
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.field, "titel");
    assert.equal(diagnostics[0]!.fix, "did you mean `title`?");
  });

  it("reports YAML syntax errors with their line, and the other fields' problems with them", () => {
    const { diagnostics } = parseSettings('title: "unclosed\ndescription: D\n');
    assert.match(diagnostics[0]!.message, /never closed/);
    assert.equal(diagnostics[0]!.line, 1);
    assert.equal(diagnostics[0]!.field, "title");
    // The fields below the broken line are read on their own: the ones missing are told in the same run, the broken one is not.
    assert.deepEqual(diagnostics.slice(1).map((d) => d.field), ["url", "language", "author", "chat"]);
    const valid = parseSettings(VALID.replace("title: T", 'title: "unclosed'));
    assert.deepEqual(valid.diagnostics.map((d) => [d.line, d.field]), [[1, "title"]]);
  });
});

describe("shareImage.fonts", () => {
  const withFonts = (...fonts: string[]) => `${VALID}shareImage:\n  fonts:\n${fonts.map((f) => `    - ${f}\n`).join("")}`;
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-settings-"));
  mkdirSync(path.join(root, "fonts"));
  copyFileSync(path.join(PROJECT, "fonts/DejaVuSans.ttf"), path.join(root, "fonts/Extra.ttf"));
  writeFileSync(path.join(root, "fonts/Web.woff2"), Buffer.from("wOF2\x00\x01\x00\x00 rest of a web font"));
  writeFileSync(path.join(root, "fonts/readme.txt"), "not a font");

  it("adds no font by default", () => {
    assert.deepEqual(parseSettings(VALID, undefined, root).settings!.shareImage, { fonts: [] });
  });

  it("takes TrueType and OpenType files from the site's folder", () => {
    const { settings, diagnostics } = parseSettings(withFonts("fonts/Extra.ttf"), undefined, root);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(settings!.shareImage.fonts, ["fonts/Extra.ttf"]);
  });

  it("reports a missing file, a WOFF2 and a file that is no font at their line, with the fix", () => {
    const { settings, diagnostics } = parseSettings(withFonts("fonts/Extra.ttf", "fonts/NotoSansJP-Regular.ttf", "fonts/Web.woff2", "fonts/readme.txt"), undefined, root);
    assert.equal(settings, undefined);
    const lines = diagnostics.map(formatDiagnostic);
    assert.equal(lines.length, 3);
    assert.equal(
      lines[0],
      `content/_data/site.yaml:17:7  shareImage.fonts[1]  the font file fonts/NotoSansJP-Regular.ttf was not found (looked for ${path.join(root, "fonts/NotoSansJP-Regular.ttf")}) → put the font file there, or give its path from the site's folder (the one holding content/), e.g. fonts/NotoSansJP-Regular.ttf`,
    );
    assert.equal(
      lines[1],
      "content/_data/site.yaml:18:7  shareImage.fonts[2]  fonts/Web.woff2 is a WOFF2 file (a compressed web font): the share images can only use TrueType (.ttf) or OpenType (.otf) fonts → use the font's .ttf or .otf file instead (the download from fonts.google.com has them, e.g. NotoSansJP-Regular.ttf) and write its path, e.g. fonts/NotoSansJP-Regular.ttf",
    );
    assert.match(lines[2]!, /^content\/_data\/site\.yaml:19:7  shareImage\.fonts\[3\]  fonts\/readme\.txt is not a font file: /);
  });

  it("checks the files only when it knows the site's folder", () => {
    assert.deepEqual(parseSettings(withFonts("fonts/NotoSansJP-Regular.ttf")).diagnostics, []);
  });

  it("rejects an unknown field under shareImage", () => {
    const { diagnostics } = parseSettings(`${VALID}shareImage:\n  font: [fonts/Extra.ttf]\n`, undefined, root);
    assert.equal(diagnostics[0]!.field, "shareImage.font");
    assert.equal(diagnostics[0]!.fix, "did you mean `fonts`?");
  });
});
