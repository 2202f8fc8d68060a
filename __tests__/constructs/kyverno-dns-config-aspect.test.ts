import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import { Aspects, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { HomelabStack } from "../../constructs/homelab-stack";
import { KyvernoDnsConfigAspect } from "../../constructs/kyverno-dns-config-aspect";
import { Namespace } from "../../constructs/namespace";
import { UNWATCHED_WORKLOAD } from "../helpers/rules";
import { onlyResource, synthApp, synthWith } from "../helpers/synth";

const pod = { container: [{ name: "x", image: "docker.io/library/busybox:1.37.0", resources: { requests: { cpu: "10m", memory: "8Mi" }, limits: { memory: "8Mi" } } }] };
const meta = { name: "x", namespace: "x", annotations: UNWATCHED_WORKLOAD };

function rawWorkloads(scope: Construct, lifecycle?: { ignoreChanges: string[] }) {
  const provider = HomelabStack.of(scope).provider("kubernetes", scope);
  new DeploymentV1(scope, "Deployment", { provider, metadata: meta, spec: { template: { metadata: {}, spec: pod } }, lifecycle });
  new StatefulSetV1(scope, "StatefulSet", {
    provider,
    metadata: meta,
    spec: { serviceName: "x", selector: { matchLabels: { a: "b" } }, template: { metadata: {}, spec: pod } },
  });
  new CronJobV1(scope, "CronJob", {
    provider,
    metadata: meta,
    spec: { schedule: "0 0 * * *", jobTemplate: { metadata: {}, spec: { template: { metadata: {}, spec: pod } } } },
  });
}

describe("KyvernoDnsConfigAspect", () => {
  test("every Deployment, StatefulSet and CronJob, made by anyone, ignores its dns_config path", () => {
    const stack = synthWith((s) => rawWorkloads(s));
    expect(onlyResource(stack, "kubernetes_deployment_v1").lifecycle.ignore_changes).toEqual(["spec[0].template[0].spec[0].dns_config"]);
    expect(onlyResource(stack, "kubernetes_stateful_set_v1").lifecycle.ignore_changes).toEqual(["spec[0].template[0].spec[0].dns_config"]);
    expect(onlyResource(stack, "kubernetes_cron_job_v1").lifecycle.ignore_changes).toEqual([
      "spec[0].job_template[0].spec[0].template[0].spec[0].dns_config",
    ]);
  });

  test("merges with ignore_changes already there", () => {
    const stack = synthWith((s) => rawWorkloads(s, { ignoreChanges: ["spec[0].replicas"] }));
    expect(onlyResource(stack, "kubernetes_deployment_v1").lifecycle.ignore_changes).toEqual([
      "spec[0].replicas",
      "spec[0].template[0].spec[0].dns_config",
    ]);
  });

  test("is idempotent: added twice, the path appears once", () => {
    const { stacks } = synthApp((app) => {
      const stack = new HomelabStack(app, "twice", { tier: 1, cluster: "kubernetes", description: "x" });
      Aspects.of(stack).add(new KyvernoDnsConfigAspect());
      Aspects.of(stack).add(new KyvernoDnsConfigAspect());
      rawWorkloads(stack);
    });
    expect(onlyResource(stacks.twice, "kubernetes_deployment_v1").lifecycle.ignore_changes).toEqual(["spec[0].template[0].spec[0].dns_config"]);
  });

  test("reaches plain TerraformStacks too", () => {
    const { stacks } = synthApp((app) => {
      const plain = new TerraformStack(app, "plain");
      const { KubernetesProvider } = require("@cdktf/provider-kubernetes/lib/provider");
      const provider = new KubernetesProvider(plain, "k8s", {});
      new DeploymentV1(plain, "Deployment", { provider, metadata: meta, spec: { template: { metadata: {}, spec: pod } } });
    }, { rules: [] });
    expect(onlyResource(stacks.plain, "kubernetes_deployment_v1").lifecycle.ignore_changes).toEqual(["spec[0].template[0].spec[0].dns_config"]);
  });

  test("leaves other resources alone", () => {
    const stack = synthWith((s) => new Namespace(s, "Ns", { name: "x" }));
    expect(onlyResource(stack, "kubernetes_namespace_v1").lifecycle).toBeUndefined();
  });
});
