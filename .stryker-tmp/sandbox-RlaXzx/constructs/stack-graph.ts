/**
 * The estate's stacks as a graph: the deploy order and the rules every edge obeys.
 * Pure data, so `npm run stacks`, deploy, affected and docs share one implementation.
 */
// @ts-nocheck


/** 0 = bootstrap: local state encrypted in git, must deploy while PostgreSQL is down. 1 = state in PostgreSQL. */
export type Tier = 0 | 1;
export const TIERS: readonly Tier[] = [0, 1];

/** Which cluster a stack's workloads run on. */
export type ClusterId = "nomad-main" | "nomad-bitcoin" | "kubernetes";
export const CLUSTERS: readonly ClusterId[] = ["nomad-main", "nomad-bitcoin", "kubernetes"];

export interface StackInfo {
  readonly id: string;
  /** undefined for a stack that was not built on HomelabStack. */
  readonly tier?: Tier;
  readonly cluster?: ClusterId;
  /** Ids of the stacks this one reads from or was told to follow. */
  readonly dependencies: readonly string[];
}

export interface OrderedStack extends StackInfo {
  /** 1-based place in the deploy order. */
  readonly order: number;
}

/** Every problem with the graph's edges: tier 0 reading from tier 1, unknown stacks. */
export function tierViolations(stacks: readonly StackInfo[]): string[] {
  const byId = new Map(stacks.map((s) => [s.id, s]));
  const problems: string[] = [];
  for (const stack of stacks) {
    if (stack.tier !== 0) continue;
    for (const depId of stack.dependencies) {
      const dep = byId.get(depId);
      if (dep?.tier === 0) continue;
      const what = dep?.tier === undefined ? "a stack with no tier" : `tier ${dep.tier}`;
      problems.push(
        `stack ${stack.id} (tier 0) depends on stack ${depId} (${what}): tier-0 stacks must deploy while ` +
          `PostgreSQL is down, so they may only depend on tier-0 stacks; move what ${stack.id} reads into a tier-0 stack or drop the reference`,
      );
    }
  }
  return problems;
}

/**
 * Orders stacks so that each comes after its dependencies, tier 0 before tier 1 where
 * the edges allow it, ties broken by id so the order is stable. Throws on a cycle.
 */
export function deployOrder(stacks: readonly StackInfo[]): OrderedStack[] {
  const byId = new Map(stacks.map((s) => [s.id, s]));
  const remaining = new Map(stacks.map((s) => [s.id, new Set(s.dependencies.filter((d) => byId.has(d)))]));
  const rank = (s: StackInfo) => `${s.tier ?? 9}:${s.id}`;
  const ordered: OrderedStack[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.entries()]
      .filter(([, deps]) => deps.size === 0)
      .map(([id]) => byId.get(id)!)
      .sort((a, b) => rank(a).localeCompare(rank(b)));
    if (ready.length === 0) throw new Error(describeCycle(remaining));
    const next = ready[0];
    ordered.push({ ...next, order: ordered.length + 1 });
    remaining.delete(next.id);
    for (const deps of remaining.values()) deps.delete(next.id);
  }
  return ordered;
}

/** The stacks that depend on any of `changed`, directly or through others, plus `changed`. */
export function withDependents(stacks: readonly StackInfo[], changed: ReadonlySet<string>): Set<string> {
  const result = new Set(changed);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stacks) {
      if (!result.has(s.id) && s.dependencies.some((d) => result.has(d))) {
        result.add(s.id);
        grew = true;
      }
    }
  }
  return result;
}

function describeCycle(remaining: Map<string, Set<string>>): string {
  // Walk dependencies from any blocked stack until a stack repeats: that loop is the cycle.
  const path: string[] = [];
  let current = [...remaining.keys()].sort()[0];
  while (!path.includes(current)) {
    path.push(current);
    current = [...remaining.get(current)!].sort()[0];
  }
  const cycle = [...path.slice(path.indexOf(current)), current];
  return (
    `stacks form a dependency cycle: ${cycle.join(" -> ")}; no deploy order exists. ` +
    `Move the shared resource into a stack that both can depend on`
  );
}
