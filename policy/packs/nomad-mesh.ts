import { nomadMeshIntentions } from "../rules/nomad-mesh-intentions";
import { nomadRouteAuth } from "../rules/nomad-route-auth";
import { Rule } from "../rule";

/** Rules of the main Nomad cluster's edge and mesh: routes carry an auth decision, calls an intention. */
export const NOMAD_MESH_RULES: readonly Rule[] = [nomadRouteAuth, nomadMeshIntentions];
