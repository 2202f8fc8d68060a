import { ConsulProvider } from "@cdktf/provider-consul/lib/provider";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { NomadProvider } from "@cdktf/provider-nomad/lib/provider";
import { VaultProvider } from "@cdktf/provider-vault/lib/provider";
import { TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { Inventory } from "../inventory";
import { ClusterId } from "./stack-graph";
import { terraformLiteral } from "./terraform-literal";

/**
 * Provider configuration from the inventory and the environment only. Addresses come from
 * the inventory; credentials are never set here: each provider reads its own environment
 * at plan time (NOMAD_TOKEN, VAULT_TOKEN, KUBE_CONFIG_PATH, CONSUL_HTTP_TOKEN), so no token
 * or machine path can reach the synthesized JSON.
 */
export type ProviderKind = "nomad" | "kubernetes" | "helm" | "vault" | "consul";

/** Which clusters a provider kind may target from a stack of that cluster. */
const ALLOWED: Record<ProviderKind, readonly ClusterId[]> = {
  nomad: ["nomad-main", "nomad-bitcoin"],
  kubernetes: ["kubernetes"],
  helm: ["kubernetes"],
  // Vault serves both estates (Nomad workload identities, Kubernetes auth).
  vault: ["nomad-main", "nomad-bitcoin", "kubernetes"],
  // Only the main Nomad cluster runs Consul (the Bitcoin cluster discovers services through Nomad).
  consul: ["nomad-main"],
};

/** Fails, naming the construct, when a provider kind does not fit a stack's cluster. */
export function assertProviderFits(requester: IConstruct, kind: ProviderKind, cluster: ClusterId): void {
  if (!ALLOWED[kind].includes(cluster)) {
    throw new Error(
      `${requester.node.path}: a ${kind} provider cannot be used in a stack of cluster ${cluster}; ` +
        `allowed clusters for ${kind}: ${ALLOWED[kind].join(", ")}; put these resources in a stack of that cluster`,
    );
  }
}

/** The provider of a kind for a cluster, from the inventory. */
export function createProvider(
  scope: Construct,
  kind: ProviderKind,
  cluster: ClusterId,
  inventory: Inventory,
): TerraformProvider {
  switch (kind) {
    case "nomad": {
      const target = cluster === "nomad-bitcoin" ? inventory.nomad.bitcoin : inventory.nomad.main;
      return new NomadProvider(scope, "nomad", { address: target.address, region: target.region });
    }
    // The context is the inventory's one free-text value: text for Terraform, never an expression.
    case "kubernetes":
      return new KubernetesProvider(scope, "kubernetes", { configContext: terraformLiteral(inventory.kubernetes.context) });
    case "helm":
      return new HelmProvider(scope, "helm", { kubernetes: { configContext: terraformLiteral(inventory.kubernetes.context) } });
    case "vault":
      return new VaultProvider(scope, "vault", { address: inventory.vault.address });
    case "consul": {
      // The provider takes host:port and the scheme apart.
      const url = new URL(inventory.nomad.main.consul.address);
      const scheme = url.protocol.slice(0, -1);
      return new ConsulProvider(scope, "consul", { address: `${url.hostname}:${url.port || (scheme === "https" ? 443 : 80)}`, scheme });
    }
  }
}
