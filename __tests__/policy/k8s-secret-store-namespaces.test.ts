import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { HomelabStack } from "../../constructs";
import { SynthResource } from "../../policy/rule";
import { k8sSecretStoreNamespaces } from "../../policy/rules/k8s-secret-store-namespaces";
import { findingsOf, providerOf } from "../helpers/rules";
import { context, res, stackOf } from "./k8s-rules.fixtures";

const store = (s: HomelabStack, name: string, conditions?: unknown) =>
  new Manifest(s, `Store-${name}`, {
    provider: providerOf(s, "kubernetes"),
    manifest: { apiVersion: "external-secrets.io/v1", kind: "ClusterSecretStore", metadata: { name }, spec: { ...(conditions ? { conditions } : {}), provider: { vault: {} } } },
  });
const externalSecret = (s: HomelabStack, namespace: string, storeName = "vault-kv") =>
  new Manifest(s, "Secret", {
    provider: providerOf(s, "kubernetes"),
    manifest: {
      apiVersion: "external-secrets.io/v1",
      kind: "ExternalSecret",
      metadata: { name: "app", namespace },
      spec: { secretStoreRef: { kind: "ClusterSecretStore", name: storeName }, data: [] },
    },
  });
const findings = (build: (s: HomelabStack) => void) => findingsOf("HL-K8S-11", "kubernetes", build);

describe("HL-K8S-11 secret stores serve named namespaces only", () => {
  test("compliant: the ExternalSecret's namespace (a reference to the stack's namespace) is one its store serves", () => {
    expect(
      findings((s) => {
        store(s, "vault-kv", [{ namespaces: ["apps"] }]);
        const ns = new NamespaceV1(s, "Ns", { provider: providerOf(s, "kubernetes"), metadata: { name: "apps" } });
        externalSecret(s, ns.metadata.name);
      }),
    ).toEqual([]);
  });

  test("non-compliant: a store without conditions serves every namespace", () => {
    expect(findings((s) => store(s, "vault-kv"))).toEqual([
      "test/Store-vault-kv: ClusterSecretStore vault-kv: has no spec.conditions, so it serves every namespace; allowed: conditions naming the namespaces of the services that use it",
    ]);
  });

  test("non-compliant: an ExternalSecret in a namespace its store does not serve would never sync", () => {
    expect(
      findings((s) => {
        store(s, "vault-kv", [{ namespaces: ["apps"] }]);
        externalSecret(s, "elsewhere");
      }),
    ).toEqual(["test/Secret: ExternalSecret app: sits in namespace elsewhere, which store vault-kv does not serve (it serves: apps), so it would never sync"]);
    expect(
      findings((s) => {
        store(s, "vault-database", [{ namespaces: [] }]);
        externalSecret(s, "apps", "vault-database");
      }),
    ).toEqual(["test/Secret: ExternalSecret app: sits in namespace apps, which store vault-database does not serve (it serves: none), so it would never sync"]);
  });

  test("non-compliant: a store the estate does not have; an app holding no store at all (one stack tested alone) cannot say", () => {
    expect(
      findings((s) => {
        store(s, "vault-kv", [{ namespaces: ["apps"] }]);
        externalSecret(s, "apps", "nowhere");
      }),
    ).toEqual(['test/Secret: ExternalSecret app: its store "nowhere" is no restricted ClusterSecretStore of the estate (stores: vault-kv)']);
    expect(findings((s) => externalSecret(s, "apps", "nowhere"))).toEqual([]);
  });

  test("a store restricted by a label selector is taken as restricted (selectors cannot be judged from the code)", () => {
    expect(
      findings((s) => {
        store(s, "vault-kv", [{ namespaceSelector: { matchLabels: { team: "apps" } } }]);
        externalSecret(s, "apps");
      }),
    ).toEqual([]);
  });
});

describe("HL-K8S-11 on synthesized resources: odd shapes and the lists its messages name", () => {
  const manifest = (m: object, path: string) => res("kubernetes_manifest", { manifest: m }, path);
  const cluster = (name: string, conditions: object[]) => manifest({ kind: "ClusterSecretStore", metadata: { name }, spec: { conditions } }, `s/Store-${name}`);
  const secret = (namespace: string, secretStoreRef: object, path = "s/Secret") => manifest({ kind: "ExternalSecret", metadata: { name: "app", namespace }, spec: { secretStoreRef } }, path);
  const onStore = (name: string) => ({ kind: "ClusterSecretStore", name });
  const check = (...resources: SynthResource[]) => k8sSecretStoreNamespaces.check([stackOf(resources)], context).map((p) => `${p.path}: ${p.message}`);

  test("only a kubernetes_manifest is read: another resource with an attribute called manifest is no store", () => {
    expect(check(res("terraform_data", { manifest: { kind: "ClusterSecretStore", metadata: { name: "vault-kv" } } }))).toEqual([]);
  });

  test("a store without metadata or spec is judged without a crash: no spec is no conditions; with conditions it is restricted", () => {
    expect(check(manifest({ kind: "ClusterSecretStore" }, "s/Bare"), manifest({ kind: "ClusterSecretStore", spec: { conditions: [{ namespaces: ["apps"] }] } }, "s/Nameless"))).toEqual([
      "s/Bare: ClusterSecretStore undefined: has no spec.conditions, so it serves every namespace; allowed: conditions naming the namespaces of the services that use it",
    ]);
  });

  test("an ExternalSecret whose namespace cannot be read (none, a variable, a namespace of another stack) cannot be checked against its store, and says so", () => {
    expect(
      check(
        cluster("vault-kv", [{ namespaces: ["apps"] }]),
        manifest({ kind: "ExternalSecret", spec: { secretStoreRef: onStore("vault-kv") } }, "s/Bare"),
        secret("${var.namespace}", onStore("vault-kv"), "s/Variable"),
        secret("${kubernetes_namespace_v1.Elsewhere.metadata[0].name}", onStore("vault-kv"), "s/Elsewhere"),
      ),
    ).toEqual([
      "s/Bare: ExternalSecret undefined: its namespace undefined is not a name or a namespace of the same stack, so the store's conditions cannot be checked",
      's/Variable: ExternalSecret app: its namespace "${var.namespace}" is not a name or a namespace of the same stack, so the store\'s conditions cannot be checked',
      's/Elsewhere: ExternalSecret app: its namespace "${kubernetes_namespace_v1.Elsewhere.metadata[0].name}" is not a name or a namespace of the same stack, so the store\'s conditions cannot be checked',
    ]);
  });

  test("an ExternalSecret on a namespaced SecretStore (named so, or by default when the kind is left out), or on no store, is not judged", () => {
    expect(
      check(
        cluster("vault-kv", [{ namespaces: ["apps"] }]),
        secret("media", { kind: "SecretStore", name: "vault-kv" }),
        secret("media", { name: "vault-kv" }),
        manifest({ kind: "ExternalSecret", metadata: { name: "app", namespace: "media" }, spec: { dataFrom: [] } }, "s/NoRef"),
        manifest({ kind: "ExternalSecret", metadata: { name: "app", namespace: "media" } }, "s/NoSpec"),
      ),
    ).toEqual([]);
  });

  test("a store is taken as restricted when any condition uses a selector or regexes, even beside a namespace list; an empty regex list is none", () => {
    expect(check(cluster("vault-kv", [{ namespaces: ["apps"] }, { namespaceSelector: { matchLabels: { team: "media" } } }]), secret("media", onStore("vault-kv")))).toEqual([]);
    expect(check(cluster("vault-kv", [{ namespaceRegexes: ["^media-"] }]), secret("media", onStore("vault-kv")))).toEqual([]);
    expect(check(cluster("vault-kv", [{ namespaces: ["apps"], namespaceRegexes: [] }]), secret("media", onStore("vault-kv")))).toEqual([
      "s/Secret: ExternalSecret app: sits in namespace media, which store vault-kv does not serve (it serves: apps), so it would never sync",
    ]);
  });

  test("the messages list every namespace a store serves and every store of the estate; an empty condition serves none (external-secrets 0.20.4 shouldProcessSecret)", () => {
    expect(
      check(
        cluster("vault-kv", [{ namespaces: ["apps"] }, { namespaces: ["media", "tools"] }]),
        cluster("vault-database", [{}]),
        secret("other", onStore("vault-kv"), "s/A"),
        secret("apps", onStore("vault-database"), "s/B"),
        secret("apps", onStore("nowhere"), "s/C"),
      ),
    ).toEqual([
      "s/A: ExternalSecret app: sits in namespace other, which store vault-kv does not serve (it serves: apps, media, tools), so it would never sync",
      "s/B: ExternalSecret app: sits in namespace apps, which store vault-database does not serve (it serves: none), so it would never sync",
      's/C: ExternalSecret app: its store "nowhere" is no restricted ClusterSecretStore of the estate (stores: vault-kv, vault-database)',
    ]);
  });
});
