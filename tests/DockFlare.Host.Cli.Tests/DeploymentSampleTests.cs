using YamlDotNet.RepresentationModel;

namespace DockFlare.Host.Cli.Tests;

/// <summary>
/// The images and deployment samples cannot be built here (no registry): these checks hold them to what their comments
/// and docs promise — non-root images with a health check, Redis that never evicts, a socket proxy that opens only the
/// documented sections, and hardened DockFlare services.
/// </summary>
public sealed class DeploymentSampleTests
{
    private static readonly string[] ProxyPermissions = ["CONTAINERS", "EVENTS", "IMAGES", "NETWORKS", "PING", "POST", "VERSION"];

    public static TheoryData<string> Deployments() => new(Directory.GetFiles(Path.Combine(RepoPaths.ComposeSamples, "deploy"), "*.yml").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [InlineData("host/Dockerfile", "/app/DockFlare.Host")]
    [InlineData("agent/Dockerfile", "/app/DockFlare.Agent")]
    public void Dockerfile_RunsAsNonRootWithAHealthCheckOfItsOwnBinary(string path, string binary)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, path)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Contains("ARG DOCKFLARE_UID=65532", lines);
        Assert.Contains("USER ${DOCKFLARE_UID}:${DOCKFLARE_GID}", lines);
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains($"[\"{binary}\", \"health\"]", StringComparison.Ordinal));
        Assert.Contains($"ENTRYPOINT [\"{binary}\"]", lines);
        // The last stage is a runtime image, not the SDK.
        Assert.DoesNotContain("sdk", lines.Last(l => l.StartsWith("FROM ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Deployment_SocketProxyOpensOnlyTheDocumentedSections_OnAnInternalNetwork(string name)
    {
        var compose = Load(name);
        var proxy = Service(compose, "docker-socket-proxy");

        var opened = ((YamlMappingNode)proxy["environment"]).Children.Select(c => ((YamlScalarNode)c.Key).Value!).Order(StringComparer.Ordinal);
        Assert.Equal(ProxyPermissions, opened);
        Assert.Equal("/var/run/docker.sock:/var/run/docker.sock:ro", Scalars(proxy, "volumes").Single());
        Assert.False(((YamlMappingNode)proxy).Children.ContainsKey("ports"), "the proxy must not publish a port");
        var network = Scalars(proxy, "networks").Single();
        Assert.Equal("true", Network(compose, network)["internal"].ToString());
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Deployment_DockFlareServiceIsReadOnlyWithoutCapabilities_AndKeepsItsData(string name)
    {
        var compose = Load(name);
        var services = (YamlMappingNode)compose["services"];
        var dockflare = services.Children.Single(s => ((YamlScalarNode)s.Key).Value!.StartsWith("dockflare", StringComparison.Ordinal)).Value;

        Assert.Equal("true", dockflare["read_only"].ToString());
        Assert.Equal(["ALL"], Scalars(dockflare, "cap_drop"));
        Assert.Equal(["no-new-privileges:true"], Scalars(dockflare, "security_opt"));
        Assert.Contains(Scalars(dockflare, "volumes"), v => v.EndsWith(":/app/data", StringComparison.Ordinal));
        Assert.Contains("tcp://docker-socket-proxy:2375", ((YamlMappingNode)dockflare["environment"])["DOCKER_HOST"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MasterDeployment_RedisPersistsAndNeverEvicts_AndIsOnlyOnTheInternalNetwork()
    {
        var compose = Load("master.yml");
        var redis = Service(compose, "redis");

        var command = Scalars(redis, "command");
        Assert.Equal("yes", command[command.IndexOf("--appendonly") + 1]);
        Assert.Equal("noeviction", command[command.IndexOf("--maxmemory-policy") + 1]);
        Assert.False(((YamlMappingNode)redis).Children.ContainsKey("ports"), "Redis must not publish a port");
        Assert.All(Scalars(redis, "networks"), n => Assert.Equal("true", Network(compose, n)["internal"].ToString()));
        Assert.Equal("redis://redis:6379/0", ((YamlMappingNode)Service(compose, "dockflare")["environment"])["REDIS_URL"].ToString());
    }

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.ComposeSamples, "deploy", name));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Service(YamlMappingNode compose, string name) => ((YamlMappingNode)compose["services"])[name];

    private static YamlMappingNode Network(YamlMappingNode compose, string name) => (YamlMappingNode)((YamlMappingNode)compose["networks"])[name];

    private static List<string> Scalars(YamlNode node, string key) =>
        [.. ((YamlSequenceNode)((YamlMappingNode)node)[key]).Children.Select(c => ((YamlScalarNode)c).Value!)];
}
