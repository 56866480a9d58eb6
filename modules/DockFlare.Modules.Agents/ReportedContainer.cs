namespace DockFlare.Modules.Agents;

/// <summary>One container as an agent reports it.</summary>
/// <param name="Id">The Docker container id.</param>
/// <param name="Name">The container name (without Docker's leading slash).</param>
/// <param name="Labels">Its labels (the agent may send only DockFlare's).</param>
/// <param name="Running">Whether it runs.</param>
public sealed record ReportedContainer(string Id, string Name, IReadOnlyDictionary<string, string> Labels, bool Running);
