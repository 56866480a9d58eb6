using System.Text.RegularExpressions;
using DockFlare.Hosting.Cloudflared;

namespace DockFlare.Hosting.Tests.Cloudflared;

/// <summary>Agent container names and the second slot used during a replacement.</summary>
public sealed partial class CloudflaredAgentNameTests
{
    private static readonly string[] FoldingIds = ["agent-a", "Agent-A", "agent a", "agent_a"];

    [Fact]
    public void ForAgent_UuidAgentId_IsReadableAsItIs()
    {
        Assert.Equal("cloudflared-agent-3f2a0c1e-0000-4000-8000-000000000001", CloudflaredContainerName.ForAgent("3f2a0c1e-0000-4000-8000-000000000001"));
    }

    [Theory]
    [InlineData("Agent One")]
    [InlineData("büro/edge")]
    [InlineData("((()))")]
    [InlineData("-x-")]
    public void ForAgent_IdNeedingNormalisation_IsAValidBoundedNameWithAHash(string agentId)
    {
        var name = CloudflaredContainerName.ForAgent(agentId);

        Assert.Matches(DockerName(), name);
        Assert.Matches("-[0-9a-f]{8}$", name);
        Assert.InRange(name.Length, 1, CloudflaredContainerName.MaxLength);
    }

    [Fact]
    public void ForAgent_VeryLongId_IsBounded()
    {
        Assert.InRange(CloudflaredContainerName.ForAgent(new string('a', 300)).Length, 1, CloudflaredContainerName.MaxLength);
    }

    [Fact]
    public void ForAgent_IdsThatFoldTogether_GetDistinctNames()
    {
        var names = FoldingIds.Select(CloudflaredContainerName.ForAgent).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Alternate_IsTheNameWithASuffixAndValid()
    {
        var name = CloudflaredContainerName.For("Home Lab (main)");

        Assert.Equal(name + "-b", CloudflaredContainerName.Alternate(name));
        Assert.Matches(DockerName(), CloudflaredContainerName.Alternate(name));
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex DockerName();
}
