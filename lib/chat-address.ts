// A chat's hashtag beyond its own field: the page where readers follow that hashtag
// live, and whether a text already carries it. Plain strings in and out.

/** The site's chat settings this needs: its hashtag and the page that follows it. */
export interface SiteChat {
  hashtag: string;
  url: string;
}

/** A chat's hashtag and where readers follow it live, as a post's chat carries them. */
export interface FollowedHashtag {
  hashtag: string;
  url: string;
}

/** `hashtag`, with the address of the page that follows it (see chatAddress). */
export function followedHashtag(hashtag: string, site: SiteChat): FollowedHashtag {
  return { hashtag, url: chatAddress(hashtag, site) };
}

/**
 * Where readers follow `hashtag` live. The site's page, with the site's tag replaced by
 * this one wherever it is a whole path segment or a whole query value (written with or
 * without `#`, any capitals): .../hashtag/fixchat, /tags/fixchat, ?q=%23fixchat, ?q=fixchat.
 * A page that names no tag (a platform's home, a chat room) is the same for every tag.
 */
export function chatAddress(hashtag: string, site: SiteChat): string {
  const from = bareTag(site.hashtag);
  const to = bareTag(hashtag);
  if (from === to) return site.url;
  let url: URL;
  try {
    url = new URL(site.url);
  } catch {
    return site.url;
  }
  let changed = false;
  // The tag as it was found, with its `#` if it had one, in place of the site's.
  const swap = (raw: string): string | undefined => {
    const value = decoded(raw);
    if (value === undefined || bareTag(value) !== from) return undefined;
    changed = true;
    return encodeURIComponent(`${value.startsWith("#") ? "#" : ""}${hashtag.replace(/^#/, "")}`);
  };
  // The raw, encoded text is edited so that the rest of the address stays as the site wrote it.
  const path = url.pathname.split("/").map((segment) => swap(segment) ?? segment).join("/");
  const query = url.search
    .slice(1)
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at < 0) return pair;
      const value = swap(pair.slice(at + 1).replace(/\+/g, " "));
      return value === undefined ? pair : `${pair.slice(0, at + 1)}${value}`;
    })
    .join("&");
  if (!changed) return site.url;
  url.pathname = path;
  url.search = query;
  return url.href;
}

/**
 * Whether `text` holds `hashtag` as a whole tag, in any capitals: "#NurseChat?" does,
 * "#nursechats" and "a#nursechat" do not.
 */
export function mentionsHashtag(text: string, hashtag: string): boolean {
  const tag = hashtag.replace(/^#/, "");
  if (!tag) return false;
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_#])#${escaped}(?![\\p{L}\\p{M}\\p{N}_])`, "iu").test(text);
}

/** A tag without its `#`, compared without capitals. */
function bareTag(tag: string): string {
  return tag.replace(/^#/, "").toLowerCase();
}

/** A percent-encoded part of an address as text; undefined when it is not valid encoding. */
function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
