// The check keeps the settings' style and locale problems in a record (lib/validation-cache.ts
// siteRecordKey). What they say depends on more than the settings' values: the line they are
// written on, and the style and locale files the site holds, which a "did you mean" names.
// A record of another text or other files is never served.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, PROJECT, runScript, testFileCache } from "../helpers/build-site.ts";

const ENV = { CHATPOST_CACHE_DIR: testFileCache("sr") };
const SETTINGS = "content/_data/site.yaml";
const said = (r: { stdout: string; stderr: string }) => `${r.stdout}${r.stderr}`;
/** The check's one line about the settings file. */
async function settingsLine(root: string): Promise<string> {
  const check = await runScript("check", root, [], ENV);
  assert.equal(check.code, 1, said(check));
  const lines = said(check).split("\n").filter((l) => l.startsWith(SETTINGS));
  assert.equal(lines.length, 1, said(check));
  return lines[0]!;
}

describe("the settings' style and locale problems, from records", () => {
  const roots: string[] = [];
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const site = (change: (settings: string) => string) => {
    const root = copySite(FIXTURE_SITE);
    roots.push(root);
    const file = path.join(root, SETTINGS);
    writeFileSync(file, change(readFileSync(file, "utf8")));
    return root;
  };

  it("names the line the style is on now, after a line was added above it", async () => {
    const root = site((s) => s.replace("style: apa ", "style: nature"));
    const before = await settingsLine(root);
    assert.match(before, /^content\/_data\/site\.yaml:19:3  citations\.style  "nature" is not a citation style chatpost knows/);
    const file = path.join(root, SETTINGS);
    writeFileSync(file, `# A comment above everything\n${readFileSync(file, "utf8")}`);
    assert.match(await settingsLine(root), /^content\/_data\/site\.yaml:20:3  citations\.style  "nature"/);
  });

  it("names a style file once the site has it, and not for a site without it", async () => {
    const without = site((s) => s.replace("style: apa ", "style: nature"));
    assert.doesNotMatch(await settingsLine(without), /styles\/nature\.csl\?/);
    const withFile = site((s) => s.replace("style: apa ", "style: nature"));
    mkdirSync(path.join(withFile, "styles"));
    copyFileSync(path.join(PROJECT, "styles/nature.csl"), path.join(withFile, "styles/nature.csl"));
    assert.match(await settingsLine(withFile), / → did you mean styles\/nature\.csl\? write style: styles\/nature\.csl$/);
    // The first site, checked again, still has no such file to offer.
    assert.doesNotMatch(await settingsLine(without), /styles\/nature\.csl\?/);
  });

  it("offers a locale file the site already holds instead of telling to download it", async () => {
    const root = site((s) => s.replace("locale: en-US", "locale: en-GB"));
    assert.match(await settingsLine(root), /save locales-en-GB\.xml from https:\/\/github\.com\/citation-style-language\/locales/);
    mkdirSync(path.join(root, "locales"));
    copyFileSync(path.join(PROJECT, "locales/locales-en-GB.xml"), path.join(root, "locales/locales-en-GB.xml"));
    const line = await settingsLine(root);
    assert.match(line, / → did you mean locales\/locales-en-GB\.xml\? write locale: locales\/locales-en-GB\.xml$/);
    assert.doesNotMatch(line, /save locales-en-GB\.xml/);
  });
});
