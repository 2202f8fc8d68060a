import { EstateProblem, EstateRule, SynthResource, SynthStack } from "../rule";
import { first } from "./k8s-support";

type Obj = Record<string, any>;

export const MIDDLEWARES_ANNOTATION = "traefik.ingress.kubernetes.io/router.middlewares";
const INGRESS_TYPES = ["kubernetes_ingress", "kubernetes_ingress_v1"];

/** A namespace as written: a literal, or a reference to a namespace resource of the same stack. */
function namespaceName(value: unknown, stack: SynthStack): string | undefined {
  if (typeof value !== "string") return undefined;
  const ref = /^\$\{(kubernetes_namespace(?:_v1)?)\.([A-Za-z0-9_-]+)\.metadata\[0\]\.name\}$/.exec(value);
  if (!ref) return value.includes("${") ? undefined : value;
  return first(stack.resources.find((r) => r.type === ref[1] && r.logicalId === ref[2])?.attributes.metadata)?.name;
}

/** The router reference of a Middleware object (<namespace>-<name>@kubernetescrd), if it is one. */
function middlewareReference(r: SynthResource, stack: SynthStack): string | undefined {
  const manifest: Obj | undefined = r.type === "kubernetes_manifest" ? first(r.attributes.manifest) : undefined;
  if (manifest?.kind !== "Middleware" || !String(manifest.apiVersion).startsWith("traefik.io/")) return undefined;
  const namespace = namespaceName(manifest.metadata?.namespace, stack);
  return namespace ? `${namespace}-${manifest.metadata?.name}@kubernetescrd` : undefined;
}

/** Every stack a stack depends on, directly or not, itself included. */
function reachable(stacks: readonly SynthStack[], id: string): Set<string> {
  const byId = new Map(stacks.map((s) => [s.id, s]));
  const found = new Set([id]);
  const visit = (sid: string) => (byId.get(sid)?.dependencies ?? []).forEach((d) => !found.has(d) && (found.add(d), visit(d)));
  visit(id);
  return found;
}

/**
 * Traefik drops a route whose middleware does not exist: an ingress must name only middlewares
 * its own stack makes or a stack it depends on makes, so the deploy order brings them first.
 */
export const k8sIngressMiddlewares: EstateRule = {
  id: "HL-K8S-16",
  scope: "estate",
  level: "error",
  description: "every middleware an ingress names is made by its stack or a stack it depends on (Traefik drops a route whose middleware is missing)",
  fix: "make the stack depend on the stack that makes the middleware (main.ts), or drop the middleware from the ingress",
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    const makers = new Map<string, string>();
    for (const stack of stacks) for (const r of stack.resources) {
      const ref = middlewareReference(r, stack);
      if (ref) makers.set(ref, stack.id);
    }
    // An app without any Middleware (a stack tested alone, without the platform) cannot say.
    if (makers.size === 0) return [];
    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      const before = reachable(stacks, stack.id);
      for (const r of stack.resources.filter((x) => INGRESS_TYPES.includes(x.type))) {
        const named = String(first(r.attributes.metadata)?.annotations?.[MIDDLEWARES_ANNOTATION] ?? "").split(",").map((m) => m.trim()).filter(Boolean);
        for (const ref of named) {
          const maker = makers.get(ref);
          if (maker === undefined) {
            problems.push({ stackId: stack.id, path: r.path, message: `names middleware ${ref}, which no stack of the estate makes; made: ${[...makers.keys()].sort().join(", ")}` });
          } else if (!before.has(maker)) {
            problems.push({
              stackId: stack.id,
              path: r.path,
              message: `names middleware ${ref}, made by stack ${maker}, which ${stack.id} does not depend on: until ${maker} is applied, Traefik drops this route`,
            });
          }
        }
      }
    }
    return problems;
  },
};
