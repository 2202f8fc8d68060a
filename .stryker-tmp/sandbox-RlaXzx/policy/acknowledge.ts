// @ts-nocheck
import { IConstruct } from "constructs";

/** Metadata type under which acknowledgements are stored on a construct's node. */
export const ACK_METADATA = "homelab:acknowledgement";

export interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

/** Acknowledgement reasons shorter than this are refused: a reason must say why. */
export const MIN_REASON_LENGTH = 10;

/**
 * Accepts one rule's findings on one construct (and the resources under it), for a
 * stated reason. It shows in `npm run check`; one that matches no finding is reported
 * as stale.
 */
export function acknowledge(construct: IConstruct, ruleId: string, reason: string): void {
  construct.node.addMetadata(ACK_METADATA, { ruleId, reason } satisfies Acknowledgement);
}

/** The acknowledgements placed directly on a construct. */
export function acknowledgementsOn(construct: IConstruct): Acknowledgement[] {
  return construct.node.metadata.filter((m) => m.type === ACK_METADATA).map((m) => m.data as Acknowledgement);
}
