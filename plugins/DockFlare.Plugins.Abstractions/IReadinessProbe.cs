namespace DockFlare.Plugins.Abstractions;

/// <summary>
/// A dependency a provider needs (an engine socket, an API) that the host reports in <c>/readyz</c>.
/// </summary>
public interface IReadinessProbe
{
    /// <summary>The name shown in <c>/readyz</c>, such as <c>docker</c> or <c>cloudflare</c>.</summary>
    string Name { get; }

    /// <summary>Checks the dependency. Must not throw for an unreachable dependency: report it.</summary>
    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}
