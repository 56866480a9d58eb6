namespace DockFlare.Plugins.Abstractions;

/// <summary>A container as the engine reported it at one moment.</summary>
/// <param name="Id">The full container id.</param>
/// <param name="Name">The container name, without Docker's leading slash.</param>
/// <param name="Image">The image reference the container was created from.</param>
/// <param name="State">The engine's state word: <c>running</c>, <c>exited</c>, <c>created</c>...</param>
/// <param name="Labels">All labels of the container.</param>
/// <param name="CreatedAt">When the container was created.</param>
public sealed record ContainerSnapshot(
    string Id,
    string Name,
    string Image,
    string State,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset CreatedAt)
{
    /// <summary>The names of the networks the container is attached to; empty when the provider does not report them.</summary>
    /// <remarks>Added in contract 1.3.</remarks>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>Whether the engine reports the container as running.</summary>
    public bool IsRunning => string.Equals(State, "running", StringComparison.OrdinalIgnoreCase);
}
