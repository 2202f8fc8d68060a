// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { EstateProblem, EstateRule, SynthResource, SynthStack } from "../rule";
import { first, namespaceName } from "./k8s-support";
type Obj = Record<string, any>;
const manifestOf = stryMutAct_9fa48("0") ? () => undefined : (stryCov_9fa48("0"), (() => {
  const manifestOf = (r: SynthResource): Obj | undefined => (stryMutAct_9fa48("3") ? r.type !== "kubernetes_manifest" : stryMutAct_9fa48("2") ? false : stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1", "2", "3"), r.type === (stryMutAct_9fa48("4") ? "" : (stryCov_9fa48("4"), "kubernetes_manifest")))) ? first(r.attributes.manifest) : undefined;
  return manifestOf;
})());

/**
 * A ClusterSecretStore without conditions serves every namespace (external-secrets 0.20.4
 * client_manager.go shouldProcessSecret): any ExternalSecret anywhere could read everything the
 * operator's Vault role reads. Each store names the namespaces it serves, and each
 * ExternalSecret sits in one its store serves (else it never syncs).
 */
export const k8sSecretStoreNamespaces: EstateRule = stryMutAct_9fa48("5") ? {} : (stryCov_9fa48("5"), {
  id: stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), "HL-K8S-11"),
  scope: stryMutAct_9fa48("7") ? "" : (stryCov_9fa48("7"), "estate"),
  level: stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), "error"),
  description: stryMutAct_9fa48("9") ? "" : (stryCov_9fa48("9"), "every ClusterSecretStore serves only named namespaces (spec.conditions), and every ExternalSecret sits in one its store serves"),
  fix: stryMutAct_9fa48("10") ? "" : (stryCov_9fa48("10"), "declare the service's namespace in its ServiceSecretsDeclaration (runsOn kubernetes, namespace): the external-secrets stack gives each store the declared namespaces"),
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    if (stryMutAct_9fa48("11")) {
      {}
    } else {
      stryCov_9fa48("11");
      const problems: EstateProblem[] = stryMutAct_9fa48("12") ? ["Stryker was here"] : (stryCov_9fa48("12"), []);
      const served = new Map<string, string[] | "selector">();
      for (const stack of stacks) {
        if (stryMutAct_9fa48("13")) {
          {}
        } else {
          stryCov_9fa48("13");
          for (const r of stack.resources) {
            if (stryMutAct_9fa48("14")) {
              {}
            } else {
              stryCov_9fa48("14");
              const m = manifestOf(r);
              if (stryMutAct_9fa48("17") ? m?.kind === "ClusterSecretStore" : stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16", "17"), (stryMutAct_9fa48("18") ? m.kind : (stryCov_9fa48("18"), m?.kind)) !== (stryMutAct_9fa48("19") ? "" : (stryCov_9fa48("19"), "ClusterSecretStore")))) continue;
              const conditions: Obj[] = stryMutAct_9fa48("20") ? m.spec?.conditions && [] : (stryCov_9fa48("20"), (stryMutAct_9fa48("21") ? m.spec.conditions : (stryCov_9fa48("21"), m.spec?.conditions)) ?? (stryMutAct_9fa48("22") ? ["Stryker was here"] : (stryCov_9fa48("22"), [])));
              const say = stryMutAct_9fa48("23") ? () => undefined : (stryCov_9fa48("23"), (() => {
                const say = (message: string) => problems.push(stryMutAct_9fa48("24") ? {} : (stryCov_9fa48("24"), {
                  stackId: stack.id,
                  path: r.path,
                  message: stryMutAct_9fa48("25") ? `` : (stryCov_9fa48("25"), `ClusterSecretStore ${stryMutAct_9fa48("26") ? m.metadata.name : (stryCov_9fa48("26"), m.metadata?.name)}: ${message}`)
                }));
                return say;
              })());
              if (stryMutAct_9fa48("29") ? conditions.length !== 0 : stryMutAct_9fa48("28") ? false : stryMutAct_9fa48("27") ? true : (stryCov_9fa48("27", "28", "29"), conditions.length === 0)) {
                if (stryMutAct_9fa48("30")) {
                  {}
                } else {
                  stryCov_9fa48("30");
                  say(stryMutAct_9fa48("31") ? "" : (stryCov_9fa48("31"), "has no spec.conditions, so it serves every namespace; allowed: conditions naming the namespaces of the services that use it"));
                  continue;
                }
              }
              // Label selectors and regexes cannot be judged here; a store using them is taken as restricted.
              served.set(String(stryMutAct_9fa48("32") ? m.metadata.name : (stryCov_9fa48("32"), m.metadata?.name)), (stryMutAct_9fa48("33") ? conditions.every(c => c.namespaceSelector || c.namespaceRegexes?.length) : (stryCov_9fa48("33"), conditions.some(stryMutAct_9fa48("34") ? () => undefined : (stryCov_9fa48("34"), c => stryMutAct_9fa48("37") ? c.namespaceSelector && c.namespaceRegexes?.length : stryMutAct_9fa48("36") ? false : stryMutAct_9fa48("35") ? true : (stryCov_9fa48("35", "36", "37"), c.namespaceSelector || (stryMutAct_9fa48("38") ? c.namespaceRegexes.length : (stryCov_9fa48("38"), c.namespaceRegexes?.length))))))) ? stryMutAct_9fa48("39") ? "" : (stryCov_9fa48("39"), "selector") : conditions.flatMap(stryMutAct_9fa48("40") ? () => undefined : (stryCov_9fa48("40"), c => stryMutAct_9fa48("41") ? c.namespaces && [] : (stryCov_9fa48("41"), c.namespaces ?? (stryMutAct_9fa48("42") ? ["Stryker was here"] : (stryCov_9fa48("42"), []))))));
            }
          }
        }
      }
      for (const stack of stacks) {
        if (stryMutAct_9fa48("43")) {
          {}
        } else {
          stryCov_9fa48("43");
          for (const r of stack.resources) {
            if (stryMutAct_9fa48("44")) {
              {}
            } else {
              stryCov_9fa48("44");
              const m = manifestOf(r);
              if (stryMutAct_9fa48("47") ? m?.kind !== "ExternalSecret" && m.spec?.secretStoreRef?.kind !== "ClusterSecretStore" : stryMutAct_9fa48("46") ? false : stryMutAct_9fa48("45") ? true : (stryCov_9fa48("45", "46", "47"), (stryMutAct_9fa48("49") ? m?.kind === "ExternalSecret" : stryMutAct_9fa48("48") ? false : (stryCov_9fa48("48", "49"), (stryMutAct_9fa48("50") ? m.kind : (stryCov_9fa48("50"), m?.kind)) !== (stryMutAct_9fa48("51") ? "" : (stryCov_9fa48("51"), "ExternalSecret")))) || (stryMutAct_9fa48("53") ? m.spec?.secretStoreRef?.kind === "ClusterSecretStore" : stryMutAct_9fa48("52") ? false : (stryCov_9fa48("52", "53"), (stryMutAct_9fa48("55") ? m.spec.secretStoreRef?.kind : stryMutAct_9fa48("54") ? m.spec?.secretStoreRef.kind : (stryCov_9fa48("54", "55"), m.spec?.secretStoreRef?.kind)) !== (stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), "ClusterSecretStore")))))) continue;
              const storeName = String(m.spec.secretStoreRef.name);
              const namespace = namespaceName(stryMutAct_9fa48("57") ? m.metadata.namespace : (stryCov_9fa48("57"), m.metadata?.namespace), stack);
              const store = served.get(storeName);
              const say = stryMutAct_9fa48("58") ? () => undefined : (stryCov_9fa48("58"), (() => {
                const say = (message: string) => problems.push(stryMutAct_9fa48("59") ? {} : (stryCov_9fa48("59"), {
                  stackId: stack.id,
                  path: r.path,
                  message: stryMutAct_9fa48("60") ? `` : (stryCov_9fa48("60"), `ExternalSecret ${stryMutAct_9fa48("61") ? m.metadata.name : (stryCov_9fa48("61"), m.metadata?.name)}: ${message}`)
                }));
                return say;
              })());
              // An app without the stores' stack (a stack tested alone) cannot say; one with stores can.
              if (stryMutAct_9fa48("64") ? store !== undefined : stryMutAct_9fa48("63") ? false : stryMutAct_9fa48("62") ? true : (stryCov_9fa48("62", "63", "64"), store === undefined)) {
                if (stryMutAct_9fa48("65")) {
                  {}
                } else {
                  stryCov_9fa48("65");
                  if (stryMutAct_9fa48("67") ? false : stryMutAct_9fa48("66") ? true : (stryCov_9fa48("66", "67"), served.size)) say(stryMutAct_9fa48("68") ? `` : (stryCov_9fa48("68"), `its store ${JSON.stringify(storeName)} is no restricted ClusterSecretStore of the estate (stores: ${(stryMutAct_9fa48("69") ? [] : (stryCov_9fa48("69"), [...served.keys()])).join(stryMutAct_9fa48("70") ? "" : (stryCov_9fa48("70"), ", "))})`));
                }
              } else if (stryMutAct_9fa48("73") ? namespace !== undefined : stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72", "73"), namespace === undefined)) say(stryMutAct_9fa48("74") ? `` : (stryCov_9fa48("74"), `its namespace ${JSON.stringify(stryMutAct_9fa48("75") ? m.metadata.namespace : (stryCov_9fa48("75"), m.metadata?.namespace))} is not a name or a namespace of the same stack, so the store's conditions cannot be checked`));else if (stryMutAct_9fa48("78") ? store !== "selector" || !store.includes(namespace) : stryMutAct_9fa48("77") ? false : stryMutAct_9fa48("76") ? true : (stryCov_9fa48("76", "77", "78"), (stryMutAct_9fa48("80") ? store === "selector" : stryMutAct_9fa48("79") ? true : (stryCov_9fa48("79", "80"), store !== (stryMutAct_9fa48("81") ? "" : (stryCov_9fa48("81"), "selector")))) && (stryMutAct_9fa48("82") ? store.includes(namespace) : (stryCov_9fa48("82"), !store.includes(namespace))))) {
                if (stryMutAct_9fa48("83")) {
                  {}
                } else {
                  stryCov_9fa48("83");
                  say(stryMutAct_9fa48("84") ? `` : (stryCov_9fa48("84"), `sits in namespace ${namespace}, which store ${storeName} does not serve (it serves: ${stryMutAct_9fa48("87") ? store.join(", ") && "none" : stryMutAct_9fa48("86") ? false : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86", "87"), store.join(stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), ", ")) || (stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), "none")))}), so it would never sync`));
                }
              }
            }
          }
        }
      }
      return problems;
    }
  }
});