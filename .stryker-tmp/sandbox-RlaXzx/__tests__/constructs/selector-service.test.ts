// @ts-nocheck
import { KUBE_SYSTEM } from "../../constructs/namespace";
import { SelectorService } from "../../constructs/selector-service";
import { onlyResource, synthWith } from "../helpers/synth";

describe("SelectorService", () => {
  test("routes its port to the pods with the given labels, under its own name", () => {
    let backend: unknown;
    const stack = synthWith((s) => {
      backend = new SelectorService(s, "Svc", { namespace: KUBE_SYSTEM, name: "front", selector: { app: "x" }, port: 9000, targetPort: "http" }).backend;
    });
    const service = onlyResource(stack, "kubernetes_service_v1");
    expect(service.spec).toEqual({ selector: { app: "x" }, port: [{ name: "http", port: 9000, target_port: "http" }] });
    expect(backend).toMatchObject({ namespace: "kube-system", port: 9000 });
  });

  test("fails if the selector is empty (it would route to every pod of the namespace) or the name is no DNS label", () => {
    expect(() => synthWith((s) => new SelectorService(s, "Svc", { namespace: KUBE_SYSTEM, name: "Front", selector: {}, port: 0, targetPort: 1 }))).toThrow(
      /^test\/Svc: service name "Front" must be a DNS label.*; port 0 must be a whole number from 1 to 65535; selector must name at least one label, or the Service would route to every pod of the namespace$/,
    );
  });
});
