using DockFlare.Host.Sandbox;

namespace DockFlare.Host.Tests;

public sealed class SandboxArgumentsTests
{
    [Fact]
    public void Strip_BareSwitch_RemovesItAndReportsSandbox()
    {
        var (remaining, sandbox) = SandboxArguments.Strip(["--urls=http://127.0.0.1:0", "--sandbox", "--LOG_LEVEL=DEBUG"]);

        Assert.True(sandbox);
        Assert.Equal(["--urls=http://127.0.0.1:0", "--LOG_LEVEL=DEBUG"], remaining);
    }

    [Fact]
    public void Strip_NoSwitch_KeepsEveryArgument()
    {
        var (remaining, sandbox) = SandboxArguments.Strip(["--DOCKFLARE_SANDBOX=false"]);

        Assert.False(sandbox);
        Assert.Equal(["--DOCKFLARE_SANDBOX=false"], remaining);
    }
}
