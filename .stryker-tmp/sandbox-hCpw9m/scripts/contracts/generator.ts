/** A generator of stored contracts (`npm run contracts -- <name>`): reads upstream sources, writes .gen/contracts. */
// @ts-nocheck

export interface ContractGenerator {
  /** e.g. "nomad-api". */
  readonly name: string;
  /** One line: which upstream files at which version. */
  readonly description: string;
  /** Where it writes. @default - .gen/contracts */
  readonly outputDir?: string;
  /** Regenerates; returns what it wrote, as paths under its outputDir (stored contract names). */
  generate(): string[] | Promise<string[]>;
}
