// Unit tests of the site settings: defaults, validation and positioned messages.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSettings } from "../../lib/settings.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";

const VALID = `title: T
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

describe("parseSettings", () => {
  it("fills in defaults and normalises the base URL", () => {
    const { settings, diagnostics } = parseSettings(VALID);
    assert.deepEqual(diagnostics, []);
    assert.equal(settings!.url, "https://example.org/");
    assert.equal(settings!.pathPrefix, "/");
    assert.deepEqual(settings!.citations, { style: "apa", locale: "en-US", bibliography: [] });
    assert.equal(settings!.postsPerPage, 20);
  });

  it("reports each bad field with its line, and suggests the IANA zone", () => {
    const text = VALID.replace("zone: America/New_York", "zone: EST").replace('time: "20:30"', 'time: "8:30pm"').replace("weekday: tuesday", "weekday: tuseday");
    const { settings, diagnostics } = parseSettings(text);
    assert.equal(settings, undefined);
    const byField = new Map(diagnostics.map((d) => [d.field, d]));
    assert.equal(byField.get("chat.time")?.line, 9);
    assert.equal(byField.get("chat.weekday")?.line, 8);
    assert.match(formatDiagnostic(byField.get("chat.weekday")!), /content\/_data\/site\.yaml:8:3  chat\.weekday/);
    assert.equal(byField.get("chat.zone")?.line, 7);
    assert.match(byField.get("chat.zone")!.fix!, /America\/New_York/);
  });

  it("rejects an unknown field with a suggestion", () => {
    const { diagnostics } = parseSettings(VALID + "titel: X\n");
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.field, "titel");
    assert.equal(diagnostics[0]!.fix, "did you mean `title`?");
  });

  it("reports YAML syntax errors with their line", () => {
    const { diagnostics } = parseSettings('title: "unclosed\ndescription: D\n');
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /never closed/);
    assert.equal(diagnostics[0]!.line, 1);
    assert.ok(diagnostics[0]!.line! >= 1);
  });
});
