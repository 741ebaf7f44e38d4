// Every built HTML page of the sample site and of the fixture site passes html-validate
// (rules in .htmlvalidate.json) with no error.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";

const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));

const sites: Record<string, BuiltSite> = {};
before(async () => {
  [sites.sample, sites.fixture] = await Promise.all([buildSite(PROJECT), buildSite(FIXTURE_SITE)]);
});

async function problems(site: BuiltSite): Promise<string[]> {
  const out: string[] = [];
  for (const page of site.files().filter((f) => f.endsWith(".html"))) {
    const report = await validator.validateString(site.read(page), page);
    for (const result of report.results) {
      for (const m of result.messages as Message[]) {
        if (m.severity === 2) out.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  return out;
}

describe("html-validate", () => {
  for (const name of ["sample", "fixture"] as const) {
    it(`finds no error on any page of the ${name} site`, async () => {
      const site = sites[name]!;
      assert.ok(site.files().some((f) => f.startsWith("posts/") && f.endsWith(".html")), "the site has announcement pages");
      assert.deepEqual(await problems(site), []);
    });
  }

  it("is not a rubber stamp: it reports a page with broken markup", async () => {
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</div><img src="a.png"></body></html>', "broken.html");
    assert.equal(report.valid, false);
  });
});
