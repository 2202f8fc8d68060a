// @ts-nocheck
import { Construct } from "constructs";
import { ContractFinding, ValidateInput } from "../../contracts/contract";
import { synthWith } from "../helpers/synth";

/** What the checks read, for one test stack built from real constructs. */
export function inputWith(build: (scope: Construct) => void): ValidateInput {
  return { stacks: [{ id: "test", json: synthWith(build) }], workflows: [] };
}

/** Findings as one line each, for matching. */
export function lines(findings: readonly ContractFinding[]): string[] {
  return findings.map((f) => `${f.where}: ${f.problem} (upstream: ${f.upstream})`);
}
