using DockFlare.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Testing;

/// <summary>Binds an options class the way the host does, from a dictionary of environment-style settings.</summary>
public static class Settings
{
    public static (T Options, IReadOnlyList<string> Problems) Bind<T>(params (string Key, string Value)[] values)
        where T : class, new()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
        var binder = new SettingsBinder(configuration);
        var options = binder.Bind<T>();
        return (options, binder.Problems);
    }
}
