// @ts-nocheck
import { DataNomadPlugin } from "@cdktf/provider-nomad/lib/data-nomad-plugin";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";

/**
 * The one `data "nomad_plugin"` per stack and plugin, with `wait_for_healthy = true`:
 * every volume of that plugin depends on it, so no volume is created while the plugin's
 * controller or nodes are down.
 */
export class CsiPluginHealth extends Construct {
  /** The stack's shared readiness check for a plugin, created on first use. */
  static of(scope: Construct, pluginId: string): CsiPluginHealth {
    const stack = HomelabStack.of(scope);
    const id = `CsiPlugin-${pluginId}`;
    const existing = stack.node.tryFindChild(id);
    if (existing instanceof CsiPluginHealth) return existing;
    return new CsiPluginHealth(stack, id, pluginId);
  }

  readonly pluginId: string;
  readonly resource: DataNomadPlugin;

  private constructor(scope: Construct, id: string, pluginId: string) {
    super(scope, id);
    this.pluginId = pluginId;
    this.resource = new DataNomadPlugin(this, "Resource", {
      provider: HomelabStack.of(this).provider("nomad", this),
      pluginId,
      waitForHealthy: true,
    });
  }
}
