namespace DockFlare.Modules.Agents;

/// <summary>
/// Raw JSON documents of the agent registry by collection and id, with compare-and-set so that
/// several master replicas never lose each other's writes. Redis under <c>dockflare:agents:</c>
/// when Redis is configured, the state store's settings otherwise.
/// </summary>
internal interface IAgentStore
{
    Task<string?> GetAsync(string collection, string id);

    Task<IReadOnlyList<string>> ListAsync(string collection);

    /// <summary>Writes <paramref name="json"/> if the stored document still is <paramref name="expected"/> (null: absent).</summary>
    Task<bool> TrySetAsync(string collection, string id, string json, string? expected);

    Task DeleteAsync(string collection, string id);
}
