import { Construct } from "constructs";
import { AppDeployment, AppDeploymentProps } from "../../constructs/app-deployment";
import { ContainerSpec } from "../../constructs/container";
import { Namespace } from "../../constructs/namespace";
import { NfsVolume } from "../../constructs/nfs-volume";
import { onlyResource, synthWith } from "../helpers/synth";

const web: ContainerSpec = { name: "web", image: "docker.io/library/nginx:1.29.4-alpine", cpuMillis: 50, memoryMiB: 128, ports: { http: 80 } };
const app = (s: Construct, props: Partial<AppDeploymentProps> = {}) =>
  new AppDeployment(s, "App", { namespace: new Namespace(s, "Ns", { name: "web" }), name: "web", containers: [web], metrics: { none: "a test fixture without metrics" }, uptime: { none: "a test fixture without a Service" }, ...props });

describe("AppDeployment and its containers", () => {
  test("containers request CPU, never limit it, and set memory request = limit", () => {
    const c = onlyResource(synthWith((s) => app(s)), "kubernetes_deployment_v1").spec.template.spec.container[0];
    expect(c.resources).toEqual({ requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "128Mi" } });
  });

  test("RollingUpdate without RWO claims, also with an RWX NFS volume", () => {
    const stack = synthWith((s) => {
      const namespace = new Namespace(s, "Ns", { name: "web" });
      const media = new NfsVolume(s, "Media", { namespace, name: "media", path: "/srv/nfs/media" });
      new AppDeployment(s, "App", { namespace, name: "web", replicas: 3, containers: [{ ...web, mounts: [{ volume: media, path: "/media" }] }], metrics: { none: "a test fixture without metrics" }, uptime: { none: "a test fixture without a Service" } });
    });
    expect(onlyResource(stack, "kubernetes_deployment_v1").spec.strategy).toEqual({ type: "RollingUpdate" });
  });

  test("field references come before the values that expand them", () => {
    const c = onlyResource(
      synthWith((s) => app(s, { containers: [{ ...web, env: { ADDR: "$(POD_IP):80" }, envFromFields: { POD_IP: "status.podIP" } }] })),
      "kubernetes_deployment_v1",
    ).spec.template.spec.container[0];
    expect(c.env.map((e: any) => e.name)).toEqual(["POD_IP", "ADDR"]);
  });

  test("fails if a container's resources are not positive whole numbers", () => {
    expect(() => synthWith((s) => app(s, { containers: [{ ...web, cpuMillis: 0, memoryMiB: 1.5 }] }))).toThrow(
      /test\/App: container web: cpuMillis 0 must be a whole number from 1 up; container web: memoryMiB 1.5 must be a whole number from 1 up/,
    );
  });

  test("fails if the service targets a port no container declares", () => {
    expect(() => synthWith((s) => app(s, { service: { port: 80, targetPort: "https" } }))).toThrow(
      /service targetPort "https" is not a container port; allowed: http/,
    );
  });

  test("fails if an ingress asks for the backend of an app without a service", () => {
    expect(() => synthWith((s) => app(s).backend)).toThrow(/test\/App: app web has no service/);
  });
});
