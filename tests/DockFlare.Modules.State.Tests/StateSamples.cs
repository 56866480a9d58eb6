using DockFlare.Core.Access;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;
using DockFlare.Core.State;
using CoreRouteSourceKind = DockFlare.Core.Engine.RouteSourceKind;

namespace DockFlare.Modules.State.Tests;

/// <summary>Records with every field set to a value other than its default, so a dropped field shows.</summary>
internal static class StateSamples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static RouteSpec Route(string hostname = "nas.example.com", string path = "^/api(?:/|$)") =>
        new(
            new RouteKey(hostname, path),
            "https://192.0.2.40:443",
            ServiceKind.Https,
            new OriginRequest
            {
                NoTlsVerify = false,
                OriginServerName = "nas.internal.example",
                HttpHostHeader = "nas.internal",
                Http2Origin = true,
                DisableChunkedEncoding = true,
                MatchSniToHost = false,
            },
            "example.com",
            "tunnel-1",
            new RouteSource(CoreRouteSourceKind.Container, "c0ffee", "nas", "host-1", 2),
            new AccessIntent(hostname, "/api", AccessMode.CustomRules)
            {
                Groups = ["admins", "ops"],
                AppName = "NAS",
                SessionDuration = "8h",
                AppLauncherVisible = true,
                AllowedIdps = ["idp-1"],
                AutoRedirectToIdentity = true,
                CustomRulesJson = """[{"decision":"allow","include":[{"everyone":{}}]}]""",
                LegacyPolicy = "authenticate",
            },
            PendingDeletion: true)
        {
            PathAsWritten = "/api",
        };

    public static ManualRule ManualRule(string id = "rule-1") =>
        new(id, "tunnel-1", "nas.example.com", "https://192.0.2.40:443")
        {
            Path = "/admin",
            ZoneName = "example.com",
            OriginOptions = new Dictionary<string, string>
            {
                ["originsrvname"] = "nas.internal.example",
                ["no_tls_verify"] = "false",
            },
            AccessOptions = new Dictionary<string, string> { ["access.group"] = "admins" },
            CreatedAt = Now.AddMinutes(-5),
        };

    public static RouteSet FullSet() => new([Route(), Route("b.example.com", "")], [ManualRule()]);

    public static OwnershipRecord Ownership(OwnedObjectKind kind, string id = "cf-1") =>
        new(kind, id, "account-1", "zone-1", "tunnel-1", "nas.example.com", Now, "container 'nas' on host 'host-1'");

    public static ChangeLogDraft Change(string target = "nas.example.com") =>
        new(Now, "dns.create", target, "container 'nas' on host 'host-1'", """{"content":"old"}""", """{"content":"new"}""");

    public static GraceDeadline Deadline(string owner, int minutes) =>
        new(owner, RouteSourceKey.Agent("agent-7"), Now.AddMinutes(minutes));
}
