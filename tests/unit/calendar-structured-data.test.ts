// schema.org JSON-LD for an announcement, on its own: offsets at start and end, posts
// without a chat, and text that must stay inert inside a script element.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { followedHashtag } from "../../lib/chat-address.ts";
import { structuredData, structuredDataScript, type StructuredInput } from "../../lib/structured-data.ts";

const base: StructuredInput = {
  post: {
    title: "Online Communities",
    date: "2017-10-30",
    author: "Colin Hung",
    tags: ["community"],
    topics: ["Should vendors join?"],
    // 01:30 EDT on Sun Nov 5 2017 (05:30 UT), the first of the two 01:30s in New York.
    chat: { startMillis: Date.parse("2017-11-05T05:30:00Z"), endMillis: Date.parse("2017-11-05T06:30:00Z"), zone: "America/New_York", hashtag: "#hcldr", platform: "Bluesky", url: "https://bsky.app/hashtag/hcldr" },
  },
  site: { title: "Care Chat", homeUrl: "https://chat.example/" },
  pageUrl: "https://chat.example/posts/online-communities/",
};

const nodes = (input: StructuredInput) => structuredData(input)["@graph"] as Array<Record<string, any>>;

describe("structured data", () => {
  it("gives start and end with the offset in force at each (the clocks go back during this chat)", () => {
    const event = nodes(base).find((n) => n["@type"] === "Event")!;
    // EST (−5) from 06:00 UT: the chat ends at the second 01:30.
    assert.equal(event.startDate, "2017-11-05T01:30:00-04:00");
    assert.equal(event.endDate, "2017-11-05T01:30:00-05:00");
    assert.equal(event.location.url, "https://bsky.app/hashtag/hcldr");
    assert.equal(event.description, "#hcldr chat: Online Communities. T1: Should vendors join?");
  });

  it("puts the chat's virtual location at the page of its own hashtag", () => {
    const chat = { ...base.post.chat!, ...followedHashtag("#nursechat", { hashtag: "#hcldr", url: "https://bsky.app/search?q=%23hcldr" }) };
    const event = nodes({ ...base, post: { ...base.post, chat } }).find((n) => n["@type"] === "Event")!;
    assert.deepEqual(event.location, { "@type": "VirtualLocation", name: "#nursechat on Bluesky", url: "https://bsky.app/search?q=%23nursechat" });
  });

  it("names the chat's own platform and address as its virtual location, inert in the script element", () => {
    const chat = { ...base.post.chat!, platform: "Q&A <Room>", url: "https://meet.example/j/123?pwd=a&b=2" };
    const event = nodes({ ...base, post: { ...base.post, chat } }).find((n) => n["@type"] === "Event")!;
    assert.deepEqual(event.location, { "@type": "VirtualLocation", name: "#hcldr on Q&A <Room>", url: "https://meet.example/j/123?pwd=a&b=2" });
    const json = structuredDataScript({ ...base, post: { ...base.post, chat } });
    assert.doesNotMatch(json, /[<>&]/);
  });

  it("has only a BlogPosting for a post without a chat", () => {
    const graph = nodes({ ...base, post: { ...base.post, chat: undefined } });
    assert.deepEqual(graph.map((n) => n["@type"]), ["BlogPosting"]);
    assert.equal(graph[0]!.about, undefined);
    assert.equal(graph[0]!.keywords, "community");
  });

  it("serialises so that no front-matter text can end the script element", () => {
    const json = structuredDataScript({ ...base, post: { ...base.post, title: "</script><script>alert(1)</script> & <!--" } });
    assert.doesNotMatch(json, /[<>&]/);
    assert.equal((JSON.parse(json)["@graph"] as Array<Record<string, any>>)[0]!.headline, "</script><script>alert(1)</script> & <!--");
  });
});
