/**
 * Declaring what happens to a resource that holds data when its address changes or it leaves
 * the code: HL-STATE-3 refuses the change until one of these says so.
 */
// @ts-nocheck

import { TerraformElement, TerraformResource, TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { MIN_REASON_LENGTH } from "../policy/acknowledge";

const ADDRESS = /^([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)$/;

function parseAddress(where: string, address: string): { type: string } {
  const m = ADDRESS.exec(address);
  if (!m) throw new Error(`${where}: ${JSON.stringify(address)} is not a resource address; allowed: <type>.<name>, e.g. nomad_csi_volume.SynapseConfig_Resource_0B9B26E7`);
  return { type: m[1] };
}

/**
 * The resource under `construct` now stands where `fromAddress` stood (its construct id was
 * renamed or moved): writes a `moved` block, so Terraform moves the state instead of
 * destroying the old resource and creating an empty one.
 */
export function declareMove(construct: IConstruct, fromAddress: string): void {
  const { type } = parseAddress(construct.node.path, fromAddress);
  const candidates = construct.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === type);
  if (candidates.length !== 1) {
    throw new Error(
      `${construct.node.path}: declareMove from ${fromAddress} needs exactly one ${type} under this construct, found ${candidates.length}; ` +
        "pass the construct that owns the moved resource",
    );
  }
  candidates[0].moveFromId(fromAddress);
}

export interface RemovalProps {
  /** Why it goes, 10+ characters: shows in review and in the synthesized block's comment. */
  readonly reason: string;
  /** Delete the real resource and its data too. @default false - Terraform forgets it and the data stays */
  readonly destroy?: boolean;
}

/** A Terraform `removed` block (Terraform >= 1.7). */
class RemovedBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly from: string,
    private readonly props: RemovalProps,
  ) {
    super(scope, id);
  }

  toTerraform(): Record<string, unknown> {
    return { removed: [{ from: this.from, lifecycle: { destroy: this.props.destroy ?? false } }] };
  }
}

/**
 * A resource that holds data leaves the code on purpose. By default Terraform only forgets
 * it and the real resource keeps its data; `destroy: true` deletes it.
 */
export function declareRemoval(stack: TerraformStack, address: string, props: RemovalProps): void {
  const where = `${stack.node.path}: declareRemoval(${address})`;
  parseAddress(where, address);
  if (props.reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(`${where}: reason ${JSON.stringify(props.reason)} is too short; say why in ${MIN_REASON_LENGTH}+ characters`);
  }
  new RemovedBlock(stack, `Removed_${address.replace(/[^A-Za-z0-9_]/g, "_")}`, address, props);
}
