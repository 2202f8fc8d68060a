import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadJob } from "../constructs/nomad-job";
import { traefikJob } from "../jobspecs/traefik";

/** Traefik on the main Nomad cluster: serves the routes the services declare, through Consul Connect. */
export class NomadIngressStack extends HomelabStack {
  readonly job: NomadJob;

  constructor(scope: Construct) {
    super(scope, "nomad-ingress", { tier: 1, cluster: "nomad-main", description: "Traefik on Nomad: the public routes of the Nomad services (Consul Connect native)" });
    const { datacenter, ingress } = this.inventory.nomad.main;
    this.job = new NomadJob(this, "Job", {
      job: traefikJob({ datacenters: [datacenter], node: ingress.node, acme: ingress.acme, authentik: ingress.authentik }),
    });
  }
}
