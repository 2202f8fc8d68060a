// @ts-nocheck
import { TerraformResource, Token } from "cdktf";
import { IConstruct } from "constructs";

/** What to adopt, and by which id the provider finds it. */
export interface AdoptProps {
  /**
   * The id the resource's provider imports it by: for a Nomad namespace its name
   * ("bitcoin"), for a Nomad CSI volume its volume id ("glusterfs_minio_data"), for a
   * Kubernetes namespace its name. The provider's docs list it under "Import".
   */
  readonly importId: string;
}

/**
 * Adopts a resource that already runs: synthesizes a Terraform `import` block (cdktf's
 * `importFrom`), so the next plan imports the existing object into state instead of
 * creating a second one, and shows any difference as an in-place change to review.
 * Once applied the block has done its work; remove the call (a later plan is unchanged).
 *
 * `target` is the resource, or a construct holding exactly one resource (our constructs
 * such as NomadNamespace or GlusterCsiVolume), so callers pass the object they built.
 * Returns the resource that will be imported.
 */
export function adopt(target: IConstruct, props: AdoptProps): TerraformResource {
  const resources = target.node.findAll().filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c));
  const errors: string[] = [];
  if (!Token.isUnresolved(props.importId) && props.importId.trim() === "") errors.push("importId is empty: give the id the provider imports the existing resource by");
  if (resources.length !== 1) {
    errors.push(
      resources.length === 0
        ? "holds no Terraform resource to adopt"
        : `holds ${resources.length} Terraform resources (${resources.map((r) => r.node.path).join(", ")}); pass the one to adopt`,
    );
  }
  if (errors.length) throw new Error(`${target.node.path}: cannot adopt: ${errors.join("; ")}`);
  const [resource] = resources;
  if (ADOPTED.has(resource)) {
    throw new Error(`${resource.node.path}: already marked for adoption; one import block per resource`);
  }
  ADOPTED.add(resource);
  resource.importFrom(props.importId, resource.provider);
  return resource;
}

/** Resources already given an import block. */
const ADOPTED = new WeakSet<TerraformResource>();
