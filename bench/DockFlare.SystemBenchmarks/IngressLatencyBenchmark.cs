using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Benchmark 4: a labelled container started on the master's own Docker engine until its ingress is written: the
/// emulator has recorded the master tunnel's configuration <c>PUT</c> that contains the container's hostname (the
/// call cloudflared's configuration comes from). Containers are started one after another through the Docker API,
/// each timed from the moment the start call returned; the next starts once the previous one's ingress is written.
/// The master watches the private dockerd that bench/run.sh starts, with its default debounce (750 ms).
/// </summary>
internal static class IngressLatencyBenchmark
{
    private const string Image = "bench-app:1";
    private const int WarmUp = 5;

    /// <param name="debounceMs"><c>RECONCILE_DEBOUNCE_MS</c>, or null for the master's default (750 ms).</param>
    public static async Task RunAsync(BenchSettings bench, int starts, int? debounceMs)
    {
        var dockerHost = bench.DockerHost ?? throw new InvalidOperationException("BENCH_DOCKER_HOST is not set (bench/run.sh starts a private dockerd and sets it).");
        await bench.FlushRedisAsync();
        // Cloudflare's rate limit is off here: each start costs a few calls (see the figures), and 200 starts in a few
        // minutes would exceed 1,200 per 5 minutes; waiting for the budget is benchmark 3's subject, not this one's.
        await using var cloudflare = await BenchCloudflare.StartAsync(zones: 5, rateLimitRequests: null);
        var settings = cloudflare.MasterSettings(bench);
        settings["CF_API_REQUESTS_PER_WINDOW"] = "1000000";
        settings["DOCKER_HOST"] = dockerHost;
        settings["DOCKER_SOURCE_ENABLED"] = "true";
        if (debounceMs is { } debounce)
        {
            settings["RECONCILE_DEBOUNCE_MS"] = debounce.ToString(CultureInfo.InvariantCulture);
        }

        await using var master = await BenchMaster.StartAsync(settings);
        using var docker = new DockerClientConfiguration(new Uri(dockerHost)).CreateClient();
        var put = "/accounts/" + cloudflare.Emulator.AccountId + "/cfd_tunnel/" + cloudflare.MasterTunnelId + "/configurations";

        var latencies = new List<double>();
        var callsPerStart = new List<int>();
        var byPattern = new Dictionary<string, int>(StringComparer.Ordinal);
        var created = new List<string>();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            for (var i = 0; i < starts + WarmUp; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"lat-{Environment.ProcessId}-{i:D4}");
                var hostname = string.Create(CultureInfo.InvariantCulture, $"{name}.{cloudflare.ZoneNames[i % cloudflare.ZoneNames.Count]}");
                var container = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
                {
                    Name = name,
                    Image = Image,
                    Cmd = ["sleep", "3600"],
                    Labels = SimulatedAgent.Labels(hostname),
                    HostConfig = new HostConfig { NetworkMode = "none" },
                });
                created.Add(container.ID);
                cloudflare.Emulator.ClearRequests();
                await docker.Containers.StartContainerAsync(container.ID, new ContainerStartParameters());
                var startReturned = Stopwatch.GetTimestamp();
                var quoted = "\"" + hostname + "\"";
                while (!cloudflare.Emulator.Requests.Any(r => r.Method == "PUT" && r.Path == put && r.Body is { } body && body.Contains(quoted, StringComparison.Ordinal)))
                {
                    if (Stopwatch.GetElapsedTime(startReturned) > TimeSpan.FromSeconds(60))
                    {
                        throw new TimeoutException($"#4 the ingress of {hostname} was not written within 60 s");
                    }

                    await Task.Delay(2);
                }

                var elapsed = Stopwatch.GetElapsedTime(startReturned).TotalMilliseconds;
                if (i >= WarmUp)
                {
                    latencies.Add(elapsed);
                }

                // Let the rest of that reconcile (the DNS record) land before the next start, and count it.
                await Task.Delay(300);
                if (i >= WarmUp)
                {
                    var calls = cloudflare.Emulator.Requests;
                    callsPerStart.Add(calls.Count);
                    foreach (var (pattern, count) in BenchCloudflare.ByPattern(calls))
                    {
                        byPattern[pattern] = byPattern.GetValueOrDefault(pattern) + count;
                    }
                }
            }
        }
        finally
        {
            foreach (var id in created)
            {
                await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
            }
        }

        Console.WriteLine($"#4 container start returned -> master tunnel configuration PUT with its hostname recorded ({starts} starts one after another, RECONCILE_DEBOUNCE_MS={debounceMs?.ToString(CultureInfo.InvariantCulture) ?? "default"}): {Percentiles.Summary(latencies)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"#4 Cloudflare calls per start (until 300 ms after the PUT): mean {callsPerStart.Average():F1}, min {callsPerStart.Min()}, max {callsPerStart.Max()}; per start by path: ") +
            string.Join(", ", byPattern.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} ×{(double)p.Value / starts:F2}"))));
    }
}
