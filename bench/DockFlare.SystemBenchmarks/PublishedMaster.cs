using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// The published master (<c>DockFlare.Host</c> of a <c>dotnet publish</c> folder) as a child process on a free loopback
/// port, so its resident memory is its own and not shared with the load generator.
/// </summary>
internal sealed class PublishedMaster : IDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private PublishedMaster(Process process, Uri baseAddress, string dataDir)
    {
        _process = process;
        _dataDir = dataDir;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public static PublishedMaster Start(string folder, IReadOnlyDictionary<string, string> settings)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var dataDir = Directory.CreateTempSubdirectory("dockflare-bench-master-").FullName;
        var start = new ProcessStartInfo(Path.Combine(folder, "DockFlare.Host"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["DATA_DIR"] = dataDir;
        start.Environment["DOCKFLARE_API_KEY"] = BenchMaster.AdminKey;
        start.Environment["LOG_LEVEL"] = "WARNING";
        start.Environment["DOCKER_HOST"] = "unix://" + Path.Combine(dataDir, "no-engine.sock");
        start.Environment["DOCKER_SOURCE_ENABLED"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        // Drain its output so it never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PublishedMaster(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), dataDir);
    }

    public async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the master exited with {_process.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the master did not answer /healthz within 120 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the machine to clean.
        }
    }
}
