// LaTeX in a shared .bib file that plugin-bibtex prints wrongly without a word: commands
// it does not know (\underline{u} → "\underlineu"), \href{address}{text} (the address alone
// is printed) and \url{…} with an address it changes. Each warning names the field's line,
// what readers would see and the field rewritten; the rewritten field, pasted back, is read
// by plugin-bibtex as meant. Commands plugin-bibtex knows are not told.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { parseBibliographyFile } from "../../lib/bibliography.ts";

const bibtex = (text: string) => parseBibliographyFile("refs.bib", text);
/** The value the fix writes for `field`, e.g. "{See the report}" from "…: title = {See the report} and url = {…}". */
const fixed = (fix: string, field: string) => new RegExp(`${field} = (\\{.*?\\})(?: and |$)`).exec(fix)?.[1];

describe("plugin-bibtex's reading of LaTeX in a .bib field", () => {
  it("prints \\href as its address alone, an unknown command as typed without its braces, and \\url's address as typed", () => {
    const { entries } = bibtex(
      "@misc{a, title = {See \\href{https://example.org}{the text} here}, year = 2020}\n" +
        "@misc{b, title = {An \\underline{u} and \\LaTeX{}}, year = 2020}\n" +
        "@misc{c, title = {At \\url{https://example.org/a_b?x=1&y=2}}, year = 2020}\n",
    );
    assert.deepEqual(entries.map((e) => e.item.title), ["See https://example.org here", "An \\underlineu and \\LaTeX", "At https://example.org/a_b?x=1&y=2"]);
  });
});

describe("\\href in a .bib field", () => {
  const bib = ["@misc{a,", "  author = {Doe, Kate},", "  title  = {See \\href{https://example.org/r}{the report}},", "  year   = 2020", "}"].join("\n");

  it("is a warning at the field's line, with the address moved to the url field", () => {
    const { entries, diagnostics } = bibtex(bib);
    assert.equal(entries.length, 1, "the entry is kept");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.file, d.line, d.column, d.field]), [["warning", "refs.bib", 3, 17, "a.title"]]);
    assert.equal(
      diagnostics[0]!.message,
      'entry "a": `title` has LaTeX that would be printed wrongly: readers would see the address "https://example.org/r" for \\href{https://example.org/r}{the report}, without "the report"',
    );
    assert.equal(diagnostics[0]!.fix, "keep the text of \\href{…}{…} and put its address in the entry's url field: title = {See the report} and url = {https://example.org/r}");
  });

  it("is fixed by the fix: the text in the title, the address the entry's URL", () => {
    const fix = bibtex(bib).diagnostics[0]!.fix!;
    const again = bibtex(`@misc{a, author = {Doe, Kate}, title = ${fixed(fix, "title")}, url = ${fixed(fix, "url")}, year = 2020}`);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(again.entries[0]!.item.title, "See the report");
    assert.equal(again.entries[0]!.item.URL, "https://example.org/r");
  });

  it("says so when the entry's url field holds the same address, or another", () => {
    const same = bibtex("@misc{a, title = {\\href{https://example.org/r}{The report}}, url = {https://example.org/r}, year = 2020}").diagnostics;
    assert.equal(same[0]!.fix, "keep the text of \\href{…}{…} (its address is in the entry's url field already): title = {The report}");
    const other = bibtex("@misc{a, title = {\\href{https://example.org/r}{The report}}, url = {https://example.org/other}, year = 2020}").diagnostics;
    assert.match(other[0]!.fix!, /the entry's url field holds https:\/\/example\.org\/other: write https:\/\/example\.org\/r there instead if readers should open that one\): title = \{The report\}$/);
  });

  it("is not told in howpublished alone, which plugin-bibtex makes the entry's URL", () => {
    const { entries, diagnostics } = bibtex("@misc{a, title = {A}, howpublished = {\\href{https://example.org/h}{Online}}, year = 2020}");
    assert.deepEqual(diagnostics, []);
    assert.equal(entries[0]!.item.URL, "https://example.org/h");
  });
});

describe("\\url in a .bib field", () => {
  it("is not told when the address is printed as typed", () => {
    assert.deepEqual(bibtex("@misc{a, title = {At \\url{https://example.org/a\\_b?x=1&y=%20}}, howpublished = {\\url{https://example.org/a}}, year = 2020}").diagnostics, []);
  });

  it("is told when plugin-bibtex would change the address (~ read as a space, -- as a dash), with the address escaped", () => {
    const { diagnostics } = bibtex("@misc{a, title = {At \\url{https://example.org/~kate/a--b}}, year = 2020}");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.field, d.message]), [
      ["warning", 1, "a.title", 'entry "a": `title` has LaTeX that would be printed wrongly: readers would see "https://example.org/ kate/a–b" for \\url{https://example.org/~kate/a--b}'],
    ]);
    const fix = diagnostics[0]!.fix!;
    assert.equal(fix, "write the address in \\url{…} so that it is printed as typed (~ as \\textasciitilde{}, -- as -{}-): title = {At \\url{https://example.org/\\textasciitilde{}kate/a-{}-b}}");
    const again = bibtex(`@misc{a, title = ${fixed(fix, "title")}, year = 2020}`);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(again.entries[0]!.item.title, "At https://example.org/~kate/a--b");
  });

  it("in howpublished, where it becomes the entry's URL, is an error with the address moved to url", () => {
    const { diagnostics } = bibtex("@misc{a,\n  title = {A},\n  howpublished = {\\url{https://example.org/~kate}},\n  year = 2020\n}");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [["error", 3, 3, "a.howpublished"]], "told once, in place of \"not a web address\"");
    assert.match(diagnostics[0]!.message, /would be read as "https:\/\/example\.org\/ kate"/);
    assert.equal(diagnostics[0]!.fix, "write it in the url field, where an address is kept as typed, in place of howpublished: url = {https://example.org/~kate}");
    const again = bibtex(`@misc{a, title = {A}, url = ${fixed(diagnostics[0]!.fix!, "url")}, year = 2020}`);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(again.entries[0]!.item.URL, "https://example.org/~kate");
  });

  it("around the address of a url field is an error in BibTeX's syntax, in place of \"not a web address\"", () => {
    for (const value of ["\\url{https://example.org/a}", "\\href{https://example.org/a}{the site}"]) {
      const { entries, diagnostics } = bibtex(`@misc{a,\n  title = {A},\n  url = {${value}},\n  year = 2020\n}`);
      assert.deepEqual(entries, []);
      assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.fix]), [["error", 3, 3, "a.url", "write the address alone: url = {https://example.org/a}"]]);
      assert.match(diagnostics[0]!.message, /`url` has the address inside \\(url|href)\{…\}/);
      assert.doesNotMatch(diagnostics[0]!.fix!, /URL:/);
    }
    assert.equal(bibtex("@misc{a, title = {A}, url = {https://example.org/a}, year = 2020}").entries[0]!.item.URL, "https://example.org/a");
  });
});

describe("LaTeX commands plugin-bibtex does not know", () => {
  it("are told at the command's line, naming it, what readers would see and the field without it", () => {
    const bib = ["@article{a,", "  title   = {Why the", "             \\underline{underline} fails},", "  journal = {J},", "  year    = 2001", "}"].join("\n");
    const { entries, diagnostics } = bibtex(bib);
    assert.equal(entries[0]!.item.title, "Why the \\underlineunderline fails");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field, d.message, d.fix]), [
      [
        "warning", 3, 14, "a.title",
        'entry "a": `title` has LaTeX that would be printed wrongly: readers would see "\\underlineunderline" for \\underline{underline}; chatpost does not know \\underline',
        "remove \\underline and keep what its braces hold: title = {Why the underline fails}",
      ],
    ]);
    const again = bibtex(`@article{a, title = ${fixed(diagnostics[0]!.fix!, "title")}, journal = {J}, year = 2001}`);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(again.entries[0]!.item.title, "Why the underline fails");
  });

  it("are rewritten in what plugin-bibtex reads: text, a known equivalent, or nothing", () => {
    const title = "The \\LaTeX{} book\\ldots\\ on $\\mathbf{x}$, 10\\,000 hy\\-phens\\cite{k} and m\\mkbibsuperscript{2}";
    const { diagnostics } = bibtex(`@book{a, title = {${title}}, publisher = {P}, year = 2001}`);
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0]!;
    assert.match(d.message, /; chatpost does not know \\LaTeX, \\ldots, \\ \(a backslash before a space\), \\mathbf, \\,, \\-, \\cite and \\mkbibsuperscript$/);
    assert.match(d.message, /readers would see "\\LaTeX" for \\LaTeX\{\}, "\\ldots" for \\ldots, /);
    assert.equal(
      d.fix,
      "write \\LaTeX as LaTeX, write \\ldots as …, write \\ (a backslash before a space) as a space, write \\mathbf{…} as \\textbf{…}, write \\, as a space, remove \\-, " +
        "remove \\cite{…} with what its braces hold and write \\mkbibsuperscript{…} as \\textsuperscript{…}: title = {The LaTeX book… on $\\textbf{x}$, 10 000 hyphens and m\\textsuperscript{2}}",
    );
    const again = bibtex(`@book{a, title = ${fixed(d.fix!, "title")}, publisher = {P}, year = 2001}`);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(again.entries[0]!.item.title, "The LaTeX book… on <b>x</b>, 10 000 hyphens and m<sup>2</sup>");
  });

  it("are told in a name, where the name checks see none", () => {
    const { diagnostics } = bibtex("@book{a, author = {Doe, Kate and \\underline{Smith}, John}, title = {T}, publisher = {P}, year = 2001}");
    assert.deepEqual(diagnostics.map((d) => [d.field, d.fix]), [["a.author", "remove \\underline and keep what its braces hold: author = {Doe, Kate and Smith, John}"]]);
  });

  it("are not told in a field no reference prints, nor in a verbatim field", () => {
    assert.deepEqual(bibtex("@book{a, title = {T}, note = {\\underline{n}}, abstract = {\\foo{x}}, keywords = {\\bar}, publisher = {P}, year = 2001}").diagnostics, []);
  });
});

describe("LaTeX plugin-bibtex knows", () => {
  const tables = createRequire(import.meta.url)("@citation-js/plugin-bibtex/lib/input/constants.js") as Record<string, Record<string, unknown>>;
  const uses = [
    ...Object.keys(tables.commands!).map((c) => `\\${c}{}`),
    ...Object.keys(tables.mathCommands!).map((c) => `$\\${c}$`),
    ...Object.keys(tables.diacritics!).map((c) => `\\${c}{e}`),
    ...Object.keys(tables.formattingCommands!).map((c) => `\\${c}{x}`),
    ...Object.keys(tables.formattingEnvs!).map((c) => `{\\${c} x}`),
    "\\'e", '\\"o', "\\ss", "\\c c", "M{\\\"u}ller", "\\url{https://example.org/a}", "\\ElsevierGlyph{2014}", "\\& \\% \\$ \\# \\_ \\{ \\}",
    "$x^{2}$ $\\mathrm{d}x$ $H_2O$", "\\begin{itshape}x\\end{itshape}", "--- -- `` '' ~",
  ];

  it("is not told, and is printed without a backslash", () => {
    for (const use of uses) {
      const { entries, diagnostics } = bibtex(`@book{a, author = {M{\\"u}ller, J{\\"o}rg}, title = {A ${use} b}, publisher = {P}, year = 2001}`);
      assert.deepEqual(diagnostics, [], use);
      assert.doesNotMatch(String(entries[0]!.item.title), /\\[a-zA-Z]/, use);
    }
  });
});

describe("a .bib file's URL fixes are written in BibTeX", () => {
  it("names url = {…} and doi = {…}, not URL: and DOI:", () => {
    const both = bibtex("@misc{a, title = {A}, url = {doi:10.1186/s12913-016-1691-0}, doi = {10.1186/s12913-016-1691-0}, year = 2020}").diagnostics;
    assert.equal(both[0]!.fix, "remove the line url = {…}: the DOI is written in the line doi = {…} already");
    const one = bibtex("@misc{a, title = {A}, url = {doi:10.1186/s12913-016-1691-0}, year = 2020}").diagnostics;
    assert.equal(one[0]!.fix, "a DOI goes in its own field: write doi = {10.1186/s12913-016-1691-0} in place of the line url = {…}");
  });
});
