// Wires the Atom feed and the JSON Feed of the newest published posts (settings
// `feedSize`), with full content and absolute URLs (the path prefix included),
// through @11ty/eleventy-plugin-rss's filters.
import { dateToRfc3339, rssPlugin } from "@11ty/eleventy-plugin-rss";
import type { Post } from "../lib/post-loader.ts";
import { newestChangeMillis, publishedMillis, updatedMillis } from "../lib/publishing.ts";
import { CONTROL_CHARACTER, withoutControlCharacters } from "../lib/text-encoding.ts";
import { context } from "./context.ts";
import { interfaceLanguage } from "./site.ts";

export const ATOM_FEED_URL = "/feed.xml";
export const JSON_FEED_URL = "/feed.json";

/** RFC 3339, as both feeds want their dates: 2017-04-30T12:00:00Z. */
export function feedDate(millis: number): string {
  return dateToRfc3339(new Date(millis));
}

// The entry HTML once, for both feeds; relative links in it are made absolute by renderTransforms.
const ENTRY = `{%- set entryHtml %}{% include "partials/feed-entry.njk" %}{% endset -%}`;

// A chat called off or put off says so in its entry's title: feed readers list titles only.
const ENTRY_TITLE = `{%- set entryStatus = item.data.post.chat.status if item.data.post.chat else undefined -%}
  {%- set entryTitle = ("Cancelled: " if entryStatus == "cancelled" else ("Postponed: " if entryStatus == "postponed" else "")) + item.data.post.title -%}`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ site.language }}">
  <title>{{ site.title }}</title>
  <subtitle>{{ site.description }}</subtitle>
  <link href="{{ permalink | fullUrl }}" rel="self" type="application/atom+xml"/>
  <link href="{{ '/' | fullUrl }}" rel="alternate" type="text/html"/>
  <id>{{ '/' | fullUrl }}</id>
  <updated>{{ collections.posts.slice(0, site.feedSize) | feedNewest }}</updated>
  <author><name>{{ site.author }}</name></author>
  <generator>chatpost</generator>
  {%- for item in collections.posts.slice(0, site.feedSize) %}
  ${ENTRY}
  ${ENTRY_TITLE}
  {%- set entryLang = item.data.post | postLang %}
  <entry{% if entryLang %} xml:lang="{{ entryLang }}"{% endif %}>
    <title type="text">{{ entryTitle }}</title>
    <link href="{{ item.url | fullUrl }}" rel="alternate" type="text/html"/>
    <id>{{ item.url | fullUrl }}</id>
    <published>{{ item.data.post | feedPublished }}</published>
    <updated>{{ item.data.post | feedUpdated }}</updated>
    <author><name>{{ item.data.post.author }}</name></author>
    {%- for tag in item.data.post.tags %}
    <category term="{{ tag }}"/>
    {%- endfor %}
    <summary type="text">{{ item.data.post | metaDescription }}</summary>
    <content type="html"><![CDATA[{{ entryHtml | renderTransforms(item.data.page, site.url) | cdata | safe }}]]></content>
  </entry>
  {%- endfor %}
</feed>
`;

// Every value goes through `dump` (JSON.stringify), so any character in front matter stays valid JSON.
const JSON_FEED = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": {{ site.title | dump | safe }},
  "description": {{ site.description | dump | safe }},
  "language": {{ site.language | dump | safe }},
  "home_page_url": {{ '/' | fullUrl | dump | safe }},
  "feed_url": {{ permalink | fullUrl | dump | safe }},
  "authors": [{ "name": {{ site.author | dump | safe }} }],
  "items": [
  {%- for item in collections.posts.slice(0, site.feedSize) %}
    ${ENTRY}
    ${ENTRY_TITLE}
    {
      "id": {{ item.url | fullUrl | dump | safe }},
      "url": {{ item.url | fullUrl | dump | safe }},
      "title": {{ entryTitle | dump | safe }},
      {%- if item.data.post | postLang %}
      "language": {{ item.data.post | postLang | dump | safe }},
      {%- endif %}
      "summary": {{ item.data.post | metaDescription | dump | safe }},
      "content_html": {{ entryHtml | renderTransforms(item.data.page, site.url) | dump | safe }},
      "date_published": {{ item.data.post | feedPublished | dump | safe }},
      {%- if item.data.post.updated %}
      "date_modified": {{ item.data.post | feedUpdated | dump | safe }},
      {%- endif %}
      "authors": [{ "name": {{ item.data.post.author | dump | safe }} }],
      "tags": {{ item.data.post.tags | dump | safe }},
      "image": {{ item.data.post | shareImageUrl | fullUrl | dump | safe }}
    }{% if not loop.last %},{% endif %}
  {%- endfor %}
  ]
}
`;

/**
 * Text for a CDATA section: the one sequence that would end it is split across two sections.
 * CDATA keeps the entry's HTML readable, so tools that scan feeds for addresses see them whole.
 */
export function cdata(text: string): string {
  return String(text).replace(/]]>/g, "]]]]><![CDATA[>");
}

// What XML cannot hold (U+FFFE, U+FFFF, a half of a surrogate pair), besides the control characters.
const NOT_XML_CHARACTER = /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NOT_XML = new RegExp(NOT_XML_CHARACTER.source, "g");

/**
 * A feed as written, without control characters: one makes feed.xml unreadable, and feed
 * readers stop taking the site's updates. The check refuses them in posts, pages, settings
 * and bibliographies (lib/text-encoding.ts), but text reaches a feed by other ways too (an
 * entity such as `&#12;` in a post, an escape such as "\f" in YAML quotes). The JSON Feed
 * holds them escaped (`\f`), so its strings are cleaned; it is written again only then.
 */
export function feedWithoutControlCharacters(content: string, outputPath: string): string {
  if (outputPath.endsWith(".xml")) return withoutControlCharacters(content).replace(NOT_XML, "");
  if (!outputPath.endsWith(".json")) return content;
  let dirty = false;
  const data = JSON.parse(content, (_key, value: unknown) => {
    if (typeof value !== "string" || !(CONTROL_CHARACTER.test(value) || NOT_XML_CHARACTER.test(value))) return value;
    dirty = true;
    return withoutControlCharacters(value).replace(NOT_XML, "");
  });
  return dirty ? `${JSON.stringify(data, null, 2)}\n` : content;
}

export default function feedsPlugin(eleventyConfig: any): void {
  eleventyConfig.addPlugin(rssPlugin);
  // The zone is read at each use: under `npm start` an edit to the settings reaches the feeds.
  const zone = () => context().settings.chat.zone;
  eleventyConfig.addFilter("feedPublished", (post: Post) => feedDate(publishedMillis(post, zone())));
  eleventyConfig.addFilter("feedUpdated", (post: Post) => feedDate(updatedMillis(post, zone())));
  // The feed's own <updated>: its latest entry's (1970 for a feed without entries, as before).
  eleventyConfig.addFilter("feedNewest", (items: { data: { post: Post } }[]) =>
    feedDate(newestChangeMillis(items.map((item) => item.data.post), zone())),
  );
  eleventyConfig.addFilter("cdata", cdata);
  // "en" where English words need lang="en" inside text in `language` (a feed entry in a post's own language).
  eleventyConfig.addFilter("interfaceLang", interfaceLanguage);
  const common = { eleventyExcludeFromCollections: true, eleventyImport: { collections: ["posts"] }, layout: false };
  eleventyConfig.addTemplate("chatpost-feed-atom.njk", ATOM, { ...common, permalink: ATOM_FEED_URL });
  eleventyConfig.addTemplate("chatpost-feed-json.njk", JSON_FEED, { ...common, permalink: JSON_FEED_URL });
  eleventyConfig.addTransform("feed-control-characters", function (this: { page: { outputPath?: unknown } }, content: string) {
    const output = String(this.page.outputPath ?? "").replaceAll("\\", "/");
    return output.endsWith(ATOM_FEED_URL) || output.endsWith(JSON_FEED_URL) ? feedWithoutControlCharacters(content, output) : content;
  });
}
