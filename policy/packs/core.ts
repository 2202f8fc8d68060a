import { Rule } from "../rule";

/** Rules for every stack: state, images, secrets, typed jobs, ingress auth. */
export const CORE_RULES: readonly Rule[] = [];
