// @ts-nocheck
import { imagePinned } from "../rules/image-pinned";
import { ingressAuthMode } from "../rules/ingress-auth-mode";
import { jobNoAllowFs } from "../rules/job-no-allow-fs";
import { jobTypedJson } from "../rules/job-typed-json";
import { noSecretLiterals } from "../rules/no-secret-literals";
import { stackHasTier } from "../rules/stack-has-tier";
import { stateAddressStable } from "../rules/state-address-stable";
import { statePreventDestroy } from "../rules/state-prevent-destroy";
import { Rule } from "../rule";

/** Rules for every stack: state, images, secrets, typed jobs, ingress auth. */
export const CORE_RULES: readonly Rule[] = [
  statePreventDestroy,
  stateAddressStable,
  stackHasTier,
  imagePinned,
  noSecretLiterals,
  jobTypedJson,
  jobNoAllowFs,
  ingressAuthMode,
];
