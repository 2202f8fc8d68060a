import { tmpdir } from "os";
import { HomelabApp } from "../../constructs";
import { IMAGE_DATA_PATHS } from "../../jobspecs/image-data-paths";
import { defineEstate } from "../../main";
import { synthApp, testInventory } from "../helpers/synth";

// The guide's bootstrap stacks (but infra, not in code), plus what PostgreSQL itself stands on:
// the Proxmox CSI plugin (its volumes) and MetalLB (Traefik's address, the state backend's);
// and monitoring: it reports the PostgreSQL outage tier 0 exists for, must be repairable
// during it, and installs the CRDs tier-0 stacks' scrape targets need.
const TIER0 = ["cnpg", "dbaas", "external-secrets", "metallb", "monitoring", "platform", "proxmox-csi", "vault"];

// Credentials and machine paths a workstation would have in its environment during synth.
const FAKE_ENV: Record<string, string> = {
  NOMAD_TOKEN: "3f1c0de5-nomad-token-from-env",
  VAULT_TOKEN: "hvs.FAKEvaultTokenFromTheEnvironment",
  CONSUL_HTTP_TOKEN: "5e1f0c2a-consul-token-from-env",
  PG_CONN_STR: "postgres://terraform:pg-password-from-env@db.home.arpa/terraform_state",
  KUBE_CONFIG_PATH: "/home/operator/.kube/config-from-env",
};

function synthWithEnv() {
  const saved = Object.fromEntries(Object.keys(FAKE_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, FAKE_ENV);
  try {
    return synthApp(defineEstate);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const { stacks, files, report } = synthWithEnv();
const everything = JSON.stringify({ stacks, files });

test("the bootstrap stacks are tier 0 with local state, every other stack is tier 1 with pg state", () => {
  const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
  defineEstate(app);
  const described = app.describeStacks();
  expect(described.filter((s) => s.tier === 0).map((s) => s.id).sort()).toEqual(TIER0);
  for (const s of described) {
    const backend = stacks[s.id].terraform.backend;
    if (s.tier === 0) expect(backend).toEqual({ local: { path: `../../../state/${s.id}.tfstate` } });
    else expect(backend).toEqual({ pg: { schema_name: s.id } });
  }
});

test("tier-0 stacks come first in the deploy order and every stack follows its dependencies", () => {
  const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
  defineEstate(app);
  const order = app.describeStacks();
  const lastTier0 = Math.max(...order.filter((s) => s.tier === 0).map((s) => s.order));
  const firstTier1 = Math.min(...order.filter((s) => s.tier === 1).map((s) => s.order));
  expect(lastTier0).toBeLessThan(firstTier1);
  const position = new Map(order.map((s) => [s.id, s.order]));
  for (const s of order) for (const d of s.dependencies) expect(position.get(d)!).toBeLessThan(s.order);
});

test("at least one tier-1 stack reads a tier-0 stack's output through remote state", () => {
  const readers = Object.entries(stacks).filter(([, json]) =>
    Object.values(json.data?.terraform_remote_state ?? {}).some((r: any) => r.backend === "local"),
  );
  expect(readers.map(([id]) => id)).toContain("vaultwarden");
});

test("no credential from the environment, no conn_str and no machine path reaches the output", () => {
  for (const value of Object.values(FAKE_ENV)) expect(everything).not.toContain(value);
  expect(everything).not.toContain("conn_str");
  expect(everything).not.toContain(process.cwd());
  expect(everything).not.toContain(tmpdir());
  // Paths inside the images (ollama's /root/.ollama) are where the containers keep data, not this machine's.
  const containerPaths = Object.values(IMAGE_DATA_PATHS).flatMap((entry) => entry?.paths ?? []);
  const outsideContainers = containerPaths.reduce((text, path) => text.split(`"${path}`).join('"<image path>'), everything);
  expect(outsideContainers).not.toMatch(/"\/(home|root|work|Users|tmp)\//);
});

test("providers carry addresses and contexts only: credentials are left to the environment", () => {
  // scheme: Consul's provider takes the address's scheme apart.
  const allowed = new Set(["address", "scheme", "region", "config_context", "kubernetes", "alias"]);
  for (const [id, json] of Object.entries(stacks)) {
    for (const [kind, configs] of Object.entries(json.provider ?? {})) {
      for (const config of configs as Record<string, unknown>[]) {
        expect([id, kind, Object.keys(config).filter((k) => !allowed.has(k))]).toEqual([id, kind, []]);
      }
    }
  }
});

test("main passes every house rule with zero open errors", () => {
  expect(report.findings.filter((f) => f.level === "error" && f.acknowledged === undefined)).toEqual([]);
});
