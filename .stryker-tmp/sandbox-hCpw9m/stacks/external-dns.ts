// @ts-nocheck
import { Construct } from "constructs";
import { ExternalSecret } from "../constructs/external-secret";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { Namespace } from "../constructs/namespace";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { chartResources } from "./platform";

const NAMESPACE = "external-dns";

/** The Cloudflare API token (Zone DNS edit on the public zone), in Vault, synced into external-dns's namespace. */
export const EXTERNAL_DNS_SECRETS: ServiceSecretsDeclaration = {
  service: "external-dns",
  reads: ["external-dns/cloudflare"],
  runsOn: "kubernetes",
  namespace: NAMESPACE,
};

/** Owner id of the records external-dns creates (its TXT registry): it changes and deletes only those. */
export const EXTERNAL_DNS_OWNER = "homelab";

export interface ExternalDnsStackProps {
  /** external-dns's declared secrets (vault stack, from EXTERNAL_DNS_SECRETS). */
  readonly secrets: ServiceSecrets;
}

/**
 * external-dns on Cloudflare: publishes exactly the hosts IngressFactory annotates (dns
 * proxied or non-proxied), through the CDN or as direct records as each annotation says,
 * pointing where the annotation's target says. Hosts in spec.rules and spec.tls alone are
 * not published, so an ingress with dns "none" gets no record.
 *
 * Tier 1: nothing in the bootstrap needs it, and while it is down the records it made stay.
 */
export class ExternalDnsStack extends HomelabStack {
  constructor(scope: Construct, props: ExternalDnsStackProps) {
    super(scope, "external-dns", {
      tier: 1,
      cluster: "kubernetes",
      description: "external-dns: Cloudflare records for the ingresses IngressFactory publishes",
    });
    const namespace = new Namespace(this, "Namespace", { name: NAMESPACE });
    const token = new ExternalSecret(this, "CloudflareToken", {
      namespace,
      name: "cloudflare-api-token",
      secrets: props.secrets,
      keys: { "api-token": { path: "external-dns/cloudflare", property: "api-token" } },
    });
    new HelmChart(this, "Release", {
      name: "external-dns",
      namespace,
      repository: "https://kubernetes-sigs.github.io/external-dns",
      chart: "external-dns",
      version: "1.21.1",
      after: [token],
      values: {
        provider: { name: "cloudflare" },
        env: [{ name: "CF_API_TOKEN", valueFrom: { secretKeyRef: { name: token.secretName, key: "api-token" } } }],
        sources: ["ingress"],
        // Only the hostname annotation publishes a host: IngressFactory sets it for dns
        // proxied and non-proxied, never for none.
        extraArgs: ["--ignore-ingress-rules-spec", "--ignore-ingress-tls-spec"],
        domainFilters: [this.inventory.domains.public],
        // sync: a host whose ingress goes, or turns to dns none, stops resolving. The TXT
        // registry keeps it to records this owner created; anything else in the zone is left alone.
        policy: "sync",
        registry: "txt",
        txtOwnerId: EXTERNAL_DNS_OWNER,
        resources: chartResources(10, 64),
      },
    });
  }
}
