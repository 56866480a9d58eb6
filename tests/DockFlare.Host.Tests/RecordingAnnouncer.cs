using System.Collections.Concurrent;
using DockFlare.Modules.Auth;

namespace DockFlare.Host.Tests;

/// <summary>Collects the keys and setup codes the host would print, instead of writing them to the console.</summary>
internal sealed class RecordingAnnouncer : IApiKeyAnnouncer
{
    private readonly ConcurrentQueue<string> _keys = new();

    public IReadOnlyList<string> Keys => [.. _keys];

    private readonly ConcurrentQueue<string> _setupCodes = new();

    public IReadOnlyList<string> SetupCodes => [.. _setupCodes];

    public void Announce(string apiKey) => _keys.Enqueue(apiKey);

    public void AnnounceSetupCode(string setupCode) => _setupCodes.Enqueue(setupCode);
}
