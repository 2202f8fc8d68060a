// @ts-nocheck
import { Construct } from "constructs";
import { CustomResource, UncheckedCustomResource } from "../../constructs/custom-resource";
import { HelmChart } from "../../constructs/helm-chart";
import { Namespace } from "../../constructs/namespace";
import { checkCustomResources } from "../../contracts/custom-resources";
import { PLATFORM_CHARTS } from "../../stacks/platform";
import { inputWith, lines } from "./synthesized-input";

/** Traefik's release, which installs the Middleware CRD, and one Middleware with `spec`. */
function middlewareFindings(spec: Record<string, unknown>, apiVersion = "traefik.io/v1alpha1"): string[] {
  return lines(
    checkCustomResources(
      inputWith((s: Construct) => {
        const namespace = new Namespace(s, "Ns", { name: "traefik" });
        const traefik = new HelmChart(s, "Traefik", { name: "traefik", namespace, ...PLATFORM_CHARTS.traefik });
        new CustomResource<UncheckedCustomResource>(s, "Mw", { apiVersion, kind: "Middleware", name: "mw", namespace: "traefik", body: { spec }, after: [traefik] });
      }),
    ),
  );
}

describe("custom-resources", () => {
  test("fails for an unknown Middleware field, which the API server would drop, naming the fields allowed there", () => {
    expect(middlewareFindings({ retry: { attempts: 3, initialIntervall: "100ms" } })).toEqual([
      expect.stringMatching(
        /^test\/kubernetes_manifest\.Mw_\w+\.manifest\.spec\.retry\.initialIntervall: unknown field "initialIntervall": the API server drops it silently; allowed: attempts, initialInterval \(upstream: traefik@37\.1\.2 traefik\/crds\/traefik\.io_middlewares\.yaml\)$/,
      ),
    ]);
  });

  test("fails for values of the wrong type", () => {
    expect(middlewareFindings({ retry: { attempts: "three" }, rateLimit: { average: 100, burst: 2.5 } })).toEqual([
      expect.stringMatching(/\.manifest\.spec\.rateLimit\.burst: is 2\.5 \(number\): must be integer/),
      expect.stringMatching(/\.manifest\.spec\.retry\.attempts: is "three" \(string\): must be integer/),
    ]);
  });

  test("a Terraform reference is computed at apply time and not judged", () => {
    expect(middlewareFindings({ forwardAuth: { address: "${var.outpost}" } })).toEqual([]);
  });

  test("fails for an apiVersion the CRD does not serve, naming the served ones", () => {
    expect(middlewareFindings({}, "traefik.io/v1beta1")).toEqual([
      expect.stringMatching(/\.manifest\.apiVersion: traefik\.io\/v1beta1 Middleware is not served; served versions of Middleware: traefik\.io\/v1alpha1/),
    ]);
  });

  test("fails for a kind nothing in the estate installs", () => {
    const found = lines(
      checkCustomResources(
        inputWith((s) => new CustomResource<UncheckedCustomResource>(s, "Cert", { apiVersion: "cert-manager.io/v1", kind: "Certificate", name: "c", namespace: "x", body: { spec: {} } })),
      ),
    );
    expect(found).toEqual([
      expect.stringMatching(/\.manifest\.apiVersion: cert-manager\.io\/v1 Certificate: no chart of the estate, no declared external source \(contracts\/kubernetes\/cluster-apis\.ts\) and not Kubernetes 1\.33\.\d+ installs kind Certificate of group cert-manager\.io/),
    ]);
  });

  test("fails for an enum value, a missing required field and a namespace on a cluster-scoped kind (External Secrets, installed by its chart)", () => {
    const found = lines(
      checkCustomResources(
        inputWith((s) => {
          const namespace = new Namespace(s, "Ns", { name: "external-secrets" });
          new HelmChart(s, "Eso", {
            name: "external-secrets",
            namespace,
            repository: "https://charts.external-secrets.io",
            chart: "external-secrets",
            version: "0.20.4",
            values: { installCRDs: true },
          });
          new CustomResource<UncheckedCustomResource>(s, "Es", {
            apiVersion: "external-secrets.io/v1",
            kind: "ExternalSecret",
            name: "es",
            namespace: "apps",
            body: { spec: { secretStoreRef: { kind: "VaultStore", name: "vault-kv" }, data: [{ secretKey: "k", remoteRef: {} }] } },
          });
          new CustomResource<UncheckedCustomResource>(s, "Store", { apiVersion: "external-secrets.io/v1", kind: "ClusterSecretStore", name: "s", namespace: "apps", body: { spec: { conditions: [{ namespaces: ["apps"] }], provider: {} } } });
        }),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Es_\w+\.manifest\.spec\.secretStoreRef\.kind: is "VaultStore": must be one of "SecretStore", "ClusterSecretStore" \(upstream: external-secrets@0\.20\.4 config\/crds\/bases\/external-secrets\.io_externalsecrets\.yaml\)/),
        expect.stringMatching(/Es_\w+\.manifest\.spec\.data\[0\]\.remoteRef\.key: is missing; required by the CRD/),
        expect.stringMatching(/Store_\w+\.manifest\.metadata\.namespace: ClusterSecretStore is cluster-scoped: metadata\.namespace "apps" must not be set/),
      ]),
    );
  });

  test("a kind whose CRD the chart installs only when asked is absent otherwise (installCRDs: false)", () => {
    const found = lines(
      checkCustomResources(
        inputWith((s) => {
          const namespace = new Namespace(s, "Ns", { name: "external-secrets" });
          new HelmChart(s, "Eso", { name: "eso", namespace, repository: "https://charts.external-secrets.io", chart: "external-secrets", version: "0.20.4", values: { installCRDs: false } });
          new CustomResource<UncheckedCustomResource>(s, "Store", { apiVersion: "external-secrets.io/v1", kind: "ClusterSecretStore", name: "s", body: { spec: { conditions: [{ namespaces: ["apps"] }], provider: {} } } });
        }),
      ),
    );
    expect(found).toEqual([expect.stringMatching(/no chart of the estate, no declared external source .* installs kind ClusterSecretStore/)]);
  });
});
