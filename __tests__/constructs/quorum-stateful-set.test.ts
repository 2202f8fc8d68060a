import { Construct } from "constructs";
import { ContainerSpec } from "../../constructs/container";
import { Namespace } from "../../constructs/namespace";
import { QuorumStatefulSet, QuorumStatefulSetProps } from "../../constructs/quorum-stateful-set";
import { onlyResource, synthWith } from "../helpers/synth";

const container: ContainerSpec = {
  name: "db",
  image: "ghcr.io/example-org/db:1.0.0",
  cpuMillis: 100,
  memoryMiB: 256,
  ports: { peer: 7000, http: 8080 },
  readinessProbe: { path: "/health", port: 8080 },
};
const build = (s: Construct, props: Partial<QuorumStatefulSetProps> = {}) =>
  new QuorumStatefulSet(s, "Set", {
    namespace: new Namespace(s, "Ns", { name: "db" }),
    name: "db",
    container,
    clientPort: "http",
    dataClaim: { name: "data-encrypted", mountPath: "/data", backup: { none: "replicated to every member" } },
    metrics: { none: "a test fixture without metrics" },
    ...props,
  });

describe("QuorumStatefulSet", () => {
  test("PDB keeps a majority: 5 members keep 3", () => {
    const stack = synthWith((s) => build(s, { members: 5 }));
    expect(onlyResource(stack, "kubernetes_pod_disruption_budget_v1").spec.min_available).toBe("3");
    expect(onlyResource(stack, "kubernetes_stateful_set_v1").spec.replicas).toBe("5");
  });

  test("claim templates follow the encrypted template", () => {
    const template = onlyResource(synthWith((s) => build(s)), "kubernetes_stateful_set_v1").spec.volume_claim_template[0];
    expect(template.metadata.annotations).toMatchObject({ "resize.topolvm.io/storage_limit": "5Gi", "homelab.backup/mode": "none" });
    expect(template.spec.access_modes).toEqual(["ReadWriteOnce"]);
  });

  test.each([1, 2, 4])("fails if members is %p: no quorum through a rolling update", (members) => {
    expect(() => synthWith((s) => build(s, { members }))).toThrow(
      new RegExp(`test/Set: members ${members} cannot keep quorum through a rolling update; allowed: an odd number of at least 3`),
    );
  });

  test("fails if the container has no readiness probe", () => {
    expect(() => synthWith((s) => build(s, { container: { ...container, readinessProbe: undefined } }))).toThrow(/container needs a readinessProbe/);
  });

  test("fails if the data claim name does not end in -encrypted", () => {
    expect(() => synthWith((s) => build(s, { dataClaim: { name: "data", mountPath: "/data", backup: { none: "replicated to every member" } } }))).toThrow(
      /dataClaim name "data" must end in "-encrypted"/,
    );
  });

  test("fails if the client port is not a container port", () => {
    expect(() => synthWith((s) => build(s, { clientPort: "grpc" }))).toThrow(/clientPort "grpc" is not a container port; allowed: peer, http/);
  });
});
