import { formatFinding } from "../../contracts/contract";
import { CONTRACT_CHECKS } from "../../contracts/index";
import { readWorkflows } from "../../contracts/synthesized";
import { synthEstate } from "../helpers/estate";
import { repoRoot } from "../../scripts/repo-root";

// The same checks `npm run validate` runs, over the estate synthesized here and the repository's workflows.
const { stacks } = synthEstate();
const input = {
  stacks: Object.entries(stacks).map(([id, json]) => ({ id, json })),
  workflows: readWorkflows(repoRoot()),
};

test.each(CONTRACT_CHECKS.map((c) => [c.id, c]))("the estate meets the %s contract", (_id, check) => {
  expect(check.check(input).map(formatFinding)).toEqual([]);
});
