// The headings of a body get ids to link to, that never repeat an id of the page: the
// layout's (LAYOUT_IDS), one the writer gave in raw HTML, or an earlier heading's.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { LAYOUT_IDS } from "../../lib/heading-ids.ts";
import { copySite, FIXTURE_SITE, listFiles, postText, runScript } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const BODY = [
  "## What we learned",
  "",
  "Back to [the first question](#t1), [what we learned](#what-we-learned), [again](#what-we-learned-2) or [the team](#team-2).",
  "",
  "## What we learned",
  "## Main",
  "## T1",
  "## Topics heading",
  '<h3 id="team">The team</h3>',
  "",
  "## Team",
  "## The `chat.start` *field*",
  "## 日本語",
].join("\n");

describe("ids of a body's headings", () => {
  let out: string;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    const post = postText("Sections", "2019-05-01", BODY).replace("date: 2019-05-01\n", "date: 2019-05-01\ntopics:\n  - One\n");
    writeFileSync(path.join(root, "content/posts/2019-05-01-sections.md"), post);
    out = path.join(root, "out");
    const result = await runScript("build", root, ["--output", out, "--quiet"]);
    assert.equal(result.code, 0, result.stderr + result.stdout);
  });

  it("come from the heading's text, and step aside for the layout's ids, the writer's own and earlier headings", () => {
    const page = dom(readFileSync(path.join(out, "posts/sections/index.html"), "utf8"));
    assert.deepEqual(
      [...page.querySelectorAll(".post-body h2, .post-body h3")].map((h) => h.id),
      ["what-we-learned", "what-we-learned-2", "main-2", "t1-2", "topics-heading-2", "team", "team-2", "the-chat-start-field", "section"],
    );
    // The layout keeps its own: the skip link's target and the first question.
    assert.equal(page.querySelector("#main")?.tagName, "MAIN");
    assert.equal(page.querySelector("#t1")?.tagName, "LI");
  });

  it("leave every page built from markdown with unique ids, each a layout's or a body heading's", () => {
    const pages = listFiles(out).filter((f) => f.endsWith(".html") && (f.startsWith("posts/") || ["about/index.html", "404.html"].includes(f)));
    assert.ok(pages.length >= 5, pages.join(", "));
    for (const file of pages) {
      const page = dom(readFileSync(path.join(out, file), "utf8"));
      const ids = [...page.querySelectorAll("[id]")].map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length, `${file} repeats an id: ${ids.join(" ")}`);
      const body = page.querySelector(".post-body") ? ".post-body" : "main";
      const headings = new Set([...page.querySelectorAll(["h1", "h2", "h3", "h4", "h5", "h6"].map((h) => `${body} ${h}`).join(", "))].map((h) => h.id));
      for (const id of ids) assert.ok(LAYOUT_IDS.test(id) || headings.has(id), `${file}: the layout's id "${id}" is not in LAYOUT_IDS (lib/heading-ids.ts)`);
    }
  });
});
