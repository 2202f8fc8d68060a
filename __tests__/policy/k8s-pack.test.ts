import { readdirSync } from "fs";
import { join } from "path";
import { KUBERNETES_RULES } from "../../policy/packs/kubernetes";
import { repoRoot } from "../../scripts/repo-root";

test("every k8s-* rule file is in the Kubernetes pack, with a unique HL-K8S id", () => {
  const dir = join(repoRoot(), "policy", "rules");
  const exported = readdirSync(dir)
    .filter((f) => f.startsWith("k8s-") && f.endsWith(".ts") && f !== "k8s-support.ts")
    .flatMap((f) => Object.values(require(`../../policy/rules/${f.replace(/\.ts$/, "")}`)).filter((v: any) => v && typeof v === "object" && typeof v.id === "string"));
  expect(new Set(KUBERNETES_RULES)).toEqual(new Set(exported));
  const ids = KUBERNETES_RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^HL-K8S-\d+$/);
});
