namespace DockFlare.IntegrationTests;

/// <summary>A service resolved from a plugin's services, with the provider and plugin folder it lives on.</summary>
internal sealed class LoadedService<T>(ServiceProvider provider, IDisposable folders) : IAsyncDisposable
    where T : notnull
{
    public ServiceProvider Provider { get; } = provider;

    public T Value => Provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        folders.Dispose();
    }
}
