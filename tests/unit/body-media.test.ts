// A video without captions is a warning and a frame without a title an error, each at
// its line and column, with a fix; HTML shown as code is never reported.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { bodyMediaProblems } from "../../lib/body-media.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FILE = "content/posts/2017-04-30-online-communities.md";
const problems = (body: string) => bodyMediaProblems(body, FILE, 1).map((p) => [p.severity, p.line, p.column, p.message]);

describe("bodyMediaProblems: videos need captions", () => {
  it("warns about a video without captions at its line and column, and suggests a captions file named after it", () => {
    const found = bodyMediaProblems("Intro.\n\nWatch: <video controls src=\"clips/meetup.mp4\"></video>\n", FILE, 10);
    assert.equal(found.length, 1);
    const [p] = found;
    assert.deepEqual([p!.severity, p!.line, p!.column], ["warning", 12, 8]);
    assert.equal(p!.message, "the video clips/meetup.mp4 has no captions: readers who cannot hear it miss what is said");
    assert.match(p!.fix!, /<track kind="captions" src="meetup\.vtt" srclang="en" label="English">/);
    assert.match(p!.fix!, /without speech, add muted/);
  });

  it("accepts captions or subtitles with a file, in any case and however the video is split by blank lines", () => {
    const body = [
      '<video controls><source src="a.mp4" type="video/mp4"><track kind="captions" src="a.vtt"></video>',
      "",
      '<VIDEO controls src="b.mp4"><TRACK KIND="Subtitles" SRC="b.fr.vtt" srclang="fr"></VIDEO>',
      "",
      '<video controls src="c.mp4"><track src="c.vtt"></video>', // no kind: subtitles, the default
      "",
      '<video controls src="d.mp4">',
      "",
      '  <track kind="captions" src="d.vtt" srclang="en">',
      "</video>",
    ].join("\n");
    assert.deepEqual(problems(body), []);
  });

  it("does not count descriptions, chapters, a track without a file, or a track after the video ended", () => {
    const body = [
      '<video controls src="a.mp4"><track kind="descriptions" src="a.vtt"></video>', //  line 1
      '<video controls src="b.mp4"><track kind="chapters" src="b.vtt"></video>', //      line 2
      '<video controls src="c.mp4"><track kind="captions"></video>', //                  line 3
      "",
      '<video controls><source src="d.webm" type="video/webm"></video>', //              line 5: named by its source
      '<track kind="captions" src="d.vtt">',
    ].join("\n");
    assert.deepEqual(
      problems(body).map(([severity, line, , message]) => [severity, line, String(message).split(" has")[0]]),
      [
        ["warning", 1, "the video a.mp4"],
        ["warning", 2, "the video b.mp4"],
        ["warning", 3, "the video c.mp4"],
        ["warning", 5, "the video d.webm"],
      ],
    );
  });

  it("accepts a muted video, which says it has no speech", () => {
    assert.deepEqual(problems('<video autoplay loop muted playsinline src="loop.mp4"></video>'), []);
  });

  it("points at each video on a line of two, and at a video written in mixed case", () => {
    const body = 'A <video src="a.mp4"></video> and <video src="b.mp4"></video>\n\n<ViDeo src="c.mp4">\n</ViDeo>';
    assert.deepEqual(
      problems(body).map(([, line, column]) => [line, column]),
      [
        [1, 3],
        [1, 35],
        [3, 1],
      ],
    );
  });

  it("names a video with no file at all by its tag, and suggests captions.vtt", () => {
    const [p] = bodyMediaProblems("<video controls></video>", FILE, 1);
    assert.equal(p!.message, "the <video> has no captions: readers who cannot hear it miss what is said");
    assert.match(p!.fix!, /src="captions\.vtt"/);
  });
});

describe("bodyMediaProblems: frames need a title", () => {
  it("reports an iframe without a title as an error at its column, with a fix", () => {
    const body = 'Intro.\n\nThe recording: <IFRAME src="https://video.example/embed/42" allowfullscreen></IFRAME>\n';
    const [p, ...rest] = bodyMediaProblems(body, FILE, 5);
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column], ["error", 7, 16]);
    assert.equal(p!.message, "the embedded frame of https://video.example/embed/42 has no title: screen readers announce it as an unnamed frame");
    assert.match(p!.fix!, /add title="what it shows" to the <iframe> tag/);
  });

  it("accepts a title, an aria-label or aria-labelledby, but not an empty title", () => {
    const body = [
      '<iframe title="Video: the chat explained" src="https://video.example/1"></iframe>',
      '<iframe aria-label="Map of the venue" src="https://maps.example/2"></iframe>',
      '<p id="form-name">Sign-up form</p><iframe aria-labelledby="form-name" src="https://forms.example/3"></iframe>',
      "",
      '<iframe title="  " src="https://video.example/4"></iframe>', // line 5
    ].join("\n");
    assert.deepEqual(
      problems(body).map(([severity, line]) => [severity, line]),
      [["error", 5]],
    );
  });
});

describe("bodyMediaProblems: HTML shown as code", () => {
  it("reports nothing in a code block or a code span", () => {
    const body = ["```html", '<video src="a.mp4"></video>', '<iframe src="https://x.example/"></iframe>', "```", "", 'Write `<iframe src="…">` and `<video>`.'].join("\n");
    assert.deepEqual(problems(body), []);
  });
});

describe("loadPost and loadPage with videos and frames", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };

  it("keeps a post whose video lacks captions and prints the warning with file, line and column", () => {
    const { post, diagnostics } = loadPost(FILE, '---\ntitle: T\ndate: 2017-04-30\n---\nHello\n\n<video controls src="meetup.mp4"></video>\n', ctx);
    assert.notEqual(post, undefined);
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:7:1  warning: the video meetup.mp4 has no captions: readers who cannot hear it miss what is said → add captions inside the <video>: <track kind="captions" src="meetup.vtt" srclang="en" label="English"> (a WebVTT file next to the post); for a video without speech, add muted to the <video> tag`,
    ]);
  });

  it("refuses a post with an untitled frame, and reports it on a page too", () => {
    const text = '---\ntitle: T\ndate: 2017-04-30\n---\n<iframe src="https://video.example/1"></iframe>\n';
    const postResult = loadPost(FILE, text, ctx);
    assert.equal(postResult.post, undefined);
    assert.deepEqual(postResult.diagnostics.map((d) => [d.severity, d.line, d.column]), [["error", 5, 1]]);
    const pageResult = loadPage("content/about.md", text, ctx);
    assert.deepEqual(pageResult.diagnostics.map((d) => [d.file, d.severity, d.line]), [["content/about.md", "error", 5]]);
  });
});
