import { IAspect, TerraformDataSource, TerraformResource, TerraformStack } from "cdktf";
// cdktf resolves tokens (cross-stack references included) with this internal helper; no public equivalent.
import { resolve } from "cdktf/lib/_tokens";
import { IConstruct } from "constructs";
import { acknowledgementsOn } from "./acknowledge";
import { PlacedAcknowledgement } from "./engine";
import { SynthResource } from "./rule";

/** A stack's synthesized JSON, as far as the collector reads it. */
export type SynthesizedBlocks = Readonly<Partial<Record<"resource" | "data", Record<string, Record<string, Record<string, unknown>>>>>>;

/**
 * Collects every resource and data source of a stack as it is synthesized (tokens resolved,
 * overrides applied), whoever created it, plus the acknowledgements in the tree. Added to
 * each stack after any aspect that changes resources; it notes which elements the stack
 * holds, and `resourcesIn` reads their final form from the stack's synthesized JSON, which
 * cdktf has resolved already (resolving each element again cost a tenth of a synth).
 */
export class RuleCollector implements IAspect {
  readonly acknowledgements: PlacedAcknowledgement[] = [];
  private readonly elements: Array<TerraformResource | TerraformDataSource> = [];

  constructor(private readonly stack: TerraformStack) {}

  visit(node: IConstruct): void {
    const stackId = this.stack.node.id;
    for (const ack of acknowledgementsOn(node)) {
      this.acknowledgements.push({ ...ack, stackId, path: node.node.path });
    }
    if (node instanceof TerraformResource || node instanceof TerraformDataSource) this.elements.push(node);
  }

  /** Every resource and data source the visit found, in tree order, with its attributes as `synthesized` holds them. */
  resourcesIn(synthesized: SynthesizedBlocks): SynthResource[] {
    const stackId = this.stack.node.id;
    return this.elements.flatMap((node) => {
      const isData = node instanceof TerraformDataSource;
      const type = node.terraformResourceType;
      const logicalId = node.friendlyUniqueId;
      const written = synthesized[isData ? "data" : "resource"]?.[type]?.[logicalId];
      // An element that writes itself otherwise than under its own type and id: resolved as cdktf resolves it.
      const blocks = written ? { [type]: { [logicalId]: written } } : resolvedBlocks(this.stack, node, isData);
      return Object.entries(blocks).flatMap(([type, byName]) =>
        Object.entries(byName).map(([logicalId, attributes]) => ({
          type: isData ? `data.${type}` : type,
          path: node.node.path,
          logicalId,
          stackId,
          attributes: stripMetadata(attributes),
          comment: commentOf(attributes),
        })),
      );
    });
  }
}

function resolvedBlocks(stack: TerraformStack, node: TerraformResource | TerraformDataSource, isData: boolean): Record<string, Record<string, Record<string, unknown>>> {
  const block = resolve(stack, node.toTerraform()) as SynthesizedBlocks;
  return (isData ? block.data : block.resource) ?? {};
}

function commentOf(attributes: Record<string, unknown>): Record<string, unknown> | undefined {
  const { metadata: _metadata, ...comment } = (attributes["//"] ?? {}) as Record<string, unknown>;
  return Object.keys(comment).length ? comment : undefined;
}

function stripMetadata(attributes: Record<string, unknown>): Record<string, unknown> {
  const { "//": _metadata, ...rest } = attributes;
  return rest;
}
