namespace DockFlare.CloudflareEmulator;

/// <summary>
/// The lifetime of an emulator hosted inside another process (tests, sandbox mode): it does not listen to
/// Ctrl+C or SIGTERM, which belong to the hosting process; the owner stops it by disposing it.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
