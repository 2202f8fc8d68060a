import { Token } from "cdktf";
import { Construct } from "constructs";
import { Anubis as AnubisModule } from "../.gen/modules/anubis";
import type { ServiceBackend } from "./app-deployment";
import { HomelabStack } from "./homelab-stack";
import { dnsLabelProblem, throwIfProblems } from "./kubernetes-names";

/** modules/anubis as Terraform sees it from cdktf.out/stacks/<stack>/ (see tier0StatePath). */
export const ANUBIS_MODULE_FROM_STACK_DIR = "../../../modules/anubis";

export interface AnubisProps {
  /** The bare backend Anubis protects. */
  readonly target: ServiceBackend;
  /** Name of Anubis's Deployment and Service, e.g. "blog-anubis". */
  readonly name: string;
  /** @default 4 */
  readonly difficulty?: number;
}

/**
 * An Anubis proof-of-work proxy in front of one backend, from the HCL module in
 * modules/anubis through its generated bindings (.gen). Always one replica: challenges live
 * in process memory.
 */
export class Anubis extends Construct {
  /** Anubis's own Service: what the ingress routes to instead of the bare backend. */
  readonly backend: ServiceBackend;

  constructor(scope: Construct, id: string, props: AnubisProps) {
    super(scope, id);
    const difficulty = props.difficulty ?? 4;
    throwIfProblems(this.node.path, [
      dnsLabelProblem("anubis name", props.name),
      Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 8
        ? undefined
        : `difficulty ${difficulty} must be a whole number from 1 to 8`,
    ]);
    const { namespace, serviceName, port } = props.target;
    const module = new AnubisModule(this, "Module", {
      providers: [HomelabStack.of(this).provider("kubernetes", this)],
      name: props.name,
      namespace,
      targetUrl: `http://${serviceName}.${namespace}.svc.cluster.local:${port}`,
      difficulty,
      // No asset copy (that needs the cdktf CLI's context): Terraform runs in
      // cdktf.out/stacks/<stack>/, so the module is reached from there, like tier-0 state.
      skipAssetCreationFromLocalModules: true,
    });
    module.addOverride("source", ANUBIS_MODULE_FROM_STACK_DIR);
    this.backend = { namespace, serviceName: module.serviceNameOutput, port: Token.asNumber(module.servicePortOutput) };
  }
}
