import { Construct } from "constructs";
import { HomelabStack, Namespace } from "../constructs";

/** Cluster plumbing every app relies on: Traefik and its middlewares, Kyverno, pvc-autoresizer. */
export class PlatformStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "platform", {
      tier: 0,
      cluster: "kubernetes",
      description: "Traefik and its middlewares, Kyverno, pvc-autoresizer",
    });
    new Namespace(this, "TraefikNamespace", { name: "traefik" });
  }
}
