import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { TerraformStack } from "cdktf";
import { HomelabApp, HomelabStack, tier0StatePath } from "../../constructs";
import { Namespace } from "../../constructs/namespace";
import { ServiceSecrets } from "../../constructs/service-secrets";
import { VaultKvStore } from "../../constructs/vault-kv-store";
import { synthApp, testInventory, testStack } from "../helpers/synth";

describe("tier selects the state backend", () => {
  const { stacks } = synthApp((app) => {
    const boot = testStack(app, { id: "boot", tier: 0 });
    const kv = new VaultKvStore(boot, "Kv", { path: "secret" });
    const producer = testStack(app, { id: "producer", tier: 1 });
    const ns = new Namespace(producer, "Ns", { name: "producer" });
    const consumer = testStack(app, { id: "consumer", tier: 1 });
    new ServiceSecrets(consumer, "Secrets", { store: kv, service: "consumer", reads: ["consumer/app"] });
    new Namespace(consumer, "Ns", { name: "consumer", labels: { "example.org/peer": ns.name } });
  });

  test("tier 0 keeps local state at a relative path into the repository's state/ directory", () => {
    expect(stacks.boot.terraform.backend).toEqual({ local: { path: "../../../state/boot.tfstate" } });
  });

  test("the tier-0 path resolves from any stack directory to <repo>/state/<stack>.tfstate", () => {
    const repo = "/repo";
    for (const dir of ["boot", "consumer"]) {
      expect(resolve(repo, "cdktf.out/stacks", dir, tier0StatePath("boot"))).toBe("/repo/state/boot.tfstate");
    }
  });

  test("tier 1 keeps state in PostgreSQL, one schema per stack, with no conn_str", () => {
    expect(stacks.producer.terraform.backend).toEqual({ pg: { schema_name: "producer" } });
    expect(stacks.consumer.terraform.backend).toEqual({ pg: { schema_name: "consumer" } });
  });

  test("remote state copied from a tier-1 producer carries no conn_str", () => {
    const remote = stacks.consumer.data.terraform_remote_state;
    const fromProducer = remote["cross-stack-reference-input-producer"];
    expect(fromProducer).toEqual({ backend: "pg", config: { schema_name: "producer" }, workspace: "${terraform.workspace}" });
  });

  test("remote state copied from a tier-0 producer uses the same relative path", () => {
    const fromBoot = stacks.consumer.data.terraform_remote_state["cross-stack-reference-input-boot"];
    expect(fromBoot.backend).toBe("local");
    expect(fromBoot.config).toEqual({ path: "../../../state/boot.tfstate" });
  });

  test("no synthesized JSON mentions conn_str", () => {
    for (const json of Object.values(stacks)) expect(JSON.stringify(json)).not.toContain("conn_str");
  });
});

describe("bad stacks fail with the stack, the value and what is allowed", () => {
  const inApp = (build: (app: HomelabApp) => void) => () => {
    const app = new HomelabApp({ outdir: join(tmpdir(), "unused"), inventory: testInventory });
    build(app);
  };

  test("fails if the tier is unknown", () => {
    expect(inApp((app) => new HomelabStack(app, "odd", { tier: 2 as never, cluster: "kubernetes", description: "x" }))).toThrow(
      /stacks\/odd: tier 2 is not a tier; allowed: 0 \(bootstrap, local state\) or 1 \(PostgreSQL state\)/,
    );
  });

  test("fails if the cluster is unknown", () => {
    expect(inApp((app) => new HomelabStack(app, "odd", { tier: 1, cluster: "swarm" as never, description: "x" }))).toThrow(
      /stacks\/odd: cluster "swarm" is unknown; allowed: nomad-main, nomad-bitcoin, kubernetes/,
    );
  });

  test("fails if the stack id is not kebab-case", () => {
    expect(inApp((app) => new HomelabStack(app, "Media_Centre", { tier: 1, cluster: "nomad-main", description: "x" }))).toThrow(
      /stack id "Media_Centre" must be kebab-case/,
    );
  });

  test("fails if a provider does not belong to the stack's cluster", () => {
    expect(inApp((app) => new Namespace(testStack(app, { cluster: "nomad-main" }), "Ns", { name: "x" }))).toThrow(
      /test\/Ns: a kubernetes provider cannot be used in a stack of cluster nomad-main/,
    );
  });

  test("fails if a construct is put in a plain TerraformStack", () => {
    expect(inApp((app) => new Namespace(new TerraformStack(app, "plain"), "Ns", { name: "x" }))).toThrow(
      /plain\/Ns: this construct needs a HomelabStack .* plain is a plain TerraformStack/,
    );
  });
});

describe("the tier-0 rule and cycles", () => {
  test("fails if a tier-0 stack reads from a tier-1 stack, naming both", () => {
    expect(() =>
      synthApp((app) => {
        const t1 = testStack(app, { id: "apps", tier: 1 });
        const kv = new VaultKvStore(t1, "Kv", { path: "secret" });
        const t0 = testStack(app, { id: "bootstrap", tier: 0 });
        new ServiceSecrets(t0, "Secrets", { store: kv, service: "x", reads: ["x/y"] });
      }),
    ).toThrow(/stack bootstrap \(tier 0\) depends on stack apps \(tier 1\): tier-0 stacks must deploy while PostgreSQL is down/);
  });

  test("fails if a tier-0 stack is told to follow a tier-1 stack", () => {
    expect(() =>
      synthApp((app) => {
        const t1 = testStack(app, { id: "apps", tier: 1 });
        testStack(app, { id: "bootstrap", tier: 0 }).addDependency(t1);
      }),
    ).toThrow(/stack bootstrap \(tier 0\) depends on stack apps \(tier 1\)/);
  });

  test("describing the stacks (npm run stacks) refuses what synth refuses: no deploy order is printed for it", () => {
    const app = new HomelabApp({ outdir: join(tmpdir(), "unused"), inventory: testInventory });
    const t1 = testStack(app, { id: "apps", tier: 1 });
    testStack(app, { id: "bootstrap", tier: 0 }).addDependency(t1);
    expect(() => app.describeStacks()).toThrow(/stack bootstrap \(tier 0\) depends on stack apps \(tier 1\)/);
  });

  test("fails on a dependency cycle, naming the stacks", () => {
    expect(() =>
      synthApp((app) => {
        const a = testStack(app, { id: "alpha" });
        const b = testStack(app, { id: "beta" });
        const kvA = new VaultKvStore(a, "Kv", { path: "a" });
        const kvB = new VaultKvStore(b, "Kv", { path: "b" });
        new ServiceSecrets(a, "Secrets", { store: kvB, service: "a", reads: ["a/x"] });
        new ServiceSecrets(b, "Secrets", { store: kvA, service: "b", reads: ["b/x"] });
      }),
    ).toThrow(/stacks form a dependency cycle: .*(alpha.*beta|beta.*alpha)/);
  });

  test("synth prepares each stack once, and judges the graph that preparation made; describing first prepares before synth does", () => {
    const preparations = (describeFirst: boolean) => {
      const counts = new Map<string, number>();
      const { stacks } = synthApp((app) => {
        const vault = testStack(app, { id: "vault", tier: 0 });
        const kv = new VaultKvStore(vault, "Kv", { path: "secret" });
        const apps = testStack(app, { id: "apps", tier: 1 });
        new ServiceSecrets(apps, "Secrets", { store: kv, service: "web", reads: ["web/x"] });
        for (const stack of [vault, apps]) {
          const prepare = stack.prepareStack.bind(stack);
          stack.prepareStack = () => {
            counts.set(stack.node.id, (counts.get(stack.node.id) ?? 0) + 1);
            prepare();
          };
        }
        if (describeFirst) expect(app.describeStacks().map((s) => s.id)).toEqual(["vault", "apps"]);
      });
      // The cross-stack reference the preparation adds is there either way.
      expect(JSON.stringify(stacks.apps.data)).toContain("terraform_remote_state");
      return Object.fromEntries(counts);
    };
    expect(preparations(false)).toEqual({ vault: 1, apps: 1 });
    expect(preparations(true)).toEqual({ vault: 2, apps: 2 });
  });

  test("a failed synth writes nothing to the output directory", () => {
    const outdir = mkdtempSync(join(tmpdir(), "homelab-out-"));
    try {
      const app = new HomelabApp({ outdir, inventory: testInventory });
      testStack(app, { id: "fine", tier: 1 });
      const t1 = testStack(app, { id: "apps", tier: 1 });
      testStack(app, { id: "bootstrap", tier: 0 }).addDependency(t1);
      expect(() => app.synth()).toThrow(/nothing was written/);
      expect(readdirSync(outdir)).toEqual([]);
      expect(existsSync(app.outdir)).toBe(false);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
