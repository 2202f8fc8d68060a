import { EstateProblem, EstateRule, SynthResource, SynthStack } from "../rule";
import { first, namespaceName } from "./k8s-support";

type Obj = Record<string, any>;

const manifestOf = (r: SynthResource): Obj | undefined => (r.type === "kubernetes_manifest" ? first(r.attributes.manifest) : undefined);

/**
 * A ClusterSecretStore without conditions serves every namespace (external-secrets 0.20.4
 * client_manager.go shouldProcessSecret): any ExternalSecret anywhere could read everything the
 * operator's Vault role reads. Each store names the namespaces it serves, and each
 * ExternalSecret sits in one its store serves (else it never syncs).
 */
export const k8sSecretStoreNamespaces: EstateRule = {
  id: "HL-K8S-11",
  scope: "estate",
  level: "error",
  description: "every ClusterSecretStore serves only named namespaces (spec.conditions), and every ExternalSecret sits in one its store serves",
  fix: "declare the service's namespace in its ServiceSecretsDeclaration (runsOn kubernetes, namespace): the external-secrets stack gives each store the declared namespaces",
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    const problems: EstateProblem[] = [];
    const served = new Map<string, string[] | "selector">();
    for (const stack of stacks) {
      for (const r of stack.resources) {
        const m = manifestOf(r);
        if (m?.kind !== "ClusterSecretStore") continue;
        const conditions: Obj[] = m.spec?.conditions ?? [];
        const say = (message: string) => problems.push({ stackId: stack.id, path: r.path, message: `ClusterSecretStore ${m.metadata?.name}: ${message}` });
        if (conditions.length === 0) {
          say("has no spec.conditions, so it serves every namespace; allowed: conditions naming the namespaces of the services that use it");
          continue;
        }
        // Label selectors and regexes cannot be judged here; a store using them is taken as restricted.
        served.set(
          String(m.metadata?.name),
          conditions.some((c) => c.namespaceSelector || c.namespaceRegexes?.length) ? "selector" : conditions.flatMap((c) => c.namespaces ?? []),
        );
      }
    }
    for (const stack of stacks) {
      for (const r of stack.resources) {
        const m = manifestOf(r);
        if (m?.kind !== "ExternalSecret" || m.spec?.secretStoreRef?.kind !== "ClusterSecretStore") continue;
        const storeName = String(m.spec.secretStoreRef.name);
        const namespace = namespaceName(m.metadata?.namespace, stack);
        const store = served.get(storeName);
        const say = (message: string) => problems.push({ stackId: stack.id, path: r.path, message: `ExternalSecret ${m.metadata?.name}: ${message}` });
        // An app without the stores' stack (a stack tested alone) cannot say; one with stores can.
        if (store === undefined) {
          if (served.size) say(`its store ${JSON.stringify(storeName)} is no restricted ClusterSecretStore of the estate (stores: ${[...served.keys()].join(", ")})`);
        }
        else if (namespace === undefined) say(`its namespace ${JSON.stringify(m.metadata?.namespace)} is not a name or a namespace of the same stack, so the store's conditions cannot be checked`);
        else if (store !== "selector" && !store.includes(namespace)) {
          say(`sits in namespace ${namespace}, which store ${storeName} does not serve (it serves: ${store.join(", ") || "none"}), so it would never sync`);
        }
      }
    }
    return problems;
  },
};
