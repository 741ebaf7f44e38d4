// The smallest valid content/_data/site.yaml, for tests of the settings check to vary.
export const MINIMAL_SETTINGS = `title: T
description: D
url: https://example.org
language: en-US
author: A
chat:
  zone: America/New_York
  weekday: tuesday
  time: "20:30"
  duration: 60
  hashtag: "#hcldr"
  platform: Bluesky
  url: https://bsky.app/hashtag/hcldr
`;
