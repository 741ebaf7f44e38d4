// The preview's terminal: Eleventy's "[11ty] Benchmark …" warnings are dropped (quietMode does
// not silence them), every other warning is kept as it was written.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hideEleventyBenchmarks } from "../../scripts/run-step.ts";

describe("hideEleventyBenchmarks", () => {
  it("drops Eleventy's benchmark lines, coloured or not, and keeps every other warning", () => {
    const printed: unknown[][] = [];
    const terminal = { warn: (...args: unknown[]) => void printed.push(args) };
    hideEleventyBenchmarks(terminal);
    // As Eleventy's logger writes them: the prefix grey, the line yellow.
    terminal.warn("\x1b[33m\x1b[90m[11ty]\x1b[39m Benchmark    137ms  31%     4× (Configuration) \"feedUpdated\" Nunjucks Filter\x1b[39m");
    terminal.warn("[11ty] Benchmark     61ms   9%     1× (Aggregate) Searching the file system (templates)");
    terminal.warn("[11ty] Output conflict: multiple input files are writing to `_preview/index.html`.");
    terminal.warn("content/posts/a.md:3:1  start  the chat is before the publish date");
    terminal.warn({ Benchmark: true });
    assert.deepEqual(printed, [
      ["[11ty] Output conflict: multiple input files are writing to `_preview/index.html`."],
      ["content/posts/a.md:3:1  start  the chat is before the publish date"],
      [{ Benchmark: true }],
    ]);
  });
});
