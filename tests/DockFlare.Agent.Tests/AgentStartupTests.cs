using System.Diagnostics;
using DockFlare.Agent.Composition;
using DockFlare.Agent.Tests.Support;
using DockFlare.Testing;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Agent.Tests;

public sealed class AgentStartupTests
{
    [Fact]
    public void Build_NothingSet_ReturnsProblemsNamingEachSetting()
    {
        var build = AgentHostBuilder.Build(new ConfigurationBuilder().Build(), new AgentHostOptions { LoadDockerProvider = false });

        Assert.Null(build.Host);
        Assert.Contains(build.Problems, p => p.StartsWith("DOCKFLARE_MASTER_URL is required", StringComparison.Ordinal));
        Assert.Contains(build.Problems, p => p.StartsWith("DOCKFLARE_API_KEY is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DataDirectoryNotWritable_NamesDataDir()
    {
        using var temp = new TempDirectory();
        var blocker = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(blocker, "");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DOCKFLARE_MASTER_URL"] = "https://master.example.com",
            ["DOCKFLARE_API_KEY"] = TestAgent.Key,
            ["DATA_DIR"] = Path.Combine(blocker, "data"),
        }).Build();

        var build = AgentHostBuilder.Build(configuration, new AgentHostOptions { LoadDockerProvider = false });

        var problem = Assert.Single(build.Problems);
        Assert.StartsWith($"DATA_DIR '{Path.Combine(blocker, "data")}' cannot be written", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_MalformedSettings_ExitsWithCode2NamingThemAndNeverTheKey()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var agent = RepositoryPaths.Combine("agent", "DockFlare.Agent", "bin", configuration, tfm, "DockFlare.Agent.dll");
        var start = new ProcessStartInfo("dotnet", [agent]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOCKFLARE_", StringComparison.Ordinal) || k is "DOCKER_HOST" or "DATA_DIR").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOCKFLARE_MASTER_URL"] = "master.example.com";
        start.Environment["DOCKFLARE_API_KEY"] = TestAgent.Key;
        start.Environment["HEALTH_CHECK_PORT"] = "99999";

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("DOCKFLARE_MASTER_URL 'master.example.com' is not an absolute http(s) URL.", error, StringComparison.Ordinal);
        Assert.Contains("HEALTH_CHECK_PORT must be a port", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
    }
}
