using System.Text;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>
/// A master tunnel that answers from memory. Hand-written because <see cref="IMasterTunnel"/> is internal and the
/// module does not expose its internals to NSubstitute's proxy assembly.
/// </summary>
internal sealed class CloudflaredFakeMasterTunnel(string name, string token) : IMasterTunnel
{
    /// <summary>The id of the fake tunnel.</summary>
    public const string TunnelId = "6f1e3c1a-0000-4000-8000-000000000001";

    public string Name { get; set; } = name;

    public string Token { get; set; } = token;

    public ReconcileException? Failure { get; set; }

    public int EnsureCalls { get; private set; }

    public Task<KnownTunnel> EnsureAsync(CancellationToken cancellationToken)
    {
        EnsureCalls++;
        return Failure is { } failure
            ? Task.FromException<KnownTunnel>(failure)
            : Task.FromResult(new KnownTunnel(Name, TunnelId, LocalHost.Name));
    }

    /// <summary>A token in cloudflared's format (base64 of <c>{"a","t","s"}</c>) for <paramref name="tunnelId"/>.</summary>
    public static string TokenFor(string tunnelId, string secret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"a\":\"account\",\"t\":\"{tunnelId}\",\"s\":\"{secret}\"}}"));

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        Failure is { } failure ? Task.FromException<string>(failure) : Task.FromResult(Token);
}
