import { k8sKyvernoWave1Admission } from "../../policy/rules/k8s-kyverno-wave1-admission";
import { context, deployment, goodContainer, res, stackOf } from "./k8s-rules.fixtures";

const check = (...resources: ReturnType<typeof res>[]) => k8sKyvernoWave1Admission.check([stackOf(resources)], context).map((p) => `${p.path}: ${p.message}`);
const excluded = context.inventory.kubernetes.kyverno.excludedNamespaces;

describe("HL-K8S-13 the estate's pods pass the wave-1 policies where Kyverno enforces them", () => {
  test("compliant: a plain pod with an image named in full from a trusted registry", () => {
    expect(check(deployment({ container: [goodContainer] }))).toEqual([]);
  });

  test("non-compliant: privileged, host namespaces, SYS_ADMIN, an image from elsewhere, each named with its policy", () => {
    const pod = {
      host_network: true,
      host_pid: true,
      init_container: [{ ...goodContainer, name: "init", image: "busybox:1.37.0" }],
      container: [{ ...goodContainer, security_context: { privileged: true, capabilities: { add: ["NET_ADMIN", "SYS_ADMIN"] } } }],
    };
    expect(check(deployment(pod))).toEqual([
      "s/App/Deployment: host_network = true (deny-host-namespaces); host_pid = true (deny-host-namespaces); " +
        'init container init image "busybox:1.37.0" is not from a trusted registry (require-trusted-registries); ' +
        "container app is privileged (deny-privileged-containers); container app adds SYS_ADMIN (restrict-sys-admin): " +
        `Kyverno refuses it in namespace ns; allowed: none of these, or a namespace in kubernetes.kyverno.excludedNamespaces (${excluded.join(", ")})`,
    ]);
  });

  const refusedIn = (namespace: string) => `Kyverno refuses it in namespace ${namespace}; allowed: none of these, or a namespace in kubernetes.kyverno.excludedNamespaces (${excluded.join(", ")})`;

  test("non-compliant: host_ipc alone; host namespaces set to false pass", () => {
    expect(check(deployment({ host_ipc: true, container: [goodContainer] }))).toEqual([`s/App/Deployment: host_ipc = true (deny-host-namespaces): ${refusedIn("ns")}`]);
    expect(check(deployment({ host_network: false, host_pid: false, host_ipc: false, container: [goodContainer] }))).toEqual([]);
  });

  test("non-compliant: every SYS_ADMIN-like capability a container adds is named", () => {
    const pod = { container: [{ ...goodContainer, security_context: { capabilities: { add: ["SYS_ADMIN", "NET_ADMIN", "ALL"] } } }] };
    expect(check(deployment(pod))).toEqual([`s/App/Deployment: container app adds SYS_ADMIN, ALL (restrict-sys-admin): ${refusedIn("ns")}`]);
  });

  test("non-compliant: a container without an image names no trusted registry", () => {
    const { image: _image, ...noImage } = goodContainer;
    expect(check(deployment({ container: [noImage] }))).toEqual([
      `s/App/Deployment: container app image "" is not from a trusted registry (require-trusted-registries): ${refusedIn("ns")}`,
    ]);
  });

  test("non-compliant: a workload without a namespace (or without metadata) runs in default, which is not excluded", () => {
    const privileged = deployment({ host_network: true, container: [goodContainer] });
    const { namespace: _ns, ...unnamespaced } = privileged.attributes.metadata as Record<string, unknown>;
    expect(check({ ...privileged, attributes: { ...privileged.attributes, metadata: unnamespaced } })).toEqual([
      `s/App/Deployment: host_network = true (deny-host-namespaces): ${refusedIn("default")}`,
    ]);
    const bare = res("kubernetes_pod_v1", { spec: { host_network: true, container: [goodContainer] } }, "s/Pod/Resource");
    expect(check(bare)).toEqual([`s/Pod/Resource: host_network = true (deny-host-namespaces): ${refusedIn("default")}`]);
  });

  test("non-compliant: a namespace reference that does not resolve in the stack is not taken for an excluded one", () => {
    const privileged = deployment({ host_network: true, container: [goodContainer] });
    const elsewhere = { ...privileged, attributes: { ...privileged.attributes, metadata: { name: "app", namespace: "${kubernetes_namespace_v1.Missing_1.metadata[0].name}" } } };
    expect(check(elsewhere)).toEqual([`s/App/Deployment: host_network = true (deny-host-namespaces): ${refusedIn("(a reference that cannot be resolved here)")}`]);
  });

  test("ALL and CAP_SYS_ADMIN amount to SYS_ADMIN", () => {
    const caps = (add: string[]) => check(deployment({ container: [{ ...goodContainer, security_context: { capabilities: { add } } }] }));
    expect(caps(["ALL"])).toEqual([expect.stringContaining("adds ALL (restrict-sys-admin)")]);
    expect(caps(["CAP_SYS_ADMIN"])).toEqual([expect.stringContaining("adds CAP_SYS_ADMIN (restrict-sys-admin)")]);
    expect(caps(["NET_BIND_SERVICE"])).toEqual([]);
  });

  test("a registry's name must be followed by a path: ghcr.io.evil.example does not pass as ghcr.io", () => {
    expect(check(deployment({ container: [{ ...goodContainer, image: "ghcr.io.evil.example/x:1.0" }] }))).toEqual([expect.stringContaining("is not from a trusted registry")]);
  });

  test("compliant: the same pod in an excluded namespace (a reference to the stack's namespace resolves)", () => {
    const namespace = res("kubernetes_namespace_v1", { metadata: { name: excluded[0] } });
    const ns = { ...namespace, logicalId: "Ns_1" };
    const privileged = deployment({ host_network: true, container: [goodContainer] });
    const inExcluded = { ...privileged, attributes: { ...privileged.attributes, metadata: { name: "app", namespace: "${kubernetes_namespace_v1.Ns_1.metadata[0].name}" } } };
    expect(check(ns, inExcluded)).toEqual([]);
  });

  test("refuses acknowledgements: Kyverno refuses the pod whatever the code says", () => {
    expect(k8sKyvernoWave1Admission.acknowledgeable).toBe(false);
  });
});
