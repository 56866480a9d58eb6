using System.Text.RegularExpressions;
using DockFlare.Hosting.Cloudflared;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>B35: container names derived from user-entered tunnel names.</summary>
public sealed partial class CloudflaredContainerNameTests
{
    private static readonly string[] Inputs =
    [
        "Home Lab (main)",
        "büro/edge",
        new string('a', 300),
        "home lab",
        "home_lab",
        "a",
        "((()))",
        "-leading.dash_",
        "日本語トンネル",
        "Home Lab",
    ];

    public static TheoryData<string> B35Names => new(Inputs);

    [Theory]
    [MemberData(nameof(B35Names))]
    public void For_AnyTunnelName_IsAValidBoundedDockerName(string tunnelName)
    {
        var name = CloudflaredContainerName.For(tunnelName);

        Assert.Matches(DockerName(), name);
        Assert.InRange(name.Length, 1, 63);
    }

    [Theory]
    [MemberData(nameof(B35Names))]
    public void For_CalledTwice_ReturnsTheSameName(string tunnelName)
    {
        Assert.Equal(CloudflaredContainerName.For(tunnelName), CloudflaredContainerName.For(tunnelName));
    }

    [Fact]
    public void For_NamesThatFoldTogether_GetDistinctNames()
    {
        var spaced = CloudflaredContainerName.For("home lab");
        var underscored = CloudflaredContainerName.For("home_lab");
        var upper = CloudflaredContainerName.For("Home Lab");

        Assert.Equal(3, new[] { spaced, underscored, upper }.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void For_AllB35Inputs_AreDistinct()
    {
        var names = Inputs.Select(CloudflaredContainerName.For).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void For_ReadableName_KeepsARecognisableSlug()
    {
        Assert.Matches("^cloudflared-home-lab-main-[0-9a-f]{8}$", CloudflaredContainerName.For("Home Lab (main)"));
        Assert.Matches("^cloudflared-buro-edge-[0-9a-f]{8}$", CloudflaredContainerName.For("büro/edge"));
    }

    [Fact]
    public void For_VeryLongName_IsCutTo63AndStillEndsWithTheHash()
    {
        var name = CloudflaredContainerName.For(new string('a', 300));

        Assert.Equal(63, name.Length);
        Assert.Matches("^cloudflared-a+-[0-9a-f]{8}$", name);
        Assert.NotEqual(name, CloudflaredContainerName.For(new string('a', 299)));
    }

    [Fact]
    public void For_NothingUsable_IsPrefixAndHashOnly()
    {
        Assert.Matches("^cloudflared-[0-9a-f]{8}$", CloudflaredContainerName.For("((()))"));
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex DockerName();
}
