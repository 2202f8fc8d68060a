/**
 * nomad-periodic: every periodic job is one Nomad would register. Job.Validate allows
 * periodic only for batch and sysbatch jobs; PeriodicConfig.Validate wants exactly one of
 * Spec and Specs, the cron spec type, and every spec parsed by hashicorp/cronexpr, the
 * library (and version) Nomad's go.mod pins, read here from its stored grammar.
 */
import { cronexprError, cronGrammar, cronAllowed, CronGrammar } from "../jobspecs/cron";
import { ContractCheck, ContractFinding } from "./contract";
import { jobFinding, synthesizedNomadJobs } from "./nomad-jobs";
import { NOMAD_VERSION } from "./nomad-version";
import { CONTRACTS_DIR, readProvenance, upstreamLabel } from "./stored";

const STRUCTS = `nomad@${NOMAD_VERSION} nomad/structs/structs.go`;
const TIME_ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

export const nomadPeriodic: ContractCheck = {
  id: "nomad-periodic",
  description: "periodic jobs are batch or sysbatch, with one cron spec (or specs) that Nomad's cron parser accepts",
  check(input) {
    const grammar: CronGrammar = cronGrammar();
    const provenance = readProvenance("cronexpr");
    const parser = upstreamLabel(provenance, "cronexpr_parse.go");
    const findings: ContractFinding[] = [];
    if (grammar.nomadVersion !== NOMAD_VERSION) {
      findings.push({
        where: `${CONTRACTS_DIR}/cronexpr`,
        problem: `stored from Nomad ${grammar.nomadVersion}'s go.mod, but the estate runs ${NOMAD_VERSION} (contracts/nomad-version.ts): run ${provenance.command}`,
        upstream: parser,
      });
    }
    const { jobs, unreadable } = synthesizedNomadJobs(input.stacks, STRUCTS);
    findings.push(...unreadable);
    for (const job of jobs) {
      const periodic = job.job.Periodic as Record<string, unknown> | undefined;
      if (!periodic || periodic.Enabled === false) continue;
      const at = (path: (string | number)[], problem: string, upstream = STRUCTS) => findings.push(jobFinding(job, ["Periodic", ...path], problem, upstream));
      if (job.job.Type !== "batch" && job.job.Type !== "sysbatch") at([], `job type ${JSON.stringify(job.job.Type ?? "service")} cannot be periodic; allowed: batch, sysbatch`);
      if (periodic.SpecType !== undefined && periodic.SpecType !== "cron") at(["SpecType"], `${JSON.stringify(periodic.SpecType)} is not a spec type Nomad accepts; allowed: cron`);
      const specs = Array.isArray(periodic.Specs) ? periodic.Specs : [];
      const hasSpec = typeof periodic.Spec === "string" && periodic.Spec !== "";
      if (hasSpec === specs.length > 0) at([], hasSpec ? "sets both Spec and Specs; allowed: one of them" : "sets neither Spec nor Specs; a periodic job needs a cron spec");
      const check = (path: (string | number)[], spec: unknown) => {
        const error = typeof spec === "string" ? cronexprError(spec, grammar) : "not a string";
        if (error) at(path, `cron spec ${JSON.stringify(spec)} does not parse (${error}); allowed: ${cronAllowed(grammar)}`, parser);
      };
      if (hasSpec) check(["Spec"], periodic.Spec);
      specs.forEach((spec, i) => check(["Specs", i], spec));
      if (periodic.TimeZone !== undefined && (typeof periodic.TimeZone !== "string" || !TIME_ZONE.test(periodic.TimeZone))) {
        at(["TimeZone"], `${JSON.stringify(periodic.TimeZone)} is not an IANA time zone name such as UTC or Europe/London`);
      }
    }
    return findings;
  },
};
