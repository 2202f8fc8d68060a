import { tmpdir } from "os";
import { HomelabApp } from "../../constructs";
import { NomadJob } from "../../constructs/nomad-job";
import { IMAGE_DATA_PATHS } from "../../jobspecs/image-data-paths";
import { IMAGES, parseImageRef } from "../../jobspecs/images";
import { defineEstate } from "../../main";
import { writableCsiMounts } from "../../policy/rules/nomad-support";
import { synthEstate } from "../helpers/estate";
import { testInventory } from "../helpers/synth";

describe("the estate's volumes against the images' data paths", () => {
  // Built by the tests, not while jest collects them: mutation testing must see which test ran the code.
  const writableMounts = () => {
    const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
    defineEstate(app);
    const jobs = app.node.findAll().filter((c): c is NomadJob => c instanceof NomadJob);
    return jobs.flatMap((j) =>
      j.job.TaskGroups.flatMap((g) =>
        g.Tasks.flatMap((t) =>
          writableCsiMounts(g, t).map((m) => ({ where: `${j.node.path} ${g.Name}/${t.Name}`, image: parseImageRef(t.Config.image).repository, destination: m.Destination })),
        ),
      ),
    );
  };
  const catalogued = new Set(Object.keys(IMAGE_DATA_PATHS).map((k) => IMAGES[k as keyof typeof IMAGES].repository));

  test("every task that writes to a CSI volume runs an image whose data paths are recorded", () => {
    const mounts = writableMounts();
    expect(mounts.length).toBeGreaterThan(5);
    expect(mounts.filter((m) => !catalogued.has(m.image))).toEqual([]);
  });

  test("the upstream defaults the issue names are where the volumes are mounted", () => {
    const mounts = writableMounts();
    const at = (repository: string) => mounts.filter((m) => m.image === repository).map((m) => m.destination);
    // Literals from the images' own files at the pinned tags (jobspecs/image-data-paths.ts cites them).
    expect(at("docker.io/jellyfin/jellyfin")).toEqual(["/config"]);
    expect(at("docker.io/plexinc/pms-docker")).toEqual(["/config"]);
    expect(at("ghcr.io/element-hq/synapse")).toEqual(["/data", "/media"]);
    expect(at("docker.io/minio/minio")).toEqual(["/data"]);
    expect(at("docker.io/ollama/ollama")).toEqual(["/root/.ollama"]);
    expect(new Set(at("docker.io/library/postgres"))).toEqual(new Set(["/var/lib/postgresql/data"]));
    expect(at("codeberg.org/forgejo/forgejo")).toEqual(["/data"]);
  });

  test("no task of the estate breaks HL-NOMAD-11", () => {
    const { report } = synthEstate();
    expect(report.findings.filter((f) => f.ruleId === "HL-NOMAD-11")).toEqual([]);
  });
});
