// @ts-nocheck
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { HomelabStack } from "../../constructs";
import { findingsOf, providerOf } from "../helpers/rules";

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
