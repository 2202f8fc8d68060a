import { imagePinned } from "../../policy/rules/image-pinned";
import { context, res } from "./k8s-rules.fixtures";
import { group, job, jobResource, task } from "./nomad-rules.fixtures";

const check = (resource: Parameters<typeof imagePinned.check>[0]) => imagePinned.check(resource, context);
const nomad = (...images: string[]) => check(jobResource(job([group({ Tasks: images.map((image, i) => task(`t${i}`, { Config: { image } })) })])));
const pod = (containers: Record<string, unknown>[], type = "kubernetes_deployment_v1") => check(res(type, { spec: { template: { spec: { container: containers } } } }));

describe("HL-IMAGE-1 images are pinned", () => {
  test("compliant: a version tag, a digest, a registry with a port", () => {
    expect(nomad("docker.io/library/nginx:1.29.4-alpine", `nginx@sha256:${"0123456789abcdef".repeat(4)}`, "registry.home.arpa:5000/tools/app:1.2")).toEqual([]);
    expect(pod([{ name: "app", image: "ghcr.io/element-hq/synapse:v1.144.0" }])).toEqual([]);
  });

  test("non-compliant in a Nomad job: latest, no tag, an empty tag, each task named", () => {
    expect(nomad("nginx:latest", "registry.home.arpa:5000/app", "nginx:LATEST", "nginx:", "nginx:1.29")).toEqual([
      'group web, task t0: image "nginx:latest" uses the latest tag',
      'group web, task t1: image "registry.home.arpa:5000/app" has no tag, so it means latest',
      'group web, task t2: image "nginx:LATEST" uses the latest tag',
      'group web, task t3: image "nginx:" uses the latest tag',
    ]);
  });

  test("non-compliant in a Kubernetes pod: latest, no image, a computed image, each container named", () => {
    expect(pod([{ name: "app", image: "traefik/whoami" }, { name: "side" }, { name: "calc", image: "${var.image}" }])).toEqual([
      'spec.template.spec.container[0] app: image "traefik/whoami" has no tag, so it means latest',
      "spec.template.spec.container[1] side: has no image",
      'spec.template.spec.container[2] calc: image "${var.image}" is computed, so its tag cannot be checked',
    ]);
    expect(pod([{ name: "app", image: "nginx:latest" }], "kubernetes_cron_job_v1")).toEqual(['spec.template.spec.container[0] app: image "nginx:latest" uses the latest tag']);
  });

  test("a custom resource's containers are judged too, but not a Kyverno policy's patterns", () => {
    const manifest = (apiVersion: string) => res("kubernetes_manifest", { manifest: { apiVersion, kind: "X", spec: { containers: [{ name: "c", image: "nginx:latest" }] } } });
    expect(check(manifest("apps.example.org/v1"))).toEqual(['manifest.spec.containers[0] c: image "nginx:latest" uses the latest tag']);
    expect(check(manifest("kyverno.io/v1"))).toBe("not-applicable");
    expect(check(res("kubernetes_manifest", { manifest: [{ apiVersion: "kyverno.io/v2", spec: { containers: [{ image: "nginx:latest" }] } }] }))).toBe("not-applicable");
    expect(check(res("kubernetes_manifest", { manifest: { spec: { containers: [{ image: "x:latest" }] } } }))).toEqual(['manifest.spec.containers[0]: image "x:latest" uses the latest tag']);
  });

  test("only a kubernetes_manifest can be a Kyverno policy: another resource with a kyverno.io manifest attribute is judged", () => {
    const deployment = res("kubernetes_deployment_v1", { manifest: { apiVersion: "kyverno.io/v1" }, spec: { template: { spec: { container: [{ name: "app", image: "nginx:latest" }] } } } });
    expect(check(deployment)).toEqual(['spec.template.spec.container[0] app: image "nginx:latest" uses the latest tag']);
  });

  test("not applicable: a jobspec the rules cannot read (HL-JOB-1's), resources without containers, other providers", () => {
    expect(check(res("nomad_job", { json: false, jobspec: 'job "x" {}' }))).toBe("not-applicable");
    expect(check(res("kubernetes_service_v1", { spec: { port: [{ port: 80 }] } }))).toBe("not-applicable");
    expect(check(res("helm_release", { values: ["image:\n  tag: latest\n"], containers: [{ image: "x:latest" }] }))).toBe("not-applicable");
  });
});
