import { IMAGES, imageRef } from "../../jobspecs/images";
import { Job, Task, TaskGroup } from "../../jobspecs/model";
import { toTerraformJobspec } from "../../jobspecs/render";
import { SynthResource } from "../../policy/rule";
import { nomadImageDataPaths } from "../../policy/rules/nomad-image-data-paths";
import { testInventory } from "../helpers/synth";

const context = { inventory: testInventory };
const resource = (task: Partial<Task>, readOnly = false): SynthResource => {
  const group: TaskGroup = {
    Name: "app",
    Volumes: { data: { Name: "data", Type: "csi", Source: "glusterfs_app_data", AccessMode: "single-node-writer", AttachmentMode: "file-system" } },
    Tasks: [{ Name: "app", Driver: "docker", Config: { image: imageRef(IMAGES.ollama) }, Resources: { MemoryMB: 64 }, VolumeMounts: [{ Volume: "data", Destination: "/root/.ollama", ReadOnly: readOnly }], ...task }],
  };
  const job: Job = { ID: "app", Type: "service", Datacenters: ["dc1"], TaskGroups: [group] };
  return { type: "nomad_job", path: "s/Job/Resource", stackId: "s", attributes: { json: true, jobspec: toTerraformJobspec(job) } };
};

describe("HL-NOMAD-11 volumes go where the image keeps its data", () => {
  test("compliant: ollama's volume at /root/.ollama, as its docs/docker.mdx runs it", () => {
    expect(nomadImageDataPaths.check(resource({}), context)).toEqual([]);
  });

  test("non-compliant: a volume elsewhere, naming the mount, the image's path and the source", () => {
    expect(nomadImageDataPaths.check(resource({ VolumeMounts: [{ Volume: "data", Destination: "/models" }] }), context)).toEqual([
      expect.stringMatching(/^group app task app \(docker\.io\/ollama\/ollama\) mounts its volume at \/models, but the image keeps its data at \/root\/\.ollama \(ollama\/ollama@v0\.13\.0 .*docs\/docker\.mdx/),
    ]);
  });

  test("non-compliant: an environment variable that moves the data (postgres' PGDATA into a subdirectory)", () => {
    const postgres = resource({
      Config: { image: imageRef(IMAGES.postgres) },
      Env: { PGDATA: "/var/lib/postgresql/data/pgdata" },
      VolumeMounts: [{ Volume: "data", Destination: "/var/lib/postgresql/data" }],
    });
    expect(nomadImageDataPaths.check(postgres, context)).toEqual([
      expect.stringMatching(/sets PGDATA=\/var\/lib\/postgresql\/data\/pgdata, but the image keeps that data at \/var\/lib\/postgresql\/data \(docker-library\/postgres/),
    ]);
  });

  test("non-compliant: Jellyfin's config dir moved off the image's /config/config", () => {
    const jellyfin = resource({ Config: { image: imageRef(IMAGES.jellyfin) }, Env: { JELLYFIN_CONFIG_DIR: "/config" }, VolumeMounts: [{ Volume: "data", Destination: "/config" }] });
    expect(nomadImageDataPaths.check(jellyfin, context)).toEqual([expect.stringMatching(/sets JELLYFIN_CONFIG_DIR=\/config, but the image keeps that data at \/config\/config/)]);
  });

  test("non-compliant: every writable mount is named when none is at the data path; the whole message says what is lost", () => {
    const twoMounts = resource({ VolumeMounts: [{ Volume: "data", Destination: "/models" }, { Volume: "data", Destination: "/cache" }] });
    expect(nomadImageDataPaths.check(twoMounts, context)).toEqual([
      expect.stringMatching(
        /^group app task app \(docker\.io\/ollama\/ollama\) mounts its volume at \/models, \/cache, but the image keeps its data at \/root\/\.ollama \(ollama\/ollama@v0\.13\.0 [^]*\): the data already on the volume is not where the app looks, and what it writes there is lost with the container$/,
      ),
    ]);
    const moved = resource({ Env: { OLLAMA_MODELS: "/models" } });
    expect(nomadImageDataPaths.check(moved, context)).toEqual([
      expect.stringMatching(/^group app task app \(docker\.io\/ollama\/ollama\) sets OLLAMA_MODELS=\/models, but the image keeps that data at \/root\/\.ollama\/models \(ollama\/ollama@v0\.13\.0 [^]*\): the data already there is not found$/),
    ]);
  });

  test("compliant: the image's own value of a data-location variable, written out", () => {
    expect(nomadImageDataPaths.check(resource({ Env: { OLLAMA_MODELS: "/root/.ollama/models" } }), context)).toEqual([]);
  });

  test("not applicable: a task that runs no image (a raw_exec command) with a writable volume", () => {
    // The typed model knows only docker tasks; a job written by hand can hold any driver.
    const rawExec = { Driver: "raw_exec", Config: { command: "/usr/local/bin/app" } } as unknown as Partial<Task>;
    expect(nomadImageDataPaths.check(resource(rawExec), context)).toBe("not-applicable");
  });

  test("not applicable: a task without a config at all (a hand-written jobspec) runs no image to judge", () => {
    const noConfig = { Driver: "exec", Config: undefined } as unknown as Partial<Task>;
    expect(nomadImageDataPaths.check(resource(noConfig), context)).toBe("not-applicable");
  });

  test("compliant: one writable mount at the data path is enough; another volume beside it is not judged", () => {
    const beside = resource({ VolumeMounts: [{ Volume: "data", Destination: "/models" }, { Volume: "data", Destination: "/root/.ollama" }] });
    expect(nomadImageDataPaths.check(beside, context)).toEqual([]);
  });

  test("not applicable: read-only mounts, images the table does not know, other resources", () => {
    expect(nomadImageDataPaths.check(resource({}, true), context)).toBe("not-applicable");
    expect(nomadImageDataPaths.check(resource({ Config: { image: "docker.io/library/busybox:1.37" } }), context)).toBe("not-applicable");
    expect(nomadImageDataPaths.check({ type: "nomad_csi_volume", path: "s/V", stackId: "s", attributes: {} }, context)).toBe("not-applicable");
  });
});

