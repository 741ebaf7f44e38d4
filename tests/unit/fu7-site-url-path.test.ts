// A site `url` with a path (https://name.github.io/repo/) is read as its host only: the settings
// check says so at `url`, with the lines to write, and those lines check clean and give the path.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSettings } from "../../lib/settings.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { absoluteUrl, siteUrlProblem } from "../../lib/site-url.ts";
import { MINIMAL_SETTINGS } from "../helpers/settings-text.ts";

const settingsWith = (url: string, prefixLine?: string) =>
  MINIMAL_SETTINGS.replace("url: https://example.org\n", `url: ${url}\n${prefixLine ? `${prefixLine}\n` : ""}`);

/** The settings lines a fix asks for (`url: …`, `pathPrefix: …`), by field. */
function linesOf(fix: string): Map<string, string> {
  return new Map([...fix.matchAll(/\b(url|pathPrefix): (\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

/** The settings text with the fix's lines written in: each replaces its field's line, or goes below `url`. */
function applyFix(text: string, fix: string): string {
  let out = text;
  for (const [field, value] of linesOf(fix)) {
    const line = `${field}: ${value}`;
    const at = new RegExp(`^${field}: .*$`, "m");
    out = at.test(out) ? out.replace(at, line) : out.replace(/^(url: .*)$/m, `$1\n${line}`);
  }
  return out;
}

describe("a site url with a path", () => {
  it("is a warning at the url line that says what goes wrong and gives both lines to write", () => {
    const text = settingsWith("https://example.github.io/chat-repo/");
    const { settings, diagnostics } = parseSettings(text);
    assert.ok(settings, "a warning: the settings are still read");
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.deepEqual([d!.severity, d!.field, d!.line, d!.column], ["warning", "url", 3, 1]);
    assert.match(d!.message, /path, \/chat-repo\/, which chatpost does not read/);
    assert.match(d!.message, /as https:\/\/example\.github\.io\/posts\/<name>\/ instead of https:\/\/example\.github\.io\/chat-repo\/posts\/<name>\//);
    assert.match(d!.message, /without --path-prefix/);
    assert.equal(d!.fix, "write url: https://example.github.io/ and below it pathPrefix: /chat-repo/");
    assert.match(formatDiagnostic(d!), /^content\/_data\/site\.yaml:3:1  url  warning: the address has a path/);
  });

  it("asks to change the pathPrefix line when the file has one", () => {
    const { diagnostics } = parseSettings(settingsWith("https://example.github.io/chat-repo/", "pathPrefix: /"));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.fix, "write url: https://example.github.io/ and change the pathPrefix line to pathPrefix: /chat-repo/");
  });

  for (const [url, prefixLine] of [
    ["https://example.github.io/chat-repo/", undefined],
    ["https://example.github.io/chat-repo/", "pathPrefix: /"],
    ["https://example.github.io/chat-repo", "pathPrefix: /"],
    ["https://example.github.io/chat-repo/index.html", undefined],
    ["https://example.org/chats/nurses/", "pathPrefix: /"],
  ] as const) {
    it(`written as the fix says, checks clean and gives the path to every full address (${url}${prefixLine ? `, ${prefixLine}` : ""})`, () => {
      const text = settingsWith(url, prefixLine);
      const fix = parseSettings(text).diagnostics[0]!.fix!;
      const fixed = parseSettings(applyFix(text, fix));
      assert.deepEqual(fixed.diagnostics, []);
      const path = new URL(url).pathname.replace(/index\.html$/, "").replace(/\/?$/, "/");
      assert.equal(fixed.settings!.url, `${new URL(url).origin}/`);
      assert.equal(fixed.settings!.pathPrefix, path);
      assert.equal(absoluteUrl(fixed.settings!.url, fixed.settings!.pathPrefix, "/posts/x/"), `${new URL(url).origin}${path}posts/x/`);
    });
  }

  it("says nothing when the path is the pathPrefix, or there is no path", () => {
    for (const [url, prefixLine] of [
      ["https://example.github.io/chat-repo/", "pathPrefix: /chat-repo/"],
      ["https://example.github.io/chat-repo", "pathPrefix: /chat-repo/"],
      ["https://example.org", undefined],
      ["https://example.org/", "pathPrefix: /repo/"],
    ] as const) {
      assert.deepEqual(parseSettings(settingsWith(url, prefixLine)).diagnostics, [], url);
    }
  });

  it("offers both readings when the path and pathPrefix differ", () => {
    const { diagnostics } = parseSettings(settingsWith("https://example.github.io/old-name/", "pathPrefix: /chat-repo/"));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.severity, "warning");
    assert.match(diagnostics[0]!.message, /made with pathPrefix \/chat-repo\/ \(https:\/\/example\.github\.io\/chat-repo\/posts\/<name>\/\), not \/old-name\//);
    assert.equal(
      diagnostics[0]!.fix,
      "write url: https://example.github.io/, and keep pathPrefix: /chat-repo/ if the site is served at https://example.github.io/chat-repo/, or write pathPrefix: /old-name/ if it is served at https://example.github.io/old-name/",
    );
  });

  it("tells a query or fragment too, which no address keeps", () => {
    const problem = siteUrlProblem("https://example.org/?utm_source=x#top", "/", false);
    assert.match(problem!.message, /the address has \?utm_source=x#top, which chatpost does not read/);
    assert.equal(problem!.fix, "write url: https://example.org/");
    const both = siteUrlProblem("https://example.org/repo/?a=1", "/", false);
    assert.match(both!.message, /a path, \/repo\/, and \?a=1/);
    assert.equal(both!.fix, "write url: https://example.org/ and below it pathPrefix: /repo/");
  });

  it("reads an address copied from a page or file of the site as the site above it", () => {
    for (const url of ["https://example.github.io/repo/feed.xml", "https://example.github.io/repo/posts/online-communities/", "https://example.github.io/repo/tags/care/", "https://example.github.io/repo/index.htm"]) {
      assert.equal(siteUrlProblem(url, "/", false)!.fix, "write url: https://example.github.io/ and below it pathPrefix: /repo/", url);
    }
    // A page of a site at the root: the host alone, which is what is read, gives every address right.
    assert.equal(siteUrlProblem("https://example.org/posts/online-communities/", "/", false), undefined);
  });

  it("tells a user name and password, which every full address would carry", () => {
    const problem = siteUrlProblem("https://user:secret@example.org/", "/", false);
    assert.match(problem!.message, /user name and password/);
    assert.equal(problem!.fix, "write url: https://example.org/");
    const text = settingsWith("https://user:secret@example.org/");
    assert.deepEqual(parseSettings(applyFix(text, parseSettings(text).diagnostics[0]!.fix!)).diagnostics, []);
  });

  it("asks for the path in pathPrefix's form when the url's path cannot be one", () => {
    const problem = siteUrlProblem("https://example.org/chat%20repo/", "/", true);
    assert.match(problem!.fix, /^write url: https:\/\/example\.org\/ and change the pathPrefix line to pathPrefix: \/<path>\/ \(the path the site is served under/);
  });
});
