/** A generator of stored contracts (`npm run contracts -- <name>`): reads upstream sources, writes .gen/contracts. */
export interface ContractGenerator {
  /** e.g. "nomad-api". */
  readonly name: string;
  /** One line: which upstream files at which version. */
  readonly description: string;
  /** Regenerates; returns the stored contract names it wrote. */
  generate(): string[];
}
