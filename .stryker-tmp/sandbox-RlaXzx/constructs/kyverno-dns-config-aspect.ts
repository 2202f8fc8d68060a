// @ts-nocheck
import { IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";

const POD_TEMPLATE_DNS_CONFIG = "spec[0].template[0].spec[0].dns_config";
const CRON_JOB_DNS_CONFIG = "spec[0].job_template[0].spec[0].template[0].spec[0].dns_config";

/**
 * The dns_config path Kyverno's mutation writes into each workload type's pod template,
 * current and older resource names alike. Kyverno mutates every pod, so every pod-owning
 * type is listed, not only Deployments, StatefulSets and CronJobs.
 */
export const KYVERNO_DNS_CONFIG_PATHS: Readonly<Record<string, string>> = {
  kubernetes_deployment: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_deployment_v1: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_stateful_set: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_stateful_set_v1: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_daemonset: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_daemon_set_v1: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_job: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_job_v1: POD_TEMPLATE_DNS_CONFIG,
  kubernetes_cron_job: CRON_JOB_DNS_CONFIG,
  kubernetes_cron_job_v1: CRON_JOB_DNS_CONFIG,
};

/**
 * Kyverno injects dns_config into every pod; without this Terraform would plan to remove
 * it on every run. Adds the type's dns_config path to lifecycle.ignore_changes of every
 * workload resource in the stack, whoever created it, keeping what is already there.
 * Idempotent: visiting twice adds nothing.
 */
export class KyvernoDnsConfigAspect implements IAspect {
  visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const resource = node as TerraformResource;
    const path = KYVERNO_DNS_CONFIG_PATHS[resource.terraformResourceType];
    if (!path) return;
    const lifecycle = resource.lifecycle ?? {};
    const current = lifecycle.ignoreChanges;
    if (current === "all") return; // ignoring everything already covers dns_config
    const existing = current ?? [];
    if (existing.includes(path)) return;
    resource.lifecycle = { ...lifecycle, ignoreChanges: [...existing, path] };
  }
}
