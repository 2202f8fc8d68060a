import { IConstruct } from "constructs";

/** Metadata type under which catalog facts are stored on a construct's node. */
export const CATALOG_METADATA = "homelab:catalog";

/** Facts about what a construct holds that Terraform does not record, for the service catalog. */
export interface CatalogFacts {
  /** How bad losing the data is, from the domain brief's volume inventory. */
  readonly criticality?: "critical" | "high" | "medium" | "low";
  /** How the data is backed up, or why it is not. */
  readonly backup?: string;
  /** How Prometheus scrapes what the construct runs, where no workload annotation says it (Helm charts). */
  readonly scrape?: string;
}

/** Records catalog facts on a construct; they apply to the resources under it. */
export function recordCatalogFacts(construct: IConstruct, facts: CatalogFacts): void {
  construct.node.addMetadata(CATALOG_METADATA, facts);
}

/** The facts recorded on this construct itself (not its scopes), the first record of a fact winning. */
export function ownCatalogFacts(construct: IConstruct): CatalogFacts {
  return mergeCatalogFacts(construct.node.metadata.filter((m) => m.type === CATALOG_METADATA).map((m) => m.data as CatalogFacts));
}

/** Facts of several scopes, nearest first: a fact the nearest scope records wins. */
export function mergeCatalogFacts(nearestFirst: readonly CatalogFacts[]): CatalogFacts {
  const merged: Record<string, unknown> = {};
  for (const facts of nearestFirst) {
    for (const [k, v] of Object.entries(facts)) if (!(k in merged)) merged[k] = v;
  }
  return merged as CatalogFacts;
}

/** The facts recorded on a construct or its nearest ancestors, nearest first winning. */
export function catalogFactsOf(construct: IConstruct): CatalogFacts {
  return mergeCatalogFacts([...construct.node.scopes].reverse().map(ownCatalogFacts));
}
