using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>
/// A master tunnel that answers from memory. Hand-written because <see cref="IMasterTunnel"/> is internal and the
/// module does not expose its internals to NSubstitute's proxy assembly.
/// </summary>
internal sealed class CloudflaredFakeMasterTunnel(string name, string token) : IMasterTunnel
{
    public string Name { get; set; } = name;

    public string Token { get; set; } = token;

    public ReconcileException? Failure { get; set; }

    public int EnsureCalls { get; private set; }

    public Task<KnownTunnel> EnsureAsync(CancellationToken cancellationToken)
    {
        EnsureCalls++;
        return Failure is { } failure
            ? Task.FromException<KnownTunnel>(failure)
            : Task.FromResult(new KnownTunnel(Name, "6f1e3c1a-0000-4000-8000-000000000001", LocalHost.Name));
    }

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        Failure is { } failure ? Task.FromException<string>(failure) : Task.FromResult(Token);
}
