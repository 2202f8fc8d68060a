import { connectService, groupSidecarProblems } from "../../jobspecs/connect";

test("a Connect service's sidecar gets 256 MiB memory and 512 MiB memory_max by default, in transparent-proxy mode", () => {
  const s = connectService({ name: "web", port: 8080, upstreams: [{ service: "db", localPort: 5432 }] });
  expect(s.Connect?.SidecarTask?.Resources).toEqual({ CPU: 100, MemoryMB: 256, MemoryMaxMB: 512 });
  expect(s.Connect?.SidecarService?.Proxy?.TransparentProxy).toEqual({});
  expect(s.Connect?.SidecarService?.Proxy?.Upstreams).toEqual([{ DestinationName: "db", LocalBindPort: 5432 }]);
  expect(s.PortLabel).toBe("8080");
});

test("more than the floor is allowed", () => {
  expect(connectService({ name: "web", port: 80, sidecarMemoryMiB: 384, sidecarMemoryMaxMiB: 768 }).Connect?.SidecarTask?.Resources).toMatchObject({ MemoryMB: 384, MemoryMaxMB: 768 });
});

test("an HTTP check is exposed through the sidecar", () => {
  expect(connectService({ name: "web", port: 80, httpCheck: { path: "/health" } }).Checks).toEqual([
    expect.objectContaining({ Type: "http", Path: "/health", Expose: true }),
  ]);
});

test("fails if the sidecar is given less than 256 MiB", () => {
  expect(() => connectService({ name: "web", port: 80, sidecarMemoryMiB: 128 })).toThrow(/connect service web: sidecar memory 128 MiB is below 256 MiB/);
});

test("fails if memory_max is below 512 MiB", () => {
  expect(() => connectService({ name: "web", port: 80, sidecarMemoryMaxMiB: 300 })).toThrow(/sidecar memory_max 300 MiB is below 512 MiB/);
});

test("fails if the port is out of range", () => {
  expect(() => connectService({ name: "web", port: 70000 })).toThrow(/port 70000 must be an integer from 1 to 65535/);
});

test("groupSidecarProblems finds a sidecar left at Nomad's default", () => {
  const group = { Name: "g", Tasks: [], Services: [{ Name: "web", Connect: { SidecarService: {} } }] };
  expect(groupSidecarProblems(group)).toEqual([
    "group g service web: sidecar memory unset (Nomad's default 128) MiB is below 256 MiB: Envoy's baseline is 90–130 MB and OOM kills cascade",
    "group g service web: sidecar memory_max unset MiB is below 512 MiB",
  ]);
});
