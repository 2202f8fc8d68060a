// @ts-nocheck
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { CsiVolume } from "@cdktf/provider-nomad/lib/csi-volume";
import { Job } from "@cdktf/provider-nomad/lib/job";
import { Policy } from "@cdktf/provider-vault/lib/policy";
import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { namesASecret } from "../../policy/rules/no-secret-literals";
import { unpinnedReason } from "../../policy/resource-data";
import { findingsOf, providerOf } from "../helpers/rules";

const volume = (scope: Construct, preventDestroy?: boolean) =>
  new CsiVolume(scope, "Volume", {
    provider: providerOf(scope, "nomad"),
    volumeId: "glusterfs_x_data",
    name: "glusterfs_x_data",
    pluginId: "glusterfs",
    capability: [{ accessMode: "single-node-writer", attachmentMode: "file-system" }],
    lifecycle: preventDestroy === undefined ? undefined : { preventDestroy },
  });

const job = (scope: Construct, spec: unknown, extra: { json?: boolean; hcl2?: { allowFs: boolean } } = {}) =>
  new Job(scope, "Job", {
    provider: providerOf(scope, "nomad"),
    json: extra.json ?? true,
    hcl2: extra.hcl2,
    jobspec: typeof spec === "string" ? spec : JSON.stringify(spec),
  });

const dockerJob = (image: string, env: Record<string, string> = {}) => ({
  Job: { ID: "web", TaskGroups: [{ Name: "web", Tasks: [{ Name: "app", Driver: "docker", Config: { image }, Env: env }] }] },
});

const deployment = (scope: Construct, image: string, env: { name: string; value?: string }[] = []) =>
  new DeploymentV1(scope, "Deployment", {
    provider: providerOf(scope, "kubernetes"),
    metadata: { name: "web" },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { container: [{ name: "web", image, env }] },
      },
    },
  });

describe("HL-STATE-1 stateful resources carry prevent_destroy", () => {
  test("compliant: a CSI volume with prevent_destroy", () => {
    expect(findingsOf("HL-STATE-1", "nomad-main", (s) => volume(s, true))).toEqual([]);
  });
  test("compliant: a raw CSI volume that says nothing gets prevent_destroy from synth", () => {
    expect(findingsOf("HL-STATE-1", "nomad-main", (s) => volume(s))).toEqual([]);
  });
  test("non-compliant: a CSI volume whose code says prevent_destroy = false, with the reason it matters", () => {
    expect(findingsOf("HL-STATE-1", "nomad-main", (s) => volume(s, false))).toEqual([
      'test/Volume: nomad_csi_volume "glusterfs_x_data" has no lifecycle.prevent_destroy: destroying it runs `nomad volume delete`, which deletes the volume\'s data',
    ]);
  });
  test("non-compliant: a persistent volume claim with prevent_destroy = false", () => {
    const findings = findingsOf("HL-STATE-1", "kubernetes", (s) =>
      new PersistentVolumeClaimV1(s, "Claim", {
        provider: providerOf(s, "kubernetes"),
        metadata: { name: "data" },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
        lifecycle: { preventDestroy: false },
      }),
    );
    expect(findings).toEqual([
      'test/Claim: kubernetes_persistent_volume_claim_v1 "-/data" has no lifecycle.prevent_destroy: deleting a claim deletes its volume with the data (the Proxmox classes reclaim with Delete)',
    ]);
  });
  test("not applicable: a job is not stateful", () => {
    expect(findingsOf("HL-STATE-1", "nomad-main", (s) => job(s, dockerJob("nginx:1.29.4")))).toEqual([]);
  });
});

describe("HL-IMAGE-1 images are pinned", () => {
  test("compliant: a tag, a digest, a registry with a port", () => {
    expect(unpinnedReason("ghcr.io/element-hq/synapse:v1.144.0")).toBeUndefined();
    expect(unpinnedReason(`nginx@sha256:${"a".repeat(64)}`)).toBeUndefined();
    expect(unpinnedReason("registry.home.arpa:5000/tools/app:1.2")).toBeUndefined();
    expect(findingsOf("HL-IMAGE-1", "nomad-main", (s) => job(s, dockerJob("nginx:1.29.4-alpine")))).toEqual([]);
  });
  test("non-compliant: latest or no tag, in a Nomad job and in a Kubernetes container", () => {
    expect(unpinnedReason("registry.home.arpa:5000/app")).toMatch(/has no tag/);
    expect(findingsOf("HL-IMAGE-1", "nomad-main", (s) => job(s, dockerJob("nginx:latest")))).toEqual([
      'test/Job: group web, task app: image "nginx:latest" uses the latest tag',
    ]);
    expect(findingsOf("HL-IMAGE-1", "kubernetes", (s) => deployment(s, "traefik/whoami"))).toEqual([
      expect.stringMatching(/^test\/Deployment: spec.template.spec.container\[0\] web: image "traefik\/whoami" has no tag/),
    ]);
  });
  test("not applicable: resources without containers", () => {
    expect(findingsOf("HL-IMAGE-1", "nomad-main", (s) => volume(s, true))).toEqual([]);
  });
});

describe("HL-SECRET-1 no secret literals", () => {
  test("names that mean a secret, and names about a secret that are not one", () => {
    for (const name of ["password", "DB_PASSWORD", "apiKey", "ACCESS_KEY_ID", "client_secret", "token", "privateKey"]) {
      expect([name, namesASecret(name)]).toEqual([name, true]);
    }
    for (const name of ["secret_name", "secretKeyRef", "token_ttl", "password_policy", "existingSecret", "node-stage-secret-namespace", "keyboard", "monkey"]) {
      expect([name, namesASecret(name)]).toEqual([name, false]);
    }
  });
  test("compliant: env read from a reference or a template rendered at run time", () => {
    const found = findingsOf("HL-SECRET-1", "kubernetes", (s) => {
      const password = new TerraformVariable(s, "db_password", { type: "string", sensitive: true });
      deployment(s, "app:1.0", [{ name: "DB_PASSWORD", value: password.stringValue }]);
    });
    expect(found).toEqual([]);
    expect(findingsOf("HL-SECRET-1", "nomad-main", (s) => job(s, dockerJob("app:1.0", { API_TOKEN: '{{ with nomadVar "x" }}{{ .token }}{{ end }}' })))).toEqual([]);
  });
  test("non-compliant: a literal password in a Kubernetes env entry, a Nomad Env map and a Secret's data", () => {
    expect(findingsOf("HL-SECRET-1", "kubernetes", (s) => deployment(s, "app:1.0", [{ name: "DB_PASSWORD", value: "hunter22" }]))).toEqual([
      "test/Deployment: spec.template.spec.container[0].env[0] sets DB_PASSWORD to a literal",
    ]);
    expect(findingsOf("HL-SECRET-1", "nomad-main", (s) => job(s, dockerJob("app:1.0", { API_TOKEN: "abc123" })))).toEqual([
      "test/Job: jobspec.TaskGroups[0].Tasks[0].Env.API_TOKEN is a literal",
    ]);
    expect(
      findingsOf("HL-SECRET-1", "kubernetes", (s) =>
        new SecretV1(s, "Secret", { provider: providerOf(s, "kubernetes"), metadata: { name: "x" }, data: { password: "hunter22" } }),
      ),
    ).toEqual(["test/Secret: data.password is a literal"]);
  });
  test("non-compliant: a known credential format anywhere", () => {
    const found = findingsOf("HL-SECRET-1", "kubernetes", (s) =>
      new Policy(s, "Policy", { provider: providerOf(s, "vault"), name: "x", policy: "# postgres://terraform:hunter2@db:5432/state" }),
    );
    expect(found).toEqual(["test/Policy: contains what looks like a connection string with a password"]);
  });
  test("not applicable in effect: a resource with no secret-like names has no findings", () => {
    expect(findingsOf("HL-SECRET-1", "nomad-main", (s) => volume(s, true))).toEqual([]);
  });
});

describe("HL-JOB-1 and HL-JOB-2 nomad_job is typed JSON without allow_fs", () => {
  test("compliant: json = true and an API job", () => {
    expect(findingsOf("HL-JOB-1", "nomad-main", (s) => job(s, dockerJob("app:1.0")))).toEqual([]);
    expect(findingsOf("HL-JOB-2", "nomad-main", (s) => job(s, dockerJob("app:1.0")))).toEqual([]);
  });
  test("non-compliant: HCL jobspec without json", () => {
    expect(findingsOf("HL-JOB-1", "nomad-main", (s) => job(s, 'job "web" { group "web" {} }', { json: false }))).toEqual([
      "test/Job: nomad_job does not set json = true, so its jobspec is HCL the rules cannot read",
      "test/Job: nomad_job has a jobspec that is not JSON (HCL or a template string)",
    ]);
  });
  test("non-compliant: JSON that is not a Nomad job, and allow_fs", () => {
    expect(findingsOf("HL-JOB-1", "nomad-main", (s) => job(s, { name: "web" }))).toEqual([
      "test/Job: nomad_job has a jobspec that is not a Nomad API job (needs ID and TaskGroups)",
    ]);
    expect(findingsOf("HL-JOB-2", "nomad-main", (s) => job(s, dockerJob("app:1.0"), { hcl2: { allowFs: true } }))).toEqual([
      "test/Job: nomad_job sets hcl2.allow_fs = true",
    ]);
  });
  test("not applicable: other resources", () => {
    expect(findingsOf("HL-JOB-1", "nomad-main", (s) => volume(s, true))).toEqual([]);
  });
});

describe("HL-INGRESS-1 ingresses record their auth mode", () => {
  const ingress = (scope: Construct, annotations?: Record<string, string>) =>
    new IngressV1(scope, "Ingress", {
      provider: providerOf(scope, "kubernetes"),
      metadata: { name: "web", annotations },
      spec: { rule: [{ host: "web.example.org" }] },
    });
  const mw = "traefik.ingress.kubernetes.io/router.middlewares";

  test("compliant: required with Authentik forward-auth; app with a reason", () => {
    expect(
      findingsOf("HL-INGRESS-1", "kubernetes", (s) =>
        ingress(s, { "homelab.auth/mode": "required", [mw]: "traefik-retry@kubernetescrd,traefik-authentik-forward-auth@kubernetescrd" }),
      ),
    ).toEqual([]);
    expect(
      findingsOf("HL-INGRESS-1", "kubernetes", (s) => ingress(s, { "homelab.auth/mode": "app", "homelab.auth/reason": "has its own login and 2FA" })),
    ).toEqual([]);
  });
  test("non-compliant: no mode, required without the middleware, none without a reason, public without its outpost", () => {
    expect(findingsOf("HL-INGRESS-1", "kubernetes", (s) => ingress(s))).toEqual([
      "test/Ingress: ingress has homelab.auth/mode = null; allowed: required, app, public, none",
    ]);
    expect(findingsOf("HL-INGRESS-1", "kubernetes", (s) => ingress(s, { "homelab.auth/mode": "required" }))).toEqual([
      `test/Ingress: auth mode required, but ${mw} lacks traefik-authentik-forward-auth@kubernetescrd: the ingress is not gated`,
    ]);
    expect(findingsOf("HL-INGRESS-1", "kubernetes", (s) => ingress(s, { "homelab.auth/mode": "none", "homelab.auth/reason": "webhook" }))).toEqual([
      'test/Ingress: auth mode none needs homelab.auth/reason of 10+ characters saying why; got "webhook"',
    ]);
    expect(
      findingsOf("HL-INGRESS-1", "kubernetes", (s) => ingress(s, { "homelab.auth/mode": "public", "homelab.auth/reason": "public landing page" })),
    ).toEqual([`test/Ingress: auth mode public, but ${mw} lacks the public outpost's traefik-authentik-forward-auth-public@kubernetescrd`]);
  });
  test("not applicable: other resources", () => {
    expect(findingsOf("HL-INGRESS-1", "kubernetes", (s) => deployment(s, "app:1.0"))).toEqual([]);
  });
});
