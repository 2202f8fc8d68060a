import { readProvenance } from "../../contracts/stored";
import { EXTERNAL_DNS_SECRETS, ExternalDnsStack } from "../../stacks/external-dns";
import { VaultStack } from "../../stacks/vault";
import { chartFindings, release } from "../helpers/releases";
import { onlyResource, resourcesOf, synthApp, testInventory } from "../helpers/synth";
import { synthEstate } from "../helpers/estate";

/** The annotations external-dns reads from an ingress, as its documentation names them. */
const HOSTNAME = "external-dns.alpha.kubernetes.io/hostname";
const PROXIED = "external-dns.alpha.kubernetes.io/cloudflare-proxied";
const TARGET = "external-dns.alpha.kubernetes.io/target";

describe("external-dns stack", () => {
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [EXTERNAL_DNS_SECRETS] });
    new ExternalDnsStack(app, { secrets: vault.secretsFor("external-dns") });
  });
  const d = stacks["external-dns"];
  const { body, values } = release(d, "external-dns");

  test("tier 1: state in PostgreSQL (its records stay published while it is down)", () => {
    expect(d.terraform.backend).toEqual({ pg: { schema_name: "external-dns" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "external-dns")).toEqual([]);
  });

  test("Cloudflare, with the API token from Vault through an ExternalSecret, never a literal", () => {
    expect([body.chart, body.version, values.provider]).toEqual(["external-dns", readProvenance("helm-chart-external-dns").version, { name: "cloudflare" }]);
    expect(values.env).toEqual([{ name: "CF_API_TOKEN", valueFrom: { secretKeyRef: { name: "cloudflare-api-token", key: "api-token" } } }]);
    const es = onlyResource(d, "kubernetes_manifest").manifest;
    expect([es.kind, es.spec.target.name, es.spec.data]).toEqual([
      "ExternalSecret",
      "cloudflare-api-token",
      [{ secretKey: "api-token", remoteRef: { key: "external-dns/cloudflare", property: "api-token" } }],
    ]);
    expect(body.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.CloudflareToken_/)]);
  });

  test("publishes ingresses by their hostname annotation only, in the public zone, owning what it creates", () => {
    expect(values.sources).toEqual(["ingress"]);
    expect(values.extraArgs).toEqual(["--ignore-ingress-rules-spec", "--ignore-ingress-tls-spec"]);
    expect(values.domainFilters).toEqual([testInventory.domains.public]);
    // the owner id marks the records it created: changing it orphans every existing record
    expect([values.policy, values.registry, values.txtOwnerId]).toEqual(["sync", "txt", "homelab"]);
  });

  test("every host the estate's ingresses publish is in its zone, pointing where its proxying says", () => {
    const estate = synthEstate().stacks;
    const { proxiedTarget, publicAddresses } = testInventory.kubernetes.externalDns;
    const published = Object.values(estate).flatMap((stack) =>
      (Object.values(resourcesOf(stack, "kubernetes_ingress_v1")) as any[]).map((i) => i.metadata.annotations).filter((a) => a[HOSTNAME]),
    );
    expect(published.length).toBeGreaterThan(0);
    for (const a of published) {
      const zone = values.domainFilters[0];
      expect([a[HOSTNAME], a[HOSTNAME] === zone || a[HOSTNAME].endsWith(`.${zone}`)]).toEqual([a[HOSTNAME], true]);
      const target = a[PROXIED] === "true" ? proxiedTarget : [publicAddresses.ipv4, publicAddresses.ipv6].join(",");
      expect([a[HOSTNAME], a[TARGET]]).toEqual([a[HOSTNAME], target]);
    }
  });

  test("the chart's contract catches a policy external-dns does not have", () => {
    const findings = chartFindings({ repository: "https://kubernetes-sigs.github.io/external-dns", chart: "external-dns", version: "1.21.1", values: { policy: "delete" } });
    expect(findings).toEqual([expect.stringMatching(/\.values\.policy: "delete" must be equal to one of the allowed values: allowed "create-only", "sync", "upsert-only"/)]);
  });
});
