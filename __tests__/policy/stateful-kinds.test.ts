import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { PersistentVolumeV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-v1";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import { Namespace as NomadNamespace } from "@cdktf/provider-nomad/lib/namespace";
import { AuthBackend } from "@cdktf/provider-vault/lib/auth-backend";
import { JwtAuthBackend } from "@cdktf/provider-vault/lib/jwt-auth-backend";
import { Mount } from "@cdktf/provider-vault/lib/mount";
import { Policy } from "@cdktf/provider-vault/lib/policy";
import { Construct } from "constructs";
import { acknowledge } from "../../policy/acknowledge";
import { STATEFUL_KINDS, statefulKindsMarkdown } from "../../policy/stateful-kinds";
import { allFindings, providerOf, UNWATCHED_WORKLOAD } from "../helpers/rules";
import { synthWith } from "../helpers/synth";
import { ClusterId } from "../../constructs";

/** prevent_destroy of every resource of the test stack, by "type.construct id". */
function protection(cluster: ClusterId, build: (scope: Construct) => void): Record<string, boolean | undefined> {
  const json = synthWith(build, { cluster });
  const out: Record<string, boolean | undefined> = {};
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource)) {
    for (const body of Object.values(byName)) {
      const id = String(body["//"].metadata.path).split("/")[1];
      out[`${type}.${id}`] = body.lifecycle?.prevent_destroy;
    }
  }
  return out;
}

const ns = (s: Construct, id: string, name: string) => new NamespaceV1(s, id, { provider: providerOf(s, "kubernetes"), metadata: { name } });
const claim = (s: Construct, namespace: string, lifecycle?: { preventDestroy: boolean }) =>
  new PersistentVolumeClaimV1(s, "Claim", {
    provider: providerOf(s, "kubernetes"),
    metadata: { name: "data", namespace },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    lifecycle,
  });
const manifest = (s: Construct, id: string, apiVersion: string, kind: string, namespace?: string) =>
  new Manifest(s, id, { provider: providerOf(s, "kubernetes"), manifest: { apiVersion, kind, metadata: { name: id.toLowerCase(), namespace }, spec: {} } });
const container = [
  { name: "app", image: "docker.io/library/busybox:1.37.0", resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "16Mi" } } },
];
const statefulSet = (s: Construct, whenDeleted: "Retain" | "Delete") =>
  new StatefulSetV1(s, "Set", {
    provider: providerOf(s, "kubernetes"),
    metadata: { name: "set", namespace: "data", annotations: UNWATCHED_WORKLOAD },
    spec: {
      serviceName: "set",
      selector: { matchLabels: { app: "set" } },
      template: { metadata: { labels: { app: "set" } }, spec: { container } },
      volumeClaimTemplate: [{ metadata: { name: "d" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      persistentVolumeClaimRetentionPolicy: [{ whenDeleted, whenScaled: "Retain" }],
    },
  });
const pv = (s: Construct, id: string, reclaim: string) =>
  new PersistentVolumeV1(s, id, {
    provider: providerOf(s, "kubernetes"),
    metadata: { name: id.toLowerCase() },
    spec: [
      {
        capacity: { storage: "1Gi" },
        accessModes: ["ReadWriteMany"],
        persistentVolumeReclaimPolicy: reclaim,
        persistentVolumeSource: { nfs: { server: "nas.home.arpa", path: "/srv/nfs/x" } },
      },
    ],
  });

describe("synth gives prevent_destroy to every kind that holds data, whoever built it", () => {
  test("Vault mounts and auth methods, but not policies", () => {
    expect(
      protection("kubernetes", (s) => {
        const provider = providerOf(s, "vault");
        new Mount(s, "Kv", { provider, path: "secret", type: "kv" });
        new AuthBackend(s, "K8sAuth", { provider, type: "kubernetes" });
        new JwtAuthBackend(s, "Jwt", { provider, path: "jwt-nomad", type: "jwt" });
        new Policy(s, "Policy", { provider, name: "p", policy: 'path "x" { capabilities = ["read"] }' });
      }),
    ).toEqual({ "vault_mount.Kv": true, "vault_auth_backend.K8sAuth": true, "vault_jwt_auth_backend.Jwt": true, "vault_policy.Policy": undefined });
  });

  test("a Nomad namespace", () => {
    expect(protection("nomad-main", (s) => new NomadNamespace(s, "Ns", { provider: providerOf(s, "nomad"), name: "bitcoin" }))).toEqual({
      "nomad_namespace.Ns": true,
    });
  });

  test("a namespace holding a claim (by reference) or a secret (by name), not one holding only a deployment", () => {
    expect(
      protection("kubernetes", (s) => {
        const withClaim = ns(s, "WithClaim", "data");
        claim(s, withClaim.metadata.name);
        ns(s, "WithSecret", "creds");
        new SecretV1(s, "Secret", { provider: providerOf(s, "kubernetes"), metadata: { name: "s", namespace: "creds" } });
        ns(s, "Stateless", "web");
        new DeploymentV1(s, "Web", {
          provider: providerOf(s, "kubernetes"),
          metadata: { name: "web", namespace: "web", annotations: UNWATCHED_WORKLOAD },
          spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { container } } },
        });
      }),
    ).toEqual({
      "kubernetes_namespace_v1.WithClaim": true,
      "kubernetes_namespace_v1.WithSecret": true,
      "kubernetes_namespace_v1.Stateless": undefined,
      "kubernetes_persistent_volume_claim_v1.Claim": true,
      "kubernetes_secret_v1.Secret": undefined,
      "kubernetes_deployment_v1.Web": undefined,
    });
  });

  test("a namespace holding an ExternalSecret or a CNPG Cluster; the Cluster itself, not a Middleware", () => {
    expect(
      protection("kubernetes", (s) => {
        ns(s, "Secrets", "apps");
        manifest(s, "Es", "external-secrets.io/v1", "ExternalSecret", "apps");
        ns(s, "Db", "dbaas");
        manifest(s, "Pg", "postgresql.cnpg.io/v1", "Cluster", "dbaas");
        manifest(s, "Mw", "traefik.io/v1alpha1", "Middleware", "traefik");
      }),
    ).toEqual({
      "kubernetes_namespace_v1.Secrets": true,
      "kubernetes_namespace_v1.Db": true,
      "kubernetes_manifest.Es": undefined,
      "kubernetes_manifest.Pg": true,
      "kubernetes_manifest.Mw": undefined,
    });
  });

  test("a persistent volume only when its reclaim policy deletes the data", () => {
    expect(protection("kubernetes", (s) => [pv(s, "Kept", "Retain"), pv(s, "Deleted", "Delete"), pv(s, "Wiped", "Recycle")])).toEqual({
      "kubernetes_persistent_volume_v1.Kept": undefined,
      "kubernetes_persistent_volume_v1.Deleted": true,
      "kubernetes_persistent_volume_v1.Wiped": true,
    });
  });

  test("a stateful set only when its claims are deleted with it; its namespace whenever it has claim templates", () => {
    expect(protection("kubernetes", (s) => [ns(s, "Ns", "data"), statefulSet(s, "Delete")])).toEqual({
      "kubernetes_namespace_v1.Ns": true,
      "kubernetes_stateful_set_v1.Set": true,
    });
    expect(protection("kubernetes", (s) => statefulSet(s, "Retain"))).toEqual({ "kubernetes_stateful_set_v1.Set": undefined });
  });

  test("an acknowledged opt-out keeps prevent_destroy off, and the report shows the reason", () => {
    const reason = "scratch claim for a throwaway test run";
    const findings = allFindings("kubernetes", (s) => {
      const c = claim(s, "scratch", { preventDestroy: false });
      acknowledge(c, "HL-STATE-1", reason);
    }).filter((f) => f.ruleId === "HL-STATE-1");
    expect(findings).toEqual([expect.objectContaining({ path: "test/Claim", acknowledged: reason })]);
  });

  test("without an acknowledgement, a claim that says prevent_destroy = false fails synth", () => {
    expect(() => synthWith((s) => claim(s, "scratch", { preventDestroy: false }))).toThrow(
      /\[HL-STATE-1\] test\/Claim: kubernetes_persistent_volume_claim_v1 "scratch\/data" has no lifecycle\.prevent_destroy/,
    );
  });
});

test("every stateful kind says why, and the README table lists each one", () => {
  for (const kind of STATEFUL_KINDS) expect(kind.reason.length).toBeGreaterThan(20);
  const table = statefulKindsMarkdown();
  for (const kind of STATEFUL_KINDS) expect(table).toContain(`| \`${kind.type}\` |`);
});
