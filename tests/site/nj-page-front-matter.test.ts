// The front matter of a Nunjucks page (content/index.njk, content/subscribe.njk) is checked
// like a markdown page's: Eleventy would read broken YAML as no data at all and publish the
// page without its layout, title or address, without a word.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { copySiteWith, FIXTURE_SITE, runScript } from "../helpers/build-site.ts";

describe("a Nunjucks page's front matter", () => {
  it("the site's own pages pass", async () => {
    const result = await runScript("check", FIXTURE_SITE);
    assert.equal(result.code, 0, result.stderr);
  });

  it("a YAML mistake: file, line, field and fix; the build stops before Eleventy", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: { "content/extra.njk": "---\ntitle: Join us: every week\nlayout: base.njk\n---\n<p>{{ title }}</p>\n" } });
    for (const script of ["check", "build"]) {
      const result = await runScript(script, root, script === "build" ? ["--quiet"] : []);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^content\/extra\.njk:2:8 {2}title {2}the value contains ': '.*→ put the value in double quotes: title: "Join us: every week"$/m);
      assert.doesNotMatch(result.stderr, /internal error|^\s+at /m);
    }
  });

  it("front matter never closed", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: { "content/extra.njk": "---\ntitle: Extra\nlayout: base.njk\n<p>{{ title }}</p>\n" } });
    const result = await runScript("check", root);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^content\/extra\.njk:\d+:\d+ {2}the front matter is never closed/m);
  });

  it("its body is a template, not markdown: `{{ }}` and `{% %}` raise no markdown or link problem", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: { "content/extra.njk": "---\ntitle: Extra\nlayout: base.njk\npermalink: /extra/\n---\n<a href=\"{{ '/nowhere/' | url }}\">x</a> [not a link](/abuot/) ![](missing.png)\n" } });
    const result = await runScript("check", root);
    assert.equal(result.code, 0, result.stderr);
  });
});
