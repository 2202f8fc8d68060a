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

/** The facts recorded on a construct or its nearest ancestors, nearest first winning. */
export function catalogFactsOf(construct: IConstruct): CatalogFacts {
  const merged: Record<string, unknown> = {};
  for (const scope of [...construct.node.scopes].reverse()) {
    for (const m of scope.node.metadata.filter((m) => m.type === CATALOG_METADATA)) {
      for (const [k, v] of Object.entries(m.data as CatalogFacts)) if (!(k in merged)) merged[k] = v;
    }
  }
  return merged as CatalogFacts;
}
