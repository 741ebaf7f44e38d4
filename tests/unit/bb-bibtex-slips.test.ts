// Slips a fuzz audit found in .bib files, CSL fields, chat zones and reference HTML: each
// message says what the writer wrote, and each fix, applied as written, reads back clean.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { normaliseItem } from "../../lib/csl-normalise.ts";
import { checkZone, zoneWarning } from "../../lib/chat-time.ts";
import { CURRENT_ZONE_NAMES } from "../../lib/zone-names.ts";
import { formatBibliography, prepareEngine } from "../../lib/citations.ts";
import { applyLineFix } from "../helpers/line-fixes.ts";

const AUTHORS = "Moorhead, S. Anne and Hazlett, Diane E. and Harrison, Laura and Carroll, Jennifer K. and Irwin, Anthea and Hoving, Ciska";
const entry = (author: string) =>
  `@article{moorhead2013,\n  author  = {${author}},\n  title   = {A new dimension of health care},\n  journal = {Journal of Medical Internet Research},\n  date    = {2013-04-23}\n}\n`;

/** The text with a "name = {…}" fix written over the field of that name on the diagnostic's line. */
function applyFieldFix(text: string, line: number, fix: string): string {
  const m = /: (\w+) = (\{.*\})$/.exec(fix);
  assert.ok(m, `the fix writes the field: ${fix}`);
  const lines = text.split("\n");
  lines[line - 1] = lines[line - 1]!.replace(new RegExp(`^(\\s*)${m[1]}\\s*=\\s*\\{.*\\}(,?)$`), `$1${m[1]} = ${m[2]}$2`);
  return lines.join("\n");
}


describe("an `and` too many in a BibTeX name list", () => {
  for (const [what, author, said] of [
    ["twice in a row", AUTHORS.replace("K. and Irwin", "K. and and Irwin"), /has `and` twice in a row: BibTeX would read "and Irwin, Anthea" as one person's name/],
    ["at the end", `${AUTHORS} and`, /ends with `and`: BibTeX would read "Hoving, Ciska and" as one person's name/],
    ["at the start", `and ${AUTHORS}`, /starts with `and`: BibTeX would read "and Moorhead, S. Anne" as one person's name/],
  ] as const) {
    it(`is told ${what}, with the field rewritten without it as the only fix`, () => {
      const text = entry(author);
      const { diagnostics } = parseBibliographyFile("refs.bib", text);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const d = diagnostics[0]!;
      assert.equal(d.line, 2);
      assert.equal(d.field, "moorhead2013.author");
      assert.match(d.message, said);
      assert.doesNotMatch(d.fix ?? "", /braces|organisation/);
      assert.equal(d.fix, `delete the extra \`and\`: author = {${AUTHORS}}`);
      const fixed = parseBibliographyFile("refs.bib", applyFieldFix(text, d.line!, d.fix!));
      assert.deepEqual(fixed.diagnostics, []);
      assert.equal((fixed.entries[0]!.item.author as unknown[]).length, 6);
    });
  }
});

describe("normaliseItem's advice in the writer's own syntax", () => {
  it("tells a .bib entry without a title to add `title = {…}`, not YAML", () => {
    const text = entry(AUTHORS).replace("  title   = {A new dimension of health care},\n", "");
    const { diagnostics } = parseBibliographyFile("refs.bib", text);
    const d = diagnostics.find((x) => /no title/.test(x.message))!;
    assert.ok(d, JSON.stringify(diagnostics));
    assert.equal(d.line, 1);
    assert.match(d.fix!, /add `title = \{…\}`/);
    assert.doesNotMatch(d.fix!, /title:|quotes/);
  });

  it("speaks JSON to a CSL JSON entry and YAML to a YAML one", () => {
    const json = normaliseItem({ id: "a", type: "book" }, { syntax: "json" }).problems.find((p) => /no title/.test(p.message))!;
    assert.match(json.fix, /"title": "…"/);
    const yaml = normaliseItem({ id: "a", type: "book" }).problems.find((p) => /no title/.test(p.message))!;
    assert.match(yaml.fix, /add `title:`/);
  });

  it("gives BibTeX wording for a missing key, a name or a field that is not text", () => {
    const noId = normaliseItem({ type: "book", title: "T" }, { syntax: "bibtex" }).problems[0]!;
    assert.match(noId.fix, /@article\{smith2016,/);
    assert.doesNotMatch(noId.fix, /`id:`/);
    const name = normaliseItem({ id: "a", type: "book", title: "T", author: [{}] }, { syntax: "bibtex" }).problems[0]!;
    assert.match(name.fix, /author = \{Smith, Ann and \{World Health Organization\}\}/);
    const text = normaliseItem({ id: "a", type: "book", title: ["T"] }, { syntax: "bibtex" }).problems[0]!;
    assert.doesNotMatch(text.fix, /colon|quotes/);
    const number = normaliseItem({ id: "a", type: "book", title: "T", issue: ["1"] }, { syntax: "bibtex" }).problems[0]!;
    assert.match(number.fix, /`number = \{16\}`/);
  });

  it("shows YAML's .nan as written, not NaN", () => {
    const { problems } = normaliseItem(parse("id: a\ntype: .nan\ntitle: .nan\nvolume: .inf\n"));
    assert.match(problems.find((p) => p.path[0] === "type")!.message, /^"\.nan" is not a CSL type/);
    assert.ok(problems.every((p) => !/NaN"? is not|"NaN" is/.test(p.message)), JSON.stringify(problems));
    const title = problems.find((p) => p.path[0] === "title")!;
    assert.match(title.message, /YAML reads \.nan as a special number, which would be printed "NaN"/);
    assert.match(title.fix, /title: "\.nan"$/);
    assert.match(problems.find((p) => p.path[0] === "volume")!.fix, /volume: "\.inf"$/);
  });
});

describe("BibTeX syntax errors in the writer's words", () => {
  const BIB = entry(AUTHORS);
  const noTokens = (message: string) => assert.doesNotMatch(message, /expected|got |"comma"|"label"|rbrace|lbrace|identifier|EOF|invalid syntax/);
  const one = (text: string) => {
    const { diagnostics, entries } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(entries, []);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    noTokens(diagnostics[0]!.message);
    noTokens(diagnostics[0]!.fix ?? "");
    return diagnostics[0]!;
  };
  const clean = (text: string) => assert.deepEqual(parseBibliographyFile("refs.bib", text).diagnostics, []);

  it("a missing comma after the key: the key's line, and the key with its comma", () => {
    const text = BIB.replace("@article{moorhead2013,", "@article{moorhead2013");
    const d = one(text);
    assert.equal(d.line, 1);
    assert.match(d.message, /entry "moorhead2013": there is no comma after the key/);
    assert.equal(d.fix, "add a comma after the key: @article{moorhead2013,");
    const lines = text.split("\n");
    lines[0] = lines[0]!.replace("@article{moorhead2013", "@article{moorhead2013,");
    clean(lines.join("\n"));
  });

  it("a missing comma after a field: that field's line", () => {
    const text = BIB.replace("  title   = {A new dimension of health care},", "  title   = {A new dimension of health care}");
    const d = one(text);
    assert.equal(d.line, 3);
    assert.match(d.message, /no comma after the field on line 3/);
    clean(applyLineFix(text, d));
  });

  for (const [what, from, to, said] of [
    ["a missing =", "  title   = {", "  title   {", /no = between `title` and its value/],
    ["a colon for =", "  title   = {", "  title: {", /no = between `title` and its value/],
    ["a value without braces", "  journal = {Journal of Medical Internet Research},", "  journal = Journal of Medical Internet Research,", /the value of `journal` is not in braces/],
    ["an unclosed brace", "  title   = {A new dimension of health care},", "  title   = {A new dimension of health care,", /the brace that opens the value of `title` is not closed/],
    ["an unclosed quote", "  title   = {A new dimension of health care},", '  title   = "A new dimension of health care,', /the quote that opens the value of `title` is not closed/],
    ["two commas", "  title   = {A new dimension of health care},", "  title   = {A new dimension of health care},,", /two commas in a row/],
    ["a semicolon", "  title   = {A new dimension of health care},", "  title   = {A new dimension of health care};", /semicolon/],
    ["a quoted field name", "  title   = {", '  "title"   = {', /a field's name is written without quotes/],
  ] as const) {
    it(`${what}: told on its line, with the line to write`, () => {
      const text = BIB.replace(from, to);
      const d = one(text);
      assert.equal(d.line, text.split("\n").findIndex((l) => l.startsWith(to)) + 1);
      assert.match(d.message, said);
      clean(applyLineFix(text, d));
    });
  }

  it("an unclosed brace before the next entry names the field, not the next entry", () => {
    const text = `${BIB.replace("  date    = {2013-04-23}", "  date    = {2013-04-23")}\n@book{other,\n  title = {Other},\n  year = {2001}\n}\n`;
    const d = one(text);
    assert.equal(d.line, 5);
    assert.equal(d.field, "moorhead2013.date");
    clean(applyLineFix(text, d));
  });

  it("an entry without a key, a key with a space, and a fallback without the parser's words", () => {
    assert.match(one(BIB.replace("moorhead2013,", ",")).fix!, /write a short key after @article\{/);
    assert.match(one(BIB.replace("moorhead2013,", "moorhead 2013,")).message, /a key is one word, but "moorhead 2013" has a space/);
    const fallback = one(BIB.replace("  date    = {2013-04-23}", "  date    = {2013-04-23} # "));
    assert.match(fallback.message, /BibTeX syntax error/);
    assert.match(fallback.fix!, /name = \{value\}/);
  });
});

describe("renamed time zones", () => {
  it("are accepted, with a warning naming the current name, as the other old aliases are told", () => {
    assert.equal(checkZone("Europe/Kiev"), undefined);
    assert.deepEqual(zoneWarning("Europe/Kiev"), {
      message: '"Europe/Kiev" is an old alias, not a current IANA zone name: the tz database now calls it Europe/Kyiv',
      fix: "write zone: Europe/Kyiv (the current name of Europe/Kiev)",
    });
    for (const [old, current] of Object.entries(CURRENT_ZONE_NAMES)) assert.match(zoneWarning(` ${old} `)!.fix, new RegExp(`^write zone: ${current} \\(`));
    for (const current of ["Europe/Kyiv", "Asia/Kolkata", "America/New_York", "UTC"]) assert.equal(zoneWarning(current), undefined);
  });

  it("spelled in other letters, gets the current name", () => {
    assert.equal(checkZone("europe/kiev")!.fix, "write Europe/Kyiv");
    assert.equal(checkZone("asia/calcutta")!.fix, "write Asia/Kolkata");
  });
});

describe("HTML in a reference's title", () => {
  it("is printed as CSL's rich text for its own tags, and as escaped text for any other", () => {
    const style = { style: "apa", locale: "en-US" } as const;
    prepareEngine(style as any);
    const [formatted] = formatBibliography([{ id: "a", type: "book", title: "T <b>b</b> <script>alert(1)</script> <a href=\"x\">l</a>", issued: { "date-parts": [[2000]] } }], style as any);
    assert.match(formatted!.html, /<b>b<\/b>/);
    assert.doesNotMatch(formatted!.html, /<script|<a /);
    assert.match(formatted!.html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  });
});

describe("a title or degree in a BibTeX name", () => {
  const titled = (author: string) => `@article{doe2020,\n  author  = {${author}},\n  title   = {A title},\n  journal = {Journal},\n  date    = {2020}\n}\n`;
  for (const [author, printed, removed, fixed] of [
    ["Dr Kate Doe", "Doe, D. K.", '"Dr"', "Doe, Kate"],
    ["Kate Doe PhD", "PhD, K. D.", '"PhD"', "Doe, Kate"],
    ["Doe, Dr Kate", "Doe, D. K.", '"Dr"', "Doe, Kate"],
    ["Kate Doe, PhD", "Kate Doe, P.", '"PhD"', "Doe, Kate"],
    ["Prof. Kate van der Berg", "van der Berg, P. K.", '"Prof."', "van der Berg, Kate"],
    ["Smith, John and Dr Kate Doe and Lee, Ann", "Doe, D. K.", '"Dr"', "Smith, John and Doe, Kate and Lee, Ann"],
    ["Dr Smith JA", "JA, D. S.", '"Dr"', "Smith, J. A."],
    // A suffix stays, where BibTeX reads one; a title of several words goes whole.
    ["Dr Martin Luther King Jr.", "Jr., D. M. L. K.", '"Dr"', "King, Jr., Martin Luther"],
    ["Dr Kate Doe, Jr.", "Dr Kate Doe, J.", '"Dr"', "Doe, Jr., Kate"],
    ["Dr. med. Hans Müller", "med. Hans Müller, D.", '"Dr." and "med."', "Müller, Hans"],
    ["Prof. Dr. Hans M{\\\"u}ller", "Müller, P. D. H.", '"Prof." and "Dr."', "M{\\\"u}ller, Hans"],
    ["Prof. em. Kate Doe", "em. Kate Doe, P.", '"Prof." and "em."', "Doe, Kate"],
    ["Dr Kate {Doe PhD}", "Doe PhD, D. K.", '"Dr"', "{Doe PhD}, Kate"],
    ["Dr Kate DOE", "DOE, D. K.", '"Dr"', "DOE, Kate"],
    // A title before a family name written first.
    ["Dr. Smith, John", "Dr. Smith, J.", '"Dr."', "Smith, John"],
    // A title before the family name of BibTeX's "Last, Jr, First"; titles written out.
    ["Dr King, Jr., Martin Luther", "Dr King, Jr., M. L.", '"Dr"', "King, Jr., Martin Luther"],
    ["Sir Michael Marmot", "Marmot, S. M.", '"Sir"', "Marmot, Michael"],
    ["Doe, Dame Kate", "Doe, D. K.", '"Dame"', "Doe, Kate"],
    ["Dr {van der Berg}, Jan", "Dr {van der Berg}, J.", '"Dr"', "{van der Berg}, Jan"],
  ] as const) {
    it(`"${author}": a warning saying how BibTeX would print it, whose fix, applied, leaves nothing to tell`, () => {
      const text = titled(author);
      const { diagnostics, entries } = parseBibliographyFile("refs.bib", text);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const d = diagnostics[0]!;
      assert.equal(d.severity, "warning");
      assert.equal(d.line, 2);
      assert.equal(d.field, "doe2020.author");
      assert.ok(d.message.includes(`has ${removed} in it, which BibTeX reads as part of the name: it would be printed "${printed}"`), d.message);
      assert.match(d.fix!, /^write the name without (it|them), family name first, then a comma: author = \{/);
      assert.equal(d.fix!.slice(d.fix!.indexOf("author = ")), `author = {${fixed}}`);
      // The entry is kept: a warning, and the reference prints.
      assert.equal(entries.length, 1);
      const again = parseBibliographyFile("refs.bib", applyFieldFix(text, d.line!, d.fix!));
      assert.deepEqual(again.diagnostics, []);
    });
  }

  it("a name in braces, a company, a title without a whole name after it, and names that look like degrees are kept as written", () => {
    for (const author of ["{Dr Kate Doe}", "Dr Pepper", "Doctor Who", "Doctor On Demand", "Doctor Care Anywhere", "{Dr Reddy's Laboratories}", "Doe, Kate", "Mary Jane Edd", "Okafor, John Mba"]) {
      assert.deepEqual(parseBibliographyFile("refs.bib", titled(author)).diagnostics, [], author);
    }
  });

  it("with `and others`: an error, since the fix also leaves it out, and says why", () => {
    const { diagnostics } = parseBibliographyFile("refs.bib", titled("Dr Kate Doe and others"));
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0]!.severity, "error");
    assert.match(diagnostics[0]!.fix!, /without "and others" \(the citation style writes "et al\." itself[^]*: author = \{Doe, Kate\}$/);
  });
});

describe("a title of several words, and names like degrees, in front matter", () => {
  it("\"Prof. Dr. Hans Müller\" and \"Dr. med. Hans Müller\" lose the whole title; \"Mary Jane Edd\" and \"Okafor, John Mba\" are names", () => {
    for (const [author, words] of [["Prof. Dr. Hans Müller", '"Prof." and "Dr."'], ["Dr. med. Hans Müller", '"Dr." and "med."'], ["Prof. Dr. Müller, Hans", '"Prof." and "Dr."'], ["Dame Hans Müller", '"Dame"']] as const) {
      const problems = normaliseItem({ id: "a", type: "book", title: "T", author: [author] }).problems;
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.ok(problems[0]!.message.startsWith(`"${author}" has ${words} in it`), problems[0]!.message);
      assert.match(problems[0]!.fix, /Müller/);
      assert.doesNotMatch(problems[0]!.fix, /Dr|Prof|med\./);
    }
    // Told as any name is (one text, "Given Family", is an organisation's), never as a degree.
    for (const author of ["Mary Jane Edd", "Okafor, John Mba"]) {
      const messages = normaliseItem({ id: "a", type: "book", title: "T", author: [author] }).problems.map((p) => p.message);
      assert.ok(messages.every((m) => !/has "(Edd|Mba)"|degree/.test(m)), messages.join("\n"));
    }
    assert.deepEqual(normaliseItem({ id: "a", type: "book", title: "T", author: [{ family: "Okafor", given: "John Mba" }] }).problems, []);
  });
});

describe("a suffix in front matter", () => {
  it("\"Dr King, Jr., Martin Luther\" and BibTeX's \"King, Jr., Martin Luther\": the fix writes the suffix last, which the style reads", () => {
    for (const author of ["Dr King, Jr., Martin Luther", "King, Jr., Martin Luther"]) {
      const problems = normaliseItem({ id: "a", type: "book", title: "T", author: [author] }).problems;
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.severity, "warning");
      assert.match(problems[0]!.fix, /\n {4}- King, Martin Luther, Jr\.$/, author);
    }
    const fixed = normaliseItem({ id: "a", type: "book", title: "T", author: ["King, Martin Luther, Jr."] });
    assert.deepEqual(fixed.problems, []);
    assert.deepEqual(fixed.item?.author, [{ family: "King", given: "Martin Luther", suffix: "Jr." }]);
  });
});

describe("two titled names in one BibTeX field", () => {
  it("are one warning whose fix mends both, so that applying it leaves nothing to tell", () => {
    const text = `@article{doe2020,\n  author  = {Dr Kate Doe and Lee, Ann and John Smith PhD},\n  title   = {A title},\n  journal = {Journal},\n  date    = {2020}\n}\n`;
    const { diagnostics } = parseBibliographyFile("refs.bib", text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.match(diagnostics[0]!.message, /"Dr Kate Doe" has "Dr" in it, .* printed "Doe, D\. K\."; "John Smith PhD" has "PhD" in it, .* printed "PhD, J\. S\.", and reference lists leave out/);
    assert.equal(diagnostics[0]!.fix, "write the names without their titles and degrees, each family name first, then a comma: author = {Doe, Kate and Lee, Ann and Smith, John}");
    assert.deepEqual(parseBibliographyFile("refs.bib", applyFieldFix(text, 2, diagnostics[0]!.fix!)).diagnostics, []);
  });
});

describe("a misspelt field name in a .bib file", () => {
  const entry = (fields: string) => `@article{doe2020,\n${fields}\n  title   = {A title}\n}\n`;
  const printed = (text: string) => {
    const { entries } = parseBibliographyFile("refs.bib", text);
    return entries[0]!.item as Record<string, unknown>;
  };

  it("is a warning at its name, with the name meant; renamed as told, the reference has what it holds and nothing is told", () => {
    const text = entry("  authors = {Doe, Kate},\n  jounral = {The Journal},\n  yaer    = 2020,\n  page    = {1--9},\n  organisation = {NHS England},");
    const { diagnostics } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.fix]), [
      ["warning", 2, 3, "doe2020.authors", "write `author` in place of `authors`"],
      ["warning", 3, 3, "doe2020.jounral", "write `journal` in place of `jounral`"],
      ["warning", 4, 3, "doe2020.yaer", "write `year` in place of `yaer`"],
      ["warning", 5, 3, "doe2020.page", "write `pages` in place of `page`"],
      ["warning", 6, 3, "doe2020.organisation", "write `organization` in place of `organisation`"],
    ]);
    assert.equal(diagnostics[1]!.message, 'entry "doe2020": `jounral` is not a field BibTeX reads, so the reference is printed without it');
    // BibTeX leaves such a field out: the reference has no author, journal or year.
    const before = printed(text);
    assert.equal(before.author, undefined);
    assert.equal(before["container-title"], undefined);
    let fixed = text;
    for (const d of diagnostics) {
      const [, meant, written] = /^write `([^`]+)` in place of `([^`]+)`$/.exec(d.fix!)!;
      const lines = fixed.split("\n");
      lines[d.line! - 1] = lines[d.line! - 1]!.replace(written!, meant!);
      fixed = lines.join("\n");
    }
    assert.deepEqual(parseBibliographyFile("refs.bib", fixed).diagnostics, []);
    const after = printed(fixed);
    assert.deepEqual(after.author, [{ family: "Doe", given: "Kate" }]);
    assert.equal(after["container-title"], "The Journal");
    assert.equal(after.page, "1-9");
    assert.deepEqual(after.issued, { "date-parts": [[2020]] });
    assert.equal(after.publisher, "NHS England");
  });

  it("as near two fields, or another name for one: the fix names each it may be, never a field of another meaning", () => {
    const text = entry("  editon = {2},\n  pubdate = {2019-05-01},\n  published = {Care Press},\n  accessdate = {2024-03-05},\n  vol = {3},\n  pp = {1--9},");
    assert.deepEqual(parseBibliographyFile("refs.bib", text).diagnostics.map((d) => [d.line, d.fix]), [
      [2, "write `edition` or `editor` in place of `editon`, whichever it holds"],
      [3, "write `date` in place of `pubdate`"],
      [4, "write `date` or `publisher` in place of `published`, whichever it holds"],
      [5, "write `urldate` in place of `accessdate`"],
      [6, "write `volume` in place of `vol`"],
      [7, "write `pages` in place of `pp`"],
    ]);
    const fixed = text.replace("editon", "edition").replace("pubdate", "date").replace("published", "publisher").replace("accessdate", "urldate").replace("vol ", "volume ").replace("pp ", "pages ");
    assert.deepEqual(parseBibliographyFile("refs.bib", fixed).diagnostics, []);
    const item = printed(fixed);
    assert.equal(item.edition, "2");
    assert.equal(item.editor, undefined);
    assert.deepEqual(item.issued, { "date-parts": [[2019, 5, 1]] });
  });

  it("beside the field it looks like: a repeat is to be deleted, another value moved to the field printed", () => {
    const repeat = parseBibliographyFile("refs.bib", entry("  journal = {The Journal},\n  Jounral = {The\n    Journal},\n  date = {2020},")).diagnostics;
    assert.deepEqual(repeat.map((d) => [d.line, d.fix]), [[3, "delete this line: `journal` holds the same, and is printed"]]);
    const other = parseBibliographyFile("refs.bib", entry("  journal = {J Nurs},\n  jounral = {Journal of Nursing},\n  date = {2020},")).diagnostics;
    assert.deepEqual(other.map((d) => [d.line, d.fix]), [[3, "the entry has `journal` too, which is printed: if this line holds what it should, move its value there; then delete this line"]]);
    // Done as told: nothing more to tell, and the journal is the value moved.
    const fixed = parseBibliographyFile("refs.bib", entry("  journal = {Journal of Nursing},\n  date = {2020},"));
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.entries[0]!.item["container-title"], "Journal of Nursing");
  });

  it("a reference manager's own fields, BibLaTeX's and exporters' are not told, nor what is never printed", () => {
    const fields = [
      "timestamp", "owner", "groups", "file", "mendeley-tags", "date-added", "bdsk-url-1", "journal-iso", "editora", "annotator", "sorttitle", "fjournal", "mrnumber", "acmid", "refid", "eissn",
      "keyword", "abstrct", "isbn13", "issue_date", "biburl", "uri", "urn", "zmnumber", "fseries", "xxauthor", "xxvolume", "entrytype", "eprintid",
    ];
    const text = entry(`  author = {Doe, Kate},\n  journal = {J},\n  date = {2020},\n${fields.map((f) => `  ${f} = {x},`).join("\n")}`);
    assert.deepEqual(parseBibliographyFile("refs.bib", text).diagnostics.map((d) => d.field), []);
  });
});

describe("BibLaTeX fields and entries plugin-bibtex reads but no style prints", () => {
  it("shortseries is left out without a word, the entry kept", () => {
    const { diagnostics, entries } = parseBibliographyFile("refs.bib", "@book{a,\n  author = {Doe, Kate},\n  title = {T},\n  series = {Lecture Notes in Computer Science},\n  shortseries = {LNCS},\n  publisher = {P},\n  date = {2020}\n}\n");
    assert.deepEqual(diagnostics, []);
    assert.equal(entries[0]!.item["collection-title"], "Lecture Notes in Computer Science");
  });

  it("an @xdata entry is no reference: a warning naming its fields and the entries that would lose them", () => {
    const text = "@xdata{pubdata,\n  publisher = {Care Press},\n  location = {London}\n}\n@book{a,\n  author = {Doe, Kate},\n  title = {T},\n  xdata = {pubdata},\n  date = {2020}\n}\n";
    const { diagnostics, entries } = parseBibliographyFile("refs.bib", text);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.message]), [
      ["warning", 1, 1, "pubdata", 'entry "pubdata": @xdata entries are not read, so their fields (publisher, location) are not given to the entries that name them (a)'],
    ]);
    assert.deepEqual(entries.map((e) => e.item.id), ["a"]);
    // Done as the fix says: nothing to tell, and the publisher printed.
    const fixed = parseBibliographyFile("refs.bib", "@book{a,\n  author = {Doe, Kate},\n  title = {T},\n  publisher = {Care Press},\n  location = {London},\n  date = {2020}\n}\n");
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.entries[0]!.item.publisher, "Care Press");
  });
});
