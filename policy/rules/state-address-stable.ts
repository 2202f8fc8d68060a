import { AddressRecord, RecordedResource } from "../address-record";
import { EstateProblem, EstateRule, RuleContext, SynthStack } from "../rule";
import { statefulKindOf } from "../stateful-kinds";

const describe = (address: string, r: RecordedResource) => `${address} (${r.path}, ${JSON.stringify(r.identity)})`;

/** The recorded addresses of one stack that the code no longer has, explains or removes. */
function vanished(stack: SynthStack, recorded: Readonly<Record<string, RecordedResource>>): Array<[string, RecordedResource]> {
  const present = new Set(stack.resources.map((r) => `${r.type}.${r.logicalId}`));
  const moved = new Set((stack.moved ?? []).filter((m) => present.has(m.to)).map((m) => m.from));
  const removed = new Set((stack.removed ?? []).map((r) => r.from));
  return Object.entries(recorded).filter(([address]) => !present.has(address) && !moved.has(address) && !removed.has(address));
}

function problems(stacks: readonly SynthStack[], record: AddressRecord): EstateProblem[] {
  const estate = stacks.flatMap((s) => s.resources);
  const found: EstateProblem[] = [];
  for (const [stackId, recorded] of Object.entries(record)) {
    const stack = stacks.find((s) => s.id === stackId);
    if (!stack) {
      found.push({
        stackId,
        path: stackId,
        message:
          `stack ${stackId} is no longer in the estate, but it holds data: ${Object.entries(recorded).map(([a, r]) => describe(a, r)).join(", ")}; ` +
          "nothing will manage (or protect) them. Keep the stack until they are moved or deliberately deleted, then drop its entries from state/addresses.json in a reviewed change",
      });
      continue;
    }
    for (const [address, was] of vanished(stack, recorded)) {
      // The same thing under a new address: a renamed construct id.
      const successor = stack.resources.find((r) => {
        const kind = statefulKindOf(r, estate);
        return r.type === was.kind && kind?.identity(r) === was.identity && !(`${r.type}.${r.logicalId}` in recorded);
      });
      const move = successor
        ? `it reappears as ${successor.type}.${successor.logicalId} (${successor.path}): Terraform would destroy the old and create the new, empty. ` +
          `If the construct was renamed, declare the move next to it: declareMove(<the construct at ${successor.path.replace(/\/Resource$/, "")}>, "${address}")`
        : "If its construct was renamed, declare the move next to the new one: declareMove(<construct>, " + JSON.stringify(address) + ")";
      found.push({
        stackId,
        path: was.path,
        message:
          `${describe(address, was)} is recorded in state/addresses.json but no longer synthesized: ${move}; ` +
          `to stop managing it and keep the data, declareRemoval(<stack>, "${address}", { reason }); to delete the data, declareRemoval(<stack>, "${address}", { reason, destroy: true })`,
      });
    }
  }
  return found;
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
  check: (stacks: readonly SynthStack[], context: RuleContext) => (context.addresses ? problems(stacks, context.addresses) : []),
};
