import { spawn } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createServer, Server } from "http";
import { AddressInfo } from "net";
import { tmpdir } from "os";
import { join } from "path";
import YAML from "yaml";
import { repoRoot } from "../../scripts/repo-root";

/** The Woodpecker v3 workflows, parsed the way a YAML reader sees them. */
const DIR = join(repoRoot(), ".woodpecker");

interface Step {
  name: string;
  image: string;
  commands?: string[];
  environment?: Record<string, string | { from_secret: string }>;
  when?: Array<Record<string, unknown>>;
  secrets?: unknown;
  failure?: string;
}
interface Workflow {
  when: Array<{ event: string | string[]; branch?: string | string[]; cron?: string }>;
  concurrency?: unknown;
  clone?: Step[];
  steps: Step[];
}

const workflows: Record<string, Workflow> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [f, YAML.parse(readFileSync(join(DIR, f), "utf8")) as Workflow]),
);
const events = (w: Workflow) => w.when.flatMap((c) => [c.event].flat());
const byEvent = (event: string) => Object.entries(workflows).filter(([, w]) => events(w).includes(event));
const [[prName, pr]] = byEvent("pull_request");
const [[pushName, push]] = byEvent("push");
const [[driftName, drift]] = byEvent("cron");

const comment = pr.steps.find((s) => s.name === "comment")!;

const secretsOf = (steps: Step[]) =>
  steps.flatMap((s) => Object.values(s.environment ?? {}).flatMap((v) => (typeof v === "object" && v !== null ? [v.from_secret] : [])));
const script = (s: Step) => (s.commands ?? []).join("\n");

test("there are exactly three workflows: pull requests, pushes to main, and the scheduled drift check", () => {
  expect(Object.keys(workflows).sort()).toEqual([pushName, prName, driftName].sort());
  expect(byEvent("pull_request")).toHaveLength(1);
  expect(byEvent("push")).toHaveLength(1);
  expect(byEvent("cron")).toHaveLength(1);
});

test("the pull-request workflow runs on pull_request only", () => {
  expect(events(pr)).toEqual(["pull_request"]);
});

test("the apply workflow runs on push to main only", () => {
  expect(push.when).toEqual([{ event: "push", branch: "main" }]);
});

test("every image is pinned to a version, never latest", () => {
  for (const [file, w] of Object.entries(workflows)) {
    for (const step of [...w.steps, ...(w.clone ?? [])]) {
      expect({ file, step: step.name, image: step.image }).toEqual({ file, step: step.name, image: expect.stringMatching(/^[\w./-]+:\d[\w.-]*$/) });
    }
  }
});

test("every command is one shell line (a YAML string, not a map made by a stray colon)", () => {
  for (const w of Object.values(workflows)) {
    for (const step of w.steps) for (const command of step.commands ?? []) expect({ step: step.name, type: typeof command }).toEqual({ step: step.name, type: "string" });
  }
});

test("secrets use the v3 environment/from_secret form, never the removed secrets key", () => {
  for (const w of Object.values(workflows)) {
    for (const step of w.steps) {
      expect(step.secrets).toBeUndefined();
      for (const value of Object.values(step.environment ?? {})) {
        if (typeof value === "object") expect(Object.keys(value)).toEqual(["from_secret"]);
        else expect(typeof value).toBe("string");
      }
    }
  }
});

test("steps that run Terraform (tests, validate, plan, apply) run after terraform-binary, with its copy first on PATH", () => {
  for (const [file, w] of Object.entries(workflows)) {
    const names = w.steps.map((s) => s.name);
    const users = w.steps.filter((s) => /npm test|npm run (--silent )?(validate|deploy)\b/.test(script(s)));
    expect(users.length).toBeGreaterThan(0);
    for (const step of users) {
      expect({ file, step: step.name, afterBinary: names.indexOf(step.name) > names.indexOf("terraform-binary"), firstCommand: step.commands![0] }).toEqual({
        file,
        step: step.name,
        afterBinary: true,
        firstCommand: 'export PATH="$${CI_WORKSPACE}/.tools:$${PATH}"',
      });
    }
  }
});

describe("pull requests never apply", () => {
  test("no pull-request step runs apply, an auto-approved deploy, a deploy without --plan, or a push", () => {
    for (const step of pr.steps) {
      const text = script(step);
      expect({ step: step.name, applies: /terraform\s+apply|--auto-approve|git\s+push|cdktf\s+deploy/.test(text) }).toEqual({ step: step.name, applies: false });
      for (const line of text.split("\n").filter((l) => /npm run .*\bdeploy\b/.test(l))) expect(line).toMatch(/--plan/);
    }
  });

  test("pull-request code holds no secret at all: nothing that decrypts tier-0 state or reads tier-1 state", () => {
    expect(secretsOf([...pr.steps.filter((s) => s !== comment), ...(pr.clone ?? [])])).toEqual([]);
    expect(pr.steps.map(script).join("\n")).not.toMatch(/AGE_IDENTITY|PG_CONN_STR|NOMAD_TOKEN|VAULT_TOKEN|KUBE/);
  });

  test("pull requests test, synthesize, validate, list the affected stacks with what happens to data, and print the intent summary", () => {
    const all = pr.steps.map(script).join("\n");
    expect(all).toMatch(/npm test/);
    expect(all).toMatch(/npm run synth/);
    // affected prints the destroys, orphans and moves of stateful resources on stderr, into the log.
    expect(all).toMatch(/npm run --silent affected -- --since "\$\$\{base\}" > affected.txt/);
    // the same base: the merge base with the target branch, computed once in that step
    const affectedStep = pr.steps.find((s) => /npm run --silent affected/.test(script(s)))!;
    expect(affectedStep.commands).toEqual(expect.arrayContaining(['npm run --silent diff -- --since "$${base}" > intent.md', "cat intent.md"]));
    expect(all).not.toMatch(/npm run (--silent )?deploy\b|terraform (plan|apply)/);
  });

  test("pull requests check the synthesized stacks and the workflows against the upstream contracts right after synth", () => {
    const synth = pr.steps.find((s) => /npm run synth/.test(script(s)))!;
    const commands = synth.commands!;
    expect(commands.indexOf("npm run --silent validate")).toBe(commands.indexOf("npm run synth") + 1);
  });
});

describe("pushes to main apply and commit the encrypted state", () => {
  const names = push.steps.map((s) => s.name);
  const apply = push.steps.find((s) => /--auto-approve/.test(script(s)))!;
  const commit = push.steps.find((s) => /git add state/.test(script(s)))!;

  test("the affected stacks are applied in the printed deploy order, after the tests", () => {
    expect(script(apply)).toMatch(/for stack in \$\$\(cat affected.txt\); do npm run --silent deploy -- "\$\$\{stack\}" --auto-approve \|\| exit 1; done/);
    expect(names.indexOf("test")).toBeLessThan(names.indexOf(apply.name));
    expect(names.indexOf("affected")).toBeLessThan(names.indexOf(apply.name));
  });

  test("apply credentials are secrets of the apply step, with the operator's inventory", () => {
    expect(secretsOf([apply]).sort()).toEqual(["age_identity", "bitcoin_nomad_token", "consul_token", "homelab_inventory", "kubeconfig", "nomad_token", "pg_conn_str", "vault_token"]);
  });

  test("affected and apply synthesize the operator's inventory, written private, never the embedded placeholders", () => {
    for (const step of push.steps.filter((s) => /npm run --silent (affected|deploy)\b/.test(script(s)))) {
      expect({ step: step.name, inventory: step.environment?.INVENTORY_DATA }).toEqual({ step: step.name, inventory: { from_secret: "homelab_inventory" } });
      expect(script(step)).toMatch(/umask 077 && printf '%s' "\$\$\{INVENTORY_DATA\}" > \/tmp\/inventory.yaml && export HOMELAB_INVENTORY=\/tmp\/inventory.yaml/);
    }
  });

  test("deploys run one at a time, queued in order, across every pipeline of the repository", () => {
    expect(push.concurrency).toEqual({ limit: 1, group: "homelab-deploy" });
  });

  test("the base of affected is the last fully applied commit, moved only by a pipeline that applied everything", () => {
    expect(script(push.steps.find((s) => s.name === "affected")!)).toMatch(/git merge-base origin\/deployed HEAD/);
    const mark = push.steps.find((s) => /refs\/heads\/deployed/.test(script(s)))!;
    expect(mark.when).toEqual([{ status: ["success"] }]);
    expect(script(mark)).toMatch(/git push --force-with-lease="refs\/heads\/deployed:\$\$\(git rev-parse origin\/deployed\)" origin "\$\$\{CI_COMMIT_SHA\}:refs\/heads\/deployed"/);
    expect(names.indexOf(mark.name)).toBeGreaterThan(names.indexOf(commit.name));
  });

  test("a state that cannot reach main is kept on a rescue branch, else printed encrypted, and the step fails", () => {
    const text = script(commit);
    expect(text).toMatch(/git push origin "HEAD:refs\/heads\/\$\$\{rescue\}"/);
    expect(text).toMatch(/base64 -w0/);
    expect(commit.commands!.slice(-2).every((c) => /exit 1/.test(c))).toBe(true);
  });

  test("tier-0 state is committed with [ci skip], also after a failed apply", () => {
    expect(names.indexOf(commit.name)).toBeGreaterThan(names.indexOf(apply.name));
    expect(script(commit)).toMatch(/git add state\/\*\.tfstate\.age/);
    expect(script(commit)).toMatch(/commit -m "[^"]*\[ci skip\]"/);
    expect(script(commit)).toMatch(/state -- check/);
    expect(commit.when).toEqual([{ status: ["success", "failure"] }]);
  });
});

describe("drift is seen: a schedule plans every stack and never applies", () => {
  const plan = drift.steps.find((s) => /--detailed-exitcode/.test(script(s)))!;

  test("runs on its cron only, queued with the deploys so it never reads a state mid-apply", () => {
    expect(drift.when).toEqual([{ event: "cron", cron: "drift" }]);
    expect(drift.concurrency).toEqual(push.concurrency);
  });

  test("plans every stack of the estate, in deploy order, with Terraform's detailed exit code, and applies nothing", () => {
    expect(script(plan)).toMatch(/for stack in \$\$\(npm run --silent stacks -- --ids\); do npm run --silent deploy -- "\$\$\{stack\}" --plan --detailed-exitcode;/);
    for (const step of drift.steps) expect({ step: step.name, applies: /--auto-approve|terraform\s+apply|git\s+push/.test(script(step)) }).toEqual({ step: step.name, applies: false });
  });

  test("reports drifted and failed stacks, and fails the pipeline when there are any", () => {
    expect(script(plan)).toMatch(/if \[ "\$\$\{code\}" = 2 \]; then drifted=/);
    expect(plan.commands!.at(-1)).toBe('test -z "$${drifted}$${failed}"');
  });

  test("reads with read-only credentials, the operator's inventory, and the identity that decrypts tier-0 state", () => {
    expect(secretsOf([plan]).sort()).toEqual([
      "age_identity",
      "bitcoin_nomad_token_readonly",
      "consul_token_readonly",
      "homelab_inventory",
      "kubeconfig_readonly",
      "nomad_token_readonly",
      "pg_conn_str_readonly",
      "vault_token_readonly",
    ]);
  });
});

describe("the intent summary is posted as the pull request's one comment, where enabled", () => {
  test("only the comment step holds a secret: the comment-only forge token, and only where the operator enabled it", () => {
    expect(secretsOf([comment])).toEqual(["forge_comment_token"]);
    expect(comment.when).toEqual([{ evaluate: 'HOMELAB_PR_COMMENT == "true"' }]);
    expect(comment.failure).toBe("ignore");
  });

  test("the comment step runs no repository code: its one program comes from the workflow, intent.md is read as data", () => {
    expect(comment.commands).toHaveLength(1);
    const [command] = comment.commands!;
    expect(command).toMatch(/^node - <<'PROGRAM'\n[\s\S]*\nPROGRAM\n$/);
    const program = command.slice(command.indexOf("\n") + 1, command.lastIndexOf("PROGRAM"));
    expect(program).not.toMatch(/\brequire\((?!"fs"\))|\bimport\b|\bnpm\b|\bnpx\b|\beval\b|child_process/);
    expect([...program.matchAll(/readFileSync\("([^"]+)"/g)].map((m) => m[1])).toEqual(["intent.md"]);
    // no `$`: Woodpecker would substitute it before the shell sees it
    expect(program).not.toContain("$");
    // it runs after every step that runs the pull request's code
    expect(pr.steps.at(-1)).toBe(comment);
  });

  describe("its program against a forge", () => {
    const command = comment.commands![0];
    const TOKEN = "forge-comment-token-not-real";
    interface Comment {
      id: number;
      user: { login: string };
      body: string;
    }
    let comments: Comment[];
    let seen: string[];
    let fail: boolean;
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
        let data = "";
        req.on("data", (d) => (data += d));
        req.on("end", () => {
          const json = (status: number, value: unknown) => {
            res.writeHead(status, { "content-type": "application/json" });
            res.end(JSON.stringify(value));
          };
          if (req.headers.authorization !== `token ${TOKEN}`) return json(401, {});
          if (fail && req.method !== "GET") return json(500, {});
          const path = (req.url ?? "").split("?")[0].replace(/^\/api\/v[13]/, "");
          if (req.method === "GET" && path === "/user") return json(200, { login: "homelab-bot" });
          if (req.method === "GET" && path === "/repos/ops/homelab/issues/7/comments") return json(200, comments);
          if (req.method === "POST" && path === "/repos/ops/homelab/issues/7/comments") {
            const created = { id: comments.length + 100, user: { login: "homelab-bot" }, body: JSON.parse(data).body };
            comments.push(created);
            return json(201, created);
          }
          const patched = /^\/repos\/ops\/homelab\/issues\/comments\/(\d+)$/.exec(path);
          if (req.method === "PATCH" && patched) {
            const c = comments.find((x) => x.id === Number(patched[1]))!;
            c.body = JSON.parse(data).body;
            return json(200, c);
          }
          json(404, {});
        });
      });
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));
    beforeEach(() => {
      comments = [];
      seen = [];
      fail = false;
    });

    /** Runs the step's command as Woodpecker would, in a workspace holding intent.md. */
    const run = (intent: string, forgeType = "forgejo") =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const workspace = mkdtempSync(join(tmpdir(), "homelab-test-comment-"));
        writeFileSync(join(workspace, "intent.md"), intent);
        const env = { PATH: process.env.PATH, CI_FORGE_TYPE: forgeType, CI_FORGE_URL: base, CI_REPO: "ops/homelab", CI_COMMIT_PULL_REQUEST: "7", FORGE_TOKEN: TOKEN };
        const child = spawn("/bin/sh", ["-ec", command], { cwd: workspace, env });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("close", (code) => {
          rmSync(workspace, { recursive: true, force: true });
          done({ code, out });
        });
      });

    test("the first run posts one comment, the next updates that comment instead of adding one", async () => {
      expect(await run("## first\n")).toEqual({ code: 0, out: "posted the intent summary on pull request 7\n" });
      expect(await run("## second\n")).toEqual({ code: 0, out: "updated the intent summary on pull request 7\n" });
      expect(comments).toEqual([{ id: 100, user: { login: "homelab-bot" }, body: "<!-- homelab-intent-summary -->\n## second\n" }]);
      expect(seen.every((line) => line.startsWith("GET /api/v1/") || line.startsWith("POST /api/v1/") || line.startsWith("PATCH /api/v1/"))).toBe(true);
    });

    test("a comment someone else wrote with the marker is left alone", async () => {
      comments.push({ id: 1, user: { login: "contributor" }, body: "<!-- homelab-intent-summary -->\nnot the bot's" });
      expect((await run("## mine\n")).code).toBe(0);
      expect(comments.map((c) => [c.user.login, c.body])).toEqual([
        ["contributor", "<!-- homelab-intent-summary -->\nnot the bot's"],
        ["homelab-bot", "<!-- homelab-intent-summary -->\n## mine\n"],
      ]);
    });

    test("on GitHub Enterprise it speaks the same API under /api/v3", async () => {
      expect((await run("## gh\n", "github")).code).toBe(0);
      expect(seen.map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["GET /api/v3/user", "GET /api/v3/repos/ops/homelab/issues/7/comments?limit=50&per_page=50&page=1", "POST /api/v3/repos/ops/homelab/issues/7/comments"]);
    });

    test("a forge that refuses fails the step with what was refused, never the token", async () => {
      fail = true;
      const { code, out } = await run("## x\n");
      expect(code).toBe(1);
      expect(out).toBe(`cannot post the intent summary: POST ${base}/api/v1/repos/ops/homelab/issues/7/comments answered HTTP 500\n`);
      expect(out).not.toContain(TOKEN);
    });
  });
});
