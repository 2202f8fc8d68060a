import { HomelabApp } from "../../constructs";
import { ConsulMeshStack } from "../../stacks/consul-mesh";
import { NomadIngressStack } from "../../stacks/nomad-ingress";

/**
 * Traefik on Nomad and the mesh's intentions for every job of the app, as main.ts builds
 * them: what a routed or meshed Nomad service stack needs beside it to pass HL-MESH-1.
 */
export function serveMesh(app: HomelabApp): ConsulMeshStack {
  new NomadIngressStack(app);
  const mesh = new ConsulMeshStack(app);
  mesh.intentionsFor(app);
  return mesh;
}
