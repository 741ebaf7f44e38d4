// Citation keys that nearly name a reference get the id meant, with the citation rewritten,
// and that rewrite, applied as written, checks clean:
// - a year written apart from its key ("[@fox 2013]"), the start of an id ("[@fox]");
// - an id that a key without braces cannot hold (a Zotero item URI), and a key made of the
//   author and year of a work whose id is such a URI ("@garcia2019");
// - what the style prints already, written again: the work's year as a locator, "et al.".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { SharedBibliography } from "../../lib/bibliography.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { resolvePostCitations } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2020-01-07-near.md";
const NOT_HELD = "which is neither in this post's references nor in the shared bibliography";
const ZOTERO = "http://zotero.org/users/1234/items/ABCD1234";

function post(frontMatter: string, body: string) {
  const result = loadPost(FILE, `---\ntitle: T\ndate: 2020-01-07\n${frontMatter}\n---\n${body}`, { settings, root: "/nowhere", fileExists: () => false });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error"), []);
  return result.post!;
}

const entry = (id: string, family: string, year: number, more: string[] = []) => ({
  file: "content/bibliography.bib", line: 1,
  item: { id, type: "book", title: `Work of ${family}`, author: [{ family, given: "Ann" }, ...more.map((f) => ({ family: f, given: "Bo" }))], issued: { "date-parts": [[year]] } },
});
const bibliography = (...entries: ReturnType<typeof entry>[]): SharedBibliography => ({ entries: new Map(entries.map((e) => [e.item.id, e])), diagnostics: [] });
const shared = bibliography(entry("fox2013", "Fox", 2013), entry("moorhead2013", "Moorhead", 2013, ["Hazlett", "Harrison"]), entry("eysenbach2008", "Eysenbach", 2008));
const zotero = `references:\n  - {id: "${ZOTERO}", type: book, title: Zotero item, author: "García, Ana", issued: 2019}`;

/** The one diagnostic of `body`, with the citations its fix suggests, each applied in place of `written`. */
function told(frontMatter: string, body: string, written: string, bib = shared): { d: Diagnostic; rewrites: string[] } {
  const ds = resolvePostCitations(post(frontMatter, body), bib).diagnostics;
  assert.equal(ds.length, 1, JSON.stringify(ds));
  return { d: ds[0]!, rewrites: [...(ds[0]!.fix ?? "").matchAll(/`([^`]+)`/g)].map((m) => body.replace(written, m[1]!)) };
}

/** Each body checks without any error or warning. */
function clean(frontMatter: string, bodies: string[], bib = shared): void {
  assert.ok(bodies.length);
  for (const body of bodies) assert.deepEqual(resolvePostCitations(post(frontMatter, body), bib).diagnostics, [], body);
}

describe("a year written apart from its key", () => {
  it("[@fox 2013]: did you mean @fox2013, and the citation rewritten checks clean", () => {
    const { d, rewrites } = told("", "Online [@fox 2013].\n", "[@fox 2013]");
    assert.equal(d.severity, "error");
    assert.equal(d.message, `the citation [@fox 2013] cites "fox", ${NOT_HELD}; the year "2013" is written apart from the key, so it is read as a page number`);
    assert.equal(d.fix, "did you mean @fox2013? write `[@fox2013]`");
    clean("", rewrites);
  });

  it("with a comma, among other works, in other capitals, and a locator after it", () => {
    const { d, rewrites } = told("", "Read [see @Moorhead, 2013, p. 4; @fox2013].\n", "[see @Moorhead, 2013, p. 4; @fox2013]");
    assert.equal(d.fix, "did you mean @moorhead2013? write `[see @moorhead2013, p. 4; @fox2013]`");
    clean("", rewrites);
  });

  it("for a key in the post's own references too", () => {
    const own = "references:\n  - {id: hung2021, type: book, title: Care, author: \"Hung, Mei\", issued: 2021}";
    const { d, rewrites } = told(own, "[@hung 2021]\n", "[@hung 2021]");
    assert.equal(d.fix, "did you mean @hung2021? write `[@hung2021]`");
    clean(own, rewrites);
  });
});

describe("the start of an id", () => {
  it("[@fox] with one id starting so: that one", () => {
    const { d, rewrites } = told("", "[@fox]\n", "[@fox]");
    assert.equal(d.message, `the citation [@fox] cites "fox", ${NOT_HELD}; "fox" is the start of the reference id "fox2013"`);
    assert.equal(d.fix, "did you mean @fox2013? write `[@fox2013]`");
    clean("", rewrites);
  });

  it("[@fox] with a few: each listed, each rewrite clean", () => {
    const few = bibliography(entry("fox2013", "Fox", 2013), entry("fox2015", "Fox", 2015), entry("foxman2019", "Foxman", 2019));
    const { d, rewrites } = told("", "[@fox]\n", "[@fox]", few);
    // An id that goes on with letters ("foxman2019") is another author's, left out when ids with a year are there.
    assert.equal(d.message, `the citation [@fox] cites "fox", ${NOT_HELD}; the reference ids "fox2013" and "fox2015" start with "fox"`);
    assert.equal(d.fix, "did you mean @fox2013 or @fox2015? write `[@fox2013]` or `[@fox2015]`");
    assert.equal(rewrites.length, 2);
    clean("", rewrites, few);
  });

  it("with too many ids starting so, no guess", () => {
    const many = bibliography(...[2010, 2011, 2012, 2013, 2014, 2015].map((y) => entry(`fox${y}`, "Fox", y)));
    const [d] = resolvePostCitations(post("", "[@fox]\n"), many).diagnostics;
    assert.equal(d!.message, `the citation [@fox] cites "fox", ${NOT_HELD}`);
    assert.match(d!.fix ?? "", /^add the work to `references:`/);
  });

  it("@fox in a sentence may be a social media handle: says so too", () => {
    const { d, rewrites } = told("", "Ask @fox about it.\n", "@fox");
    assert.equal(d.fix, "did you mean @fox2013? write `@fox2013`; if this is not a citation, such as a social media handle, write \\@ instead of @");
    clean("", [rewrites[0]!, "Ask \\@fox about it.\n"]);
  });

  it("a key in other capitals is still told as such", () => {
    const [d] = resolvePostCitations(post("", "[@Fox2013]\n"), shared).diagnostics;
    assert.equal(d!.message, 'the citation [@Fox2013] cites "Fox2013", but the reference id is "fox2013": ids must match in capitals and small letters');
    assert.equal(d!.fix, "write `[@fox2013]`");
  });

  it("in nocite", () => {
    const [d] = resolvePostCitations(post('nocite: ["@fox"]', "Body.\n"), shared).diagnostics;
    assert.equal(d!.field, "nocite[0]");
    assert.equal(d!.fix, "did you mean @fox2013? replace @fox with @fox2013");
    clean('nocite: ["@fox2013"]', ["Body.\n"]);
  });
});

describe("an id that a key without braces cannot hold", () => {
  it("a Zotero item URI: write it in braces", () => {
    const written = `[@${ZOTERO}]`;
    const { d, rewrites } = told(zotero, `As found ${written}.\n`, written);
    assert.equal(d.message, `the citation ${written} cites "http", ${NOT_HELD}; the reference id is "${ZOTERO}", but a key written without braces ends before "://"`);
    assert.equal(d.fix, `write the id in braces: \`[@{${ZOTERO}}]\``);
    clean(zotero, rewrites);
  });

  it("@garcia2019 for the one García work of 2019, whose id is a URI", () => {
    const { d, rewrites } = told(zotero, "As @garcia2019 found.\n", "@garcia2019");
    assert.equal(d.message, `the citation @garcia2019 cites "garcia2019", ${NOT_HELD}; the work by García from 2019 has the id "${ZOTERO}", which is written in braces after @, as it holds characters a key without braces cannot`);
    assert.equal(d.fix, `did you mean @{${ZOTERO}}? write \`@{${ZOTERO}}\``);
    clean(zotero, rewrites);
  });

  it("in nocite", () => {
    const [d] = resolvePostCitations(post(`${zotero}\nnocite: ["@${ZOTERO}"]`, "Body.\n"), shared).diagnostics;
    assert.equal(d!.field, "nocite[0]");
    assert.equal(d!.fix, `write the id in braces: replace @${ZOTERO} with @{${ZOTERO}}`);
    clean(`${zotero}\nnocite: ["@{${ZOTERO}}"]`, ["Body.\n"]);
  });

  it("a URI mistyped: the nearest such id", () => {
    const written = `[@${ZOTERO.slice(0, -1)}X]`;
    const { d, rewrites } = told(zotero, `${written}\n`, written);
    assert.equal(d.fix, `did you mean @{${ZOTERO}}? write \`[@{${ZOTERO}}]\``);
    clean(zotero, rewrites);
  });
});

describe("what the style prints already, written again", () => {
  it("the work's year as a locator: a warning, with the citation without it and with an explicit page", () => {
    const { d, rewrites } = told("", "Early [@eysenbach2008, 2008].\n", "[@eysenbach2008, 2008]");
    assert.equal(d.severity, "warning");
    assert.equal(d.message, 'the citation [@eysenbach2008, 2008] gives 2008, the year of @eysenbach2008, where a page number goes: it prints as a page ("p. 2008"), and the style prints the year by itself');
    assert.equal(d.fix, "write `[@eysenbach2008]` (for page 2008 of the work, write `[@eysenbach2008, p. 2008]`)");
    clean("", rewrites);
  });

  it("after a narrative citation, in brackets", () => {
    const { d, rewrites } = told("", "As @eysenbach2008 [2008] said.\n", "@eysenbach2008 [2008]");
    assert.equal(d.fix, "write `@eysenbach2008` (for page 2008 of the work, write `@eysenbach2008 [p. 2008]`)");
    clean("", rewrites);
  });

  it("another number is a page as written", () => {
    clean("", ["[@eysenbach2008, 2009]\n", "[@eysenbach2008, p. 2008]\n"]);
  });

  it('"et al." after a key in brackets', () => {
    const { d, rewrites } = told("", "Reviewed [@moorhead2013 et al.].\n", "[@moorhead2013 et al.]");
    assert.equal(d.severity, "warning");
    assert.equal(d.message, 'the citation [@moorhead2013 et al.] has "et al." after its key, which prints after the year: the style writes "et al." itself when a work has more authors than it names');
    assert.equal(d.fix, "write `[@moorhead2013]`");
    clean("", rewrites);
  });

  it('"et al." after a narrative citation, and before a locator', () => {
    const narrative = told("", "As @moorhead2013 et al. found.\n", "@moorhead2013 et al.");
    assert.equal(narrative.d.message, 'the citation @moorhead2013 is followed by "et al.", which then prints after the year: the style writes "et al." itself when a work has more authors than it names');
    assert.equal(narrative.d.fix, "write `@moorhead2013` in place of `@moorhead2013 et al.`");
    clean("", [narrative.rewrites[0]!]);
    const located = told("", "[@moorhead2013 et al., p. 3]\n", "[@moorhead2013 et al., p. 3]");
    assert.equal(located.d.fix, "write `[@moorhead2013, p. 3]`");
    clean("", located.rewrites);
  });
});
