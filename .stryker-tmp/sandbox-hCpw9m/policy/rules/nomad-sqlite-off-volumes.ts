// @ts-nocheck
import { ResourceRule } from "../rule";
import { ALLOC_DATA_DIR, groupDatabases, groupMounts, isLitestreamTask, isUnder, nomadJobOf } from "./nomad-support";

/** SQLite never lives on a mounted volume (GlusterFS/NFS locking corrupts it); Litestream databases live under /alloc/data. */
export const nomadSqliteOffVolumes: ResourceRule = {
  id: "HL-NOMAD-3",
  scope: "resource",
  level: "error",
  acknowledgeable: false,
  description: "SQLite databases are never under a volume mount; Litestream databases live under /alloc/data",
  fix: "keep the database on the allocation's ephemeral disk (/alloc/data/...) and replicate it with LitestreamSidecar",
  check(resource) {
    const job = nomadJobOf(resource);
    if (!job) return "not-applicable";
    const perGroup = job.TaskGroups.map((g) => ({ group: g, dbs: groupDatabases(g), mounts: groupMounts(g) }));
    if (!perGroup.some((g) => g.dbs.length)) return "not-applicable";
    return perGroup.flatMap(({ group, dbs, mounts }) =>
      dbs.flatMap((db) => {
        const onVolume = mounts.filter((m) => isUnder(db.path, m.destination));
        if (onVolume.length) {
          return onVolume.map(
            (m) => `group ${group.Name}: SQLite database ${db.path} (${db.source}) is under volume ${m.volume} mounted at ${m.destination} in task ${m.task}; network file locking corrupts SQLite`,
          );
        }
        const fromLitestream = group.Tasks.some(isLitestreamTask) && !db.source.includes(" env ");
        if (fromLitestream && !isUnder(db.path, ALLOC_DATA_DIR)) {
          return [`group ${group.Name}: Litestream database ${db.path} (${db.source}) is not under ${ALLOC_DATA_DIR}, the allocation's ephemeral disk`];
        }
        return [];
      }),
    );
  },
};
