import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import YAML from "yaml";

/** The Woodpecker v3 workflows, parsed the way a YAML reader sees them. */
const DIR = join(__dirname, "..", "..", ".woodpecker");

interface Step {
  name: string;
  image: string;
  commands?: string[];
  environment?: Record<string, string | { from_secret: string }>;
  when?: Array<Record<string, unknown>>;
  secrets?: unknown;
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
    expect(secretsOf([...pr.steps, ...(pr.clone ?? [])])).toEqual([]);
    expect(pr.steps.map(script).join("\n")).not.toMatch(/AGE_IDENTITY|PG_CONN_STR|NOMAD_TOKEN|VAULT_TOKEN|KUBE/);
  });

  test("pull requests test, synthesize, validate and list the affected stacks, with what happens to data", () => {
    const all = pr.steps.map(script).join("\n");
    expect(all).toMatch(/npm test/);
    expect(all).toMatch(/npm run synth/);
    // affected prints the destroys, orphans and moves of stateful resources on stderr, into the log.
    expect(all).toMatch(/npm run --silent affected -- --since "\$\$\{base\}" > affected.txt/);
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
