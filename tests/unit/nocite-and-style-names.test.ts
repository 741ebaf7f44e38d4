// `nocite:` in pandoc's own text form ("@*", "@item1, @item2"), read into the list the
// list form gives, with every nocite fix working when applied as written; and near-miss
// style and locale names in the settings (`harvard`, `APA`, `nature`, `en-GB`, `de`),
// answered with the exact value to write.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import type { SharedBibliography } from "../../lib/bibliography.ts";
import { BUILT_IN_LOCALES, resolveCitationStyle } from "../../lib/citation-styles.ts";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { resolvePostCitations } from "../../lib/post-citations.ts";
import { loadPost, type LoadContext, type LoadResult } from "../../lib/post-loader.ts";
import { nociteTextItems } from "../../lib/post-schema.ts";
import { parseSettings } from "../../lib/settings.ts";
import { PROJECT } from "../helpers/build-site.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
const FILE = "content/posts/2020-01-07-listed.md";
const HEAD = ["title: T", "date: 2020-01-07"];

const load = (lines: readonly string[]): LoadResult => loadPost(FILE, `---\n${[...HEAD, ...lines].join("\n")}\n---\nBody.\n`, ctx);
/** `line:column  field  message → fix`, without the file name. */
const told = (lines: readonly string[]) => load(lines).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
/** The post's nocite list, after checking that it loads without a problem. */
function nocite(lines: readonly string[]): string[] {
  const result = load(lines);
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  return result.post!.nocite;
}
/** The YAML a fix tells the writer to write, from `marker` (e.g. "nocite: ") to the end or the next option ("; if not, …"). */
function written(fix: string, marker: string, from = 0): string {
  const at = fix.indexOf(marker, from);
  assert.ok(at >= 0, `"${marker}" in: ${fix}`);
  const end = /; (if not|or remove)|,? or nocite: | in place of/.exec(fix.slice(at + marker.length));
  return fix.slice(at, end ? at + marker.length + end.index : undefined);
}

const shared: SharedBibliography = {
  entries: new Map([
    ["xu2001", { file: "content/bibliography.yaml", line: 1, item: { id: "xu2001", type: "book", title: "Shared", author: [{ family: "Xu", given: "Ann" }], issued: { "date-parts": [[2001]] } } }],
    ["roe2010", { file: "content/bibliography.yaml", line: 5, item: { id: "roe2010", type: "book", title: "Listed", author: [{ family: "Roe", given: "Rob" }], issued: { "date-parts": [[2010]] } } }],
  ]),
  diagnostics: [],
};
const resolvedIds = (lines: readonly string[]) => {
  const result = load(lines);
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  const resolved = resolvePostCitations(result.post!, shared);
  assert.deepEqual(resolved.diagnostics, []);
  return resolved.items.map((item) => item.id);
};

describe("nocite written as text, as pandoc documents it", () => {
  it('`nocite: "@*"` is the list ["@*"]: every shared entry, as in list form', () => {
    assert.deepEqual(nocite(['nocite: "@*"']), ["@*"]);
    assert.deepEqual(resolvedIds(['nocite: "@*"']), ["xu2001", "roe2010"]);
    assert.deepEqual(resolvedIds(['nocite: "@*"']), resolvedIds(['nocite: ["@*"]']));
  });

  it("`nocite: |` with keys separated by commas, the same list as one key per line", () => {
    const text = nocite(["nocite: |", "  @xu2001, @roe2010"]);
    assert.deepEqual(text, ["@xu2001", "@roe2010"]);
    assert.deepEqual(text, nocite(["nocite:", '  - "@xu2001"', '  - "@roe2010"']));
    assert.deepEqual(resolvedIds(["nocite: |", "  @xu2001, @roe2010"]), ["xu2001", "roe2010"]);
  });

  it("commas, semicolons, spaces and line breaks separate keys; braces hold a key of any form", () => {
    assert.deepEqual(nociteTextItems("@a, @b; @c  @d\n@e"), ["@a", "@b", "@c", "@d", "@e"]);
    assert.deepEqual(nocite(['nocite: "@smith2019; @who2021 @{https://example.org/report, 2}"']), ["@smith2019", "@who2021", "@{https://example.org/report, 2}"]);
    // As pandoc reads a citation in brackets, and as YAML's own fixes leave the text.
    assert.deepEqual(nocite(['nocite: "[@xu2001; @roe2010]"']), ["@xu2001", "@roe2010"]);
  });

  it("an item of the text that is not @key is named, and either fix loads the post", () => {
    const [d, ...rest] = load(['nocite: "@xu2001 and roe2010"']).diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(d!.field, "nocite");
    assert.equal(d!.line, 4);
    assert.equal(d!.message, 'nocite lists "and" and "roe2010", which are not citation keys (a key is written with @, as in "@smith2019")');
    assert.equal(d!.fix, 'if they are keys, write the field as nocite: "@xu2001, @and, @roe2010"; if not, write the field as nocite: "@xu2001"');
    assert.deepEqual(nocite([written(d!.fix!, "nocite: ")]), ["@xu2001", "@and", "@roe2010"]);
    assert.deepEqual(nocite([written(d!.fix!, "nocite: ", d!.fix!.indexOf("if not"))]), ["@xu2001"]);
  });

  it("a key's trailing period goes; a word that is no key is only removed", () => {
    assert.deepEqual(told(['nocite: "@xu2001."']), ['4:1  nocite  nocite lists "@xu2001.", which is not a citation key (a key is written with @, as in "@smith2019") → write the field as nocite: "@xu2001"']);
    const [d] = load(['nocite: "@xu2001, (see)"']).diagnostics;
    assert.equal(d!.fix, 'write the field as nocite: "@xu2001"');
    const [alone] = load(['nocite: "roe2010"']).diagnostics;
    assert.equal(alone!.fix, 'if "roe2010" is a key, write the field as nocite: "@roe2010"; if not, remove the field');
    assert.deepEqual(nocite([written(alone!.fix!, "nocite: ")]), ["@roe2010"]);
  });

  it("a text of several lines: its one-line fix replaces them", () => {
    const [d] = load(["nocite: |", "  @xu2001,", "  roe2010"]).diagnostics;
    assert.equal(d!.fix, 'if "roe2010" is a key, write the field as nocite: "@xu2001, @roe2010" in place of its lines; if not, write the field as nocite: "@xu2001" in place of its lines');
    assert.deepEqual(nocite(['nocite: "@xu2001, @roe2010"']), ["@xu2001", "@roe2010"]);
  });

  it("empty text says what to write", () => {
    assert.deepEqual(told(['nocite: ""']), ['4:1  nocite  nocite holds no citation key → write the keys with @, in quotes, e.g. nocite: "@smith2019, @who2021", or nocite: "@*" for every entry of the shared bibliography; or remove the field']);
  });

  it("a post with other errors still has its text-form keys checked against the bibliography", () => {
    const result = load(["draft: maybe", 'nocite: "@xu2001, @roe2010"']);
    assert.ok(result.diagnostics.some((d) => d.field === "draft"));
    assert.deepEqual(result.citing!.nocite, ["@xu2001", "@roe2010"]);
  });
});

describe("every nocite fix works when applied as written", () => {
  /** The one diagnostic `lines` give, and the line its fix says to write (from `marker`). */
  function fixOf(lines: readonly string[], marker: string): { d: Diagnostic; line: string } {
    const diagnostics = load(lines).diagnostics;
    assert.equal(diagnostics.length, 1, diagnostics.map(formatDiagnostic).join("\n"));
    return { d: diagnostics[0]!, line: written(diagnostics[0]!.fix!, marker) };
  }

  it('`- @*` and `- @smith2019` in a list: `- "@*"`, which loads', () => {
    for (const key of ["@*", "@xu2001"]) {
      const { line } = fixOf(["nocite:", `  - ${key}`], "- ");
      assert.equal(line, `- "${key}"`);
      assert.deepEqual(nocite(["nocite:", `  ${line}`]), [key]);
    }
  });

  it("`nocite: @*` and `nocite: @a, @b` unquoted: the quoted text, which now loads", () => {
    assert.deepEqual(nocite([fixOf(["nocite: @*"], "nocite: ").line]), ["@*"]);
    assert.deepEqual(nocite([fixOf(["nocite: @xu2001, @roe2010"], "nocite: ").line]), ["@xu2001", "@roe2010"]);
    assert.deepEqual(nocite([fixOf(["nocite: @xu2001; @roe2010"], "nocite: ").line]), ["@xu2001", "@roe2010"]);
  });

  it("`nocite: [@a, @b]` unquoted: YAML's fix quotes the whole, which reads as pandoc's bracketed text", () => {
    const { line } = fixOf(["nocite: [@xu2001, @roe2010]"], "nocite: ");
    assert.deepEqual(nocite([line]), ["@xu2001", "@roe2010"]);
  });

  it("a number or true/false as a key: in quotes with its @, one per line or in brackets", () => {
    const { d, line } = fixOf(["nocite:", "  - 2019"], "- ");
    assert.equal(d.fix, 'put it in quotes, with its @: - "@2019"');
    assert.deepEqual(nocite(["nocite:", `  ${line}`]), ["@2019"]);
    const flow = load(["nocite: [2026, true, 3.5]"]).diagnostics;
    assert.equal(flow.length, 3);
    for (const problem of flow) assert.equal(written(problem.fix!, "`nocite: ").slice(1, -1), 'nocite: ["@2026", "@true", "@3.5"]');
    assert.deepEqual(nocite(['nocite: ["@2026", "@true", "@3.5"]']), ["@2026", "@true", "@3.5"]);
  });

  it("a number or a group in place of the keys: the keys with @, in quotes", () => {
    const number = fixOf(["nocite: 2019"], "nocite: ");
    assert.equal(number.d.message, "expected citation keys, found a number");
    assert.deepEqual(nocite([number.line]), ["@2019"]);
    const group = fixOf(["nocite: {xu2001: 1}"], "e.g. ");
    assert.deepEqual(nocite([group.line.replace(/^e\.g\. /, "")]), ["@smith2019", "@who2021"]);
  });

  it("every fix a nocite problem gives is YAML that loads (no fix starts an item with a bare @)", () => {
    const cases = [['nocite: "@*"'], ["nocite: @*"], ["nocite:", "  - @*"], ['nocite: "smith"'], ["nocite: 2019"], ["nocite:", "  - 2019"], ["nocite: true"]];
    for (const lines of cases) {
      for (const d of load(lines).diagnostics) assert.doesNotMatch(d.fix ?? "", /(- |nocite: )@/, d.fix);
    }
  });
});

describe("near-miss citation style and locale names in the settings", () => {
  const resolve = (style: string, locale: string, root = PROJECT) => resolveCitationStyle(root, { style, locale, bibliography: [] });
  /** The fix for `field`, and that the value it says to write resolves. */
  function meant(field: "style" | "locale", written: string, root = PROJECT): string {
    const { diagnostics } = field === "style" ? resolve(written, "en-US", root) : resolve("apa", written, root);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.field, `citations.${field}`);
    const fix = diagnostics[0]!.fix!;
    const value = new RegExp(`write ${field}: (\\S+)$`).exec(fix)?.[1];
    assert.ok(value, fix);
    const fixed = field === "style" ? resolve(value, "en-US", root) : resolve("apa", value, root);
    assert.deepEqual(fixed.diagnostics, [], `${written} → ${value}`);
    return fix;
  }

  it("styles: harvard, APA, nature, a .csl name without its folder, a slip of the pen", () => {
    assert.equal(meant("style", "harvard"), "did you mean harvard1? write style: harvard1");
    assert.equal(meant("style", "APA"), "did you mean apa? write style: apa");
    assert.equal(meant("style", "nature"), "did you mean styles/nature.csl? write style: styles/nature.csl");
    assert.equal(meant("style", "Nature.csl"), "did you mean styles/nature.csl? write style: styles/nature.csl");
    assert.equal(meant("style", "styles/natur.csl"), "did you mean styles/nature.csl? write style: styles/nature.csl");
    assert.equal(meant("style", "vancover"), "did you mean vancouver? write style: vancouver");
    assert.equal(meant("style", "apa7"), "did you mean apa? write style: apa");
  });

  it("locales: en-GB and en_gb with the site's file, de, German", () => {
    assert.equal(meant("locale", "en-GB"), "did you mean locales/locales-en-GB.xml? write locale: locales/locales-en-GB.xml");
    assert.equal(meant("locale", "en_gb"), "did you mean locales/locales-en-GB.xml? write locale: locales/locales-en-GB.xml");
    assert.equal(meant("locale", "locales-en-GB.xml"), "did you mean locales/locales-en-GB.xml? write locale: locales/locales-en-GB.xml");
    assert.equal(meant("locale", "de"), "did you mean de-DE? write locale: de-DE");
    assert.equal(meant("locale", "de_DE"), "did you mean de-DE? write locale: de-DE");
    assert.equal(meant("locale", "German"), "did you mean de-DE? write locale: de-DE");
  });

  it("`en` has two answers, each a value that resolves", () => {
    const [d] = resolve("apa", "en").diagnostics;
    assert.equal(d!.fix, "did you mean locales/locales-en-GB.xml or en-US? write locale: locales/locales-en-GB.xml or locale: en-US");
    for (const value of ["locales/locales-en-GB.xml", "en-US"]) assert.deepEqual(resolve("apa", value).diagnostics, []);
  });

  it("other styles are not mistaken for apa: ama, mla and chicago get the list", () => {
    for (const style of ["ama", "mla", "chicago"]) assert.match(resolve(style, "en-US").diagnostics[0]!.fix!, /^use apa, vancouver, harvard1, or the path of a \.csl file/);
  });

  it("without the site's files: nature gets the list, en-GB the file to save and the line that names it", () => {
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-names-"));
    mkdirSync(path.join(root, "content/_data"), { recursive: true });
    writeFileSync(path.join(root, "content/_data/site.yaml"), "title: T\ncitations:\n  style: nature\n  locale: en-GB\n");
    const { diagnostics } = resolve("nature", "en-GB", root);
    assert.match(diagnostics[0]!.fix!, /^use apa, vancouver, harvard1/);
    assert.equal(diagnostics[1]!.fix, "save locales-en-GB.xml from https://github.com/citation-style-language/locales in the site's locales/ folder and write locale: locales/locales-en-GB.xml, or use one of the built-in locales: en-US, de-DE, es-ES, fr-FR, nl-NL");
    // Done as it says (the project's copy standing in for the download), the value resolves.
    mkdirSync(path.join(root, "locales"));
    cpSync(path.join(PROJECT, "locales/locales-en-GB.xml"), path.join(root, "locales/locales-en-GB.xml"));
    assert.deepEqual(resolve("apa", "locales/locales-en-GB.xml", root).diagnostics, []);
    assert.equal(meant("style", "nature", PROJECT), "did you mean styles/nature.csl? write style: styles/nature.csl");
  });

  it("a locale registered from a file is still no built-in name: `en-GB` is refused in every run alike", () => {
    assert.deepEqual(resolve("apa", "locales/locales-en-GB.xml").diagnostics, []);
    assert.equal(resolve("apa", "en-GB").diagnostics.length, 1);
    for (const locale of BUILT_IN_LOCALES) assert.deepEqual(resolve("apa", locale).diagnostics, [], locale);
  });
});
