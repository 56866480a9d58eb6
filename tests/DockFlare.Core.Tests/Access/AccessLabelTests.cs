using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Access;

public sealed class AccessLabelTests
{
    private static readonly string[] Base = ["dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"];

    [Fact]
    public void Compute_NoAccessLabels_IntentIsNone()
    {
        var state = Build.Run(Build.Container("web", Base));

        var intent = Assert.Single(state.Access);
        Assert.Equal(AccessMode.None, intent.Mode);
        Assert.Equal("app.example.com", intent.Domain);
    }

    [Fact]
    public void Compute_AccessGroup_GivesGroupsIntent()
    {
        var state = Run("dockflare.access.group=team");

        var intent = Assert.Single(state.Access);
        Assert.Equal(AccessMode.Groups, intent.Mode);
        Assert.Equal(["team"], intent.Groups);
    }

    [Fact]
    public void Compute_AccessGroups_WinOverAccessGroup_AndBypassIsRewritten()
    {
        var state = Run("dockflare.access.group=ignored", "dockflare.access.groups= team , bypass ,team");

        Assert.Equal(["team", AccessLabelParser.BypassGroup], Assert.Single(state.Access).Groups);
    }

    [Fact]
    public void Compute_GroupWithOtherAccessLabels_WarnsTheyAreIgnored()
    {
        var state = Run("dockflare.access.group=team", "dockflare.access.session_duration=1h");

        Assert.Equal(AccessMode.Groups, Assert.Single(state.Access).Mode);
        Assert.Contains("dockflare.access.session_duration", state.Single(DiagnosticCodes.AccessIgnored).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bypass", AccessMode.Groups, AccessLabelParser.BypassGroup)]
    [InlineData("BYPASS", AccessMode.Groups, AccessLabelParser.BypassGroup)]
    [InlineData("authenticate", AccessMode.Groups, AccessLabelParser.AuthenticatedGroup)]
    [InlineData("default_tld", AccessMode.ZoneDefault, null)]
    public void Compute_LegacyPolicy_IsMigrated(string policy, AccessMode mode, string? group)
    {
        var state = Run("dockflare.access.policy=" + policy);

        var intent = Assert.Single(state.Access);
        Assert.Equal(mode, intent.Mode);
        Assert.Equal(group is null ? [] : [group], intent.Groups);
        Assert.Equal(policy.ToLowerInvariant(), intent.LegacyPolicy);
    }

    [Fact]
    public void Compute_UnknownPolicyWithoutCustomRules_BlocksTheRoute()
    {
        var state = Run("dockflare.access.policy=private");

        Assert.Empty(state.Routes);
        Assert.Equal("dockflare.access.policy", state.Single(DiagnosticCodes.AccessInvalid).Label);
    }

    [Fact]
    public void Compute_ValidCustomRules_GiveCustomRulesIntent()
    {
        var state = Run("dockflare.access.policy=custom",
            """dockflare.access.custom_rules=[{"decision":"allow","include":[{"email":{"email":"user@example.com"}}]}]""");

        var intent = Assert.Single(state.Access);
        Assert.Equal(AccessMode.CustomRules, intent.Mode);
        Assert.Contains("user@example.com", intent.CustomRulesJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""[{"email":{"email":"user@example.com"},"action":"allow"}]""")]
    [InlineData("""[{"decision":"permit","include":[{"everyone":{}}]}]""")]
    [InlineData("""[{"decision":"allow","include":[]}]""")]
    [InlineData("""[{"decision":"allow","include":[{"bogus":{}}]}]""")]
    [InlineData("""[{"decision":"allow","include":[{"email":{},"ip":{}}]}]""")]
    [InlineData("""[{"decision":"allow","include":[{"email":{"email":"a@example.com"}}]},{"bogus":1}]""")]
    public void Compute_InvalidCustomRules_BlockTheRoute(string json)
    {
        var state = Run("dockflare.access.policy=custom", "dockflare.access.custom_rules=" + json);

        Assert.Empty(state.Routes);
        Assert.DoesNotContain(state.Ingress.SelectMany(d => d.Rules), r => r.Hostname is not null);
        Assert.Equal(DiagnosticSeverity.Error, state.Single(DiagnosticCodes.AccessInvalid).Severity);
    }

    [Fact]
    public void Compute_AccessSettings_AreRead()
    {
        var state = Run("dockflare.access.policy=authenticate", "dockflare.access.name=My App", "dockflare.access.session_duration=2h45m",
            "dockflare.access.app_launcher_visible=yes", "dockflare.access.allowed_idps=3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "dockflare.access.auto_redirect_to_identity=true");

        var intent = Assert.Single(state.Access);
        Assert.Equal("My App", intent.AppName);
        Assert.Equal("2h45m", intent.SessionDuration);
        Assert.True(intent.AppLauncherVisible);
        Assert.True(intent.AutoRedirectToIdentity);
        Assert.Equal(["3f2504e0-4f89-11d3-9a0c-0305e82c3301"], intent.AllowedIdps);
    }

    [Theory]
    [InlineData("dockflare.access.session_duration=1 day")]
    [InlineData("dockflare.access.allowed_idps=google")]
    [InlineData("dockflare.access.auto_redirect_to_identity=true")]
    [InlineData("dockflare.access.name=two\nlines")]
    public void Compute_InvalidAccessSetting_BlocksTheRoute(string label)
    {
        var state = Run("dockflare.access.policy=authenticate", label);

        Assert.Empty(state.Routes);
        Assert.Single(state.WithCode(DiagnosticCodes.AccessInvalid));
    }

    [Fact]
    public void Compute_AccessSettingsWithoutPolicy_WarnNoAppIsMade()
    {
        var state = Run("dockflare.access.session_duration=1h");

        Assert.Equal(AccessMode.None, Assert.Single(state.Access).Mode);
        Assert.Single(state.WithCode(DiagnosticCodes.AccessIgnored));
    }

    [Fact]
    public void Compute_AccessOnPathRoute_DomainIncludesPath()
    {
        var state = Run("dockflare.path=/admin", "dockflare.access.group=admins");

        Assert.Equal("app.example.com/admin", Assert.Single(state.Access).Domain);
    }

    [Fact]
    public void Compute_AccessOnRegexPath_BlocksTheRoute()
    {
        var state = Run("dockflare.path=^/admin/[0-9]+", "dockflare.access.group=admins");

        Assert.Empty(state.Routes);
        Assert.Contains("regular expression", state.Single(DiagnosticCodes.AccessInvalid).Message, StringComparison.Ordinal);
    }

    private static DesiredState Run(params string[] extra) => Build.Run(Build.Container("web", [.. Base, .. extra]));
}
