// The JSON-LD's image and description when the post gives none: the share image and the
// page's meta description (the site's build passes both: tests/site/reader-polish.test.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { structuredData, type StructuredInput } from "../../lib/structured-data.ts";

const base: StructuredInput = {
  post: {
    title: "Online Communities",
    date: "2017-10-30",
    author: "Colin Hung",
    tags: [],
    topics: ["Should vendors join?"],
    chat: { startMillis: Date.parse("2017-10-31T00:30:00Z"), endMillis: Date.parse("2017-10-31T01:30:00Z"), zone: "America/New_York", hashtag: "#hcldr", platform: "Bluesky", url: "https://bsky.app/hashtag/hcldr" },
  },
  site: { title: "Care Chat", homeUrl: "https://chat.example/" },
  pageUrl: "https://chat.example/posts/online-communities/",
  shareImageUrl: "https://chat.example/posts/online-communities/share.png",
  description: "The first paragraph, as the meta description says it.",
};
const nodes = (input: StructuredInput) => structuredData(input)["@graph"] as Array<Record<string, any>>;

describe("structured data without an image or description of the post's own", () => {
  it("names the share image for the BlogPosting and the Event", () => {
    for (const node of nodes(base)) assert.deepEqual(node.image, [base.shareImageUrl], node["@type"]);
  });

  it("prefers the post's own image", () => {
    const own = "https://chat.example/posts/meetup.jpg";
    for (const node of nodes({ ...base, imageUrl: own })) assert.deepEqual(node.image, [own], node["@type"]);
  });

  it("describes the BlogPosting with the meta description, and with the post's own when it has one", () => {
    assert.equal(nodes(base)[0]!.description, base.description);
    assert.equal(nodes({ ...base, post: { ...base.post, description: "Written by the writer." } })[0]!.description, "Written by the writer.");
  });

  it("leaves both out when nothing is given", () => {
    const { shareImageUrl, description, ...bare } = base;
    const posting = nodes(bare)[0]!;
    assert.equal(posting.image, undefined);
    assert.equal(posting.description, undefined);
  });
});
