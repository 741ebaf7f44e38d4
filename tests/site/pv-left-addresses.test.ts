// What the preview says at an address a post's page left (lib/preview-outputs.ts LeftAddresses):
// the builds are described by hand, as plugins/preview-outputs.ts records them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LeftAddresses, leftAddressHtml } from "../../lib/preview-outputs.ts";

const page = (input: string, url: string, text: string, title = "A title") => ({ input, url, identity: [`text:${text}`, `title:${title}`] });
const A = page("content/posts/a.md", "/posts/a/", "one");
const B = page("content/posts/b.md", "/posts/b/", "two", "Another");

describe("LeftAddresses", () => {
  it("knows no address no page left", () => {
    const left = new LeftAddresses();
    left.record([A, B], true);
    assert.equal(left.at("/posts/a/"), undefined);
    assert.equal(left.at("/posts/nothing/"), undefined);
  });

  it("a renamed file: its old address points to its new one, the deletion and the addition in one build or in two", () => {
    const together = new LeftAddresses();
    together.record([A, B], true);
    together.record([B, { ...A, input: "content/posts/a2.md", url: "/posts/a2/" }], true);
    assert.deepEqual(together.at("/posts/a/"), { kind: "moved", from: "content/posts/a.md", to: "content/posts/a2.md", url: "/posts/a2/" });

    const apart = new LeftAddresses();
    apart.record([A, B], true);
    apart.record([B], true);
    assert.deepEqual(apart.at("/posts/a/"), { kind: "deleted", from: "content/posts/a.md" });
    apart.record([B, { ...A, input: "content/posts/a2.md", url: "/posts/a2/" }], true);
    assert.deepEqual(apart.at("/posts/a/"), { kind: "moved", from: "content/posts/a.md", to: "content/posts/a2.md", url: "/posts/a2/" });
  });

  it("matches by text first, then by title; an incremental build deletes nothing", () => {
    const left = new LeftAddresses();
    left.record([A, B], true);
    // A renamed and edited (same title), B renamed as it is: each old address finds its own post.
    const a2 = page("content/posts/a2.md", "/posts/a2/", "one, edited");
    const b2 = page("content/posts/b2.md", "/posts/b2/", "two", "Another");
    left.record([a2, b2], true);
    assert.equal((left.at("/posts/a/") as { to: string }).to, "content/posts/a2.md");
    assert.equal((left.at("/posts/b/") as { to: string }).to, "content/posts/b2.md");
    // An incremental build renders only the saved post: the other is not gone.
    left.record([page("content/posts/a2.md", "/posts/a2/", "one, edited again")], false);
    assert.equal(left.at("/posts/b2/"), undefined);
  });

  it("follows a post renamed twice, says a deleted one is gone, and forgets an address a page has again", () => {
    const left = new LeftAddresses();
    left.record([A], true);
    const a2 = { ...A, input: "content/posts/a2.md", url: "/posts/a2/" };
    const a3 = { ...A, input: "content/posts/a3.md", url: "/posts/a3/" };
    left.record([a2], true);
    left.record([a3], true);
    assert.deepEqual(left.at("/posts/a/"), { kind: "moved", from: "content/posts/a.md", to: "content/posts/a3.md", url: "/posts/a3/" });
    assert.equal((left.at("/posts/a2/") as { to: string }).to, "content/posts/a3.md");
    left.record([], true);
    assert.deepEqual(left.at("/posts/a/"), { kind: "deleted", from: "content/posts/a.md" });
    left.record([A], true);
    assert.equal(left.at("/posts/a/"), undefined);
  });

  it("a post whose address changed with its file unchanged in name (an edit): the old address points to the new", () => {
    const left = new LeftAddresses();
    left.record([A], true);
    left.record([{ ...A, url: "/posts/renamed-slug/" }], false);
    assert.deepEqual(left.at("/posts/a/"), { kind: "moved", from: "content/posts/a.md", to: "content/posts/a.md", url: "/posts/renamed-slug/" });
  });
});

describe("leftAddressHtml", () => {
  it("links relatively (right under a path prefix) and escapes file names", () => {
    const moved = leftAddressHtml("/posts/a/", { kind: "moved", from: "content/posts/<a>.md", to: "content/posts/a2.md", url: "/posts/a2/" });
    assert.match(moved, /<h1>This post has moved<\/h1>/);
    assert.match(moved, /<a href="\.\.\/a2\/">\/posts\/a2\/<\/a>/);
    assert.match(moved, /<code>content\/posts\/&#60;a&#62;\.md<\/code>/);
    assert.match(moved, /<html lang="en">/);
    const deleted = leftAddressHtml("/posts/a/", { kind: "deleted", from: "content/posts/a.md" });
    assert.match(deleted, /<h1>This post was deleted<\/h1>/);
    assert.match(deleted, /<a href="\.\.\/\.\.\/">Go to the home page<\/a>/);
  });
});
