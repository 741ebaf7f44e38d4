// Share links and topic copy text: encoded once in lib/, never in templates.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { shareLinks, topicCopyText } from "../../lib/share-links.ts";

const base = { title: "Online Communities", path: "/posts/online-communities/", siteUrl: "https://careleaders.example/", pathPrefix: "/", hashtag: "#hcldr" };

function param(href: string, name: string): string | null {
  return new URL(href).searchParams.get(name);
}

describe("shareLinks", () => {
  it("gives Bluesky, Mastodon, LinkedIn and email links carrying the title, hashtag and address", () => {
    const links = shareLinks(base);
    assert.deepEqual(links.map((l) => l.service), ["bluesky", "mastodon", "linkedin", "email"]);
    const [bluesky, mastodon, linkedin, email] = links;
    assert.equal(new URL(bluesky!.href).origin + new URL(bluesky!.href).pathname, "https://bsky.app/intent/compose");
    assert.equal(param(bluesky!.href, "text"), "Online Communities #hcldr https://careleaders.example/posts/online-communities/");
    assert.equal(param(mastodon!.href, "text"), "Online Communities #hcldr https://careleaders.example/posts/online-communities/");
    assert.equal(param(linkedin!.href, "url"), "https://careleaders.example/posts/online-communities/");
    assert.match(email!.href, /^mailto:\?subject=Online%20Communities&body=/);
  });

  it("shares the address under the path prefix, once", () => {
    for (const siteUrl of ["https://me.github.io/", "https://me.github.io/repo/"]) {
      const linkedin = shareLinks({ ...base, siteUrl, pathPrefix: "/repo/" })[2]!;
      assert.equal(param(linkedin.href, "url"), "https://me.github.io/repo/posts/online-communities/");
    }
  });

  it("URL-encodes every character that could end an attribute or a parameter", () => {
    const links = shareLinks({ ...base, title: `Tom & "Jerry" <b>#1</b>? a=b` });
    for (const link of links) {
      assert.doesNotMatch(link.href.replace(/^[^?]*\?/, "").replace(/&(text|url|subject|body)=/g, ""), /[&"<>#? ]/, link.service);
    }
    assert.equal(param(links[0]!.href, "text"), `Tom & "Jerry" <b>#1</b>? a=b #hcldr https://careleaders.example/posts/online-communities/`);
  });

  it("round-trips any title through the share text", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (title) => {
        const [bluesky, , , email] = shareLinks({ ...base, title });
        assert.ok(param(bluesky!.href, "text")!.startsWith(title));
        const subject = decodeURIComponent(/subject=([^&]*)/.exec(email!.href)![1]!);
        assert.equal(subject, title);
      }),
    );
  });
});

describe("topicCopyText", () => {
  it("is label, topic text and hashtag, on one line", () => {
    assert.equal(topicCopyText("T1", "Should vendors\n join?", "#hcldr"), "T1 Should vendors join? #hcldr");
    assert.equal(topicCopyText("T2", "No tag"), "T2 No tag");
  });
});

describe("a hashtag the text holds already", () => {
  it("is not added again to a topic's copy text or to the shared text", () => {
    assert.equal(topicCopyText("T1", "What is #NurseChat about?", "#nursechat"), "T1 What is #NurseChat about?");
    assert.equal(topicCopyText("T2", "Who joins #nursechats?", "#nursechat"), "T2 Who joins #nursechats? #nursechat");
    const bluesky = shareLinks({ title: "Night shift on #nursechat", path: "/posts/x/", siteUrl: "https://careleaders.example/", pathPrefix: "/", hashtag: "#nursechat" })[0]!;
    assert.equal(decodeURIComponent(bluesky.href.split("text=")[1]!), "Night shift on #nursechat https://careleaders.example/posts/x/");
  });
});
