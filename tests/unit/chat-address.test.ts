// Where readers follow a chat whose hashtag is not the site's, and whether a question
// already holds the hashtag. Addresses are read back with WHATWG URL.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chatAddress, followedHashtag, mentionsHashtag } from "../../lib/chat-address.ts";

const site = (url: string) => ({ hashtag: "#fixchat", url });

describe("chatAddress", () => {
  it("puts the post's tag in place of the site's, as a path segment", () => {
    assert.equal(chatAddress("#nursechat", site("https://bsky.app/hashtag/fixchat")), "https://bsky.app/hashtag/nursechat");
    assert.equal(chatAddress("#nursechat", site("https://mastodon.social/tags/fixchat")), "https://mastodon.social/tags/nursechat");
    assert.equal(chatAddress("#nursechat", site("https://example.org/tags/fixchat/live")), "https://example.org/tags/nursechat/live");
    // Written with its # (encoded) in the path, it keeps it.
    assert.equal(chatAddress("#nursechat", site("https://example.org/search/%23fixchat")), "https://example.org/search/%23nursechat");
  });

  it("and as a query value, with or without #, leaving the other parameters as written", () => {
    const x = chatAddress("#nursechat", site("https://x.com/search?q=%23fixchat&src=typed_query&f=live"));
    assert.equal(x, "https://x.com/search?q=%23nursechat&src=typed_query&f=live");
    assert.equal(new URL(x).searchParams.get("q"), "#nursechat");
    assert.equal(chatAddress("#nursechat", site("https://bsky.app/search?q=fixchat")), "https://bsky.app/search?q=nursechat");
    assert.equal(chatAddress("#nursechat", site("https://bsky.app/search?q=%23FixChat")), "https://bsky.app/search?q=%23nursechat");
  });

  it("matches the site's tag in any capitals, and only as a whole segment or value", () => {
    assert.equal(chatAddress("#nursechat", site("https://bsky.app/hashtag/FIXCHAT")), "https://bsky.app/hashtag/nursechat");
    assert.equal(chatAddress("#nursechat", site("https://bsky.app/hashtag/fixchats")), "https://bsky.app/hashtag/fixchats");
    assert.equal(chatAddress("#nursechat", site("https://bsky.app/search?q=%23fixchat%20live")), "https://bsky.app/search?q=%23fixchat%20live");
    // A host is not a path segment.
    assert.equal(chatAddress("#nursechat", site("https://fixchat.example/")), "https://fixchat.example/");
  });

  it("encodes a tag with letters outside ASCII", () => {
    const path = chatAddress("#pflegechät", site("https://bsky.app/hashtag/fixchat"));
    assert.equal(path, "https://bsky.app/hashtag/pflegech%C3%A4t");
    assert.equal(decodeURIComponent(new URL(path).pathname), "/hashtag/pflegechät");
    const query = chatAddress("#pflegechät", site("https://bsky.app/search?q=%23fixchat"));
    assert.equal(new URL(query).searchParams.get("q"), "#pflegechät");
  });

  it("keeps the site's page for the site's own tag, and for a page that names no tag", () => {
    assert.equal(chatAddress("#fixchat", site("https://bsky.app/hashtag/fixchat")), "https://bsky.app/hashtag/fixchat");
    assert.equal(chatAddress("#FixChat", site("https://bsky.app/hashtag/fixchat")), "https://bsky.app/hashtag/fixchat");
    assert.equal(chatAddress("#nursechat", site("https://bsky.app")), "https://bsky.app");
    assert.equal(chatAddress("#nursechat", site("https://www.tweetchat.com/room?id=42")), "https://www.tweetchat.com/room?id=42");
  });

  it("gives a chat its hashtag with the address", () => {
    assert.deepEqual(followedHashtag("#nursechat", site("https://bsky.app/hashtag/fixchat")), { hashtag: "#nursechat", url: "https://bsky.app/hashtag/nursechat" });
  });
});

describe("mentionsHashtag", () => {
  it("finds the tag as a whole word, in any capitals", () => {
    assert.equal(mentionsHashtag("What is #nursechat about?", "#nursechat"), true);
    assert.equal(mentionsHashtag("#NurseChat: what is it?", "#nursechat"), true);
    assert.equal(mentionsHashtag("Ends with #nursechat", "#nursechat"), true);
    assert.equal(mentionsHashtag("(#nursechat)", "#nursechat"), true);
  });

  it("does not count a longer tag, a tag inside a word, or the word without #", () => {
    assert.equal(mentionsHashtag("Join #nursechats today", "#nursechat"), false);
    assert.equal(mentionsHashtag("Join #nursechat_uk today", "#nursechat"), false);
    assert.equal(mentionsHashtag("see a#nursechat", "#nursechat"), false);
    assert.equal(mentionsHashtag("What is nursechat about?", "#nursechat"), false);
    assert.equal(mentionsHashtag("#pflegechät2", "#pflegechät"), false);
    assert.equal(mentionsHashtag("#pflegechät?", "#pflegechät"), true);
  });
});
