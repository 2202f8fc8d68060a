/**
 * The program the uptime monitor sync runs (Python, against Uptime Kuma's socket API through
 * the uptime-kuma-api package): it lists the cluster's ingresses and Services and makes
 * Uptime Kuma's "[External] <host>" and "[Internal] <namespace>/<service>" monitors match
 * what the code marked, creating, repointing and deleting only monitors with those prefixes.
 * Kept as text here so the job and the integration test run the very same program.
 */

/** The Python package and version the job installs (the seed's client of Uptime Kuma's socket API). */
export const UPTIME_KUMA_API_PACKAGE = "uptime-kuma-api==1.2.1";

export const UPTIME_MONITOR_SYNC_PY = String.raw`
import json, os, ssl, sys, urllib.request

EXTERNAL_ANNOTATION = os.environ["EXTERNAL_ANNOTATION"]
INTERNAL_ANNOTATION = os.environ["INTERNAL_ANNOTATION"]
PATH_ANNOTATION = os.environ["PATH_ANNOTATION"]
EXTERNAL, INTERNAL = "[External] ", "[Internal] "
SA = "/var/run/secrets/kubernetes.io/serviceaccount"
API = os.environ.get("KUBE_API") or "https://%s:%s" % (os.environ["KUBERNETES_SERVICE_HOST"], os.environ["KUBERNETES_SERVICE_PORT"])


def kube_list(path):
    headers = {}
    context = None
    if API.startswith("https://"):
        with open(SA + "/token") as f:
            headers["Authorization"] = "Bearer " + f.read().strip()
        context = ssl.create_default_context(cafile=SA + "/ca.crt")
    request = urllib.request.Request(API + path, headers=headers)
    with urllib.request.urlopen(request, context=context, timeout=30) as response:
        return json.load(response)["items"]


def annotations(item):
    return (item.get("metadata") or {}).get("annotations") or {}


def desired_monitors():
    """What the code marked, by monitor name: external checks of published hosts, internal ones of Services."""
    wanted = {}
    for ingress in kube_list("/apis/networking.k8s.io/v1/ingresses"):
        if annotations(ingress).get(EXTERNAL_ANNOTATION) != "true":
            continue
        for rule in (ingress.get("spec") or {}).get("rules") or []:
            host = rule.get("host")
            if host:
                wanted[EXTERNAL + host] = {"type": "http", "url": "https://%s/" % host}
    for service in kube_list("/api/v1/services"):
        marks = annotations(service)
        if marks.get(INTERNAL_ANNOTATION) != "internal":
            continue
        meta = service["metadata"]
        host = "%s.%s.svc.cluster.local" % (meta["name"], meta["namespace"])
        port = service["spec"]["ports"][0]["port"]
        name = "%s%s/%s" % (INTERNAL, meta["namespace"], meta["name"])
        if PATH_ANNOTATION in marks:
            wanted[name] = {"type": "http", "url": "http://%s:%d%s" % (host, port, marks[PATH_ANNOTATION])}
        else:
            wanted[name] = {"type": "port", "hostname": host, "port": port}
    return wanted


def main():
    wanted = desired_monitors()
    from uptime_kuma_api import MonitorType, UptimeKumaApi

    api = UptimeKumaApi(os.environ["UPTIME_KUMA_URL"], timeout=120)
    api.login(os.environ["UPTIME_KUMA_USERNAME"], os.environ["UPTIME_KUMA_PASSWORD"])
    ours = {m["name"]: m for m in api.get_monitors() if m["name"].startswith((EXTERNAL, INTERNAL))}
    if not wanted and ours:
        sys.exit("refusing to delete all %d synced monitors: the cluster listed nothing marked, which is more likely a broken listing" % len(ours))
    created = updated = deleted = 0
    for name, spec in sorted(wanted.items()):
        fields = dict(spec, type=MonitorType.HTTP if spec["type"] == "http" else MonitorType.PORT)
        current = ours.get(name)
        if current is None:
            api.add_monitor(name=name, interval=300, maxretries=3, accepted_statuscodes=["200-299", "300-399", "400-499"], **fields)
            created += 1
        elif any(current.get(k) != v for k, v in spec.items() if k != "type"):
            api.edit_monitor(current["id"], **fields)
            updated += 1
    for name, current in sorted(ours.items()):
        if name not in wanted:
            api.delete_monitor(current["id"])
            deleted += 1
    api.disconnect()
    print("uptime monitors: %d wanted, %d created, %d repointed, %d deleted" % (len(wanted), created, updated, deleted))


if __name__ == "__main__":
    main()
`;
