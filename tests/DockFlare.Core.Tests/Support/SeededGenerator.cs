using DockFlare.Core.Engine;

namespace DockFlare.Core.Tests.Support;

/// <summary>
/// Generates route inputs from a seed, so a failing property names the seed that reproduces
/// it. Hostnames and paths come from small pools with many prefix and suffix relations, so
/// that orderings and conflicts are exercised often.
/// </summary>
internal sealed class SeededGenerator(int seed)
{
    private static readonly string[] Hosts =
    [
        "example.com", "a.example.com", "b.a.example.com", "c.b.a.example.com", "app.example.com", "x.example.net",
        "*.example.com", "*.a.example.com", "*.b.a.example.com", "*.example.net", "api.example.co.uk", "*.example.co.uk",
    ];

    private static readonly string[] Paths = ["", "", "", "/a", "/a/b", "/a/b/c", "/ab", "/b", "/a/*", "/ab*", "/a/b/*", "/api", "/api/v1"];

    private static readonly string[] Services = ["http://web:80", "https://web:443", "tcp://db:5432", "http_status:418", "hello_world", "unix:/run/a.sock"];

    private static readonly string[] Junk =
    [
        "dockflare.enabled=true", "dockflare.hostame=x", "dockflare.path=^(?=x)", "dockflare.0.hostname=*", "dockflare.service=web:80",
        "dockflare.hostname=a.example.com:8080", "dockflare.hostname=https://a.example.com", "dockflare.zonename=co.uk",
        "dockflare.access.custom_rules=[{", "dockflare.access.policy=weird", "dockflare.7.service=http://x:1", "dockflare.no_tls_verify=maybe",
        "dockflare.0.path=/x", "dockflare.99999.hostname=a.example.com", "cloudflare.tunnel.hostname=b.example.com", "dockflare.enable=",
    ];

    private readonly Random _random = new(seed);

    public int Seed => seed;

    public List<ContainerInput> Containers(int count, bool withJunk)
    {
        var list = new List<ContainerInput>(count);
        for (var i = 0; i < count; i++)
        {
            var labels = new List<string> { "dockflare.enable=true" };
            var sets = _random.Next(1, 4);
            for (var set = 0; set < sets; set++)
            {
                var prefix = set == 0 && _random.Next(2) == 0 ? "dockflare." : $"dockflare.{set}.";
                labels.Add($"{prefix}hostname={Pick(Hosts)}");
                labels.Add($"{prefix}service={Pick(Services)}");
                var path = Pick(Paths);
                if (path.Length > 0)
                {
                    labels.Add($"{prefix}path={path}");
                }
            }

            if (withJunk && _random.Next(3) == 0)
            {
                labels.Add(Pick(Junk));
            }

            var host = "host" + _random.Next(3);
            var state = _random.Next(6) == 0 ? ContainerState.Stopped : ContainerState.Running;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in labels)
            {
                var eq = label.IndexOf('=', StringComparison.Ordinal);
                map[label[..eq]] = label[(eq + 1)..];
            }

            list.Add(new ContainerInput($"id{i}", $"c{i}", host, map, state)
            {
                ClaimedSince = _random.Next(4) == 0 ? null : DateTimeOffset.UnixEpoch.AddMinutes(_random.Next(50)),
            });
        }

        return list;
    }

    public List<ManualRule> ManualRules(int count)
    {
        var list = new List<ManualRule>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Pick(Paths);
            list.Add(new ManualRule($"m{i}", "host" + _random.Next(3), Pick(Hosts), Pick(Services)) { Path = path.Length == 0 ? null : path });
        }

        return list;
    }

    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private string Pick(string[] pool) => pool[_random.Next(pool.Length)];
}
