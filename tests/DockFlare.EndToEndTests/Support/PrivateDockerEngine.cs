using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace DockFlare.EndToEndTests.Support;

/// <summary>
/// A dockerd of the scenario's own, standing in for one Docker host: its own data root, exec root, socket and pid file,
/// no bridge and no iptables (as scripts/services.sh starts the suite's engine). Needs root.
/// </summary>
internal sealed class PrivateDockerEngine : IAsyncDisposable
{
    public const string TestImage = "dockflare-test:latest";

    // Idles until stopped (as PID 1 it needs its own TERM handler, or each stop would wait out the stop timeout).
    private static readonly string[] Idle = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"];

    private readonly ChildProcess _dockerd;

    private PrivateDockerEngine(string name, string folder, ChildProcess dockerd)
    {
        Name = name;
        _dockerd = dockerd;
        Endpoint = "unix://" + Path.Combine(folder, "docker.sock");
        Client = new DockerClientConfiguration(new Uri(Endpoint)).CreateClient();
    }

    public string Name { get; }

    /// <summary>The engine's socket as <c>DOCKER_HOST</c> takes it (<c>unix://…</c>).</summary>
    public string Endpoint { get; }

    public DockerClient Client { get; }

    public static async Task<PrivateDockerEngine> StartAsync(string name, string folder)
    {
        Directory.CreateDirectory(folder);
        var dockerd = ChildProcess.Start("dockerd-" + name, "dockerd",
            [
                "--data-root", Path.Combine(folder, "root"), "--exec-root", Path.Combine(folder, "exec"),
                "--pidfile", Path.Combine(folder, "docker.pid"), "-H", "unix://" + Path.Combine(folder, "docker.sock"),
                "--bridge=none", "--iptables=false", "--ip6tables=false",
                // Networks from a private range of /24s: Docker's default pools hold only about 30 networks per machine.
                "--default-address-pool", "base=10.213.0.0/16,size=24",
            ],
            new Dictionary<string, string>(),
            Path.Combine(folder, "dockerd.log"));
        var engine = new PrivateDockerEngine(name, folder, dockerd);
        try
        {
            await Eventually.TrueAsync(engine.AnswersAsync, $"dockerd {name} to answer on {engine.Endpoint}");
            await engine.ImportTestImageAsync();
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates and starts a container of the test image with these labels; returns its id.</summary>
    public async Task<string> RunAsync(string name, IReadOnlyDictionary<string, string> labels)
    {
        var created = await Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = TestImage,
            Cmd = Idle,
            Labels = labels.ToDictionary(),
        });
        await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    public Task RemoveAsync(string name) =>
        Client.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = true });

    /// <summary>The containers labelled <c>managed-by=dockflare</c> (an agent's cloudflared), running or not.</summary>
    public async Task<IReadOnlyList<ContainerListResponse>> CloudflaredAsync() =>
        [.. await Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["managed-by=dockflare"] = true } },
        })];

    /// <summary>
    /// A stand-in cloudflared: the test image committed with an entrypoint that records its arguments and environment in
    /// <see cref="StandInArguments"/> and <see cref="StandInEnvironment"/>, then idles. The agent runs it exactly as it runs
    /// cloudflared (same command, same <c>TUNNEL_TOKEN</c>), so the test sees what the process really got.
    /// </summary>
    public async Task BuildStandInCloudflaredAsync(string reference)
    {
        const string script = "for a in \"$@\"; do echo \"$a\"; done > " + StandInArguments + "; env > " + StandInEnvironment
                              + "; trap 'exit 0' TERM; sleep 3600 & wait";
        var template = await Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = TestImage,
            Entrypoint = ["sh", "-c", script, "cloudflared"],
            Cmd = [],
        });
        try
        {
            var colon = reference.LastIndexOf(':');
            await Client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = template.ID,
                RepositoryName = reference[..colon],
                Tag = reference[(colon + 1)..],
                Comment = "DockFlare end-to-end test: stand-in cloudflared",
            });
        }
        finally
        {
            await Client.Containers.RemoveContainerAsync(template.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    public const string StandInArguments = "/tmp/cloudflared.args";

    public const string StandInEnvironment = "/tmp/cloudflared.env";

    /// <summary>The lines of a file in a container, or null while it is not there.</summary>
    public async Task<IReadOnlyList<string>?> ReadFileAsync(string containerId, string path)
    {
        GetArchiveFromContainerResponse archive;
        try
        {
            archive = await Client.Containers.GetArchiveFromContainerAsync(containerId, new GetArchiveFromContainerParameters { Path = path }, statOnly: false);
        }
        catch (DockerContainerNotFoundException)
        {
            return null; // the API answers 404 for a missing path too
        }

        await using var stream = archive.Stream;
        using var reader = new TarReader(stream);
        var entry = await reader.GetNextEntryAsync();
        if (entry?.DataStream is null)
        {
            return null;
        }

        using var text = new StreamReader(entry.DataStream);
        return (await text.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_dockerd.HasExited)
            {
                // Remove what was left (the agents' cloudflared too), then stop the engine; it unmounts its layers on the way out.
                foreach (var container in await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true }))
                {
                    await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
                }

                // A stopped engine leaves the bridges of its networks on the machine, each holding an address range: engines
                // started later (this run's or the next one's) would run out of ranges for their networks.
                await Client.Networks.PruneNetworksAsync(new NetworksDeleteUnusedParameters());
            }
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException)
        {
            // Best effort: the engine is stopped below either way.
        }
        finally
        {
            Client.Dispose();
            await _dockerd.DisposeAsync();
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            await Client.System.PingAsync();
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or DockerApiException or TimeoutException)
        {
            return false;
        }
    }

    // The static busybox of the machine (scripts/install-test-deps.sh installs busybox-static) as the only file of an image,
    // with the applets the scenario uses, as scripts/services.sh services_import_image does.
    private async Task ImportTestImageAsync()
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "bin/"));
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit });
            await writer.WriteEntryAsync("/bin/busybox", "bin/busybox");
            foreach (var applet in new[] { "sh", "sleep", "cat", "echo", "env", "ls" })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" });
            }
        }

        tar.Position = 0;
        var colon = TestImage.LastIndexOf(':');
        await Client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = TestImage[..colon], Tag = TestImage[(colon + 1)..] },
            tar,
            null,
            new Progress<JSONMessage>());
    }
}
