// The publishing workflow and the Netlify configuration, read as the tools read them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { loadSiteSettings } from "../../lib/settings.ts";
import { PROJECT } from "../helpers/build-site.ts";

const source = readFileSync(path.join(PROJECT, ".github/workflows/publish.yml"), "utf8");
const workflow = parse(source);
type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown> };
const steps = (job: string): Step[] => workflow.jobs[job].steps;
const allSteps = (): Step[] => Object.keys(workflow.jobs).flatMap(steps);
const indexOf = (list: Step[], test: (s: Step) => boolean): number => list.findIndex(test);

describe("publish workflow", () => {
  it("runs on push to main, every day and by hand", () => {
    assert.deepEqual(workflow.on.push.branches, ["main"]);
    assert.ok(Array.isArray(workflow.on.schedule) && workflow.on.schedule.length === 1);
    assert.match(workflow.on.schedule[0].cron, /^\S+ \S+ \* \* \*$/);
    assert.ok("workflow_dispatch" in workflow.on);
  });

  it("builds every day just after midnight in the site's chat zone, where a post's date begins", () => {
    // A post dated D is published from the start of D in chat.zone (lib/publishing.ts): a daily
    // build in another zone would publish it hours late, or the evening before for readers elsewhere.
    const { zone } = loadSiteSettings(PROJECT).settings.chat;
    const [schedule] = workflow.on.schedule;
    assert.equal(
      schedule.timezone,
      zone,
      `.github/workflows/publish.yml: the daily build runs in ${schedule.timezone ?? "UTC"}, but the chats are hosted in ${zone} (chat.zone in content/_data/site.yaml) → write \`timezone: ${zone}\` under \`- cron: "17 0 * * *"\``,
    );
    assert.match(schedule.cron, /^\d{1,2} 0 \* \* \*$/, "the daily build runs in the first hour of the day");
  });

  it("checks the posts, then tests, then builds, then uploads the site, in one job that deploy depends on", () => {
    const build = steps("build");
    const at = {
      ci: indexOf(build, (s) => /^npm ci\b/.test(s.run ?? "")),
      check: indexOf(build, (s) => (s.run ?? "").trim() === "npm run check"),
      test: indexOf(build, (s) => (s.run ?? "").trim() === "npm test"),
      build: indexOf(build, (s) => /^npm run build\b/.test(s.run ?? "")),
      upload: indexOf(build, (s) => (s.uses ?? "").startsWith("actions/upload-pages-artifact@")),
      browsers: indexOf(build, (s) => /apt-get install[^\n]*chromium[^\n]*pandoc/.test(s.run ?? "")),
    };
    for (const [name, i] of Object.entries(at)) assert.ok(i >= 0, `build job has a ${name} step`);
    assert.ok(at.browsers < at.test && at.ci < at.test && at.test < at.build && at.build < at.upload);
    // A writer's mistake fails the run within a minute, in chatpost's words at its line: the
    // check runs as soon as the packages are installed, before the long tests and what only they need.
    assert.ok(at.ci < at.check && at.check < at.test, "npm run check runs after npm ci and before npm test");
    assert.equal(at.check, at.ci + 1, "npm run check runs right after npm ci");
    assert.ok(at.check < at.browsers, "the check does not wait for Chromium and pandoc");
    // Its name tells a writer, in the run's list of steps, that this is where their mistake is.
    assert.match(build[at.check]!.name ?? "", /posts/i);
    assert.equal(build[at.upload]!.with?.path, "_site");
    // A failing step stops the job, and deploy only runs after the build job succeeded.
    assert.ok(!build.some((s) => "continue-on-error" in s));
    assert.deepEqual([workflow.jobs.deploy.needs].flat(), ["build"]);
    assert.ok(steps("deploy").some((s) => (s.uses ?? "").startsWith("actions/deploy-pages@")));
    assert.equal(workflow.jobs.deploy.environment.name, "github-pages");
  });

  it("caches .cache/ between runs", () => {
    const cache = allSteps().find((s) => (s.uses ?? "").startsWith("actions/cache@"));
    assert.equal(cache?.with?.path, ".cache");
    // Saved by every run, restored from the newest: the record of the chats as published changes on a daily run too.
    assert.match(String(cache?.with?.key), /\$\{\{ github\.run_id \}\}/);
    assert.equal(cache?.with?.["restore-keys"], "chatpost-cache-");
  });

  it("pins every action to a full commit SHA", () => {
    const uses = allSteps().map((s) => s.uses).filter((u): u is string => !!u);
    assert.ok(uses.length >= 5);
    for (const u of uses) assert.match(u, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, u);
  });

  it("has the least permissions: read-only by default, Pages rights only for deploy", () => {
    assert.deepEqual(workflow.permissions, { contents: "read" });
    assert.equal(workflow.jobs.build.permissions, undefined);
    assert.deepEqual(workflow.jobs.deploy.permissions, { pages: "write", "id-token": "write" });
  });
});

describe("netlify.toml", () => {
  it("builds with npm run build and publishes _site", () => {
    const toml = readFileSync(path.join(PROJECT, "netlify.toml"), "utf8");
    assert.match(toml, /^\s*command\s*=\s*"npm run build"\s*$/m);
    assert.match(toml, /^\s*publish\s*=\s*"_site"\s*$/m);
  });
});
