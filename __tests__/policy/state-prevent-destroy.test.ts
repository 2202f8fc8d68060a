import { SynthResource, SynthStack } from "../../policy/rule";
import { statePreventDestroy } from "../../policy/rules/state-prevent-destroy";
import { context } from "./k8s-rules.fixtures";

const resource = (type: string, attributes: Record<string, unknown>, name = "R"): SynthResource => ({ type, path: `s/${name}`, stackId: "s", logicalId: name, attributes });
const check = (...resources: SynthResource[]) =>
  statePreventDestroy.check([{ id: "s", tier: 1, resources } satisfies SynthStack], context).map((p) => `${p.stackId} ${p.path}: ${p.message}`);
const claimIn = (namespace: string) => resource("kubernetes_persistent_volume_claim_v1", { metadata: { name: "data", namespace }, lifecycle: { prevent_destroy: true } }, "Claim");

/**
 * Every kind that holds data (the README's table), each as the smallest resource of it, the
 * identity the finding names it by, and a word of why its destruction loses data.
 */
const KINDS: ReadonlyArray<[string, Record<string, unknown>, string, RegExp]> = [
  ["nomad_csi_volume", { volume_id: "glusterfs_app_data" }, '"glusterfs_app_data"', /nomad volume delete/],
  ["nomad_csi_volume_registration", { volume_id: "martinibar_prod_app_data" }, '"martinibar_prod_app_data"', /deregisters/],
  ["nomad_dynamic_host_volume", { name: "scratch" }, '"scratch"', /host directory/],
  ["nomad_namespace", { name: "bitcoin" }, '"bitcoin"', /orphans/],
  ["kubernetes_persistent_volume_claim", { metadata: { name: "data", namespace: "app" } }, '"app/data"', /deletes its volume/],
  ["kubernetes_persistent_volume_claim_v1", { metadata: [{ name: "data" }] }, '"-/data"', /deletes its volume/],
  ["kubernetes_persistent_volume", { metadata: { name: "nfs" }, spec: { persistent_volume_reclaim_policy: "Delete" } }, '"-/nfs"', /Delete or Recycle/],
  ["kubernetes_persistent_volume_v1", { metadata: { name: "nfs" }, spec: [{ persistent_volume_reclaim_policy: "Recycle" }] }, '"-/nfs"', /Delete or Recycle/],
  ["kubernetes_stateful_set", { metadata: { name: "db", namespace: "app" }, spec: { volume_claim_template: [{}], persistent_volume_claim_retention_policy: { when_deleted: "Delete" } } }, '"app/db"', /claims/],
  ["kubernetes_stateful_set_v1", { metadata: { name: "db" }, spec: [{ volume_claim_template: [{}], persistent_volume_claim_retention_policy: [{ when_deleted: "Delete" }] }] }, '"-/db"', /claims/],
  ["kubernetes_manifest", { manifest: { apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", metadata: { name: "pg", namespace: "dbaas" } } }, '"Cluster dbaas/pg"', /tier-1 Terraform state/],
  ["vault_mount", { path: "secret", type: "kv" }, '"secret"', /unmounting/],
  ["vault_auth_backend", { type: "kubernetes" }, '"kubernetes"', /revokes every token/],
  ["vault_jwt_auth_backend", { path: "jwt-nomad", type: "jwt" }, '"jwt-nomad"', /revokes every token/],
];

describe("HL-STATE-1 every kind that holds data carries prevent_destroy", () => {
  test.each(KINDS)("%s without prevent_destroy is refused, named by what it holds", (type, attributes, identity, why) => {
    expect(check(resource(type, attributes))).toEqual([expect.stringMatching(new RegExp(`^s s/R: ${type} ${identity.replace(/[/.]/g, "\\$&")} has no lifecycle\\.prevent_destroy: `))]);
    expect(check(resource(type, attributes))[0]).toMatch(why);
  });

  test.each(KINDS)("%s with prevent_destroy, as an object or a one-element list, passes", (type, attributes) => {
    expect(check(resource(type, { ...attributes, lifecycle: { prevent_destroy: true } }))).toEqual([]);
    expect(check(resource(type, { ...attributes, lifecycle: [{ prevent_destroy: true }] }))).toEqual([]);
  });

  test("prevent_destroy must be true itself: false, a string or another lifecycle setting is not protection", () => {
    for (const lifecycle of [{ prevent_destroy: false }, { prevent_destroy: "true" }, { ignore_changes: ["spec"] }, []]) {
      expect(check(resource("nomad_csi_volume", { volume_id: "glusterfs_app_data", lifecycle }))).toHaveLength(1);
    }
  });

  test("namespaces: refused when they hold a claim, a secret, data-holding custom resources, or another stateful kind", () => {
    const ns = (name = "app") => resource("kubernetes_namespace_v1", { metadata: { name } }, "Ns");
    const refused = ['s s/Ns: kubernetes_namespace_v1 "app" has no lifecycle.prevent_destroy: deleting a namespace deletes everything in it: claims with their volumes, secrets, databases'];
    expect(check(ns(), claimIn("app"))).toEqual(refused);
    expect(check(resource("kubernetes_namespace", { metadata: { name: "app" } }, "Ns"), claimIn("app"))).toEqual([refused[0].replace(/_v1/, "")]);
    expect(check(ns(), resource("kubernetes_secret_v1", { metadata: { name: "x", namespace: "app" } }))).toEqual(refused);
    expect(check(ns(), resource("kubernetes_secret", { metadata: { name: "x", namespace: "app" } }))).toEqual(refused);
    for (const kind of ["ExternalSecret", "SecretStore", "PushSecret"]) {
      expect(check(ns(), resource("kubernetes_manifest", { manifest: { apiVersion: "external-secrets.io/v1", kind, metadata: { name: "x", namespace: "app" } } }))).toEqual(refused);
    }
    const set = resource("kubernetes_stateful_set_v1", { metadata: { name: "db", namespace: "app" }, spec: { volume_claim_template: [{}] } });
    expect(check(ns(), set)).toEqual(refused);
  });

  test("namespaces: found by name or by a reference to them in the same stack; not by a reference from elsewhere", () => {
    const ns = resource("kubernetes_namespace_v1", { metadata: { name: "app" } }, "Ns");
    const byRef = (ref: string, stackId = "s") => ({ ...claimIn(ref), stackId });
    expect(check(ns, byRef("${kubernetes_namespace_v1.Ns.metadata[0].name}"))).toHaveLength(1);
    expect(check(ns, byRef("${kubernetes_namespace_v1.Other.metadata[0].name}"))).toEqual([]);
    expect(check(ns, byRef("${kubernetes_namespace_v1.Ns.metadata[0].name}", "t"))).toEqual([]);
  });

  test("not stateful: namespaces holding only workloads, claims elsewhere, or a protected namespace; volumes kept on delete; sets that keep their claims", () => {
    const ns = resource("kubernetes_namespace_v1", { metadata: { name: "web" } }, "Ns");
    const deployment = resource("kubernetes_deployment_v1", { metadata: { name: "web", namespace: "web" } }, "Web");
    const unnamespaced = resource("kubernetes_persistent_volume_claim_v1", { metadata: { name: "data" }, lifecycle: { prevent_destroy: true } }, "Claim");
    const namespaceInNamespace = resource("kubernetes_namespace_v1", { metadata: { name: "inner", namespace: "web" }, lifecycle: { prevent_destroy: true } }, "Inner");
    expect(check(ns, deployment, claimIn("other"), unnamespaced, namespaceInNamespace)).toEqual([]);
    expect(check(resource("kubernetes_persistent_volume_v1", { metadata: { name: "nfs" }, spec: { persistent_volume_reclaim_policy: "Retain" } }))).toEqual([]);
    expect(check(resource("kubernetes_persistent_volume_v1", { metadata: { name: "nfs" } }))).toEqual([]);
    expect(check(resource("kubernetes_stateful_set_v1", { metadata: { name: "db" }, spec: { volume_claim_template: [{}], persistent_volume_claim_retention_policy: { when_deleted: "Retain" } } }))).toEqual([]);
    expect(check(resource("kubernetes_stateful_set_v1", { metadata: { name: "db" }, spec: { persistent_volume_claim_retention_policy: { when_deleted: "Delete" } } }))).toEqual([]);
  });

  test("not stateful: other custom resources, other Vault and Nomad resources", () => {
    expect(check(resource("kubernetes_manifest", { manifest: { apiVersion: "traefik.io/v1alpha1", kind: "Middleware" } }))).toEqual([]);
    expect(check(resource("kubernetes_manifest", { manifest: { apiVersion: "example.org/v1", kind: "Cluster" } }))).toEqual([]);
    expect(check(resource("kubernetes_manifest", { manifest: { apiVersion: "postgresql.cnpg.io/v1", kind: "Pooler" } }))).toEqual([]);
    expect(check(resource("vault_policy", { name: "p" }), resource("nomad_job", { jobspec: "{}" }), resource("nomad_csi_volume_x", {}))).toEqual([]);
  });

  test("every stack is searched, and each finding sits on its own stack and construct", () => {
    const stacks: SynthStack[] = ["a", "b"].map((id) => ({ id, tier: 1, resources: [{ ...resource("vault_mount", { path: id }), stackId: id, path: `${id}/Kv` }] }));
    expect(statePreventDestroy.check(stacks, context).map((p) => `${p.stackId} ${p.path}`)).toEqual(["a a/Kv", "b b/Kv"]);
  });
});
