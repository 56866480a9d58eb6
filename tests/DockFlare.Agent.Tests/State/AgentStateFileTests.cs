using DockFlare.Agent.State;
using DockFlare.Agent.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DockFlare.Agent.Tests.State;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AgentStateFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestLogs _logs = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private readonly ILoggerFactory _factory;

    public AgentStateFileTests() => _factory = LoggerFactory.Create(b => b.AddProvider(_logs));

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Save_WritesOwnerOnlyFileAtomically_AndLoadReadsItBack()
    {
        var file = NewFile();
        var state = new AgentState
        {
            AgentId = "6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11",
            Tunnel = new TunnelAssignment("tid", "tname", "eyJ0b2tlbiJ9"),
            DesiredState = TunnelDesiredState.Running,
            ImageOverride = "cloudflare/cloudflared:2025.8.0",
            EventSessionId = "s-1",
            EventSequence = 42,
        }.WithCommand(new CommandRecord("c1", "start_tunnel", true, "ok", _clock.GetUtcNow()));

        file.Save(state);
        file.Save(state with { EventSequence = 43 });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        Assert.Equal([AgentStateFile.FileName], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
        var loaded = NewFile().Load();
        Assert.Equal(state.AgentId, loaded.AgentId);
        Assert.Equal(state.Tunnel, loaded.Tunnel);
        Assert.Equal(TunnelDesiredState.Running, loaded.DesiredState);
        Assert.Equal(state.ImageOverride, loaded.ImageOverride);
        Assert.Equal(43, loaded.EventSequence);
        Assert.Equal("ok", loaded.FindCommand("c1")!.Result);
        Assert.Contains("\"desiredState\":\"running\"", File.ReadAllText(file.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Save_ReplacesAFileThatWasWorldReadable_WithAnOwnerOnlyOne()
    {
        var file = NewFile();
        File.WriteAllText(file.Path, "{}");
        File.SetUnixFileMode(file.Path, (UnixFileMode)0b110_100_100);

        file.Save(new AgentState { AgentId = "a" });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"version\": 9}")]
    public void Load_CorruptFile_IsMovedAsideAndReported_AndTheAgentStartsAsNew(string content)
    {
        var file = NewFile();
        File.WriteAllText(file.Path, content);

        var state = file.Load();

        Assert.Null(state.AgentId);
        Assert.False(File.Exists(file.Path));
        var aside = Path.Combine(_dir.Path, AgentStateFile.FileName + ".corrupt-20260102T030405Z");
        Assert.Equal(content, File.ReadAllText(aside));
        Assert.Contains(_logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) && e.Contains(aside, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FileLargerThanAnyStateTheAgentWrites_IsMovedAsideUnread()
    {
        // A 330 MB file used to be read whole (memory went to 2.9 GB) and rewritten on every change.
        var file = NewFile();
        using (var stream = File.Create(file.Path))
        {
            stream.SetLength(AgentStateFile.MaxFileBytes + 1);
        }

        var state = file.Load();

        Assert.Null(state.AgentId);
        Assert.False(File.Exists(file.Path));
        Assert.Contains(_logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) && e.Contains("larger than 4 MiB", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MoreRecentCommandsThanTheRing_KeepsOnlyTheNewest200()
    {
        var file = NewFile();
        var commands = Enumerable.Range(1, 450).Select(i => new CommandRecord($"c{i}", "resync", true, "ok", DateTimeOffset.UnixEpoch)).ToList();
        file.Save(new AgentState { AgentId = "a", RecentCommands = commands }); // as an older or foreign writer could have left it

        var state = file.Load();

        Assert.Equal(AgentState.CommandRingSize, state.RecentCommands.Count);
        Assert.Equal("c251", state.RecentCommands[0].Id);
        Assert.Equal("c450", state.RecentCommands[^1].Id);
    }

    [Fact]
    public void Load_NoFile_ImportsTheOriginalAgentsFiles()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "agent_id.txt"), "6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11\n");
        File.WriteAllText(Path.Combine(_dir.Path, "tunnel_state.json"), """{"token": "eyJh", "id": "tid", "name": "tname", "desired_state": "running"}""");

        var state = NewFile().Load();

        Assert.Equal("6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11", state.AgentId);
        Assert.Equal(new TunnelAssignment("tid", "tname", "eyJh"), state.Tunnel);
        Assert.True(state.WantsTunnelRunning);
        Assert.DoesNotContain("eyJh", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public void WithCommand_KeepsTheLast200Ids()
    {
        var state = new AgentState();
        for (var i = 0; i < 250; i++)
        {
            state = state.WithCommand(new CommandRecord($"c{i}", "resync", true, "ok", _clock.GetUtcNow()));
        }

        Assert.Equal(AgentState.CommandRingSize, state.RecentCommands.Count);
        Assert.Null(state.FindCommand("c49"));
        Assert.NotNull(state.FindCommand("c50"));
        Assert.NotNull(state.FindCommand("c249"));
    }

    [Fact]
    public void TunnelAssignment_ToString_LeavesTheTokenOut()
    {
        Assert.DoesNotContain("secret-token", new TunnelAssignment("tid", "tname", "secret-token").ToString(), StringComparison.Ordinal);
    }

    private AgentStateFile NewFile() => new(_dir.Path, _clock, _factory.CreateLogger<AgentStateFile>());
}
