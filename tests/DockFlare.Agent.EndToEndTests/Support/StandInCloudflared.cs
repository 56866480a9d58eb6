using System.Formats.Tar;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Testing;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>
/// A stand-in cloudflared image, made from the test busybox image by committing a container whose entrypoint records
/// the arguments it was started with (one per line) and its environment in files, then idles until stopped. The agent
/// runs it exactly as it runs cloudflared (same command, same <c>TUNNEL_TOKEN</c>), so the test can see what the process
/// really got.
/// </summary>
internal static class StandInCloudflared
{
    public const string ArgumentsFile = "/tmp/cloudflared.args";
    public const string EnvironmentFile = "/tmp/cloudflared.env";

    // $0 is "cloudflared"; the container's command (tunnel --no-autoupdate run) arrives as "$@". As PID 1 it needs its own
    // TERM handler, or each stop would wait out the grace period.
    private const string Script =
        "for a in \"$@\"; do echo \"$a\"; done > " + ArgumentsFile + "; env > " + EnvironmentFile
        + "; trap 'exit 0' TERM; sleep 3600 & wait";

    /// <summary>Builds the image as <paramref name="reference"/> (repository:tag) on the test engine.</summary>
    public static async Task BuildAsync(DockerClient docker, string reference)
    {
        var (repository, tag) = (reference[..reference.LastIndexOf(':')], reference[(reference.LastIndexOf(':') + 1)..]);
        var template = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = "standin-template-" + tag,
            Image = TestInfrastructure.Image,
            Entrypoint = ["sh", "-c", Script, "cloudflared"],
            Cmd = [],
        });
        try
        {
            await docker.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = template.ID,
                RepositoryName = repository,
                Tag = tag,
                Comment = "DockFlare end-to-end test: stand-in cloudflared",
            });
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(template.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    /// <summary>The lines of a file the stand-in wrote, or null while it is not written yet.</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(DockerClient docker, string containerId, string path)
    {
        GetArchiveFromContainerResponse archive;
        try
        {
            archive = await docker.Containers.GetArchiveFromContainerAsync(containerId, new GetArchiveFromContainerParameters { Path = path }, statOnly: false);
        }
        catch (DockerContainerNotFoundException)
        {
            return null; // the file is not there yet (the API answers 404 for a missing path too)
        }

        await using var stream = archive.Stream;
        using var reader = new TarReader(stream);
        var entry = await reader.GetNextEntryAsync();
        if (entry?.DataStream is null)
        {
            return null;
        }

        using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
        var content = await text.ReadToEndAsync();
        return content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
