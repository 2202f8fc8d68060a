// @ts-nocheck
import { Namespace } from "@cdktf/provider-nomad/lib/namespace";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";

export interface NomadNamespaceProps {
  /** e.g. "bitcoin". */
  readonly name: string;
  /** @default - none */
  readonly description?: string;
}

/** A Nomad namespace owned by this codebase; jobs and volumes placed in it depend on it. */
export class NomadNamespace extends Construct {
  readonly name: string;
  readonly resource: Namespace;

  constructor(scope: Construct, id: string, props: NomadNamespaceProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]{0,127}$/.test(props.name) || props.name === "default") {
      throw new Error(`${this.node.path}: namespace name ${JSON.stringify(props.name)} must be lowercase letters, digits and - (and not "default", which Nomad owns)`);
    }
    this.name = props.name;
    this.resource = new Namespace(this, "Resource", {
      provider: HomelabStack.of(this).provider("nomad", this),
      name: props.name,
      description: props.description,
    });
  }
}
