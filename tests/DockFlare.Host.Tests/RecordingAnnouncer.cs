using System.Collections.Concurrent;
using DockFlare.Modules.Auth;

namespace DockFlare.Host.Tests;

/// <summary>Collects the keys the host would print, instead of writing them to the console.</summary>
internal sealed class RecordingAnnouncer : IApiKeyAnnouncer
{
    private readonly ConcurrentQueue<string> _keys = new();

    public IReadOnlyList<string> Keys => [.. _keys];

    public void Announce(string apiKey) => _keys.Enqueue(apiKey);
}
