// A site `url` with a path (https://example.github.io/chat-repo/): `npm run check` warns at the
// url line with the lines to write; those lines, written as given, check clean, and a build
// without --path-prefix (npm run build, Netlify) gives every full address the path. robots.txt
// is written only at the root of a host: crawlers read no other (RFC 9309 §2.3).
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { assertCheckAndBuildClean, copySiteWith, FIXTURE_SITE, reportLines, runScript, said, testFileCache } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const BASE = "https://example.github.io/chat-repo/";
const cache = testFileCache("fu7");
const env = { CHATPOST_CACHE_DIR: cache };

let root: string;
let out: string;
let warning: string;
let check: Awaited<ReturnType<typeof runScript>>;
before(async () => {
  root = copySiteWith(FIXTURE_SITE, { settings: (text) => text.replace(/^url: \S+/m, `url: ${BASE}`) });
  out = path.join(tmpdir(), `fu7-out-${path.basename(root)}`);
  check = await runScript("check", root, [], env);
  warning = reportLines(check);
});
after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const read = (rel: string) => readFileSync(path.join(out, rel), "utf8");
const meta = (html: string, name: string) => dom(html).querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content");

describe("a site url with a path", () => {
  it("is a warning at the url line of the settings, with the two lines to write", () => {
    assert.equal(check.code, 0, said(check));
    assert.match(said(check), /posts checked: no errors\./);
    assert.equal(warning.split("\n").length, 1, warning);
    assert.match(warning, /^content\/_data\/site\.yaml:4:1  url  warning: the address has a path, \/chat-repo\/, which chatpost does not read/);
    assert.match(warning, /instead of https:\/\/example\.github\.io\/chat-repo\/posts\/<name>\/, a page that is not there/);
    assert.match(warning, / → write url: https:\/\/example\.github\.io\/ and change the pathPrefix line to pathPrefix: \/chat-repo\/$/);
  });

  describe("written as the warning says", () => {
    before(async () => {
      // The fix's own lines, put in place of the file's url and pathPrefix lines.
      const lines = new Map([...warning.split(" → ")[1]!.matchAll(/\b(url|pathPrefix): (\S+)/g)].map((m) => [m[1]!, m[2]!]));
      assert.deepEqual([...lines.keys()], ["url", "pathPrefix"]);
      const file = path.join(root, "content/_data/site.yaml");
      let text = readFileSync(file, "utf8");
      for (const [field, value] of lines) text = text.replace(new RegExp(`^${field}: \\S+`, "m"), `${field}: ${value}`);
      writeFileSync(file, text);
      await assertCheckAndBuildClean(root, out, env);
    });

    it("gives the path to the canonical address, og:url, og:image and JSON-LD of a post", () => {
      const page = read("posts/escaping/index.html");
      assert.equal(dom(page).querySelector('link[rel="canonical"]')?.getAttribute("href"), `${BASE}posts/escaping/`);
      assert.equal(meta(page, "og:url"), `${BASE}posts/escaping/`);
      assert.equal(meta(page, "og:image"), `${BASE}posts/escaping/share.png`);
      const ld = JSON.parse(dom(page).querySelector('script[type="application/ld+json"]')!.textContent!);
      const urls: string[] = JSON.stringify(ld).match(/https?:\/\/example\.github\.io[^"]*/g) ?? [];
      assert.ok(urls.length >= 2, JSON.stringify(ld));
      for (const url of urls) assert.ok(url.startsWith(BASE), url);
      assert.ok(urls.includes(`${BASE}posts/escaping/`), urls.join(" "));
    });

    it("gives the path to the home page's addresses", () => {
      const home = read("index.html");
      assert.equal(dom(home).querySelector('link[rel="canonical"]')?.getAttribute("href"), BASE);
      assert.equal(meta(home, "og:image"), `${BASE}share.png`);
    });

    it("gives the path to every address in the sitemap and both feeds", () => {
      const locs = [...read("sitemap.xml").matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
      assert.ok(locs.length > 5 && locs.every((l) => l.startsWith(BASE)), locs.join(" "));
      assert.ok(locs.includes(`${BASE}posts/escaping/`));
      const atom = parseFeed(read("feed.xml"));
      assert.equal(atom.self, `${BASE}feed.xml`);
      assert.ok(atom.items.length > 0);
      for (const item of atom.items) assert.ok(item.url?.startsWith(`${BASE}posts/`), item.url ?? "");
      assert.match(read("feed.xml"), new RegExp(`<id>${BASE}</id>`));
      const json = JSON.parse(read("feed.json"));
      assert.equal(json.home_page_url, BASE);
      assert.equal(json.feed_url, `${BASE}feed.json`);
      for (const item of json.items) assert.ok(item.url.startsWith(`${BASE}posts/`) && item.id.startsWith(BASE), item.url);
    });

    it("gives the path to the calendars' addresses", () => {
      const unfolded = (rel: string) => read(rel).replace(/\r\n[ \t]/g, "");
      assert.match(unfolded("posts/upcoming/chat.ics"), new RegExp(`^URL;VALUE=URI:${BASE}posts/upcoming/\\r?$`, "m"));
      const all = unfolded("calendar.ics");
      const urls = all.match(/https?:\/\/example\.github\.io[^\s,;\\]*/g) ?? [];
      assert.ok(urls.length > 2, all);
      for (const url of urls) assert.ok(url.startsWith(BASE), url);
    });

    it("writes no robots.txt, which under /chat-repo/ no crawler would read", () => {
      assert.throws(() => read("robots.txt"), { code: "ENOENT" });
      assert.doesNotThrow(() => read("sitemap.xml"));
    });
  });
});
