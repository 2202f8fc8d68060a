import { Construct } from "constructs";
import { authentikPublicForwardAuthAddress } from "../constructs/authentik-outposts";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadJob } from "../constructs/nomad-job";
import { traefikJob } from "../jobspecs/traefik";

/** Traefik on the main Nomad cluster: serves the routes the services declare, through Consul Connect. */
export class NomadIngressStack extends HomelabStack {
  readonly job: NomadJob;

  constructor(scope: Construct) {
    super(scope, "nomad-ingress", { tier: 1, cluster: "nomad-main", description: "Traefik on Nomad: the public routes of the Nomad services (Consul Connect native)" });
    const { datacenter, ingress } = this.inventory.nomad.main;
    const domain = this.inventory.domains.public;
    // The outposts the Kubernetes ingresses use, through their public hosts: one Authentik for both estates.
    const authentik = { forwardAuth: authentikPublicForwardAuthAddress("embedded", domain), publicForwardAuth: authentikPublicForwardAuthAddress("public", domain) };
    this.job = new NomadJob(this, "Job", { job: traefikJob({ datacenters: [datacenter], node: ingress.node, acme: ingress.acme, authentik }) });
  }
}
