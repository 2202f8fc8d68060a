/**
 * The readers the Kubernetes rules share (policy/rules/k8s-support.ts): every workload kind the
 * kubernetes provider has, blocks as objects or one-element lists, every quantity suffix
 * Kubernetes accepts, and the ways a pod names its claim and its namespace. The rules' own
 * tests reach these only through a Deployment or two.
 */
import { SynthResource, SynthStack } from "../../policy/rule";
import { asList, claimKeyFromVolume, claimKeys, containersOf, first, namespaceName, parseQuantity, podSpecOf } from "../../policy/rules/k8s-support";
import { res } from "./k8s-rules.fixtures";

test("asList and first: a block as an object or a list, anything else as nothing", () => {
  expect(asList({ a: 1 })).toEqual([{ a: 1 }]);
  expect(asList([{ a: 1 }, null, "x", 5, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
  for (const nothing of [undefined, null, "x", 5, true]) expect(asList(nothing)).toEqual([]);
  expect(first([{ a: 1 }, { b: 2 }])).toEqual({ a: 1 });
  expect(first(undefined)).toBeUndefined();
});

describe("podSpecOf: the pod spec of every workload kind", () => {
  const pod = { container: [{ name: "app" }] };
  const templated = { spec: { template: { spec: pod } } };
  test.each([
    "kubernetes_deployment",
    "kubernetes_deployment_v1",
    "kubernetes_stateful_set",
    "kubernetes_stateful_set_v1",
    "kubernetes_daemonset",
    "kubernetes_daemon_set_v1",
    "kubernetes_job",
    "kubernetes_job_v1",
    "kubernetes_replication_controller",
    "kubernetes_replication_controller_v1",
  ])("%s: spec.template.spec", (type) => {
    expect(podSpecOf(res(type, templated))).toEqual(pod);
    expect(podSpecOf(res(type, { spec: [{ template: [{ spec: [pod] }] }] }))).toEqual(pod);
  });
  test.each(["kubernetes_cron_job", "kubernetes_cron_job_v1"])("%s: spec.job_template.spec.template.spec", (type) => {
    expect(podSpecOf(res(type, { spec: { job_template: { spec: templated.spec } } }))).toEqual(pod);
    expect(podSpecOf(res(type, templated))).toBeUndefined();
  });
  test.each(["kubernetes_pod", "kubernetes_pod_v1"])("%s: its spec", (type) => {
    expect(podSpecOf(res(type, { spec: pod }))).toEqual(pod);
  });
  test("no pod spec: other kinds, a workload without a template", () => {
    for (const type of ["kubernetes_service_v1", "kubernetes_manifest", "kubernetes_persistent_volume_claim_v1", "helm_release"]) {
      expect([type, podSpecOf(res(type, templated)), podSpecOf(res(type, { spec: pod }))]).toEqual([type, undefined, undefined]);
    }
    expect(podSpecOf(res("kubernetes_deployment_v1", { spec: {} }))).toBeUndefined();
  });
});

test("containersOf: init containers first, each labelled by its name or, unnamed, its index", () => {
  const labels = containersOf({ init_container: [{ name: "migrate" }, {}], container: { name: "app" } }).map((c) => c.label);
  expect(labels).toEqual(["init container migrate", "init container 1", "container app"]);
  expect(containersOf({ container: [{}, { name: "side" }] }).map((c) => c.label)).toEqual(["container 0", "container side"]);
  expect(containersOf({})).toEqual([]);
});

describe("parseQuantity: Kubernetes quantities (resource.Quantity's suffixes)", () => {
  test.each([
    ["250m", 0.25],
    ["1", 1],
    [" 2 ", 2],
    ["1.5", 1.5],
    ["1.25", 1.25],
    [".5", 0.5],
    [".125", 0.125],
    ["1k", 1e3],
    ["1M", 1e6],
    ["1G", 1e9],
    ["1T", 1e12],
    ["1P", 1e15],
    ["1E", 1e18],
    ["1Ki", 1024],
    ["1Mi", 1024 ** 2],
    ["1.5Gi", 1.5 * 1024 ** 3],
    ["1Ti", 1024 ** 4],
    ["1Pi", 1024 ** 5],
    ["1Ei", 1024 ** 6],
    ["1e3", 1e3],
    ["1E3", 1e3],
    ["5e-1", 0.5],
    ["2e+2", 200],
    ["1e12", 1e12],
  ])("%s is %d", (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 6);
  });
  test("a number is itself; anything else is no quantity", () => {
    expect(parseQuantity(512)).toBe(512);
    for (const bad of ["", "lots", "1Gb", "1gi", "Gi", "1.", "1..5", "-1", "1 Gi", "x1", "1x", "1e", "1Mi5", undefined, null, {}]) {
      expect([bad, parseQuantity(bad)]).toEqual([bad, undefined]);
    }
  });
});

describe("how a pod names its claim", () => {
  const claim = (metadata: Record<string, unknown>, logicalId?: string): SynthResource => ({ ...res("kubernetes_persistent_volume_claim_v1", { metadata }), logicalId });
  test("claimKeys: <namespace>/<name> (default namespace when none), and both spellings of a reference to its name", () => {
    expect(claimKeys(claim({ name: "data", namespace: "apps" }, "Data"))).toEqual([
      "apps/data",
      "${kubernetes_persistent_volume_claim_v1.Data.metadata[0].name}",
      "${kubernetes_persistent_volume_claim_v1.Data.metadata.0.name}",
    ]);
    expect(claimKeys(claim({ name: "data" }))).toEqual(["default/data"]);
  });
  test("claimKeyFromVolume: a reference as written, a literal name in the pod's namespace or default", () => {
    expect(claimKeyFromVolume("${kubernetes_persistent_volume_claim_v1.Data.metadata[0].name}", "apps")).toBe("${kubernetes_persistent_volume_claim_v1.Data.metadata[0].name}");
    expect(claimKeyFromVolume("data", "apps")).toBe("apps/data");
    expect(claimKeyFromVolume("data", undefined)).toBe("default/data");
  });
});

describe("namespaceName: a namespace as written, or the name of the namespace resource it references", () => {
  const ns = (type: string, logicalId: string, name: unknown): SynthResource => ({ ...res(type, { metadata: [{ name }] }), logicalId });
  const stack: SynthStack = { id: "s", tier: 1, resources: [ns("kubernetes_namespace_v1", "Apps", "apps"), ns("kubernetes_namespace", "Old", "legacy"), ns("kubernetes_namespace_v1", "Computed", 5)] };
  test("a literal is itself; a reference to a namespace of the stack is its name, either resource type", () => {
    expect(namespaceName("apps", stack)).toBe("apps");
    expect(namespaceName("${kubernetes_namespace_v1.Apps.metadata[0].name}", stack)).toBe("apps");
    expect(namespaceName("${kubernetes_namespace.Old.metadata[0].name}", stack)).toBe("legacy");
  });
  test("unknown: not a string, a reference to something else or to a namespace the stack lacks, a name that is not a string", () => {
    expect(namespaceName(undefined, stack)).toBeUndefined();
    expect(namespaceName(5, stack)).toBeUndefined();
    expect(namespaceName("${var.namespace}", stack)).toBeUndefined();
    expect(namespaceName("prefix-${kubernetes_namespace_v1.Apps.metadata[0].name}", stack)).toBeUndefined();
    expect(namespaceName("${kubernetes_namespace_v1.Apps.metadata[0].name}-suffix", stack)).toBeUndefined();
    expect(namespaceName("${kubernetes_namespace_v1.Other.metadata[0].name}", stack)).toBeUndefined();
    expect(namespaceName("${kubernetes_namespace.Apps.metadata[0].name}", stack)).toBeUndefined();
    expect(namespaceName("${kubernetes_namespace_v1.Computed.metadata[0].name}", stack)).toBeUndefined();
  });
});
