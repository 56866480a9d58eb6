using System.Collections.Concurrent;
using DockFlare.Core.State;
using NSubstitute;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>An <see cref="IStateStore"/> whose settings live in a dictionary (all the embedded command store uses).</summary>
internal static class AgentCommandSettingsStore
{
    public static (IStateStore Store, ConcurrentDictionary<string, SettingEntry> Settings) Create()
    {
        var settings = new ConcurrentDictionary<string, SettingEntry>(StringComparer.Ordinal);
        var store = Substitute.For<IStateStore>();
        store.GetSettingAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(settings.GetValueOrDefault(call.Arg<string>())));
        store.SetSettingAsync(Arg.Any<SettingEntry>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var entry = call.Arg<SettingEntry>();
                settings[entry.Key] = entry;
                return Task.CompletedTask;
            });
        store.ListSettingsAsync(Arg.Any<CancellationToken>())
            .Returns(_ => Task.FromResult<IReadOnlyList<SettingEntry>>(settings.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToList()));
        return (store, settings);
    }
}
