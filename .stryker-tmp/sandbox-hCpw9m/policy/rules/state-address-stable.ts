// @ts-nocheck
import { AddressChange, addressChanges, RecordedResource } from "../address-record";
import { EstateProblem, EstateRule, RuleContext, SynthStack } from "../rule";

const describe = (address: string, r: RecordedResource) => `${address} (${r.path}, ${JSON.stringify(r.identity)})`;

function problem(c: AddressChange): EstateProblem | undefined {
  if (c.change === "stack-gone") {
    return {
      stackId: c.stackId,
      path: c.stackId,
      message:
        `stack ${c.stackId} is no longer in the estate, but it holds ${describe(c.address, c.recorded)}; nothing will manage or protect it. ` +
        "Keep the stack until its data is moved or deliberately deleted, then drop its entries from state/addresses.json in a reviewed change",
    };
  }
  if (c.change !== "destroyed" || c.declared) return undefined;
  const move = c.successor
    ? `it reappears as ${c.successor.type}.${c.successor.logicalId} (${c.successor.path}): Terraform would destroy the old and create the new, empty. ` +
      `If the construct was renamed, declare the move next to it: declareMove(<the construct at ${c.successor.path.replace(/\/Resource$/, "")}>, "${c.address}")`
    : `If its construct was renamed, declare the move next to the new one: declareMove(<construct>, "${c.address}")`;
  return {
    stackId: c.stackId,
    path: c.recorded.path,
    message:
      `${describe(c.address, c.recorded)} is recorded in state/addresses.json but no longer synthesized: ${move}; ` +
      `to stop managing it and keep the data, declareRemoval(<stack>, "${c.address}", { reason }); to delete the data, declareRemoval(<stack>, "${c.address}", { reason, destroy: true })`,
  };
}

/** Addresses of resources that hold data never disappear without a declared move or removal. */
export const stateAddressStable: EstateRule = {
  id: "HL-STATE-3",
  scope: "estate",
  level: "error",
  acknowledgeable: false,
  description:
    "a resource that holds data keeps its Terraform address (state/addresses.json): a new address needs a declared move (a moved block), a vanished one a declared removal",
  fix: "declare the move (declareMove) or the removal (declareRemoval) from constructs/declare-move.ts, then `npm run addresses` and commit state/addresses.json",
  check: (stacks: readonly SynthStack[], context: RuleContext) =>
    context.addresses ? addressChanges(context.addresses, stacks).flatMap((c) => problem(c) ?? []) : [],
};
