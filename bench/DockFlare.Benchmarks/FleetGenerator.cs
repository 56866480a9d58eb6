using System.Globalization;
using DockFlare.Core.Engine;

namespace DockFlare.Benchmarks;

/// <summary>
/// A deterministic fleet shaped like real label use: most containers publish one hostname,
/// some share a hostname with path routes, some use indexed sets, Access groups, origin
/// options, wildcards and the legacy prefix, and a few carry mistakes.
/// </summary>
public static class FleetGenerator
{
    public static readonly string[] Zones =
        ["example.com", "example.net", "example.org", "dev.example.com", "example.co.uk", "corp.example.com", "lab.example.net", "example.io"];

    public static EngineInput Create(int containers, int hosts, int seed = 42)
    {
        var random = new Random(seed);
        var list = new List<ContainerInput>(containers);
        for (var i = 0; i < containers; i++)
        {
            var host = "host-" + (i % hosts).ToString("D3", CultureInfo.InvariantCulture);
            var zone = Zones[random.Next(Zones.Length)];
            var name = "svc-" + i.ToString(CultureInfo.InvariantCulture);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["com.docker.compose.project"] = "stack-" + (i % 37).ToString(CultureInfo.InvariantCulture),
                ["com.docker.compose.service"] = name,
                ["dockflare.enable"] = "true",
            };
            switch (random.Next(10))
            {
                case <= 4: // one hostname
                    labels["dockflare.hostname"] = $"{name}.{zone}";
                    labels["dockflare.service"] = $"http://{name}:8080";
                    break;
                case 5: // path route on a hostname shared within the host
                    labels["dockflare.hostname"] = $"api-{host}.{zone}";
                    labels["dockflare.path"] = "/v1/" + name;
                    labels["dockflare.service"] = $"http://{name}:8080";
                    labels["dockflare.access.group"] = "team-" + (i % 5).ToString(CultureInfo.InvariantCulture);
                    break;
                case 6: // indexed sets with fallback
                    labels["dockflare.service"] = $"https://{name}:8443";
                    labels["dockflare.no_tls_verify"] = "true";
                    labels["dockflare.0.hostname"] = $"{name}.{zone}";
                    labels["dockflare.1.hostname"] = $"{name}-admin.{zone}";
                    labels["dockflare.1.path"] = "/admin";
                    labels["dockflare.1.access.policy"] = "authenticate";
                    labels["dockflare.2.hostname"] = $"{name}-grpc.{zone}";
                    labels["dockflare.2.http2_origin"] = "true";
                    break;
                case 7: // legacy prefix and a regular-expression path
                    labels.Remove("dockflare.enable");
                    labels["cloudflare.tunnel.enable"] = "yes";
                    labels["cloudflare.tunnel.hostname"] = $"{name}.{zone}";
                    labels["cloudflare.tunnel.path"] = "^/v[0-9]+/" + name;
                    labels["cloudflare.tunnel.service"] = $"http://{name}:80";
                    break;
                case 8: // non-HTTP
                    labels["dockflare.hostname"] = $"{name}.{zone}";
                    labels["dockflare.service"] = $"tcp://{name}:5432";
                    break;
                default: // mistakes and a wildcard
                    labels["dockflare.hostame"] = $"{name}.{zone}";
                    labels["dockflare.0.hostname"] = random.Next(2) == 0 ? $"*.{host}.{zone}" : $"{name}.{zone}/webhook/*";
                    labels["dockflare.0.service"] = $"http://{name}:80";
                    break;
            }

            list.Add(new ContainerInput("id-" + i.ToString("x8", CultureInfo.InvariantCulture), name, host, labels)
            {
                ClaimedSince = DateTimeOffset.UnixEpoch.AddSeconds(i),
            });
        }

        return new EngineInput(list, [], new EngineSettings { Zones = Zones, DefaultZone = "example.com" });
    }
}
