import { LocalBackend, PgBackend, TerraformProvider, TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { Inventory } from "../inventory";
import { HomelabApp } from "./homelab-app";
import { assertProviderFits, createProvider, ProviderKind } from "./providers";
import { CLUSTERS, ClusterId, Tier, TIERS } from "./stack-graph";
import { Tier0StateGuard } from "./tier0-state-guard";

/** The oldest Terraform the synthesized stacks accept. */
export const MIN_TERRAFORM = ">= 1.10";

export interface HomelabStackProps {
  /**
   * 0 = bootstrap (local state encrypted in git; deploys while PostgreSQL is down),
   * 1 = state in PostgreSQL. Declared here, once, for each stack.
   */
  readonly tier: Tier;
  /** The cluster the stack's workloads run on; picks the Nomad or Kubernetes target. */
  readonly cluster: ClusterId;
  /** One line for `npm run stacks` and the catalog. */
  readonly description: string;
  /** Monitoring and alerting: must keep working when NFS is down, so may not use it. @default false */
  readonly critical?: boolean;
}

/** Where tier-0 state lives, relative to the repository root. */
export const TIER0_STATE_DIR = "state";

/**
 * Path of a tier-0 stack's state as Terraform sees it from the directory it runs in,
 * cdktf.out/stacks/<stack>/. Relative, so no machine path is written, and the same from
 * every sibling stack directory, so remote-state reads resolve too.
 */
export function tier0StatePath(stackId: string): string {
  return `../../../${TIER0_STATE_DIR}/${stackId}.tfstate`;
}

const STACK_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * A stack of the estate: its tier picks the state backend, its cluster picks the
 * providers, which are created on first use from the inventory.
 */
export class HomelabStack extends TerraformStack {
  /** The HomelabStack a construct belongs to; fails for constructs in a plain TerraformStack. */
  static of(construct: IConstruct): HomelabStack {
    const stack = TerraformStack.of(construct);
    if (!(stack instanceof HomelabStack)) {
      throw new Error(
        `${construct.node.path}: this construct needs a HomelabStack (tier, cluster, providers); ` +
          `${stack.node.path} is a plain TerraformStack`,
      );
    }
    return stack;
  }

  readonly tier: Tier;
  readonly cluster: ClusterId;
  readonly description: string;
  readonly critical: boolean;
  readonly inventory: Inventory;
  private readonly providers = new Map<ProviderKind, TerraformProvider>();

  constructor(scope: Construct, id: string, props: HomelabStackProps) {
    super(scope, id);
    const errors: string[] = [];
    if (!STACK_ID.test(id)) errors.push(`stack id ${JSON.stringify(id)} must be kebab-case (a-z, 0-9, -)`);
    if (!TIERS.includes(props.tier)) {
      errors.push(`tier ${JSON.stringify(props.tier)} is not a tier; allowed: 0 (bootstrap, local state) or 1 (PostgreSQL state)`);
    }
    if (!CLUSTERS.includes(props.cluster)) {
      errors.push(`cluster ${JSON.stringify(props.cluster)} is unknown; allowed: ${CLUSTERS.join(", ")}`);
    }
    if (errors.length) throw new Error(`stacks/${id}: ${errors.join("; ")}`);

    this.tier = props.tier;
    this.cluster = props.cluster;
    this.description = props.description;
    this.critical = props.critical ?? false;
    this.inventory = HomelabApp.of(this).inventory;

    // The tier-0 guard reads terraform.applying (Terraform 1.10+): an older Terraform is told
    // so by the constraint, not by an unknown reference. CI and the README pin 1.11.
    this.addOverride("terraform.required_version", MIN_TERRAFORM);
    if (this.tier === 0) {
      new LocalBackend(this, { path: tier0StatePath(id) });
      new Tier0StateGuard(this, "Tier0StateGuard", { stackId: id, statePath: tier0StatePath(id) });
    } else {
      // Terraform reads PG_CONN_STR when conn_str is absent, for the backend and for the
      // terraform_remote_state blocks cdktf copies from it; cdktf's type demands the field.
      new PgBackend(this, { schemaName: id, connStr: undefined as unknown as string });
    }
  }

  /**
   * The stack's provider of that kind, created on first use. `requester` is the construct
   * asking, named in the error when the kind does not fit the stack's cluster.
   */
  provider(kind: ProviderKind, requester: IConstruct = this): TerraformProvider {
    let provider = this.providers.get(kind);
    if (!provider) {
      assertProviderFits(requester, kind, this.cluster);
      provider = createProvider(this, kind, this.cluster, this.inventory);
      this.providers.set(kind, provider);
    }
    return provider;
  }

  addDependency(dependency: TerraformStack): void {
    if (dependency.dependsOn(this)) {
      throw new Error(
        `stacks form a dependency cycle: ${this.node.id} would depend on ${dependency.node.id}, which already ` +
          `depends on ${this.node.id}; no deploy order exists. Move the shared resource into a stack both can depend on`,
      );
    }
    super.addDependency(dependency);
  }
}
