namespace DockFlare.Plugins.Abstractions;

/// <summary>One container event as the engine reported it.</summary>
/// <param name="ContainerId">The full container id.</param>
/// <param name="Action">The engine's action word: <c>create</c>, <c>start</c>, <c>die</c>, <c>stop</c>, <c>destroy</c>...</param>
/// <param name="Time">When the engine recorded it (the engine's clock).</param>
/// <param name="TimeNano">The same time in nanoseconds since the Unix epoch; events are ordered by it.</param>
/// <param name="Attributes">The container's labels plus the engine's <c>name</c> and <c>image</c> attributes.</param>
public sealed record ContainerEvent(
    string ContainerId,
    string Action,
    DateTimeOffset Time,
    long TimeNano,
    IReadOnlyDictionary<string, string> Attributes);
