import { Rule } from "../rule";
import { CORE_RULES } from "./core";
import { KUBERNETES_RULES } from "./kubernetes";
import { NOMAD_RULES } from "./nomad";
import { NOMAD_MESH_RULES } from "./nomad-mesh";

/** Every house rule, in report order. */
export const ALL_RULES: readonly Rule[] = [...CORE_RULES, ...NOMAD_RULES, ...NOMAD_MESH_RULES, ...KUBERNETES_RULES];
