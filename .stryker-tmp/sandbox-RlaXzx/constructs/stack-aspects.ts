// @ts-nocheck
import { IAspect } from "cdktf";
import { KyvernoDnsConfigAspect } from "./kyverno-dns-config-aspect";

/**
 * Aspects that change resources, added by HomelabApp to every stack of the app (plain
 * TerraformStacks included) before the rule collector, so rules see their result.
 */
export const MUTATING_ASPECTS: ReadonlyArray<() => IAspect> = [() => new KyvernoDnsConfigAspect()];
