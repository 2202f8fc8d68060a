import { IMAGE_DATA_PATHS, ImageDataPaths } from "../../jobspecs/image-data-paths";
import { IMAGES, parseImageRef } from "../../jobspecs/images";
import { Task } from "../../jobspecs/model";
import { ResourceRule } from "../rule";
import { nomadJobOf, writableCsiMounts } from "./nomad-support";

/** The data-path entry of the image a task runs, when the table has one. */
function entryOf(task: Task): { name: string; entry: ImageDataPaths } | undefined {
  const image = typeof task.Config?.image === "string" ? parseImageRef(task.Config.image).repository : undefined;
  for (const [key, entry] of Object.entries(IMAGE_DATA_PATHS)) {
    const img = IMAGES[key as keyof typeof IMAGES];
    if (entry && img.repository === image) return { name: img.repository, entry };
  }
  return undefined;
}

/**
 * A task that mounts a writable CSI volume into a catalogued image mounts it where the image
 * keeps its data, and does not move that data elsewhere with an environment variable:
 * otherwise the data already on the volume is not found.
 */
export const nomadImageDataPaths: ResourceRule = {
  id: "HL-NOMAD-11",
  scope: "resource",
  level: "error",
  description: "a task mounts its writable CSI volume where its image keeps its data (jobspecs/image-data-paths.ts) and moves none of it with an environment variable",
  fix: "mount the volume at the image's data path and leave its data-location variables at the image's values; if the data really is elsewhere, acknowledge with where it is",
  check(resource) {
    const job = nomadJobOf(resource);
    if (!job) return "not-applicable";
    const problems: string[] = [];
    let applies = false;
    for (const group of job.TaskGroups ?? []) {
      for (const task of group.Tasks ?? []) {
        const writable = writableCsiMounts(group, task);
        const found = entryOf(task);
        if (!writable.length || !found) continue;
        applies = true;
        const { name, entry } = found;
        const where = `group ${group.Name} task ${task.Name} (${name})`;
        if (!writable.some((m) => entry.paths.includes(m.Destination))) {
          problems.push(
            `${where} mounts its volume at ${writable.map((m) => m.Destination).join(", ")}, but the image keeps its data at ${entry.paths.join(", ")} (${entry.source}): ` +
              `the data already on the volume is not where the app looks, and what it writes there is lost with the container`,
          );
        }
        for (const [variable, expected] of Object.entries(entry.env ?? {})) {
          const value = task.Env?.[variable];
          if (value !== undefined && value !== expected) {
            problems.push(`${where} sets ${variable}=${value}, but the image keeps that data at ${expected} (${entry.source}): the data already there is not found`);
          }
        }
      }
    }
    return applies ? problems : "not-applicable";
  },
};
