/**
 * What only the construct tree knows about a stack (Terraform records none of it): its
 * description, whether it is critical, the catalog facts its constructs record (a volume's
 * criticality and backup, a backup job's schedule and retention), the databases its services
 * keep on the external PostgreSQL. Read by shape and metadata, never by instanceof, so it works
 * on any version of the estate's tree: the working tree's, or a git ref's whose classes are not
 * this checkout's (`npm run diff`).
 */
import { IConstruct } from "constructs";
import { CatalogFacts, mergeCatalogFacts, ownCatalogFacts } from "../../constructs/catalog-facts";
import { OrderedStack } from "../../constructs/stack-graph";
import { DatabaseBackup, describeBackup } from "../../jobspecs/backup-plans";

export interface TreeFacts {
  /** The stack's one line. */
  readonly description: string;
  /** Must keep working when NFS is down (HomelabStack critical). */
  readonly critical: boolean;
  /** Catalog facts each construct records itself, by construct path; see factsAt. */
  readonly recorded: Readonly<Record<string, CatalogFacts>>;
  /** Databases on the external PostgreSQL its services declared (ExternalDatabase), with their backup. */
  readonly databases: readonly { readonly name: string; readonly backup: string }[];
}

/** The tree facts of one stack construct. */
export function treeFactsOf(stack: IConstruct): TreeFacts {
  const shaped = stack as { description?: unknown; critical?: unknown };
  const recorded: Record<string, CatalogFacts> = {};
  const databases: { name: string; backup: string }[] = [];
  for (const construct of stack.node.findAll()) {
    const own = ownCatalogFacts(construct);
    if (Object.keys(own).length) recorded[construct.node.path] = own;
    // An ExternalDatabase, by its shape: it creates no resource, so only the tree has it.
    const database = construct as { databaseName?: unknown; backup?: unknown };
    if (typeof database.databaseName === "string" && typeof database.backup === "object" && database.backup !== null) {
      databases.push({ name: database.databaseName, backup: describeBackup(database.backup as DatabaseBackup) });
    }
  }
  return {
    description: typeof shaped.description === "string" ? shaped.description : "plain TerraformStack",
    critical: shaped.critical === true,
    recorded,
    databases: databases.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The facts that apply at a construct path: recorded there or on its nearest scopes, nearest first winning. */
export function factsAt(recorded: Readonly<Record<string, CatalogFacts>>, path: string): CatalogFacts {
  const parts = path.split("/");
  const nearestFirst: CatalogFacts[] = [];
  for (let n = parts.length; n > 0; n--) {
    const facts = recorded[parts.slice(0, n).join("/")];
    if (facts) nearestFirst.push(facts);
  }
  return mergeCatalogFacts(nearestFirst);
}

/** A stack with its place in the deploy order and its tree facts. */
export interface DescribedStack extends OrderedStack, TreeFacts {}

/** Every stack of an app (any version of the estate's HomelabApp), in deploy order, with its tree facts. */
export function describeWithFacts(app: IConstruct & { describeStacks(): OrderedStack[] }): DescribedStack[] {
  return app.describeStacks().map((s) => ({ ...s, ...treeFactsOf(app.node.findChild(s.id)) }));
}
