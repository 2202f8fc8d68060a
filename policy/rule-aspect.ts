import { IAspect, TerraformDataSource, TerraformResource, TerraformStack } from "cdktf";
// cdktf resolves tokens (cross-stack references included) with this internal helper; no public equivalent.
import { resolve } from "cdktf/lib/_tokens";
import { IConstruct } from "constructs";
import { acknowledgementsOn } from "./acknowledge";
import { PlacedAcknowledgement } from "./engine";
import { SynthResource } from "./rule";

/**
 * Collects every resource and data source of a stack as it will be synthesized (tokens
 * resolved, overrides applied), whoever created it, plus the acknowledgements in the
 * tree. Added to each stack after any aspect that changes resources, so it sees their
 * final form.
 */
export class RuleCollector implements IAspect {
  readonly resources: SynthResource[] = [];
  readonly acknowledgements: PlacedAcknowledgement[] = [];

  constructor(private readonly stack: TerraformStack) {}

  visit(node: IConstruct): void {
    const stackId = this.stack.node.id;
    for (const ack of acknowledgementsOn(node)) {
      this.acknowledgements.push({ ...ack, stackId, path: node.node.path });
    }
    const isData = node instanceof TerraformDataSource;
    if (!(node instanceof TerraformResource) && !isData) return;
    const block = resolve(this.stack, (node as TerraformResource).toTerraform()) as Record<
      string,
      Record<string, Record<string, Record<string, unknown>>>
    >;
    const byType = isData ? block.data : block.resource;
    for (const [type, byName] of Object.entries(byType ?? {})) {
      for (const [logicalId, attributes] of Object.entries(byName)) {
        this.resources.push({
          type: isData ? `data.${type}` : type,
          path: node.node.path,
          logicalId,
          stackId,
          attributes: stripMetadata(attributes),
          comment: commentOf(attributes),
        });
      }
    }
  }
}

function commentOf(attributes: Record<string, unknown>): Record<string, unknown> | undefined {
  const { metadata: _metadata, ...comment } = (attributes["//"] ?? {}) as Record<string, unknown>;
  return Object.keys(comment).length ? comment : undefined;
}

function stripMetadata(attributes: Record<string, unknown>): Record<string, unknown> {
  const { "//": _metadata, ...rest } = attributes;
  return rest;
}
