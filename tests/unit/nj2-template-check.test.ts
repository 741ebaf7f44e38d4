// lib/template-check.ts: each Nunjucks page of content/ compiled on its own, its includes
// looked up and its filters named, with lib/template-errors.ts's words; nothing reported
// on a page that renders.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { checkTemplatePages, findTemplate, templatePages, type TemplateLanguage } from "../../lib/template-check.ts";
import { CHATPOST_FILTERS, ELEVENTY_FILTERS, ELEVENTY_TAGS, LAYOUTS_FOLDER, siteTemplateLanguage } from "../../plugins/template-names.ts";
import { PROJECT, FIXTURE_SITE } from "../helpers/build-site.ts";

/** A site folder holding `files` (paths from the site's folder). */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "nj2-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const page = (body: string, frontMatter = "title: A page\nlayout: base.njk") => `---\n${frontMatter}\n---\n${body}`;

/** The report lines of checking every page of `root` as the build would. */
function check(root: string, language: TemplateLanguage = siteTemplateLanguage(root)): string[] {
  return checkTemplatePages(root, templatePages(root), language).map(formatDiagnostic);
}

describe("checkTemplatePages", () => {
  it("reports the mistake of each broken page, each on its own line", () => {
    const root = site({
      "content/one.njk": page("<p>{{ title }}</p>\n{% if title %}\n<p>never closed</p>\n"),
      "content/more/two.njk": page("<h1>{{ site.title </h1>\n"),
      "content/fine.njk": page("{% if title %}<h1>{{ title }}</h1>{% endif %}\n"),
    });
    assert.deepEqual(check(root).sort().reverse(), [
      "content/one.njk:6:1  `{% if title %}` is never closed: the page ends without `{% endif %}` → add `{% endif %}` where the if should end",
      "content/more/two.njk:5:5  `{{` is never closed with `}}` → end it with `}}`, e.g. `{{ site.title }}` (to show `{{` as text, put it between `{% raw %}` and `{% endraw %}`)",
    ]);
  });

  it("names every unknown filter where it is written, and the filter meant", () => {
    const links = "<a href=\"{{ '/feed.xml' | fulUrl }}\">feed</a> {{ '/x/' | fulUrl | safe }}";
    const root = site({ "content/page.njk": page(`<p>{{ title | uper }}</p>\n${links}\n{% filter uper %}x{% endfilter %}\n`) });
    const first = links.indexOf("fulUrl") + 1;
    const second = links.indexOf("fulUrl", first) + 1;
    assert.deepEqual(check(root), [
      "content/page.njk:5:15  there is no filter `uper`; close ones that exist: `upper` → write `| upper` instead of `| uper`",
      `content/page.njk:6:${first}  there is no filter \`fulUrl\`; close ones that exist: \`fullUrl\` → write \`| fullUrl\` instead of \`| fulUrl\``,
      `content/page.njk:6:${second}  there is no filter \`fulUrl\`; close ones that exist: \`fullUrl\` → write \`| fullUrl\` instead of \`| fulUrl\``,
      "content/page.njk:7:11  there is no filter `uper`; close ones that exist: `upper` → write `| upper` instead of `| uper`",
    ]);
  });

  it("names a file to include, extend or import that is not there, with the one meant", () => {
    const root = site({
      "content/page.njk": page('{% include "partials/nxt-chat.njk" %}\n{% import "partials/shar.njk" as share %}\n{% from \'./macros.njk\' import m %}\n'),
      "content/child.njk": page('{% extends "bse.njk" %}\n', "title: Child"),
    });
    const lines = check(root);
    assert.equal(lines.length, 4, lines.join("\n"));
    assert.match(lines[0]!, /^content\/child\.njk:4:13 {2}there is no file `bse\.njk` in the layouts to include; the files are [^\n]*`base\.njk`[^\n]* → write "base\.njk" instead of "bse\.njk"$/);
    assert.match(lines[1]!, /^content\/page\.njk:5:13 {2}there is no file `partials\/nxt-chat\.njk` in the layouts to include; .* → write "partials\/next-chat\.njk" instead of "partials\/nxt-chat\.njk"$/);
    assert.match(lines[2]!, /^content\/page\.njk:6:12 {2}there is no file `partials\/shar\.njk` .* → write "partials\/share\.njk" instead of "partials\/shar\.njk"$/);
    assert.match(lines[3]!, /^content\/page\.njk:7:10 {2}there is no file `\.\/macros\.njk` /);
  });

  it("finds what the build finds: the layouts, then the site's folder, a `./` name from the page's folder", () => {
    const root = site({
      "content/page.njk": page('{% include "partials/next-chat.njk" %}{% include "content/parts/a.njk" %}{% include "./parts/a.njk" %}{% import "./parts/a.njk" as a %}\n'),
      "content/parts/a.njk": "<p>a</p>\n",
    });
    assert.deepEqual(check(root), []);
    assert.equal(findTemplate("base.njk", path.join(root, "content/page.njk"), [LAYOUTS_FOLDER, root]), path.join(LAYOUTS_FOLDER, "base.njk"));
    // Outside every folder searched: not found, as Nunjucks' loader refuses it.
    assert.equal(findTemplate("../../etc/hostname", path.join(root, "content/page.njk"), [LAYOUTS_FOLDER, path.join(root, "content")]), undefined);
    assert.equal(findTemplate("partials", path.join(root, "content/page.njk"), [LAYOUTS_FOLDER, root]), undefined, "a folder is not a file to include");
  });

  it("leaves to the render what only it knows: a name computed then, a missing file the page allows", () => {
    const root = site({ "content/page.njk": page('{% include partial %}{% include "nowhere.njk" ignore missing %}{% include "part-" + name + ".njk" %}\n') });
    assert.deepEqual(check(root), []);
  });

  it("knows the tags Eleventy adds, and the shortcodes it is told of", () => {
    const root = site({ "content/page.njk": page('{% setAsync "x" %}{{ title }}{% endsetAsync %}{% getBundle "css" %}{% getBundleFileUrl "js" %}{% youtube "id" %}{% note %}text{% endnote %}\n') });
    const language = siteTemplateLanguage(root);
    assert.deepEqual(check(root, { ...language, tags: [...language.tags, { name: "youtube", paired: false }, { name: "note", paired: true }] }), []);
    assert.match(check(root).join("\n"), /there is no tag `\{% youtube %\}`/);
    assert.deepEqual(ELEVENTY_TAGS.map((t) => t.name).sort(), ["getBundle", "getBundleFileUrl", "setAsync"]);
  });

  it("a page using every filter the build registers is clean", () => {
    const filters = [...ELEVENTY_FILTERS, ...CHATPOST_FILTERS];
    const root = site({ "content/page.njk": page(filters.map((name) => `{{ x | ${name} }}`).join("\n") + "\n{{ 'a' | upper | trim | safe }}\n") });
    assert.deepEqual(check(root), []);
  });

  it("leaves a page whose front matter is never closed to the front matter's own error", () => {
    const root = site({ "content/page.njk": "---\ntitle: x\n{% if x %}\n" });
    assert.deepEqual(check(root), []);
  });

  it("lists the pages of content/ but its _data folder and hidden files", () => {
    const root = site({ "content/a.njk": "", "content/posts/b.njk": "", "content/_data/c.njk": "", "content/.d.njk": "", "content/e.md": "", "layouts/f.njk": "" });
    assert.deepEqual(templatePages(root), ["content/a.njk", "content/posts/b.njk"]);
  });

  it("finds nothing on the sample site and the test site", () => {
    for (const root of [PROJECT, FIXTURE_SITE]) {
      assert.ok(templatePages(root).length >= 2, root);
      assert.deepEqual(check(root), [], root);
    }
  });
});
