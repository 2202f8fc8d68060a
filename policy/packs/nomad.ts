import { Rule } from "../rule";

/** House rules of the Nomad estate. */
export const NOMAD_RULES: readonly Rule[] = [];
